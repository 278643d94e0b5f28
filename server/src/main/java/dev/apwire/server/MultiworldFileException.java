package dev.apwire.server;

import java.io.IOException;
import java.util.Objects;

/**
 * A multiworld file that cannot be served: not a multiworld, too large, corrupt, holding a forbidden pickle
 * global, or describing an inconsistent world. The message says what and where; {@link #kind()} says which
 * rule was broken.
 */
public final class MultiworldFileException extends IOException {

    private static final long serialVersionUID = 1L;

    /** Which rule a multiworld file broke. */
    public enum Kind {
        /** Neither a generator file (format byte, zlib, pickle), a zip holding one, nor apwire's JSON format. */
        UNKNOWN_FORMAT,
        /** A format version newer than this reader knows, or a world that needs a newer server. */
        UNSUPPORTED_VERSION,
        /** Larger than {@link MultiworldLimits} allow (the file, its decompressed pickle, or the pickle's
         * operations or nesting). */
        TOO_LARGE,
        /** The compressed stream or the container is damaged or truncated. */
        CORRUPT,
        /** The pickle names a global the restricted unpickler does not allow, or uses an opcode that would run
         * or look up code; nothing was executed. */
        FORBIDDEN,
        /** The pickle or JSON is not well formed. */
        MALFORMED,
        /** Well formed, but not a consistent multiworld (a missing key, a wrong type, an unknown slot). */
        INVALID
    }

    /** The rule the file broke. */
    private final Kind kind;

    /**
     * Creates the exception.
     *
     * @param kind the rule broken
     * @param message what is wrong, naming the key or opcode
     */
    public MultiworldFileException(Kind kind, String message) {
        super(message);
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    /**
     * Creates the exception with its cause.
     *
     * @param kind the rule broken
     * @param message what is wrong
     * @param cause the underlying error
     */
    public MultiworldFileException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    /** {@return which rule the file broke} */
    public Kind kind() {
        return kind;
    }
}
