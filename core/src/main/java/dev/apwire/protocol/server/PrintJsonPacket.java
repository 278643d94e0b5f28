package dev.apwire.protocol.server;

import dev.apwire.json.JsonObject;
import dev.apwire.protocol.JsonMessagePart;
import dev.apwire.protocol.NetworkItem;
import dev.apwire.protocol.PrintJsonType;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * {@code PrintJSON}: a message to show. Clients need only {@code data}; the other fields depend on {@code type}.
 *
 * @param data the message parts
 * @param type the message type, or {@code null} when absent
 * @param receiving the receiving slot (ItemSend, ItemCheat, Hint)
 * @param item the item (ItemSend, ItemCheat, Hint)
 * @param found whether the hinted location was checked (Hint)
 * @param team the team of the player concerned
 * @param slot the slot of the player concerned
 * @param message the chat text without the sender prefix (Chat, ServerChat)
 * @param tags the player's tags (Join, TagsChanged)
 * @param countdown the seconds left (Countdown)
 * @param extras the fields the protocol does not define, kept in order and written back unchanged
 */
public record PrintJsonPacket(
        List<JsonMessagePart> data,
        @Nullable PrintJsonType type,
        @Nullable Integer receiving,
        @Nullable NetworkItem item,
        @Nullable Boolean found,
        @Nullable Integer team,
        @Nullable Integer slot,
        @Nullable String message,
        @Nullable List<String> tags,
        @Nullable Integer countdown,
        JsonObject extras) implements ServerPacket {

    /**
     * Checks every field and copies collections.
     *
     * @param data the message parts
     * @param type the message type, or {@code null} when absent
     * @param receiving the receiving slot (ItemSend, ItemCheat, Hint)
     * @param item the item (ItemSend, ItemCheat, Hint)
     * @param found whether the hinted location was checked (Hint)
     * @param team the team of the player concerned
     * @param slot the slot of the player concerned
     * @param message the chat text without the sender prefix (Chat, ServerChat)
     * @param tags the player's tags (Join, TagsChanged)
     * @param countdown the seconds left (Countdown)
     * @param extras the fields the protocol does not define, kept in order and written back unchanged
     */
    public PrintJsonPacket {
        data = List.copyOf(data);
        if (tags != null) {
            tags = List.copyOf(tags);
        }
        Objects.requireNonNull(extras, "extras");
    }

    /**
     * Creates the record with no extra fields.
     *
     * @param data the message parts
     * @param type the message type, or {@code null} when absent
     * @param receiving the receiving slot (ItemSend, ItemCheat, Hint)
     * @param item the item (ItemSend, ItemCheat, Hint)
     * @param found whether the hinted location was checked (Hint)
     * @param team the team of the player concerned
     * @param slot the slot of the player concerned
     * @param message the chat text without the sender prefix (Chat, ServerChat)
     * @param tags the player's tags (Join, TagsChanged)
     * @param countdown the seconds left (Countdown)
     */
    public PrintJsonPacket(List<JsonMessagePart> data, @Nullable PrintJsonType type, @Nullable Integer receiving, @Nullable NetworkItem item, @Nullable Boolean found, @Nullable Integer team, @Nullable Integer slot, @Nullable String message, @Nullable List<String> tags, @Nullable Integer countdown) {
        this(data, type, receiving, item, found, team, slot, message, tags, countdown, JsonObject.EMPTY);
    }

    @Override
    public ServerCommand command() {
        return ServerCommand.PRINT_JSON;
    }

    /**
     * {@return a message of plain text parts with no type}
     *
     * @param text the text
     */
    public static PrintJsonPacket text(String text) {
        return new PrintJsonPacket(List.of(JsonMessagePart.text(text)), null, null, null, null, null, null, null, null, null);
    }

    /** {@return the message as plain text: the parts' texts joined, ids left as ids} */
    public String plainText() {
        StringBuilder sb = new StringBuilder();
        for (JsonMessagePart p : data) {
            if (p.text() != null) {
                sb.append(p.text());
            }
        }
        return sb.toString();
    }
}
