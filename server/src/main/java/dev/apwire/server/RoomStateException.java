package dev.apwire.server;

/**
 * A saved room state could not be read: not the save format, a newer version, or inconsistent contents. The
 * message says which and where.
 */
public final class RoomStateException extends Exception {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what is wrong
     */
    public RoomStateException(String message) {
        super(message);
    }

    /**
     * Creates the exception with a cause.
     *
     * @param message what is wrong
     * @param cause the underlying problem
     */
    public RoomStateException(String message, Throwable cause) {
        super(message, cause);
    }
}
