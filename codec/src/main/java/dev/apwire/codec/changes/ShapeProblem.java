package dev.apwire.codec.changes;

import java.util.Objects;

/**
 * A frame that is valid JSON within the limits but not a packet. A server answers it with a
 * {@link dev.apwire.changes.ErrorCode#BAD_PACKET} error and keeps the connection.
 *
 * @param <P> the packet type that was expected
 * @param kind what is wrong
 * @param message the rule that was broken, naming the field
 */
public record ShapeProblem<P>(ShapeProblem.Kind kind, String message) implements ChangesDecoded<P> {

    /** What is wrong with the shape. */
    public enum Kind {
        /** The frame's JSON value is not an object. */
        NOT_AN_OBJECT,
        /** A required field ({@code to}, {@code from}, {@code type}) is absent. */
        MISSING_FIELD,
        /** A field has the wrong JSON type, or {@code to} is a string other than {@code "server"}. */
        WRONG_TYPE,
        /** The object has the same field twice. */
        DUPLICATE_FIELD
    }

    /**
     * Checks the fields are present.
     *
     * @param kind what is wrong
     * @param message the rule that was broken
     */
    public ShapeProblem {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
    }
}
