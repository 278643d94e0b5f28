package dev.apwire.client;

/**
 * Why a future of the {@link ArchipelagoClient} failed: the base of its typed failures. Used as is when the
 * server cannot be reached, the v2.0 subprotocol was refused without a fallback, or the client was closed.
 */
public class ArchipelagoClientException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * An exception.
     *
     * @param message what happened
     */
    public ArchipelagoClientException(String message) {
        super(message);
    }

    /**
     * An exception with a cause.
     *
     * @param message what happened
     * @param cause the cause
     */
    public ArchipelagoClientException(String message, Throwable cause) {
        super(message, cause);
    }
}
