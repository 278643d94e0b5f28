package dev.apwire.server;

import dev.apwire.json.JsonArray;
import dev.apwire.json.JsonObject;
import dev.apwire.json.JsonString;
import dev.apwire.json.JsonValue;
import dev.apwire.protocol.DataPackageChecksum;
import dev.apwire.protocol.GameData;
import dev.apwire.protocol.NetworkSlot;
import dev.apwire.protocol.NetworkVersion;
import dev.apwire.protocol.Permission;
import dev.apwire.protocol.SlotType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A generated multiworld as a room serves it: the room options, the slots, each slot's world, and the data
 * packages. Immutable. One team (team 0), as every multiworld the reference server loads from a single
 * generation (server-features.md §9.1).
 *
 * <p>{@link MultiworldFiles} reads one from the generator's {@code .archipelago} files or from apwire's JSON
 * multiworld format; tests and embedders may also build one directly.
 *
 * <p>Every data package carries a checksum: one without is given the checksum computed from its names and
 * groups ({@link DataPackageChecksum}), so that {@code RoomInfo.datapackage_checksums} always names what
 * {@code GetDataPackage} serves.
 *
 * @param seedName the seed name sent in {@code RoomInfo}
 * @param password the join password, or {@code null} for a room anyone may join
 * @param serverVersion the version the room reports as {@code RoomInfo.version}
 * @param generatorVersion the version of the generator that made the multiworld
 * @param minimumClientVersion the lowest {@code Connect.version} accepted (the reference uses 0.5.0 for
 *     multiworlds made by generator 0.6.2 or later); a slot's world may require more
 *     ({@link SlotWorld#minimumClientVersion()})
 * @param hintCost the hint cost in percent of the slot's location count
 * @param locationCheckPoints the hint points earned per checked location
 * @param permissions {@code release}, {@code remaining} and {@code collect}, in that order
 * @param raceMode the race mode flag ({@code _read_race_mode}), 0 or 1
 * @param slots every slot by slot number, including groups and spectators
 * @param worlds the world of each slot that has locations, items, entrances or hints (a missing entry is an
 *     empty world)
 * @param dataPackages the data package of each game, including {@code Archipelago}, in the order
 *     {@code GetDataPackage} without {@code games} sends them; each with its checksum
 * @param itemNameGroups per game: group name to an array of item names ({@code _read_item_name_groups_{game}})
 * @param locationNameGroups per game: group name to an array of location names
 * @param spheres the generator's playthrough spheres, first to last: in each, the locations of each slot
 *     ({@code spheres}; empty when the file has none); a hint prefers locations of earlier spheres
 * @param serverOptions every server option the multiworld carries ({@code server_options}), as written,
 *     including those this record models ({@code hint_cost}, {@code password}, the modes) and those it does not
 *     ({@code countdown_mode}, {@code disable_item_cheat}, {@code auto_shutdown}, ...)
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
        Map<String, JsonObject> locationNameGroups,
        List<Map<Integer, Set<Long>>> spheres,
        JsonObject serverOptions) {

    /**
     * Checks the options, the slots and groups, copies the collections keeping their order, and gives each data
     * package without a checksum its computed checksum.
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
     * @param spheres the playthrough spheres
     * @param serverOptions the server options as written
     */
    public Multiworld {
        Objects.requireNonNull(seedName, "seedName");
        Objects.requireNonNull(serverVersion, "serverVersion");
        Objects.requireNonNull(generatorVersion, "generatorVersion");
        Objects.requireNonNull(minimumClientVersion, "minimumClientVersion");
        Objects.requireNonNull(serverOptions, "serverOptions");
        if (hintCost < 0 || hintCost > 100) {
            throw new IllegalArgumentException("hintCost must be 0..100 percent, got " + hintCost);
        }
        if (locationCheckPoints < 0) {
            throw new IllegalArgumentException("locationCheckPoints must not be negative, got " + locationCheckPoints);
        }
        permissions = ordered(permissions);
        slots = ordered(slots);
        worlds = ordered(worlds);
        itemNameGroups = ordered(itemNameGroups);
        locationNameGroups = ordered(locationNameGroups);
        dataPackages = withChecksums(ordered(dataPackages), itemNameGroups, locationNameGroups);
        List<Map<Integer, Set<Long>>> sphereCopy = new ArrayList<>();
        for (Map<Integer, Set<Long>> sphere : spheres) {
            LinkedHashMap<Integer, Set<Long>> copy = new LinkedHashMap<>();
            for (Map.Entry<Integer, Set<Long>> e : sphere.entrySet()) {
                copy.put(Objects.requireNonNull(e.getKey(), "slot"),
                        Collections.unmodifiableSet(new LinkedHashSet<>(e.getValue())));
            }
            sphereCopy.add(Collections.unmodifiableMap(copy));
        }
        spheres = List.copyOf(sphereCopy);
        for (Integer slot : worlds.keySet()) {
            if (!slots.containsKey(slot)) {
                throw new IllegalArgumentException("world for unknown slot " + slot);
            }
        }
        for (Map.Entry<Integer, NetworkSlot> e : slots.entrySet()) {
            int slot = e.getKey();
            NetworkSlot info = e.getValue();
            if (slot <= 0) {
                throw new IllegalArgumentException("slot numbers start at 1, got " + slot);
            }
            if (info.type().equals(SlotType.GROUP)) {
                for (int member : info.groupMembers()) {
                    NetworkSlot m = slots.get(member);
                    if (m == null || m.type().equals(SlotType.GROUP)) {
                        throw new IllegalArgumentException("group " + slot + " lists " + member
                                + ", which is not a player or spectator slot");
                    }
                }
                if (!worlds.getOrDefault(slot, SlotWorld.EMPTY).locations().isEmpty()) {
                    throw new IllegalArgumentException("group " + slot + " has locations: only players have locations");
                }
            } else if (!dataPackages.containsKey(info.game())) {
                throw new IllegalArgumentException("no data package for game '" + info.game() + "' of slot " + slot);
            }
        }
    }

    /**
     * A multiworld without spheres and without server options beyond those the record models.
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
    public Multiworld(String seedName, @Nullable String password, NetworkVersion serverVersion,
            NetworkVersion generatorVersion, NetworkVersion minimumClientVersion, int hintCost, int locationCheckPoints,
            Map<String, Permission> permissions, int raceMode, Map<Integer, NetworkSlot> slots,
            Map<Integer, SlotWorld> worlds, Map<String, GameData> dataPackages, Map<String, JsonObject> itemNameGroups,
            Map<String, JsonObject> locationNameGroups) {
        this(seedName, password, serverVersion, generatorVersion, minimumClientVersion, hintCost, locationCheckPoints,
                permissions, raceMode, slots, worlds, dataPackages, itemNameGroups, locationNameGroups, List.of(),
                JsonObject.EMPTY);
    }

    /** {@return the world of a slot (empty for a slot without one)}
     *
     * @param slot the slot number
     */
    public SlotWorld world(int slot) {
        return worlds.getOrDefault(slot, SlotWorld.EMPTY);
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

    /** {@return the lowest client version a slot accepts: the room's minimum or the slot world's, whichever is
     * higher}
     *
     * @param slot the slot number
     */
    public NetworkVersion minimumClientVersion(int slot) {
        NetworkVersion own = world(slot).minimumClientVersion();
        return own != null && compare(own, minimumClientVersion) > 0 ? own : minimumClientVersion;
    }

    /** {@return the member slots of a group, or the slot itself for a player or spectator ({@code slot_set})}
     *
     * @param slot the slot number
     */
    public List<Integer> slotSet(int slot) {
        NetworkSlot info = slots.get(slot);
        return info != null && info.type().equals(SlotType.GROUP) ? info.groupMembers() : List.of(slot);
    }

    /** {@return the groups a slot is a member of, in slot order}
     *
     * @param slot the slot number
     */
    public List<Integer> groupsOf(int slot) {
        List<Integer> out = new ArrayList<>();
        for (Map.Entry<Integer, NetworkSlot> e : slots.entrySet()) {
            if (e.getValue().type().equals(SlotType.GROUP) && e.getValue().groupMembers().contains(slot)) {
                out.add(e.getKey());
            }
        }
        return out;
    }

    private static int compare(NetworkVersion a, NetworkVersion b) {
        int c = Integer.compare(a.major(), b.major());
        if (c == 0) {
            c = Integer.compare(a.minor(), b.minor());
        }
        return c != 0 ? c : Integer.compare(a.build(), b.build());
    }

    private static Map<String, GameData> withChecksums(Map<String, GameData> packages,
            Map<String, JsonObject> itemNameGroups, Map<String, JsonObject> locationNameGroups) {
        LinkedHashMap<String, GameData> out = new LinkedHashMap<>();
        for (Map.Entry<String, GameData> e : packages.entrySet()) {
            GameData data = e.getValue();
            if (data.checksum() == null) {
                String checksum = DataPackageChecksum.of(data,
                        groupLists(itemNameGroups.getOrDefault(e.getKey(), JsonObject.EMPTY), e.getKey()),
                        groupLists(locationNameGroups.getOrDefault(e.getKey(), JsonObject.EMPTY), e.getKey()));
                data = new GameData(data.itemNameToId(), data.locationNameToId(), checksum, data.extras());
            }
            out.put(e.getKey(), data);
        }
        return Collections.unmodifiableMap(out);
    }

    private static Map<String, List<String>> groupLists(JsonObject groups, String game) {
        LinkedHashMap<String, List<String>> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonValue> e : groups.members().entrySet()) {
            if (!(e.getValue() instanceof JsonArray members)) {
                throw new IllegalArgumentException("group '" + e.getKey() + "' of " + game + " is not an array of names");
            }
            List<String> names = new ArrayList<>();
            for (JsonValue v : members.elements()) {
                if (!(v instanceof JsonString name)) {
                    throw new IllegalArgumentException("group '" + e.getKey() + "' of " + game + " has a non-string member");
                }
                names.add(name.value());
            }
            out.put(e.getKey(), names);
        }
        return out;
    }

    private static <K, V> Map<K, V> ordered(Map<K, V> map) {
        LinkedHashMap<K, V> copy = new LinkedHashMap<>();
        for (Map.Entry<K, V> e : map.entrySet()) {
            copy.put(Objects.requireNonNull(e.getKey(), "key"), Objects.requireNonNull(e.getValue(), "value"));
        }
        return Collections.unmodifiableMap(copy);
    }
}
