package dev.apwire.session;

import dev.apwire.protocol.NetworkItem;
import java.util.Objects;

/**
 * An item the server gave the slot, with its position in the slot's item list.
 *
 * @param index the position in the server's item list, from 0; the game persists the last one it processed
 * @param item the item
 */
public record ReceivedItem(int index, NetworkItem item) {

    /**
     * Checks the fields.
     *
     * @param index the position in the server's item list, from 0
     * @param item the item
     */
    public ReceivedItem {
        if (index < 0) {
            throw new IllegalArgumentException("index must be >= 0, got " + index);
        }
        Objects.requireNonNull(item, "item");
    }
}
