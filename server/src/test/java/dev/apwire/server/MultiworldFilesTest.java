package dev.apwire.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apwire.codec.JsonValues;
import dev.apwire.json.JsonArray;
import dev.apwire.json.JsonFloat;
import dev.apwire.json.JsonInt;
import dev.apwire.json.JsonObject;
import dev.apwire.json.JsonString;
import dev.apwire.json.JsonValue;
import dev.apwire.protocol.DataPackageChecksum;
import dev.apwire.protocol.Hint;
import dev.apwire.protocol.HintStatus;
import dev.apwire.protocol.LongList;
import dev.apwire.protocol.NetworkItem;
import dev.apwire.protocol.NetworkSlot;
import dev.apwire.protocol.NetworkVersion;
import dev.apwire.protocol.Permission;
import dev.apwire.protocol.SlotType;
import dev.apwire.server.MultiworldFileException.Kind;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The multiworld fixtures ({@code src/test/resources/multiworlds}) are written by
 * {@code src/test/python/write_multiworld.py}; the {@code reference-*} files are copies of
 * {@code ../shared/bench/load}, written independently of that script. Each world is read in every format it has
 * and the results compared.
 */
class MultiworldFilesTest {

    static byte[] resource(String name) {
        try (InputStream in = MultiworldFilesTest.class.getResourceAsStream("/multiworlds/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Multiworld world(String name) throws MultiworldFileException {
        return MultiworldFiles.read(resource(name));
    }

    // ------------------------------------------------------------------ the demo (reference) world

    @Test
    void theDemoWorldReadsTheSameFromEveryFormatAndFromTheReferenceFile() throws Exception {
        Multiworld pickle = world("pebble.archipelago");
        assertThat(MultiworldFiles.detect(resource("pebble.archipelago"))).isEqualTo(MultiworldFiles.Format.ARCHIPELAGO);
        assertThat(MultiworldFiles.detect(resource("pebble.json"))).isEqualTo(MultiworldFiles.Format.JSON);
        assertThat(world("pebble.json")).isEqualTo(pickle);
        assertThat(world("reference-pebble.archipelago")).isEqualTo(pickle);
        Multiworld handmade = world("handmade.json");
        assertThat(handmade.slots()).isEqualTo(pickle.slots());
        assertThat(handmade.dataPackages()).containsExactlyEntriesOf(pickle.dataPackages());
        assertThat(handmade.itemNameGroups()).isEqualTo(pickle.itemNameGroups());
        assertThat(handmade.locationNameGroups()).isEqualTo(pickle.locationNameGroups());
        assertThat(handmade.permissions()).isEqualTo(pickle.permissions());
        assertThat(List.of(handmade.seedName(), handmade.password(), handmade.hintCost(), handmade.locationCheckPoints(),
                handmade.generatorVersion(), handmade.minimumClientVersion())).isEqualTo(List.of(pickle.seedName(),
                pickle.password(), pickle.hintCost(), pickle.locationCheckPoints(), pickle.generatorVersion(),
                pickle.minimumClientVersion()));
        for (int slot : List.of(1, 2)) {
            assertThat(handmade.world(slot).locations()).isEqualTo(pickle.world(slot).locations());
            assertThat(handmade.world(slot).slotData()).isEqualTo(pickle.world(slot).slotData());
            assertThat(handmade.world(slot).startingInventory()).isEqualTo(pickle.world(slot).startingInventory());
        }
    }

    @Test
    void theDemoWorldIsTheReferenceWorldOfTheCaptures() throws Exception {
        Multiworld w = world("pebble.archipelago");
        assertThat(w.seedName()).isEqualTo("48213906571023846519");
        assertThat(w.password()).isEqualTo("sesame");
        assertThat(w.serverVersion()).isEqualTo(new NetworkVersion(0, 6, 2));
        assertThat(w.generatorVersion()).isEqualTo(new NetworkVersion(0, 6, 2));
        assertThat(w.minimumClientVersion()).isEqualTo(new NetworkVersion(0, 5, 0));
        assertThat(w.hintCost()).isEqualTo(10);
        assertThat(w.locationCheckPoints()).isEqualTo(1);
        assertThat(w.permissions()).containsExactly(Map.entry("release", Permission.AUTO),
                Map.entry("remaining", Permission.GOAL), Map.entry("collect", Permission.AUTO));
        assertThat(w.raceMode()).isZero();
        assertThat(w.slots()).containsExactly(
                Map.entry(1, new NetworkSlot("Alice", "Pebble Quest", SlotType.PLAYER, List.of())),
                Map.entry(2, new NetworkSlot("Bob", "Lantern Run", SlotType.PLAYER, List.of())));
        assertThat(w.world(1).locations().values()).containsExactly(
                new NetworkItem(3001, 2001, 2, NetworkItem.PROGRESSION), new NetworkItem(1002, 2002, 1, 0),
                new NetworkItem(3002, 2003, 2, NetworkItem.USEFUL));
        assertThat(w.world(2).locations().values()).containsExactly(
                new NetworkItem(1003, 4001, 1, NetworkItem.PROGRESSION), new NetworkItem(1001, 4002, 1, 0),
                new NetworkItem(1004, 4003, 1, NetworkItem.TRAP));
        assertThat(w.world(1).startingInventory()).isEqualTo(LongList.of(1001));
        assertThat(w.world(2).startingInventory()).isEmpty();
        assertThat(w.world(1).slotData()).isEqualTo(JsonObject.of("goal", new JsonString("collect pebbles"),
                "pebbles_needed", JsonInt.of(2)));
        assertThat(w.world(2).slotData()).isEqualTo(JsonObject.of("lantern_colour", new JsonString("amber")));
        assertThat(w.itemNameGroups().get("Pebble Quest")).isEqualTo(JsonObject.of(
                "Everything", strings("Blue Pebble", "Golden Key", "Pebble Trap", "Red Pebble"),
                "Pebbles", strings("Blue Pebble", "Red Pebble")));
        assertThat(w.locationNameGroups().get("Pebble Quest")).isEqualTo(JsonObject.of(
                "Everywhere", strings("Pebble Cave", "Pebble Hill", "Pebble Lake"),
                "Outdoors", strings("Pebble Hill", "Pebble Lake")));
        assertThat(w.dataPackages().get("Pebble Quest").itemNameToId().asMap()).containsExactly(
                Map.entry("Red Pebble", 1001L), Map.entry("Blue Pebble", 1002L), Map.entry("Golden Key", 1003L),
                Map.entry("Pebble Trap", 1004L));
        assertThat(w.dataPackages().get("Lantern Run").locationNameToId().asMap()).containsExactly(
                Map.entry("Dark Hall", 4001L), Map.entry("Stair Top", 4002L), Map.entry("Crypt", 4003L));
    }

    @Test
    void theAdvertisedChecksumsAreComputedAndEqualTheCapturedRoomInfo() throws Exception {
        JsonObject roomInfo = (JsonObject) ((JsonArray) JsonValues.parse(new String(
                MultiworldFilesTest.class.getResourceAsStream("/frames/01-RoomInfo.json").readAllBytes(),
                StandardCharsets.UTF_8))).get(0);
        JsonObject captured = (JsonObject) roomInfo.get("datapackage_checksums");
        for (String file : List.of("pebble.archipelago", "pebble.json", "reference-pebble.archipelago", "handmade.json")) {
            Multiworld w = world(file);
            Map<String, JsonValue> served = new LinkedHashMap<>();
            w.dataPackages().forEach((game, data) -> served.put(game, new JsonString(data.checksum())));
            assertThat(served).as(file).containsExactlyEntriesOf(captured.members());
            w.dataPackages().forEach((game, data) -> assertThat(computed(w, game)).as(file + " " + game)
                    .isEqualTo(data.checksum()));
        }
    }

    // ------------------------------------------------------------------ groups, spectators, hints

    @Test
    void itemLinkGroupsSpectatorsHintsEntrancesAndSpheresAreRead() throws Exception {
        Multiworld w = world("linked.archipelago");
        assertThat(world("linked.json")).isEqualTo(w);
        assertThat(w.slots().get(4)).isEqualTo(new NetworkSlot("Sam", "Pebble Quest", SlotType.SPECTATOR, List.of()));
        assertThat(w.slots().get(5)).isEqualTo(new NetworkSlot("Pebble Link", "Pebble Quest", SlotType.GROUP, List.of(1, 3)));
        assertThat(w.slotSet(5)).containsExactly(1, 3);
        assertThat(w.slotSet(1)).containsExactly(1);
        assertThat(w.groupsOf(3)).containsExactly(5);
        assertThat(w.world(2).locations().get(4001L)).isEqualTo(new NetworkItem(1003, 4001, 5, NetworkItem.PROGRESSION));
        assertThat(w.world(4).locations()).isEmpty();
        assertThat(w.world(5).locations()).isEmpty();
        Hint priority = new Hint(5, 2, 4001, 1003, false, "", NetworkItem.PROGRESSION, HintStatus.PRIORITY);
        Hint start = new Hint(2, 1, 2003, 3002, false, "Behind the waterfall", NetworkItem.USEFUL, HintStatus.UNSPECIFIED);
        // As Main.precollect_hint files them: the finder and the receiver, or the receiving group's members.
        assertThat(w.world(1).precollectedHints()).containsExactlyInAnyOrder(start, priority);
        assertThat(w.world(2).precollectedHints()).containsExactlyInAnyOrder(priority, start);
        assertThat(w.world(3).precollectedHints()).containsExactly(priority);
        assertThat(w.world(5).precollectedHints()).isEmpty();
        assertThat(w.world(4).precollectedHints()).isEmpty();
        assertThat(w.world(1).entrances()).containsExactly(Map.entry(2003L, "Behind the waterfall"));
        assertThat(w.world(1).minimumClientVersion()).isEqualTo(new NetworkVersion(0, 5, 0));
        assertThat(w.minimumClientVersion(1)).isEqualTo(new NetworkVersion(0, 5, 0));
        assertThat(w.spheres()).containsExactly(Map.of(1, Set.of(2002L), 2, Set.of(4002L)),
                Map.of(1, Set.of(2001L, 2003L), 2, Set.of(4001L, 4003L), 3, Set.of(2001L, 2002L, 2003L)));
        JsonObject slotData = w.world(1).slotData();
        assertThat(slotData.get("ratio")).isEqualTo(new JsonFloat(0.5));
        assertThat(slotData.get("nested")).isEqualTo(JsonValues.parse(
                "{\"deep\":[1,[2,[3]]],\"none\":null,\"flag\":true}"));
        assertThat(w.world(2).slotData().get("name")).isEqualTo(new JsonString("Lantern \u00e9\u2603\uD834\uDD1E"));
        assertThat(w.serverOptions().get("countdown_mode")).isEqualTo(new JsonString("auto"));
    }

    // ------------------------------------------------------------------ the 100-slot world

    @Test
    void theHundredSlotWorldMatchesTheReferenceFileInEveryFormat() throws Exception {
        Multiworld w = world("world-100.archipelago");
        assertThat(world("reference-world-100.archipelago")).isEqualTo(w);
        assertThat(world("world-100.json")).isEqualTo(w);
        assertThat(w.slots()).hasSize(100);
        assertThat(w.dataPackages().keySet()).containsExactly("Archipelago", "Pebble Quest", "Lantern Run",
                "Clockwork Garden", "Tidepool Saga");
        assertThat(w.dataPackages().get("Pebble Quest").checksum()).isEqualTo("a0e2d61f936512d3d8db21d60aed8c790b08762b");
        int placed = 0;
        for (int slot = 1; slot <= 100; slot++) {
            assertThat(w.world(slot).locations()).hasSize(100);
            assertThat(w.world(slot).startingInventory()).hasSize(1);
            for (NetworkItem item : w.world(slot).locations().values()) {
                assertThat(item.player()).isBetween(1, 100).isNotEqualTo(slot);
                placed++;
            }
        }
        assertThat(placed).isEqualTo(10_000);
        for (String game : w.dataPackages().keySet()) {
            assertThat(computed(w, game)).as(game).isEqualTo(w.dataPackages().get(game).checksum());
        }
    }

    @Test
    void aZipIsReadThroughItsFirstArchipelagoEntry(@TempDir Path dir) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("AP_1_Spoiler.txt"));
            zip.write("spoiler".getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("AP_1.archipelago"));
            zip.write(resource("pebble.archipelago"));
        }
        Path file = dir.resolve("AP_1.zip");
        Files.write(file, bytes.toByteArray());
        assertThat(MultiworldFiles.read(file)).isEqualTo(world("pebble.archipelago"));
        assertThat(MultiworldFiles.read(new ByteArrayInputStream(bytes.toByteArray()))).isEqualTo(world("pebble.archipelago"));

