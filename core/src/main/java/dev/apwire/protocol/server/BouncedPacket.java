package dev.apwire.protocol.server;

import dev.apwire.json.JsonObject;
import dev.apwire.json.JsonValue;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * {@code Bounced}: a {@code Bounce} relayed by the server, every field copied.
 *
 * @param games the target games, or {@code null} when absent
 * @param slots the target slots, or {@code null} when absent
 * @param tags the target tags, or {@code null} when absent
 * @param data the relayed data, or {@code null} when absent
 * @param extras the Bounce's other arguments, in order
 */
public record BouncedPacket(
        @Nullable List<String> games,
        @Nullable List<Integer> slots,
        @Nullable List<String> tags,
        @Nullable JsonValue data,
        JsonObject extras) implements ServerPacket {

    /**
     * Checks every field and copies collections.
     *
     * @param games the target games, or {@code null} when absent
     * @param slots the target slots, or {@code null} when absent
     * @param tags the target tags, or {@code null} when absent
     * @param data the relayed data, or {@code null} when absent
     * @param extras the Bounce's other arguments, in order
     */
    public BouncedPacket {
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
     * @param data the relayed data, or {@code null} when absent
     */
    public BouncedPacket(@Nullable List<String> games, @Nullable List<Integer> slots, @Nullable List<String> tags, @Nullable JsonValue data) {
        this(games, slots, tags, data, JsonObject.EMPTY);
    }

    @Override
    public ServerCommand command() {
        return ServerCommand.BOUNCED;
    }
}
