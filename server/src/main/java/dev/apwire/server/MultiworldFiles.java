package dev.apwire.server;

import dev.apwire.codec.CodecLimits;
import dev.apwire.codec.JsonValues;
import dev.apwire.codec.MalformedFrameException;
import dev.apwire.json.JsonArray;
import dev.apwire.json.JsonBool;
import dev.apwire.json.JsonFloat;
import dev.apwire.json.JsonInt;
import dev.apwire.json.JsonObject;
import dev.apwire.json.JsonString;
import dev.apwire.json.JsonValue;
import dev.apwire.protocol.NetworkVersion;
import dev.apwire.server.MultiworldFileException.Kind;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import org.jspecify.annotations.Nullable;

/**
 * Reads a multiworld from a file: the {@code .archipelago} files Archipelago's generator writes, a zip holding
 * one (as the generator's output archive), or apwire's JSON multiworld format for hand-made worlds. The format is
 * detected from the content, never from the file name.
 *
 * <h2>{@code .archipelago} (server-features.md §11)</h2>
 * Byte 0 is the format version (3 today; higher is refused as the reference does: {@code Incompatible
 * multidata.}); the rest is a zlib stream over a pickle of the multidata dict. The pickle is read by a restricted
 * unpickler on the Razorvine pickle library that resolves only the globals the reference's
 * {@code RestrictedUnpickler} allows for multiworlds ({@code builtins.set}, {@code builtins.frozenset},
 * {@code collections.Counter}, {@code NetUtils.NetworkItem}, {@code NetworkSlot}, {@code Hint},
 * {@code ClientStatus}, {@code SlotType}, {@code HintStatus}) into plain values, refuses every other global with
 * {@link MultiworldFileException.Kind#FORBIDDEN}, and never runs or looks up any code. The options classes the
 * reference also allows never occur in a multiworld and are refused too.
 *
 * <h2>Zip</h2>
 * The first entry whose name ends with {@code .archipelago}, as the reference reads a zip.
 *
 * <h2>JSON</h2>
 * A UTF-8 JSON object with {@code "apwire_multiworld": 1} and the multidata keys, described in the server
 * module's {@code MULTIWORLD.md}: slot numbers and ids as decimal keys, named tuples as objects with their field
 * names, tuples as arrays, a data package checksum optional (computed when absent).
 *
 * <h2>What is read</h2>
 * {@code seed_name}, {@code version}, {@code minimum_versions}, {@code slot_info} (players, spectators and
 * item-link groups with their members), {@code connect_names} (checked against {@code slot_info}),
 * {@code locations}, {@code slot_data}, {@code precollected_items}, {@code precollected_hints},
 * {@code er_hint_data}, {@code server_options} (hint cost, location check points, password, release, collect and
 * remaining modes; all of them kept in {@link Multiworld#serverOptions()}), {@code race_mode}, {@code spheres}
 * and {@code datapackage} with its name groups. {@code checks_in_area} and {@code tags} are ignored, as by the
 * reference. A file without the {@code Archipelago} package gets the built-in one, as the reference server has it
 * installed. The room reports {@link #SERVER_VERSION}.
 *
 * <h2>Bounds</h2>
 * Every read is bounded by {@link MultiworldLimits}: the file's size, what the zlib stream inflates to (a zip
 * bomb stops at the limit), the number of pickle operations, and nesting. A damaged file gives a
 * {@link MultiworldFileException} of the matching {@link MultiworldFileException.Kind}, never another exception.
 *
 * <pre>{@code
 * Multiworld world = MultiworldFiles.read(Path.of("AP_12345.archipelago"));
 * ArchipelagoRoom<Socket> room = new ArchipelagoRoom<>(world);
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 */
public final class MultiworldFiles {

