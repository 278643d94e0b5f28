package dev.apwire.changes;

import java.util.Objects;

/**
 * Send a WebSocket ping frame to a connection.
 *
 * @param token the connection
 */
public record PingAction(String token) implements Action {

    /**
     * Checks the token is present.
     *
     * @param token the connection
     */
    public PingAction {
        Objects.requireNonNull(token, "token");
    }
}
