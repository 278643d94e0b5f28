package dev.apwire.protocol.client;

import dev.apwire.json.JsonObject;
import dev.apwire.protocol.ItemsHandling;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * {@code ConnectUpdate}: change {@code items_handling} and/or {@code tags} after connecting.
 *
 * @param itemsHandling the new flags, or {@code null} to keep them
 * @param tags the new tags, or {@code null} to keep them
 * @param extras the fields the protocol does not define, kept in order and written back unchanged
 */
public record ConnectUpdatePacket(
        @Nullable ItemsHandling itemsHandling,
        @Nullable List<String> tags,
        JsonObject extras) implements ClientPacket {

    /**
     * Checks every field and copies collections.
     *
     * @param itemsHandling the new flags, or {@code null} to keep them
     * @param tags the new tags, or {@code null} to keep them
     * @param extras the fields the protocol does not define, kept in order and written back unchanged
     */
    public ConnectUpdatePacket {
        if (tags != null) {
            tags = List.copyOf(tags);
        }
        Objects.requireNonNull(extras, "extras");
    }

    /**
     * Creates the record with no extra fields.
     *
     * @param itemsHandling the new flags, or {@code null} to keep them
     * @param tags the new tags, or {@code null} to keep them
     */
    public ConnectUpdatePacket(@Nullable ItemsHandling itemsHandling, @Nullable List<String> tags) {
        this(itemsHandling, tags, JsonObject.EMPTY);
    }

    @Override
    public ClientCommand command() {
        return ClientCommand.CONNECT_UPDATE;
    }
}
