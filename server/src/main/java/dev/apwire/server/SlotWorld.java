package dev.apwire.server;

import dev.apwire.json.JsonObject;
import dev.apwire.protocol.LongList;
import dev.apwire.protocol.NetworkItem;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What one slot's world holds: its slot data, what is placed at each of its locations, and its starting
 * inventory.
 *
 * @param slotData the object sent as {@code Connected.slot_data} and read as {@code _read_slot_data_{slot}}
 * @param locations every location of this world, by location id, mapped to the item placed there; in each
 *     {@link NetworkItem} {@code location} is the key and {@code player} is the <b>receiving</b> slot (the
 *     shape {@code LocationInfo} sends)
 * @param startingInventory the item ids the slot starts with (sent as {@code NetworkItem(item, -2, 0, 0)}
 *     when the client asks for the starting inventory)
 */
public record SlotWorld(JsonObject slotData, Map<Long, NetworkItem> locations, LongList startingInventory) {

    /**
     * Checks each placement is keyed by its own location and copies the map, keeping its order.
     *
     * @param slotData the slot data
     * @param locations the placements by location id
     * @param startingInventory the starting item ids
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
    }
}
