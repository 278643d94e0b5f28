package dev.apwire.session;

import dev.apwire.protocol.JsonMessagePart;
import dev.apwire.protocol.JsonMessagePartType;
import java.util.Objects;

/**
 * One part of a {@code PrintJSON} message with its text resolved: player, item and location ids
 * replaced by names when the session knows them, every other part (unknown types included) shown
 * as its text.
 *
 * @param text the text to show
 * @param type the part's type ({@code text} when absent)
 * @param source the part as the server sent it
 */
public record RenderedPart(String text, JsonMessagePartType type, JsonMessagePart source) {

    /**
     * Checks the fields.
     *
     * @param text the text to show
     * @param type the part's type
     * @param source the part as sent
     */
    public RenderedPart {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(source, "source");
    }
}
