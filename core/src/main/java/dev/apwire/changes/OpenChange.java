package dev.apwire.changes;

import java.util.Objects;

/**
 * {@code {"type": "open", "token": T}}: a connection with this token opened.
 *
 * @param token the token
 */
public record OpenChange(String token) implements Change {

    /**
     * Checks the token is present.
     *
     * @param token the token
     */
    public OpenChange {
        Objects.requireNonNull(token, "token");
    }

    @Override
    public ChangeKind kind() {
        return ChangeKind.OPEN;
    }
}
