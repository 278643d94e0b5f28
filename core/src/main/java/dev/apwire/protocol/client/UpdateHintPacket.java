package dev.apwire.protocol.client;

import dev.apwire.json.JsonObject;
import dev.apwire.protocol.Checks;
import dev.apwire.protocol.HintStatus;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * {@code UpdateHint}: change the status of a hint for one of the sender's items.
 *
 * @param player the slot whose world holds the location
 * @param location the location id
 * @param status the new status, or {@code null} to leave it
 * @param extras the fields the protocol does not define, kept in order and written back unchanged
 */
public record UpdateHintPacket(
        int player,
        long location,
        @Nullable HintStatus status,
        JsonObject extras) implements ClientPacket {

    /**
     * Checks every field and copies collections.
     *
     * @param player the slot whose world holds the location
     * @param location the location id
     * @param status the new status, or {@code null} to leave it
     * @param extras the fields the protocol does not define, kept in order and written back unchanged
     */
    public UpdateHintPacket {
        Checks.nonNegative(player, "player");
        Checks.id(location, "location");
        Objects.requireNonNull(extras, "extras");
    }

    /**
     * Creates the record with no extra fields.
     *
     * @param player the slot whose world holds the location
     * @param location the location id
     * @param status the new status, or {@code null} to leave it
     */
    public UpdateHintPacket(int player, long location, @Nullable HintStatus status) {
        this(player, location, status, JsonObject.EMPTY);
    }

    @Override
    public ClientCommand command() {
        return ClientCommand.UPDATE_HINT;
    }
}
