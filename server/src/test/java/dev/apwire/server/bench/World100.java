package dev.apwire.server.bench;

import dev.apwire.json.JsonObject;
import dev.apwire.protocol.GameData;
import dev.apwire.protocol.LongList;
import dev.apwire.protocol.NameTable;
import dev.apwire.protocol.NetworkItem;
import dev.apwire.protocol.NetworkSlot;
import dev.apwire.protocol.NetworkVersion;
import dev.apwire.protocol.Permission;
import dev.apwire.protocol.SlotType;
import dev.apwire.server.Multiworld;
import dev.apwire.server.SlotWorld;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A multiworld shaped as the load generator's {@code world-100} ({@code shared/bench/load/world-100.json}):
 * 100 slots, one team, password {@code sesame}, four games (slot {@code s} plays game {@code (s - 1) % 4});
 * every slot has 100 locations, each holding an item for another slot, and every slot receives exactly 100
 * items; each slot starts with one precollected item. Ids follow the same scheme (game {@code g}:
 * locations {@code 7000001 + 1000 g ...}, items {@code 8000001 + 1000 g ...}); the placements are a fixed
 * rotation rather than the file's shuffle, which changes no cost the room has.
 */
final class World100 {

    /** The number of slots. */
    static final int SLOTS = 100;
    /** The number of locations of each slot. */
    static final int LOCATIONS = 100;
    /** The room password. */
    static final String PASSWORD = "sesame";
    /** The games, in the order slots take them. */
    static final List<String> GAMES = List.of("Pebble Quest", "Lantern Run", "Clockwork Garden", "Tidepool Saga");

    private static final int ITEMS_PER_GAME = 20;

    private World100() {
    }

    /**
     * {@return the slot's name, {@code P001} to {@code P100}}
     *
     * @param slot the slot
     */
    static String name(int slot) {
        return String.format("P%03d", slot);
    }

    /**
     * {@return the game of a slot}
     *
     * @param slot the slot
     */
    static String game(int slot) {
        return GAMES.get((slot - 1) % GAMES.size());
    }

    /**
     * {@return the id of location {@code index} (0-based) of a slot}
     *
     * @param slot the slot
     * @param index the index
     */
    static long location(int slot, int index) {
        return 7_000_001L + 1000L * GAMES.indexOf(game(slot)) + index;
    }

    /** {@return the multiworld} */
    static Multiworld create() {
        NetworkVersion version = new NetworkVersion(0, 6, 2);
        Map<String, Permission> permissions = new LinkedHashMap<>();
        permissions.put("release", Permission.AUTO);
        permissions.put("remaining", Permission.GOAL);
        permissions.put("collect", Permission.AUTO);

        Map<String, GameData> packages = new LinkedHashMap<>();
        packages.put("Archipelago", new GameData(NameTable.of(Map.of("Nothing", -1L)),
                NameTable.of(Map.of("Cheat Console", -1L, "Server", -2L)), "ac9141e9ad0318df2fa27da5f20c50a842afeecb"));
        for (int g = 0; g < GAMES.size(); g++) {
            Map<String, Long> items = new LinkedHashMap<>();
            for (int i = 0; i < ITEMS_PER_GAME; i++) {
                items.put(GAMES.get(g) + " Item " + (i + 1), 8_000_001L + 1000L * g + i);
            }
            Map<String, Long> locations = new LinkedHashMap<>();
            for (int i = 0; i < LOCATIONS; i++) {
                locations.put(GAMES.get(g) + " Location " + (i + 1), 7_000_001L + 1000L * g + i);
            }
            packages.put(GAMES.get(g), new GameData(NameTable.of(items), NameTable.of(locations), null));
        }

        Map<Integer, NetworkSlot> slots = new LinkedHashMap<>();
        Map<Integer, SlotWorld> worlds = new LinkedHashMap<>();
        for (int s = 1; s <= SLOTS; s++) {
            slots.put(s, new NetworkSlot(name(s), game(s), SlotType.PLAYER, List.of()));
            Map<Long, NetworkItem> placed = new LinkedHashMap<>();
            for (int j = 0; j < LOCATIONS; j++) {
                // receiver offsets 1..99 (offset 1 twice): never the slot itself, and every slot receives 100 items
                int receiver = (s - 1 + 1 + j % (SLOTS - 1)) % SLOTS + 1;
                long item = 8_000_001L + 1000L * GAMES.indexOf(game(receiver)) + (j % ITEMS_PER_GAME);
                int flags = j % 5 == 0 ? NetworkItem.PROGRESSION : j % 5 == 1 ? NetworkItem.USEFUL : 0;
                placed.put(location(s, j), new NetworkItem(item, location(s, j), receiver, flags));
            }
            long start = 8_000_001L + 1000L * GAMES.indexOf(game(s)) + 10;
            worlds.put(s, new SlotWorld(JsonObject.EMPTY, placed, LongList.of(start)));
        }
        return new Multiworld("71830259146637492018", PASSWORD, version, version, new NetworkVersion(0, 5, 0), 10, 1,
                permissions, 0, slots, worlds, packages, Map.of(), Map.of());
    }
}
