package dev.apwire.client;

import dev.apwire.codec.JsonValues;
import dev.apwire.codec.MalformedFrameException;
import dev.apwire.json.JsonObject;
import dev.apwire.json.JsonValue;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link ProgressStore} in one small JSON file, {@code {"last_processed_index":7,"outbox":[2001,2002]}},
 * replaced atomically on every save (a temporary file moved over it), so a crash leaves the old or the new
 * progress, never half of one. A missing file is {@link Progress#NONE}; a file that cannot be parsed is an
 * {@link IOException} from {@link #load()} (the game decides: a lost index would give items again).
 *
 * <p>Thread-safe as far as {@link ProgressStore} needs (one call at a time). Saving the same progress twice
 * writes once.
 */
public final class FileProgressStore implements ProgressStore {

    private static final int MAX_FILE_CHARS = 16 << 20;

    private final Path file;
    private Progress last = Progress.NONE;
    private boolean written;

    /**
     * A store in a file.
     *
     * @param file the file (its directory is created on the first save)
     */
    public FileProgressStore(Path file) {
        this.file = file;
    }

    /** {@return the file} */
    public Path file() {
        return file;
    }

    @Override
    public synchronized Progress load() throws IOException {
        if (!Files.isRegularFile(file)) {
            return Progress.NONE;
        }
        if (Files.size(file) > MAX_FILE_CHARS) {
            throw new IOException(file + " is too big to be a progress file");
        }
        try {
            JsonValue v = JsonValues.parse(Files.readString(file, StandardCharsets.UTF_8));
            int index = v.opt("last_processed_index").orElseThrow(() -> new IOException(file + ": no last_processed_index")).asInt();
            List<Long> outbox = new ArrayList<>();
            for (JsonValue id : v.opt("outbox").map(JsonValue::asList).orElse(List.of())) {
                outbox.add(id.asLong());
            }
            Progress p = new Progress(index, outbox);
            last = p;
            written = true;
            return p;
        } catch (MalformedFrameException | IllegalStateException | IllegalArgumentException e) {
            throw new IOException(file + " is not a progress file: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void save(Progress progress) throws IOException {
        if (written && progress.equals(last)) {
            return;
        }
        List<JsonValue> ids = new ArrayList<>();
        for (long id : progress.outbox()) {
            ids.add(JsonValue.of(id));
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        AtomicFiles.write(file, JsonValues.toJson(JsonObject.of("last_processed_index",
                JsonValue.of(progress.lastProcessedIndex()), "outbox", JsonValue.array(ids))));
        last = progress;
        written = true;
    }
}