    /** The version a room serving a loaded multiworld reports ({@code RoomInfo.version}): the reference server
     * version whose behaviour apwire follows. A file whose {@code minimum_versions.server} is higher is refused. */
    public static final NetworkVersion SERVER_VERSION = MultidataMapper.SERVER_VERSION;

    /** The highest {@code .archipelago} format version read (the generator writes 3). */
    public static final int ARCHIPELAGO_FORMAT = 3;

    /** The value of the {@code apwire_multiworld} key of the JSON format this reader reads. */
    public static final int JSON_FORMAT = 1;

    /** The formats a multiworld file may have. */
    public enum Format {
        /** The generator's {@code .archipelago}: a format byte, then zlib over a pickle. */
        ARCHIPELAGO,
        /** A zip archive holding an {@code .archipelago} entry. */
        ZIP,
        /** apwire's JSON multiworld. */
        JSON
    }

    private MultiworldFiles() {
    }

    /**
     * Reads a multiworld file of any supported format within the default limits.
     *
     * @param file the file
     * @return the multiworld
     * @throws MultiworldFileException if the file is not a valid multiworld
     * @throws IOException if the file cannot be read
     */
    public static Multiworld read(Path file) throws IOException {
        return read(file, MultiworldLimits.DEFAULT);
    }

