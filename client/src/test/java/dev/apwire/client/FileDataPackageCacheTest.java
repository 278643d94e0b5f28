package dev.apwire.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apwire.json.JsonObject;
import dev.apwire.json.JsonValue;
import dev.apwire.protocol.GameData;
import dev.apwire.protocol.NameTable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The file data package cache: layout, round trip, corrupt files, unsafe names. */
class FileDataPackageCacheTest {

    @TempDir
    Path dir;

    private static GameData pebbles(String checksum) {
        Map<String, Long> items = new LinkedHashMap<>();
        items.put("Red Pebble", 1001L);
        items.put("Ünïcode Pebble", 1002L);
        return new GameData(NameTable.of(items), NameTable.of(Map.of("Pebble Cave", 2001L)), checksum,
                JsonObject.of("original_name_groups", JsonValue.of(true)));
    }

    @Test
    void writesThePythonLayoutAndReadsItBack() throws Exception {
        FileDataPackageCache cache = new FileDataPackageCache(dir.resolve("Archipelago"));
        cache.put("Pebble Quest", "abc123", pebbles("abc123"));
        assertThat(cache.flush()).isEmpty();
        Path file = dir.resolve("Archipelago/datapackage/Pebble Quest/abc123.json");
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo("{\"item_name_to_id\":{\"Red Pebble\":1001,"
                + "\"Ünïcode Pebble\":1002},\"location_name_to_id\":{\"Pebble Cave\":2001},\"checksum\":\"abc123\","
                + "\"original_name_groups\":true}");

        FileDataPackageCache fresh = new FileDataPackageCache(dir.resolve("Archipelago"));
        assertThat(fresh.get("Pebble Quest", "abc123")).isEmpty();
        assertThat(fresh.load(Map.of("Pebble Quest", "abc123", "Other", "ffff"))).isEmpty();
        assertThat(fresh.get("Pebble Quest", "abc123")).hasValue(pebbles("abc123"));
        assertThat(fresh.get("Other", "ffff")).isEmpty();
    }

    @Test
    void ignoresCorruptAndMismatchedFiles() throws Exception {
        Path game = Files.createDirectories(dir.resolve("Archipelago/datapackage/Pebble Quest"));
        Files.writeString(game.resolve("a1.json"), "{\"item_name_to_id\":");
        Files.writeString(game.resolve("b2.json"), "{\"item_name_to_id\":{},\"location_name_to_id\":{},\"checksum\":\"zz\"}");
        Files.writeString(game.resolve("c3.json"), "{\"item_name_to_id\":{\"x\":1.5},\"location_name_to_id\":{}}");
        Files.writeString(game.resolve("d4.json"), "\uFEFF{\"item_name_to_id\":{},\"location_name_to_id\":{}}");
        FileDataPackageCache cache = new FileDataPackageCache(dir.resolve("Archipelago"));
        for (String sum : new String[] {"a1", "b2", "c3"}) {
            assertThat(cache.load(Map.of("Pebble Quest", sum))).singleElement()
                    .satisfies(p -> assertThat(p).startsWith("ignoring the cached data package"));
            assertThat(cache.get("Pebble Quest", sum)).isEmpty();
        }
        assertThat(cache.load(Map.of("Pebble Quest", "d4"))).as("a byte order mark is fine").isEmpty();
        assertThat(cache.get("Pebble Quest", "d4")).isPresent();
    }

    @Test
    void unsafeNamesNeverBecomePaths() {
        FileDataPackageCache cache = new FileDataPackageCache(dir.resolve("Archipelago"));
        Path root = dir.resolve("Archipelago/datapackage");
        assertThat(cache.file("A/B:C*?", "ab")).hasValue(root.resolve("ABC/ab.json"));
        assertThat(cache.file("../..", "ab")).hasValue(root.resolve("..../ab.json"));
        assertThat(cache.file("..", "ab")).isEmpty();
        assertThat(cache.file("/", "ab")).isEmpty();
        assertThat(cache.file("Game", "../../etc/passwd")).isEmpty();
        assertThat(cache.file("Game", "")).isEmpty();
        cache.put("Game", "../x", pebbles(null));
        assertThat(cache.flush()).singleElement().satisfies(p -> assertThat(p).contains("cannot be a file name"));
        assertThat(cache.get("Game", "../x")).as("still cached in memory").isPresent();
    }

    @Test
    void defaultDirectoryIsArchipelagosOwnPerPlatform() {
        assertThat(FileDataPackageCache.defaultDirectory("Linux", Map.of(), "/home/u")).isEqualTo(Path.of("/home/u/.cache/Archipelago"));
        assertThat(FileDataPackageCache.defaultDirectory("Linux", Map.of("XDG_CACHE_HOME", "/x"), "/home/u")).isEqualTo(Path.of("/x/Archipelago"));
        assertThat(FileDataPackageCache.defaultDirectory("Linux", Map.of("XDG_CACHE_HOME", "rel"), "/home/u"))
                .isEqualTo(Path.of("/home/u/.cache/Archipelago"));
        assertThat(FileDataPackageCache.defaultDirectory("Mac OS X", Map.of(), "/Users/u"))
                .isEqualTo(Path.of("/Users/u/Library/Caches/Archipelago"));
        assertThat(FileDataPackageCache.defaultDirectory("Windows 11", Map.of("LOCALAPPDATA", "/c/Local"), "/c/u"))
                .isEqualTo(Path.of("/c/Local/Archipelago/Cache"));
        assertThat(FileDataPackageCache.cacheHome(Map.of("XDG_CACHE_HOME", ""), "/home/u")).isEqualTo(Path.of("/home/u/.cache"));
    }
}
