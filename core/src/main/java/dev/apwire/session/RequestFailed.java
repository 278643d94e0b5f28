package dev.apwire.session;

import java.util.Objects;

/**
 * A request got no answer: its deadline passed, or the connection was lost before the answer.
 *
 * @param kind what was asked
 * @param requestId the correlation id
 * @param reason why
 */
public record RequestFailed(RequestKind kind, String requestId, FailureReason reason) implements SessionEvent {

    /**
     * Checks the fields and copies lists.
     *
     * @param kind what was asked
     * @param requestId the correlation id
     * @param reason why
     */
    public RequestFailed {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(reason, "reason");
    }

    /** Why a request failed. */
    public enum FailureReason {
        /** The deadline passed ({@link ClientSession#onTimeout(java.time.Instant)}). */
        TIMED_OUT,
        /** The connection was lost ({@link ClientSession#disconnected(java.time.Instant)}). */
        CONNECTION_LOST
    }
}
