package dev.apwire.changes;

import java.util.Objects;

/**
 * Close a connection (after sending its deliveries of the same step). The hub has already forgotten the
 * token; the driver's later {@link ChangesHub#close} for it is a no-op.
 *
 * @param token the connection
 * @param reason a short human-readable reason, for the WebSocket close frame
 */
public record CloseAction(String token, String reason) implements Action {

    /**
     * Checks the fields are present.
     *
     * @param token the connection
     * @param reason the reason
     */
    public CloseAction {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(reason, "reason");
    }
}
