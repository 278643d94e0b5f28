package dev.apwire.session;

import java.time.Instant;
import java.util.Objects;

/**
 * The session sent a request that expects an answer; the answer's event carries the same id, or {@link RequestFailed} does.
 *
 * @param kind what was asked
 * @param requestId the correlation id
 * @param deadline when the request times out
 */
public record RequestSent(RequestKind kind, String requestId, Instant deadline) implements SessionEvent {

    /**
     * Checks the fields and copies lists.
     *
     * @param kind what was asked
     * @param requestId the correlation id
     * @param deadline when the request times out
     */
    public RequestSent {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(deadline, "deadline");
    }
}
