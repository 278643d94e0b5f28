package dev.apwire.protocol;

import dev.apwire.json.JsonObject;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One node of a {@code PrintJSON} message ({@code JSONMessagePart}). A part without a type is plain text.
 *
 * @param text the text (an id as a string for the {@code *_id} types), or {@code null} when absent
 * @param type the part type, or {@code null} for plain text
 * @param color the colour, for {@code color} parts
 * @param flags the item flags, for item parts
 * @param player the slot the id belongs to, for item and location parts
 * @param hintStatus the status, for {@code hint_status} parts
 * @param extras the fields the protocol does not define, kept in order and written back unchanged
 */
public record JsonMessagePart(
        @Nullable String text,
        @Nullable JsonMessagePartType type,
        @Nullable TextColor color,
        @Nullable Integer flags,
        @Nullable Integer player,
        @Nullable HintStatus hintStatus,
        JsonObject extras) {

    /**
     * Checks every field and copies collections.
     *
     * @param text the text (an id as a string for the {@code *_id} types), or {@code null} when absent
     * @param type the part type, or {@code null} for plain text
     * @param color the colour, for {@code color} parts
     * @param flags the item flags, for item parts
     * @param player the slot the id belongs to, for item and location parts
     * @param hintStatus the status, for {@code hint_status} parts
     * @param extras the fields the protocol does not define, kept in order and written back unchanged
     */
    public JsonMessagePart {
        if (player != null) {
            Checks.nonNegative(player, "player");
        }
        Objects.requireNonNull(extras, "extras");
    }

    /**
     * Creates the record with no extra fields.
     *
     * @param text the text (an id as a string for the {@code *_id} types), or {@code null} when absent
     * @param type the part type, or {@code null} for plain text
     * @param color the colour, for {@code color} parts
     * @param flags the item flags, for item parts
     * @param player the slot the id belongs to, for item and location parts
     * @param hintStatus the status, for {@code hint_status} parts
     */
    public JsonMessagePart(@Nullable String text, @Nullable JsonMessagePartType type, @Nullable TextColor color, @Nullable Integer flags, @Nullable Integer player, @Nullable HintStatus hintStatus) {
        this(text, type, color, flags, player, hintStatus, JsonObject.EMPTY);
    }

    /**
     * {@return a plain text part}
     *
     * @param text the text
     */
    public static JsonMessagePart text(String text) {
        return new JsonMessagePart(text, null, null, null, null, null);
    }

    /** {@return the part type, {@link JsonMessagePartType#TEXT} when none is given} */
    public JsonMessagePartType typeOrText() {
        return type != null ? type : JsonMessagePartType.TEXT;
    }
}