    /**
     * Reads a multiworld file of any supported format.
     *
     * @param file the file
     * @param limits the bounds
     * @return the multiworld
     * @throws MultiworldFileException if the file is not a valid multiworld
     * @throws IOException if the file cannot be read
     */
    public static Multiworld read(Path file, MultiworldLimits limits) throws IOException {
        long size = Files.size(file);
        if (size > limits.maxFileBytes()) {
            throw new MultiworldFileException(Kind.TOO_LARGE, file + " has " + size + " bytes, more than the limit of "
                    + limits.maxFileBytes());
        }
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, limits);
        }
    }

    /**
     * Reads a multiworld from a stream (not closed) within the default limits.
     *
     * @param in the stream
     * @return the multiworld
     * @throws MultiworldFileException if the content is not a valid multiworld
     * @throws IOException if the stream fails
     */
    public static Multiworld read(InputStream in) throws IOException {
        return read(in, MultiworldLimits.DEFAULT);
    }

    /**
     * Reads a multiworld from a stream (not closed), reading at most {@link MultiworldLimits#maxFileBytes()}
     * bytes.
     *
     * @param in the stream
     * @param limits the bounds
     * @return the multiworld
     * @throws MultiworldFileException if the content is not a valid multiworld
     * @throws IOException if the stream fails
     */
    public static Multiworld read(InputStream in, MultiworldLimits limits) throws IOException {
        byte[] content = in.readNBytes((int) limits.maxFileBytes() + 1);
        if (content.length > limits.maxFileBytes()) {
            throw new MultiworldFileException(Kind.TOO_LARGE, "the file has more than " + limits.maxFileBytes() + " bytes");
        }
        return read(content, limits);
    }

    /**
     * Reads a multiworld from its bytes within the default limits.
     *
     * @param content the file's bytes
     * @return the multiworld
     * @throws MultiworldFileException if the content is not a valid multiworld
     */
    public static Multiworld read(byte[] content) throws MultiworldFileException {
        return read(content, MultiworldLimits.DEFAULT);
    }

    /**
     * Reads a multiworld from its bytes.
     *
     * @param content the file's bytes
     * @param limits the bounds
     * @return the multiworld
     * @throws MultiworldFileException if the content is not a valid multiworld
     */
    public static Multiworld read(byte[] content, MultiworldLimits limits) throws MultiworldFileException {
        if (content.length > limits.maxFileBytes()) {
            throw new MultiworldFileException(Kind.TOO_LARGE, "the file has " + content.length
                    + " bytes, more than the limit of " + limits.maxFileBytes());
        }
        return switch (detect(content)) {
            case ARCHIPELAGO -> readArchipelago(content, limits);
            case ZIP -> readArchipelago(zipEntry(content, limits), limits);
            case JSON -> readJson(content, limits);
        };
    }

    /**
     * {@return the format of a file's content}
     *
     * @param content the file's bytes (the first few suffice)
     * @throws MultiworldFileException if it is none of them, or an {@code .archipelago} of a newer format
     */
    public static Format detect(byte[] content) throws MultiworldFileException {
        if (content.length == 0) {
            throw new MultiworldFileException(Kind.UNKNOWN_FORMAT, "the file is empty");
        }
        if (content.length >= 4 && content[0] == 'P' && content[1] == 'K' && content[2] == 3 && content[3] == 4) {
            return Format.ZIP;
        }
        int i = content.length >= 3 && (content[0] & 0xff) == 0xef && (content[1] & 0xff) == 0xbb
                && (content[2] & 0xff) == 0xbf ? 3 : 0;
        while (i < content.length && (content[i] == ' ' || content[i] == '\t' || content[i] == '\n' || content[i] == '\r')) {
            i++;
        }
        if (i < content.length && content[i] == '{') {
            return Format.JSON;
        }
        int version = content[0] & 0xff;
        if (version <= ARCHIPELAGO_FORMAT) {
            return Format.ARCHIPELAGO;
        }
        if (content.length > 2 && (content[1] & 0xff) == 0x78) {
            // A zlib header after the first byte: a generator file of a newer format.
            throw new MultiworldFileException(Kind.UNSUPPORTED_VERSION, "Incompatible multidata. (format version "
                    + version + "; this server reads up to " + ARCHIPELAGO_FORMAT + ")");
        }
        throw new MultiworldFileException(Kind.UNKNOWN_FORMAT, "not a multiworld file: neither an .archipelago file"
                + " (format byte, zlib, pickle), a zip holding one, nor a JSON multiworld");
    }

    private static Multiworld readArchipelago(byte[] content, MultiworldLimits limits) throws MultiworldFileException {
        if (content.length < 2) {
            throw new MultiworldFileException(Kind.CORRUPT, "the .archipelago file ends after its format byte");
        }
        int version = content[0] & 0xff;
        if (version > ARCHIPELAGO_FORMAT) {
            throw new MultiworldFileException(Kind.UNSUPPORTED_VERSION, "Incompatible multidata. (format version "
                    + version + "; this server reads up to " + ARCHIPELAGO_FORMAT + ")");
        }
        byte[] pickle = inflate(content, 1, limits.maxDecompressedBytes());
        RestrictedUnpickler.Unpickled unpickled = RestrictedUnpickler.load(pickle, limits);
        return MultidataMapper.map(unpickled.value(), limits, 2 * unpickled.operations() + 10_000);
    }

    /** Inflates a zlib stream, refusing output beyond {@code max} bytes, truncation and trailing bytes. */
    static byte[] inflate(byte[] content, int offset, long max) throws MultiworldFileException {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(content, offset, content.length - offset);
            ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(content.length * 4L, 1 << 20));
            byte[] buffer = new byte[64 * 1024];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0) {
                    if (inflater.needsDictionary()) {
                        throw new MultiworldFileException(Kind.CORRUPT, "the zlib stream needs a preset dictionary");
                    }
                    if (inflater.needsInput()) {
                        throw new MultiworldFileException(Kind.CORRUPT, "the zlib stream is truncated");
                    }
                }
                if ((long) out.size() + n > max) {
                    throw new MultiworldFileException(Kind.TOO_LARGE, "the zlib stream inflates to more than " + max
                            + " bytes");
                }
                out.write(buffer, 0, n);
            }
            if (inflater.getRemaining() > 0) {
                throw new MultiworldFileException(Kind.CORRUPT, inflater.getRemaining() + " bytes after the zlib stream");
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            throw new MultiworldFileException(Kind.CORRUPT, "the zlib stream is damaged: " + e.getMessage(), e);
        } finally {
            inflater.end();
        }
    }

    private static byte[] zipEntry(byte[] content, MultiworldLimits limits) throws MultiworldFileException {
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                if (!entry.isDirectory() && entry.getName().endsWith(".archipelago")) {
                    byte[] data = zip.readNBytes((int) limits.maxFileBytes() + 1);
                    if (data.length > limits.maxFileBytes()) {
                        throw new MultiworldFileException(Kind.TOO_LARGE, "the zip entry " + entry.getName()
                                + " has more than " + limits.maxFileBytes() + " bytes");
                    }
                    return data;
                }
            }
        } catch (ZipException e) {
            throw new MultiworldFileException(Kind.CORRUPT, "the zip archive is damaged: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new MultiworldFileException(Kind.CORRUPT, "the zip archive cannot be read: " + e.getMessage(), e);
        }
        throw new MultiworldFileException(Kind.INVALID, "No .archipelago found in archive.");
    }

    private static Multiworld readJson(byte[] content, MultiworldLimits limits) throws MultiworldFileException {
        if (content.length > limits.maxDecompressedBytes()) {
            throw new MultiworldFileException(Kind.TOO_LARGE, "the JSON multiworld has more than "
                    + limits.maxDecompressedBytes() + " bytes");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            throw new MultiworldFileException(Kind.MALFORMED, "the JSON multiworld is not UTF-8", e);
        }
        if (text.startsWith("\ufeff")) {
            text = text.substring(1);
        }
        JsonValue value;
        try {
            value = JsonValues.parse(text, new CodecLimits(content.length + 1, limits.maxDepth() + 8, 4300,
                    Math.max(1, content.length)));
        } catch (MalformedFrameException e) {
            throw new MultiworldFileException(Kind.MALFORMED, "malformed JSON multiworld: " + e.getMessage(), e);
        }
        if (!(value instanceof JsonObject root)) {
            throw new MultiworldFileException(Kind.INVALID, "a JSON multiworld is an object");
        }
        JsonValue format = root.get("apwire_multiworld");
        if (format == null) {
            throw new MultiworldFileException(Kind.UNKNOWN_FORMAT, "a JSON multiworld has \"apwire_multiworld\": "
                    + JSON_FORMAT);
        }
        if (!(format instanceof JsonInt f) || !f.fitsLong() || f.longValue() < 1) {
            throw new MultiworldFileException(Kind.INVALID, "\"apwire_multiworld\" is the format version, " + JSON_FORMAT);
        }
        if (f.longValue() > JSON_FORMAT) {
            throw new MultiworldFileException(Kind.UNSUPPORTED_VERSION, "JSON multiworld format " + f.longValue()
                    + "; this server reads up to " + JSON_FORMAT);
        }
        // Every JSON value is spelled out in the text, so the text's length bounds the values.
        return MultidataMapper.map(plain(root), limits, content.length + 10_000L);
    }

    /** JSON values as the plain values the mapper reads (the same shapes the unpickler produces). */
    private static @Nullable Object plain(JsonValue v) {
        if (v instanceof JsonObject o) {
            Map<String, @Nullable Object> map = new LinkedHashMap<>();
            for (Map.Entry<String, JsonValue> e : o.members().entrySet()) {
                map.put(e.getKey(), plain(e.getValue()));
            }
            return map;
        }
        if (v instanceof JsonArray a) {
            List<@Nullable Object> list = new ArrayList<>(a.size());
            for (JsonValue e : a.elements()) {
                list.add(plain(e));
            }
            return list;
        }
        if (v instanceof JsonInt i) {
            return i.fitsLong() ? (Object) i.longValue() : i.bigIntegerValue();
        }
        if (v instanceof JsonFloat f) {
            return f.value();
        }
        if (v instanceof JsonString s) {
            return s.value();
        }
        if (v instanceof JsonBool b) {
            return b.value();
        }
        return null;
    }
}
