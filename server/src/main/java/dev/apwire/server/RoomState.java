package dev.apwire.server;

import dev.apwire.json.JsonObject;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Everything a room must keep across a restart (server-features.md §13.1): each slot's progress, the options
 * admins changed, which members of each item-link group collected, and the data storage. What is not here is
 * not saved, as in the reference: connections, {@code SetNotify} subscriptions, the admin login, a running
 * countdown, {@code /allow_release}. Immutable; {@link RoomStateCodec} writes and reads it.
 *
 * @param version the format version ({@link #VERSION} for states this library writes)
 * @param seedName the seed of the multiworld it belongs to
 * @param slotNames every slot's name by slot number: a save only restores onto the same multiworld
 * @param options the room options
 * @param slots the progress of each (team, slot), in (team, slot) order
 * @param groupCollected per item-link group: the members that collected
 * @param dataStorage the data storage ({@link dev.apwire.storage.DataStore#snapshot()})
 */
public record RoomState(int version, String seedName, Map<Integer, String> slotNames, RoomOptions options,
        List<SlotProgress> slots, Map<Integer, List<Integer>> groupCollected, JsonObject dataStorage) {

    /** The current format version. */
    public static final int VERSION = 1;

    /**
     * Checks and copies.
     *
     * @param version the format version
     * @param seedName the seed name
     * @param slotNames the slot names
     * @param options the options
     * @param slots the slot progress
     * @param groupCollected the collected group members
     * @param dataStorage the data storage
     */
    public RoomState {
        if (version < 1) {
            throw new IllegalArgumentException("version starts at 1, got " + version);
        }
        Objects.requireNonNull(seedName, "seedName");
        slotNames = Collections.unmodifiableMap(new TreeMap<>(slotNames));
        Objects.requireNonNull(options, "options");
        slots = List.copyOf(slots);
        TreeMap<Integer, List<Integer>> g = new TreeMap<>();
        for (Map.Entry<Integer, List<Integer>> e : groupCollected.entrySet()) {
            g.put(e.getKey(), List.copyOf(e.getValue()));
        }
        groupCollected = Collections.unmodifiableMap(g);
        Objects.requireNonNull(dataStorage, "dataStorage");
    }
}
