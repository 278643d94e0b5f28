package dev.apwire.client;

import dev.apwire.codec.JsonValues;
import dev.apwire.codec.MalformedFrameException;
import dev.apwire.json.JsonInt;
import dev.apwire.json.JsonObject;
import dev.apwire.json.JsonString;
import dev.apwire.json.JsonValue;
import dev.apwire.protocol.GameData;
import dev.apwire.protocol.NameTable;
import dev.apwire.session.DataPackageCache;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A data package cache in the layout the Archipelago Python clients share:
 * {@code <Archipelago cache>/datapackage/<game>/<checksum>.json} (see {@link #defaultDirectory()}), each file holding one game's package as the
 * server sent it ({@code {"item_name_to_id":{...},"location_name_to_id":{...},"checksum":"..."}}).
 *
 * <p>The {@link ArchipelagoClient} uses one by default and does the calls below itself. {@link DataPackageCache}
 * must answer from memory, so the file work happens around the session calls:
 * {@link #load(Map)} reads the files a {@code RoomInfo}'s checksums name <i>before</i> the driver hands the
 * RoomInfo to the session, and {@link #flush()} writes what {@link #put} collected <i>after</i> the session
 * reported the new package. Each file is written to a temporary file in the same directory and then moved
 * over the target atomically, so a reader (another client sharing the cache) never sees half a file. A file
 * that cannot be read or parsed, or whose checksum differs from its name, is ignored: the session fetches
 * the package again and {@link #flush()} replaces the file.
 *
 * <p>The game name becomes a directory with the characters Windows forbids removed (as the Python client's
 * {@code get_file_safe_name} does); a checksum that is not plain letters and digits is never used as a file
 * name, so a hostile server cannot steer a write outside the cache.
 *
 * <p>Not thread-safe: use it from the one thread that drives the session (the client's thread).
 */
public final class FileDataPackageCache implements DataPackageCache {

    /** The largest file read: the codec's default frame limit (a data package arrives in one frame). */
    private static final long MAX_FILE_BYTES = 64L << 20;

    private static final Pattern SAFE_CHECKSUM = Pattern.compile("[0-9A-Za-z_-]{1,128}");

    private final Path root;
    private final Map<String, GameData> memory = new LinkedHashMap<>();
    private final Map<String, Entry> dirty = new LinkedHashMap<>();

    private record Entry(String game, String checksum, GameData data) {
    }

    /**
     * A cache in an Archipelago cache directory.
     *
     * @param archipelagoCacheDir the directory Archipelago's own clients cache in (see
     *     {@link #defaultDirectory()}); files go under {@code archipelagoCacheDir/datapackage}
     */
    public FileDataPackageCache(Path archipelagoCacheDir) {
        this.root = archipelagoCacheDir.resolve("datapackage");
    }

    /** {@return a cache in {@link #defaultDirectory()}, shared with Archipelago's own clients} */
    public static FileDataPackageCache inDefaultDirectory() {
        return new FileDataPackageCache(defaultDirectory());
    }

    /**
     * {@return the directory Archipelago's clients cache in on this machine (platformdirs' user cache
     * directory for "Archipelago"): {@code %LOCALAPPDATA%\Archipelago\Cache} on Windows,
     * {@code ~/Library/Caches/Archipelago} on macOS, else {@code $XDG_CACHE_HOME/Archipelago} or
     * {@code ~/.cache/Archipelago}}
     */
    public static Path defaultDirectory() {
        return defaultDirectory(System.getProperty("os.name", ""), System.getenv(), System.getProperty("user.home", "."));
    }

    /**
     * {@return the Archipelago cache directory for an operating system, environment and home directory}
     *
     * @param osName the {@code os.name} system property
     * @param env the environment
     * @param home the user's home directory
     */
    public static Path defaultDirectory(String osName, Map<String, String> env, String home) {
        String os = osName.toLowerCase(java.util.Locale.ROOT);
        if (os.startsWith("windows")) {
            String local = env.get("LOCALAPPDATA");
            Path base = local != null && !local.isEmpty() ? Path.of(local) : Path.of(home, "AppData", "Local");
            return base.resolve("Archipelago").resolve("Cache");
        }
        if (os.startsWith("mac")) {
            return Path.of(home, "Library", "Caches", "Archipelago");
        }
        return cacheHome(env, home).resolve("Archipelago");
    }

    /**
     * {@return the XDG cache home: {@code $XDG_CACHE_HOME} when set to an absolute path, else {@code ~/.cache}}
     *
     * @param env the environment
     * @param home the user's home directory
     */
    public static Path cacheHome(Map<String, String> env, String home) {
        String xdg = env.get("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isEmpty() && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg);
        }
        return Path.of(home, ".cache");
    }

    /**
     * {@return the file of a game's package at a checksum, or empty when the names cannot make a safe path}
     *
     * @param game the game
     * @param checksum the checksum
     */
    public Optional<Path> file(String game, String checksum) {
        StringBuilder safe = new StringBuilder(game.length());
        for (int i = 0; i < game.length(); i++) {
            char c = game.charAt(i);
            if ("<>:\"/\\|?*".indexOf(c) < 0 && c >= 0x20) {
                safe.append(c);
            }
        }
        String dir = safe.toString().strip();
        if (dir.isEmpty() || dir.equals(".") || dir.equals("..") || !SAFE_CHECKSUM.matcher(checksum).matches()) {
            return Optional.empty();
        }
        return Optional.of(root.resolve(dir).resolve(checksum + ".json"));
    }

    /**
     * Reads the cached files for the games of a {@code RoomInfo} into memory; missing files are skipped.
     *
     * @param checksums the checksum of each game
     * @return one line per file that exists but was ignored, saying why
     */
    public List<String> load(Map<String, String> checksums) {
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, String> e : checksums.entrySet()) {
            String game = e.getKey();
            String checksum = e.getValue();
            if (memory.containsKey(key(game, checksum))) {
                continue;
            }
            Optional<Path> file = file(game, checksum);
            if (file.isEmpty() || !Files.isRegularFile(file.get())) {
                continue;
            }
            try {
                memory.put(key(game, checksum), read(file.get(), checksum));
            } catch (IOException | MalformedFrameException | IllegalArgumentException | ClassCastException ex) {
                problems.add("ignoring the cached data package " + file.get() + ": " + ex.getMessage());
            }
        }
        return problems;
    }

    private static GameData read(Path file, String checksum) throws IOException, MalformedFrameException {
        if (Files.size(file) > MAX_FILE_BYTES) {
            throw new IOException("bigger than " + MAX_FILE_BYTES + " bytes");
        }
        String text = Files.readString(file, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        JsonValue v = JsonValues.parse(text);
        if (!(v instanceof JsonObject)) {
            throw new IllegalArgumentException("not a JSON object");
        }
        JsonObject o = (JsonObject) v;
        NameTable items = table(o, "item_name_to_id");
        NameTable locations = table(o, "location_name_to_id");
        JsonValue sum = o.get("checksum");
        if (sum != null && !(sum instanceof JsonString && ((JsonString) sum).value().equals(checksum))) {
            throw new IllegalArgumentException("its checksum " + JsonValues.toJson(sum) + " is not " + checksum);
        }
        LinkedHashMap<String, JsonValue> extras = new LinkedHashMap<>();
        for (Map.Entry<String, JsonValue> m : o.members().entrySet()) {
            if (!m.getKey().equals("item_name_to_id") && !m.getKey().equals("location_name_to_id")
                    && !m.getKey().equals("checksum")) {
                extras.put(m.getKey(), m.getValue());
            }
        }
        return new GameData(items, locations, checksum, JsonObject.of(extras));
    }

    private static NameTable table(JsonObject o, String field) {
        JsonValue v = o.get(field);
        if (!(v instanceof JsonObject)) {
            throw new IllegalArgumentException(field + " is missing or not an object");
        }
        Map<String, JsonValue> members = ((JsonObject) v).members();
        String[] names = new String[members.size()];
        long[] ids = new long[names.length];
        int i = 0;
        for (Map.Entry<String, JsonValue> m : members.entrySet()) {
            if (!(m.getValue() instanceof JsonInt) || !((JsonInt) m.getValue()).fitsLong()) {
                throw new IllegalArgumentException(field + "." + m.getKey() + " is not an integer id");
            }
            names[i] = m.getKey();
            ids[i] = ((JsonInt) m.getValue()).longValue();
            i++;
        }
        return NameTable.adopt(names, ids, i);
    }

    @Override
    public Optional<GameData> get(String game, String checksum) {
        return Optional.ofNullable(memory.get(key(game, checksum)));
    }

    @Override
    public void put(String game, String checksum, GameData data) {
        memory.put(key(game, checksum), data);
        dirty.put(key(game, checksum), new Entry(game, checksum, data));
    }

    /**
     * Writes every package {@link #put} since the last flush to its file, atomically.
     *
     * @return one line per package that could not be written, saying why
     */
    public List<String> flush() {
        List<String> problems = new ArrayList<>();
        for (Entry e : dirty.values()) {
            Optional<Path> file = file(e.game(), e.checksum());
            if (file.isEmpty()) {
                problems.add("not caching the data package of " + e.game() + ": checksum '" + e.checksum()
                        + "' cannot be a file name");
                continue;
            }
            try {
                write(file.get(), toJson(e.checksum(), e.data()));
            } catch (IOException ex) {
                problems.add("could not cache the data package of " + e.game() + " at " + file.get() + ": " + ex);
            }
        }
        dirty.clear();
        return problems;
    }

    private static String toJson(String checksum, GameData data) {
        LinkedHashMap<String, JsonValue> o = new LinkedHashMap<>();
        o.put("item_name_to_id", table(data.itemNameToId()));
        o.put("location_name_to_id", table(data.locationNameToId()));
        o.put("checksum", JsonValue.of(data.checksum() != null ? data.checksum() : checksum));
        for (Map.Entry<String, JsonValue> m : data.extras().members().entrySet()) {
            o.putIfAbsent(m.getKey(), m.getValue());
        }
        return JsonValues.toJson(JsonObject.of(o));
    }

    private static JsonObject table(NameTable t) {
        LinkedHashMap<String, JsonValue> m = new LinkedHashMap<>();
        for (int i = 0; i < t.size(); i++) {
            m.put(t.nameAt(i), JsonValue.of(t.idAt(i)));
        }
        return JsonObject.of(m);
    }

    private static void write(Path file, String json) throws IOException {
        AtomicFiles.write(file, json);
    }

    private static String key(String game, @Nullable String checksum) {
        return game.length() + ":" + game + checksum;
    }
}
