package dev.apwire.protocol.client;

import dev.apwire.json.JsonObject;
import dev.apwire.json.JsonValue;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * {@code Bounce}: data for the server to relay to the clients matching any of the games, slots or tags.
 *
 * @param games the target games, or {@code null} when absent
 * @param slots the target slots, or {@code null} when absent
 * @param tags the target tags, or {@code null} when absent
 * @param data the data to relay, or {@code null} when absent ({@link dev.apwire.json.JsonNull} when sent as null)
 * @param extras the other arguments, relayed in order into {@code Bounced}
 */
public record BouncePacket(
        @Nullable List<String> games,
        @Nullable List<Integer> slots,
        @Nullable List<String> tags,
        @Nullable JsonValue data,
        JsonObject extras) implements ClientPacket {

    /**
     * Checks every field and copies collections.
     *
     * @param games the target games, or {@code null} when absent
     * @param slots the target slots, or {@code null} when absent
     * @param tags the target tags, or {@code null} when absent
     * @param data the data to relay, or {@code null} when absent ({@link dev.apwire.json.JsonNull} when sent as null)
     * @param extras the other arguments, relayed in order into {@code Bounced}
     */
    public BouncePacket {
        if (games != null) {
            games = List.copyOf(games);
        }
        if (slots != null) {
            slots = List.copyOf(slots);
        }
        if (tags != null) {
            tags = List.copyOf(tags);
        }
        Objects.requireNonNull(extras, "extras");
    }

    /**
     * Creates the record with no extra fields.
     *
     * @param games the target games, or {@code null} when absent
     * @param slots the target slots, or {@code null} when absent
     * @param tags the target tags, or {@code null} when absent
     * @param data the data to relay, or {@code null} when absent ({@link dev.apwire.json.JsonNull} when sent as null)
     */
    public BouncePacket(@Nullable List<String> games, @Nullable List<Integer> slots, @Nullable List<String> tags, @Nullable JsonValue data) {
        this(games, slots, tags, data, JsonObject.EMPTY);
    }

    @Override
    public ClientCommand command() {
        return ClientCommand.BOUNCE;
    }
}
