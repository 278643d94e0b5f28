package dev.apwire.server;

import dev.apwire.json.JsonObject;
import dev.apwire.protocol.GameData;
import dev.apwire.protocol.NetworkSlot;
import dev.apwire.protocol.NetworkVersion;
import dev.apwire.protocol.Permission;
import dev.apwire.protocol.SlotType;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A generated multiworld as a room serves it: the room options, the slots, each slot's world, and the data
 * packages. Immutable. One team (team 0), as every multiworld the reference server loads from a single
 * generation.
 *
 * @param seedName the seed name sent in {@code RoomInfo}
 * @param password the join password, or {@code null} for a room anyone may join
 * @param serverVersion the version the room reports as {@code RoomInfo.version}
 * @param generatorVersion the version of the generator that made the multiworld
 * @param minimumClientVersion the lowest {@code Connect.version} accepted (the reference uses 0.5.0 for
 *     multiworlds made by generator 0.6.2 or later)
 * @param hintCost the hint cost in percent of the slot's location count
 * @param locationCheckPoints the hint points earned per checked location
 * @param permissions {@code release}, {@code remaining} and {@code collect}, in that order
 * @param raceMode the race mode flag ({@code _read_race_mode}), 0 or 1
 * @param slots every slot by slot number, including groups and spectators
 * @param worlds the world of each slot that has locations or items (a missing entry is an empty world)
 * @param dataPackages the data package of each game, including {@code Archipelago}, in the order
 *     {@code GetDataPackage} without {@code games} sends them
 * @param itemNameGroups per game: group name to an array of item names ({@code _read_item_name_groups_{game}})
 * @param locationNameGroups per game: group name to an array of location names
 */
public record Multiworld(
        String seedName,
        @Nullable String password,
        NetworkVersion serverVersion,
        NetworkVersion generatorVersion,
        NetworkVersion minimumClientVersion,
        int hintCost,
        int locationCheckPoints,
        Map<String, Permission> permissions,
        int raceMode,
        Map<Integer, NetworkSlot> slots,
        Map<Integer, SlotWorld> worlds,
        Map<String, GameData> dataPackages,
        Map<String, JsonObject> itemNameGroups,
        Map<String, JsonObject> locationNameGroups) {

    private static final SlotWorld EMPTY_WORLD = new SlotWorld(JsonObject.EMPTY, Map.of(), dev.apwire.protocol.LongList.EMPTY);

    /**
     * Checks the options and copies the maps, keeping their order.
     *
     * @param seedName the seed name
     * @param password the join password or {@code null}
     * @param serverVersion the server version
     * @param generatorVersion the generator version
     * @param minimumClientVersion the lowest client version accepted
     * @param hintCost the hint cost in percent
     * @param locationCheckPoints the points per check
     * @param permissions the permissions
     * @param raceMode the race mode flag
     * @param slots the slots
     * @param worlds the worlds by slot
     * @param dataPackages the data packages by game
     * @param itemNameGroups the item name groups by game
     * @param locationNameGroups the location name groups by game
     */
    public Multiworld {
        Objects.requireNonNull(seedName, "seedName");
        Objects.requireNonNull(serverVersion, "serverVersion");
        Objects.requireNonNull(generatorVersion, "generatorVersion");
        Objects.requireNonNull(minimumClientVersion, "minimumClientVersion");
        if (hintCost < 0 || hintCost > 100) {
            throw new IllegalArgumentException("hintCost must be 0..100 percent, got " + hintCost);
        }
        if (locationCheckPoints < 0) {
            throw new IllegalArgumentException("locationCheckPoints must not be negative, got " + locationCheckPoints);
        }
        permissions = ordered(permissions);
        slots = ordered(slots);
        worlds = ordered(worlds);
        dataPackages = ordered(dataPackages);
        itemNameGroups = ordered(itemNameGroups);
        locationNameGroups = ordered(locationNameGroups);
        for (Integer slot : worlds.keySet()) {
            if (!slots.containsKey(slot)) {
                throw new IllegalArgumentException("world for unknown slot " + slot);
            }
        }
        for (Map.Entry<Integer, NetworkSlot> e : slots.entrySet()) {
            if (e.getKey() <= 0) {
                throw new IllegalArgumentException("slot numbers start at 1, got " + e.getKey());
            }
            if (!e.getValue().type().equals(SlotType.GROUP) && !dataPackages.containsKey(e.getValue().game())) {
                throw new IllegalArgumentException("no data package for game '" + e.getValue().game() + "' of slot " + e.getKey());
            }
        }
    }

    /** {@return the world of a slot (empty for a slot without one)}
     *
     * @param slot the slot number
     */
    public SlotWorld world(int slot) {
        return worlds.getOrDefault(slot, EMPTY_WORLD);
    }

    /** {@return the hint cost of a slot in points: {@code max(1, int(hint_cost * 0.01 * locations))}, or 0 when
     * hints are free (reference-server.md §3.5)}
     *
     * @param slot the slot number
     */
    public int hintCostForSlot(int slot) {
        if (hintCost <= 0) {
            return 0;
        }
        return Math.max(1, (int) (hintCost * 0.01 * world(slot).locations().size()));
    }

    private static <K, V> Map<K, V> ordered(Map<K, V> map) {
        LinkedHashMap<K, V> copy = new LinkedHashMap<>();
        for (Map.Entry<K, V> e : map.entrySet()) {
            copy.put(Objects.requireNonNull(e.getKey(), "key"), Objects.requireNonNull(e.getValue(), "value"));
        }
        return Collections.unmodifiableMap(copy);
    }
}