        ByteArrayOutputStream empty = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(empty)) {
            zip.putNextEntry(new ZipEntry("readme.txt"));
        }
        refused(empty.toByteArray(), Kind.INVALID, "No .archipelago found in archive.");
    }

    // ------------------------------------------------------------------ hostile and broken files

    @Test
    void forbiddenGlobalsAreRefusedWithoutRunningAnything() {
        // GLOBAL os.system, then a call: the reference's restricted unpickler refuses it the same way.
        refused(archipelago(bytes("cos\nsystem\n(S'touch /tmp/pwned'\ntR.")), Kind.FORBIDDEN,
                "global 'os.system' is forbidden");
        // STACK_GLOBAL builtins.eval (protocol 4).
        refused(archipelago(concat(new byte[] {(byte) 0x80, 4}, shortUnicode("builtins"), shortUnicode("eval"),
                new byte[] {(byte) 0x93}, shortUnicode("1"), new byte[] {(byte) 0x85, 'R', '.'})),
                Kind.FORBIDDEN, "global 'builtins.eval' is forbidden");
        refused(archipelago(bytes("cbuiltins\ngetattr\n.")), Kind.FORBIDDEN, "global 'builtins.getattr' is forbidden");
        refused(archipelago(bytes("cNetUtils\nRawJSONtoTextParser\n.")), Kind.FORBIDDEN,
                "global 'NetUtils.RawJSONtoTextParser' is forbidden");
        refused(archipelago(bytes("cworlds.alttp.Options\nGoal\n.")), Kind.FORBIDDEN, "option objects");
        // Opcodes that call code without a global.
        refused(archipelago(bytes("(S'x'\niposix\nsystem\n.")), Kind.FORBIDDEN, "opcode 0x69");
        refused(archipelago(bytes("}}b.")), Kind.FORBIDDEN, "opcode 0x62");
        refused(archipelago(bytes("(S'x'\nP1\n.")), Kind.FORBIDDEN, "opcode 0x50");
    }

    @Test
    void truncatedDamagedAndPaddedZlibIsCorrupt() {
        byte[] good = resource("pebble.archipelago");
        refused(Arrays.copyOf(good, good.length / 2), Kind.CORRUPT, "truncated");
        refused(Arrays.copyOf(good, 1), Kind.CORRUPT, "ends after its format byte");
        byte[] damaged = good.clone();
        damaged[40] ^= 0x55;
        damaged[41] ^= 0x55;
        assertThatThrownBy(() -> MultiworldFiles.read(damaged)).isInstanceOf(MultiworldFileException.class)
                .extracting(e -> ((MultiworldFileException) e).kind()).isIn(Kind.CORRUPT, Kind.MALFORMED);
        refused(concat(good, new byte[] {1, 2, 3}), Kind.CORRUPT, "3 bytes after the zlib stream");
    }

    @Test
    void filesAndStreamsAreReadOnlyUpToTheFileLimit(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("big.archipelago");
        Files.write(file, resource("world-100.archipelago"));
        MultiworldLimits small = new MultiworldLimits(4096, 1 << 20, 1000, 100);
        assertThatThrownBy(() -> MultiworldFiles.read(file, small)).isInstanceOf(MultiworldFileException.class)
                .hasMessageContaining("big.archipelago has " + Files.size(file) + " bytes, more than the limit of 4096");
        assertThatThrownBy(() -> MultiworldFiles.read(new ByteArrayInputStream(resource("world-100.archipelago")), small))
                .isInstanceOf(MultiworldFileException.class).hasMessageContaining("more than 4096 bytes");
        assertThat(MultiworldFiles.read(file).slots()).hasSize(100);
    }

    @Test
    void aZipBombStopsAtTheInflateLimit() {
        byte[] bomb = archipelago(new byte[64 << 20]);
        assertThat(bomb.length).isLessThan(128 << 10);
        MultiworldLimits limits = new MultiworldLimits(1 << 20, 8 << 20, 1_000_000, 100);
        refusedWith(bomb, limits, Kind.TOO_LARGE, "inflates to more than 8388608 bytes");
        refusedWith(resource("world-100.archipelago"), new MultiworldLimits(1 << 10, 1 << 20, 1000, 100), Kind.TOO_LARGE,
                "more than the limit of 1024");
    }

    @Test
    void theOperationAndDepthBoundsHold() throws Exception {
        refusedWith(resource("world-100.archipelago"), new MultiworldLimits(1 << 20, 1 << 20, 10_000, 100),
                Kind.TOO_LARGE, "more than 10000 operations");
        // A list shared 2^40 times through the pickle memo: copying it out would never end.
        refused(resource("hostile-shared-lists.archipelago"), Kind.TOO_LARGE, "slot_data[1] expands to more than");
        refused(resource("hostile-deep-lists.archipelago"), Kind.TOO_LARGE, "slot_data[1] is nested deeper than 100");
        String deep = "[".repeat(200) + "]".repeat(200);
        String json = new String(resource("pebble.json"), StandardCharsets.UTF_8)
                .replace("\"pebbles_needed\": 2", "\"pebbles_needed\": " + deep);
        refused(json, Kind.MALFORMED, "malformed JSON");
    }

    @Test
    void lengthPrefixesBeyondTheEndAreRefusedBeforeAllocating() throws Exception {
        // BINUNICODE claiming 2 GiB - 1 bytes.
        refused(archipelago(new byte[] {(byte) 0x80, 4, 'X', (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x7f, 'a', '.'}),
                Kind.MALFORMED, "points past the end");
        // BINBYTES8 claiming 2^62 bytes.
        refused(archipelago(new byte[] {(byte) 0x80, 4, (byte) 0x8e, 0, 0, 0, 0, 0, 0, 0, 0x40, '.'}), Kind.MALFORMED,
                "points past the end");
        // Integers too long for Python's int() of text, as text and as LONG4.
        refused(archipelago(bytes("L" + "9".repeat(5000) + "L\n.")), Kind.MALFORMED, "more than 4300 digits");
        refused(archipelago(bytes("I" + "9".repeat(10))), Kind.MALFORMED, "without its line end");
        byte[] long4 = new byte[7 + 4000];
        long4[0] = (byte) 0x8b;
        long4[1] = (byte) (4000 & 0xff);
        long4[2] = (byte) (4000 >> 8);
        long4[long4.length - 1] = '.';
        refused(archipelago(long4), Kind.MALFORMED, "more than 4300 digits");
        assertThat(RestrictedUnpickler.load(bytes("L" + "9".repeat(4000) + "L\n."), MultiworldLimits.DEFAULT).value())
                .isEqualTo(new java.math.BigInteger("9".repeat(4000)));
        refused(archipelago(bytes("(K\u0001K\u0002l.extra")), Kind.MALFORMED, "bytes after the pickle's STOP");
        refused(archipelago(bytes("K\u0001")), Kind.MALFORMED, "malformed pickle");
        refused(archipelago(bytes("K\u0001s.")), Kind.MALFORMED, "malformed pickle");
    }

    @Test
    void unhashableAndSelfReferencingKeysAreRefused() {
        // A list appended to itself, then used as a set member: hashing it would never end.
        refused(archipelago(bytes("\u0080\u0004]q\u0000h\u0000a\u008f(h\u0000\u0090.")), Kind.MALFORMED,
                "unhashable list");
        refused(archipelago(bytes("}]K\u0001s.")), Kind.MALFORMED, "unhashable list");
    }

    @Test
    void wrongFormatBytesAndForeignFilesAreNamed() {
        byte[] good = resource("pebble.archipelago");
        byte[] newer = good.clone();
        newer[0] = 4;
        refused(newer, Kind.UNSUPPORTED_VERSION, "Incompatible multidata.");
        refused("hello world".getBytes(StandardCharsets.UTF_8), Kind.UNKNOWN_FORMAT, "not a multiworld file");
        refused(new byte[0], Kind.UNKNOWN_FORMAT, "empty");
        refused("{\"seed_name\":\"x\"}".getBytes(StandardCharsets.UTF_8), Kind.UNKNOWN_FORMAT, "\"apwire_multiworld\": 1");
        refused("{\"apwire_multiworld\":2}".getBytes(StandardCharsets.UTF_8), Kind.UNSUPPORTED_VERSION, "format 2");
        refused("{\"apwire_multiworld\":1,".getBytes(StandardCharsets.UTF_8), Kind.MALFORMED, "malformed JSON");
        // A pickle that is not a dict, and a dict without the keys.
        refused(archipelago(bytes("K\u0001.")), Kind.INVALID, "the multiworld is a Integer, not a dict");
        refused(archipelago(bytes("}.")), Kind.INVALID, "has no 'seed_name'");
    }

    @Test
    void inconsistentWorldsAreInvalid() {
        String demo = new String(resource("pebble.json"), StandardCharsets.UTF_8);
        refused(demo.replace("\"2001\": [\n    3001,\n    2,", "\"2001\": [\n    3001,\n    7,"), Kind.INVALID,
                "received by unknown slot 7");
        refused(demo.replace("\"Bob\": [\n   0,", "\"Bob\": [\n   1,"), Kind.INVALID, "on team 1");
        refused(demo.replace("\"server\": [\n   0,\n   5,", "\"server\": [\n   0,\n   9,"), Kind.UNSUPPORTED_VERSION,
                "requires a server of at least version 0.9.0, however this server is of version 0.6.2");
        refused(demo.replace("\"type\": \"player\"", "\"type\": \"boss\""), Kind.INVALID, "not spectator, player or group");
        refused(demo.replace("\"hint_cost\": 10", "\"hint_cost\": \"lots\""), Kind.INVALID, "server_options.hint_cost");
        refused(demo.replace("\"Lantern Run\": {\n   \"item_name_groups\"", "\"Lantern Walk\": {\n   \"item_name_groups\""),
                Kind.INVALID, "no data package for game 'Lantern Run'");
    }

    // ------------------------------------------------------------------ helpers

    private static String computed(Multiworld w, String game) {
        return DataPackageChecksum.of(w.dataPackages().get(game), lists(w.itemNameGroups().get(game)),
                lists(w.locationNameGroups().get(game)));
    }

    private static Map<String, List<String>> lists(JsonObject groups) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        groups.members().forEach((k, v) -> {
            List<String> names = new ArrayList<>();
            ((JsonArray) v).elements().forEach(e -> names.add(((JsonString) e).value()));
            out.put(k, names);
        });
        return out;
    }

    private static JsonArray strings(String... values) {
        List<JsonValue> out = new ArrayList<>();
        for (String v : values) {
            out.add(new JsonString(v));
        }
        return JsonArray.of(out);
    }

    private static void refused(String json, Kind kind, String message) {
        refused(json.getBytes(StandardCharsets.UTF_8), kind, message);
    }

    private static void refused(byte[] content, Kind kind, String message) {
        refusedWith(content, MultiworldLimits.DEFAULT, kind, message);
    }

    private static void refusedWith(byte[] content, MultiworldLimits limits, Kind kind, String message) {
        assertThatThrownBy(() -> MultiworldFiles.read(content, limits)).isInstanceOf(MultiworldFileException.class)
                .hasMessageContaining(message).extracting(e -> ((MultiworldFileException) e).kind()).isEqualTo(kind);
    }

    /** A generator-format file around a pickle: format byte 3, zlib level 9. */
    static byte[] archipelago(byte[] pickle) {
        Deflater deflater = new Deflater(9);
        deflater.setInput(pickle);
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(3);
        byte[] buffer = new byte[64 << 10];
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        return out.toByteArray();
    }

    private static byte[] bytes(String latin1) {
        return latin1.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] shortUnicode(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        return concat(new byte[] {(byte) 0x8c, (byte) b.length}, b);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
