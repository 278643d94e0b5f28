package dev.apwire.changes;

import java.util.Objects;

/**
 * The result of {@link ChangesHub#open}: the new connection's token and what to send.
 *
 * @param token the new token, 32 lower-case hex characters
 * @param step the deliveries: the newcomer's snapshot first, then (with immediate batching) the others'
 *     {@code open} change
 */
public record Opened(String token, HubStep step) {

    /**
     * Checks the fields are present.
     *
     * @param token the new token
     * @param step the deliveries
     */
    public Opened {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(step, "step");
    }
}
