package dev.apwire.protocol.server;

import dev.apwire.json.JsonObject;
import dev.apwire.protocol.Checks;
import dev.apwire.protocol.NetworkItem;
import java.util.List;
import java.util.Objects;

/**
 * {@code ReceivedItems}: items for the client; index 0 is the full inventory, otherwise the items continue the list at {@code index}.
 *
 * @param index the position of the first item in the client's item list
 * @param items the items
 * @param extras the fields the protocol does not define, kept in order and written back unchanged
 */
public record ReceivedItemsPacket(
        int index,
        List<NetworkItem> items,
        JsonObject extras) implements ServerPacket {

    /**
     * Checks every field and copies collections.
     *
     * @param index the position of the first item in the client's item list
     * @param items the items
     * @param extras the fields the protocol does not define, kept in order and written back unchanged
     */
    public ReceivedItemsPacket {
        Checks.nonNegative(index, "index");
        items = List.copyOf(items);
        Objects.requireNonNull(extras, "extras");
    }

    /**
     * Creates the record with no extra fields.
     *
     * @param index the position of the first item in the client's item list
     * @param items the items
     */
    public ReceivedItemsPacket(int index, List<NetworkItem> items) {
        this(index, items, JsonObject.EMPTY);
    }

    @Override
    public ServerCommand command() {
        return ServerCommand.RECEIVED_ITEMS;
    }
}
