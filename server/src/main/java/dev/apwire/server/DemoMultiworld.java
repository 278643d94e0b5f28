package dev.apwire.server;

import dev.apwire.json.JsonArray;
import dev.apwire.json.JsonInt;
import dev.apwire.json.JsonObject;
import dev.apwire.json.JsonString;
import dev.apwire.protocol.GameData;
import dev.apwire.protocol.LongList;
import dev.apwire.protocol.NameTable;
import dev.apwire.protocol.NetworkItem;
import dev.apwire.protocol.NetworkSlot;
import dev.apwire.protocol.NetworkVersion;
import dev.apwire.protocol.Permission;
import dev.apwire.protocol.SlotType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The two-player demo multiworld of the captured reference frames ({@code spec/frames}): Alice plays
 * "Pebble Quest" (slot 1), Bob plays "Lantern Run" (slot 2), password {@code sesame}, hint cost 10 %, one
 * hint point per check, release and collect "auto", remaining "goal".
 *
 * <p>Placements (location: item → receiver): Pebble Cave 2001: Lantern Oil → Bob (progression); Pebble Hill
 * 2002: Blue Pebble → Alice; Pebble Lake 2003: Wick → Bob (useful); Dark Hall 4001: Golden Key → Alice
 * (progression); Stair Top 4002: Pebble Trap → Alice (trap); Crypt 4003: Red Pebble → Alice. Alice starts with
 * a Red Pebble. The first four come from the frames; the last two are invented.
 */
public final class DemoMultiworld {

    /** Alice's slot. */
    public static final int ALICE = 1;
    /** Bob's slot. */
    public static final int BOB = 2;
    /** The room password. */
    public static final String PASSWORD = "sesame";

    private DemoMultiworld() {
    }

    /** {@return the demo multiworld} */
    public static Multiworld create() {
        NetworkVersion version = new NetworkVersion(0, 6, 2);
        Map<String, Permission> permissions = new LinkedHashMap<>();
        permissions.put("release", Permission.AUTO);
        permissions.put("remaining", Permission.GOAL);
        permissions.put("collect", Permission.AUTO);

        Map<Integer, NetworkSlot> slots = new LinkedHashMap<>();
        slots.put(ALICE, new NetworkSlot("Alice", "Pebble Quest", SlotType.PLAYER, List.of()));
        slots.put(BOB, new NetworkSlot("Bob", "Lantern Run", SlotType.PLAYER, List.of()));

        Map<Long, NetworkItem> alice = new LinkedHashMap<>();
        alice.put(2001L, new NetworkItem(3001, 2001, BOB, NetworkItem.PROGRESSION));
        alice.put(2002L, new NetworkItem(1002, 2002, ALICE, 0));
        alice.put(2003L, new NetworkItem(3002, 2003, BOB, NetworkItem.USEFUL));
        Map<Long, NetworkItem> bob = new LinkedHashMap<>();
        bob.put(4001L, new NetworkItem(1003, 4001, ALICE, NetworkItem.PROGRESSION));
        bob.put(4002L, new NetworkItem(1004, 4002, ALICE, NetworkItem.TRAP));
        bob.put(4003L, new NetworkItem(1001, 4003, ALICE, 0));
        Map<Integer, SlotWorld> worlds = new LinkedHashMap<>();
        worlds.put(ALICE, new SlotWorld(JsonObject.of("goal", new JsonString("collect pebbles"), "pebbles_needed",
                JsonInt.of(2)), alice, LongList.of(1001)));
        worlds.put(BOB, new SlotWorld(JsonObject.of("lantern_colour", new JsonString("amber")), bob, LongList.EMPTY));

        Map<String, GameData> packages = new LinkedHashMap<>();
        packages.put("Archipelago", game(names("Nothing", -1), names("Cheat Console", -1, "Server", -2),
                "ac9141e9ad0318df2fa27da5f20c50a842afeecb"));
        packages.put("Pebble Quest", game(names("Red Pebble", 1001, "Blue Pebble", 1002, "Golden Key", 1003, "Pebble Trap", 1004),
                names("Pebble Cave", 2001, "Pebble Hill", 2002, "Pebble Lake", 2003), "be9d365063adf3d56f6caf1a9a13705f10185d2d"));
        packages.put("Lantern Run", game(names("Lantern Oil", 3001, "Wick", 3002),
                names("Dark Hall", 4001, "Stair Top", 4002, "Crypt", 4003), "c3fd621a93625a3bb6f1b85b4df8d869df5c389f"));

        Map<String, JsonObject> itemGroups = new LinkedHashMap<>();
        itemGroups.put("Pebble Quest", JsonObject.of(
                "Everything", strings("Blue Pebble", "Golden Key", "Pebble Trap", "Red Pebble"),
                "Pebbles", strings("Blue Pebble", "Red Pebble")));
        itemGroups.put("Lantern Run", JsonObject.of("Everything", strings("Lantern Oil", "Wick")));
        Map<String, JsonObject> locationGroups = new LinkedHashMap<>();
        locationGroups.put("Pebble Quest", JsonObject.of("Everywhere", strings("Pebble Cave", "Pebble Hill", "Pebble Lake")));
        locationGroups.put("Lantern Run", JsonObject.of("Everywhere", strings("Crypt", "Dark Hall", "Stair Top")));

        return new Multiworld("48213906571023846519", PASSWORD, version, version, new NetworkVersion(0, 5, 0), 10, 1,
                permissions, 0, slots, worlds, packages, itemGroups, locationGroups);
    }

    private static GameData game(Map<String, Long> items, Map<String, Long> locations, String checksum) {
        return new GameData(NameTable.of(items), NameTable.of(locations), checksum);
    }

    private static Map<String, Long> names(Object... namesAndIds) {
        Map<String, Long> map = new LinkedHashMap<>();
        for (int i = 0; i < namesAndIds.length; i += 2) {
            map.put((String) namesAndIds[i], ((Number) namesAndIds[i + 1]).longValue());
        }
        return map;
    }

    private static JsonArray strings(String... values) {
        JsonString[] out = new JsonString[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = new JsonString(values[i]);
        }
        return JsonArray.of(out);
    }
}
