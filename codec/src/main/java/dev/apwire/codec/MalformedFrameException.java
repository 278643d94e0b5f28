package dev.apwire.codec;

import java.util.Objects;

/**
 * A frame that cannot be read as a list of commands at all: not JSON, not an array, or over a
 * {@linkplain CodecLimits limit}. Problems inside one command are not exceptions; they are
 * {@code Decoded} problems next to the sibling commands.
 */
public final class MalformedFrameException extends Exception {
    private static final long serialVersionUID = 1L;

    /** What is wrong with the frame. */
    public enum Kind {
        /** The bytes are not valid JSON (or not valid UTF-8, or have trailing data). */
        NOT_JSON,
        /** The JSON is valid but its top level is not an array. */
        NOT_AN_ARRAY,
        /** The frame is longer than {@link CodecLimits#maxFrameBytes()}. */
        TOO_LARGE,
        /** Arrays and objects nest deeper than {@link CodecLimits#maxDepth()}. */
        TOO_DEEP,
        /** A number literal is longer than {@link CodecLimits#maxNumberLength()}. */
        NUMBER_TOO_LONG,
        /** A string is longer than {@link CodecLimits#maxStringLength()}. */
        STRING_TOO_LONG,
        /** A {@code NaN} or {@code Infinity} literal, which standard JSON does not have. */
        NON_FINITE_NUMBER
    }

    /** What is wrong with the frame. */
    private final Kind kind;

    /**
     * Creates the exception.
     *
     * @param kind what is wrong
     * @param message the details
     */
    public MalformedFrameException(Kind kind, String message) {
        super(message);
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    /** {@return what is wrong with the frame} */
    public Kind kind() {
        return kind;
    }
}
