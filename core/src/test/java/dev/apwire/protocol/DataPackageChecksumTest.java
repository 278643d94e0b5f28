package dev.apwire.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The expected checksums are the reference's (spec/frames/01-RoomInfo.json) or Python's {@code json} + {@code hashlib}. */
class DataPackageChecksumTest {

    @Test
    void theReferenceWorldsPackagesHaveTheCapturedChecksums() {
        assertThat(DataPackageChecksum.of(
                Map.of("Pebbles", List.of("Red Pebble", "Blue Pebble"),
                        "Everything", List.of("Red Pebble", "Blue Pebble", "Golden Key", "Pebble Trap")),
                table("Red Pebble", 1001, "Blue Pebble", 1002, "Golden Key", 1003, "Pebble Trap", 1004),
                Map.of("Outdoors", List.of("Pebble Lake", "Pebble Hill"),
                        "Everywhere", List.of("Pebble Cave", "Pebble Hill", "Pebble Lake")),
                table("Pebble Cave", 2001, "Pebble Hill", 2002, "Pebble Lake", 2003)))
                .isEqualTo("be9d365063adf3d56f6caf1a9a13705f10185d2d");
        assertThat(DataPackageChecksum.of(Map.of("Everything", List.of("Wick", "Lantern Oil")),
                table("Lantern Oil", 3001, "Wick", 3002), Map.of("Everywhere", List.of("Dark Hall", "Stair Top", "Crypt")),
                table("Dark Hall", 4001, "Stair Top", 4002, "Crypt", 4003)))
                .isEqualTo("c3fd621a93625a3bb6f1b85b4df8d869df5c389f");
        GameData archipelago = new GameData(table("Nothing", -1), table("Cheat Console", -1, "Server", -2), null);
        assertThat(DataPackageChecksum.of(archipelago, Map.of("Everything", List.of("Nothing")),
                Map.of("Everywhere", List.of("Server", "Cheat Console"))))
                .isEqualTo("ac9141e9ad0318df2fa27da5f20c50a842afeecb");
    }

    @Test
    void theNameTablesKeepTheirOrderAndTheGroupsAreSorted() {
        assertThat(DataPackageChecksum.of(Map.of(), table("Wick", 3002, "Lantern Oil", 3001), Map.of(), NameTable.EMPTY))
                .isNotEqualTo(DataPackageChecksum.of(Map.of(), table("Lantern Oil", 3001, "Wick", 3002), Map.of(),
                        NameTable.EMPTY));
        assertThat(DataPackageChecksum.hashedText(Map.of("b", List.of("y", "x"), "a", List.of()), NameTable.EMPTY,
                Map.of(), NameTable.EMPTY))
                .isEqualTo("{\"item_name_groups\":{\"a\":[],\"b\":[\"x\",\"y\"]},\"item_name_to_id\":{},"
                        + "\"location_name_groups\":{},\"location_name_to_id\":{}}");
    }

    @Test
    void textIsEncodedAsPythonsJsonWithoutEnsureAscii() {
        Map<String, List<String>> groups = new LinkedHashMap<>();
        groups.put("Zeta", List.of("b", "a"));
        groups.put("Alpha", List.of("\u00dcn\u00efcode \u2603", "quote\"back\\slash"));
        NameTable items = table("\u00dcn\u00efcode \u2603", 7, "quote\"back\\slash", -3,
                "ctl\u0001\n\u007f\u2028", 9007199254740991L);
        NameTable locations = table("astral \uD834\uDD1E", 1, "tab\there/", 2);
        assertThat(DataPackageChecksum.hashedText(groups, items, Map.of(), locations)).isEqualTo(
                "{\"item_name_groups\":{\"Alpha\":[\"quote\\\"back\\\\slash\",\"\u00dcn\u00efcode \u2603\"],"
                        + "\"Zeta\":[\"a\",\"b\"]},\"item_name_to_id\":{\"\u00dcn\u00efcode \u2603\":7,"
                        + "\"quote\\\"back\\\\slash\":-3,\"ctl\\u0001\\n\u007f\u2028\":9007199254740991},"
                        + "\"location_name_groups\":{},\"location_name_to_id\":{\"astral \uD834\uDD1E\":1,"
                        + "\"tab\\there/\":2}}");
        assertThat(DataPackageChecksum.of(groups, items, Map.of(), locations))
                .isEqualTo("2a3a009c91127308015e964a9f6ce3089be06754");
    }

    private static NameTable table(Object... namesAndIds) {
        Map<String, Long> map = new LinkedHashMap<>();
        for (int i = 0; i < namesAndIds.length; i += 2) {
            map.put((String) namesAndIds[i], ((Number) namesAndIds[i + 1]).longValue());
        }
        return NameTable.of(map);
    }
}
