package dev.apwire.protocol.client;

import dev.apwire.json.JsonObject;
import dev.apwire.protocol.Checks;
import dev.apwire.protocol.HintStatus;
import dev.apwire.protocol.LongList;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * {@code CreateHints}: create hints for locations of a slot.
 *
 * @param locations the location ids, not empty
 * @param player the slot whose world holds the locations, or {@code null} for the sender's
 * @param status the status of the new hints, or {@code null} for unspecified
 * @param extras the fields the protocol does not define, kept in order and written back unchanged
 */
public record CreateHintsPacket(
        LongList locations,
        @Nullable Integer player,
        @Nullable HintStatus status,
        JsonObject extras) implements ClientPacket {

    /**
     * Checks every field and copies collections.
     *
     * @param locations the location ids, not empty
     * @param player the slot whose world holds the locations, or {@code null} for the sender's
     * @param status the status of the new hints, or {@code null} for unspecified
     * @param extras the fields the protocol does not define, kept in order and written back unchanged
     */
    public CreateHintsPacket {
        Objects.requireNonNull(locations, "locations");
        if (player != null) {
            Checks.nonNegative(player, "player");
        }
        Objects.requireNonNull(extras, "extras");
    }

    /**
     * Creates the record with no extra fields.
     *
     * @param locations the location ids, not empty
     * @param player the slot whose world holds the locations, or {@code null} for the sender's
     * @param status the status of the new hints, or {@code null} for unspecified
     */
    public CreateHintsPacket(LongList locations, @Nullable Integer player, @Nullable HintStatus status) {
        this(locations, player, status, JsonObject.EMPTY);
    }

    @Override
    public ClientCommand command() {
        return ClientCommand.CREATE_HINTS;
    }
}
