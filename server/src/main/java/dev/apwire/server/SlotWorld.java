package dev.apwire.server;

import dev.apwire.json.JsonObject;
import dev.apwire.protocol.Hint;
import dev.apwire.protocol.LongList;
import dev.apwire.protocol.NetworkItem;
import dev.apwire.protocol.NetworkVersion;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What one slot's world holds: its slot data, what is placed at each of its locations, its starting inventory,
 * and what the generator wrote about it for the server (entrances, hints known from the start, the client
 * version it needs).
 *
 * @param slotData the object sent as {@code Connected.slot_data} and read as {@code _read_slot_data_{slot}}
 * @param locations every location of this world, by location id, mapped to the item placed there; in each
 *     {@link NetworkItem} {@code location} is the key and {@code player} is the <b>receiving</b> slot (the
 *     shape {@code LocationInfo} sends)
 * @param startingInventory the item ids the slot starts with (sent as {@code NetworkItem(item, -2, 0, 0)}
 *     when the client asks for the starting inventory)
 * @param entrances the entrance text of some of this world's locations ({@code er_hint_data}), by location id;
 *     it becomes {@code Hint.entrance} of hints on those locations
 * @param precollectedHints the hints this slot knows from the start ({@code precollected_hints}): for a
 *     player, those it finds or receives; for a group, those its members receive
 * @param minimumClientVersion the lowest client version this slot's world needs
 *     ({@code minimum_versions.clients}), or {@code null} when it states none
 */
public record SlotWorld(
        JsonObject slotData,
        Map<Long, NetworkItem> locations,
        LongList startingInventory,
        Map<Long, String> entrances,
        List<Hint> precollectedHints,
        @Nullable NetworkVersion minimumClientVersion) {

    /** A world without slot data, locations, starting items, entrances or hints. */
    public static final SlotWorld EMPTY = new SlotWorld(JsonObject.EMPTY, Map.of(), LongList.EMPTY);

    /**
     * Checks each placement is keyed by its own location and copies the collections, keeping their order.
     *
     * @param slotData the slot data
     * @param locations the placements by location id
     * @param startingInventory the starting item ids
     * @param entrances the entrance texts by location id
     * @param precollectedHints the hints known from the start
     * @param minimumClientVersion the client version needed, or {@code null}
     */
    public SlotWorld {
        Objects.requireNonNull(slotData, "slotData");
        Objects.requireNonNull(startingInventory, "startingInventory");
        LinkedHashMap<Long, NetworkItem> copy = new LinkedHashMap<>();
        for (Map.Entry<Long, NetworkItem> e : locations.entrySet()) {
            NetworkItem item = Objects.requireNonNull(e.getValue(), "placement");
            if (item.location() != e.getKey()) {
                throw new IllegalArgumentException("the item placed at location " + e.getKey()
                        + " names location " + item.location());
            }
            copy.put(e.getKey(), item);
        }
        locations = Collections.unmodifiableMap(copy);
        LinkedHashMap<Long, String> entranceCopy = new LinkedHashMap<>();
        for (Map.Entry<Long, String> e : entrances.entrySet()) {
            entranceCopy.put(Objects.requireNonNull(e.getKey(), "location"), Objects.requireNonNull(e.getValue(), "entrance"));
        }
        entrances = Collections.unmodifiableMap(entranceCopy);
        precollectedHints = List.copyOf(precollectedHints);
    }

    /**
     * A world with no entrances, no hints known from the start and no client version of its own.
     *
     * @param slotData the slot data
     * @param locations the placements by location id
     * @param startingInventory the starting item ids
     */
    public SlotWorld(JsonObject slotData, Map<Long, NetworkItem> locations, LongList startingInventory) {
        this(slotData, locations, startingInventory, Map.of(), List.of(), null);
    }
}
