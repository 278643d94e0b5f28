package dev.apwire.client;

/** A request or intent of the {@link ArchipelagoClient} failed without an answer. */
public final class RequestFailedException extends ArchipelagoClientException {

    private static final long serialVersionUID = 1L;

    /** Why a request failed. */
    public enum Reason {
        /** No answer before its deadline (the session's request timeout). */
        TIMED_OUT,
        /** The connection was lost before the answer; the request is not repeated. */
        CONNECTION_LOST,
        /** The client was not logged in, and the intent table says this intent does not wait. */
        NOT_CONNECTED,
        /** The client was closed. */
        CLOSED
    }

    /** Why the request failed. */
    private final Reason reason;

    /**
     * An exception.
     *
     * @param reason why
     * @param what what failed, for the message
     */
    public RequestFailedException(Reason reason, String what) {
        super(what + " failed: " + reason.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
        this.reason = reason;
    }

    /** {@return why the request failed} */
    public Reason reason() {
        return reason;
    }
}
