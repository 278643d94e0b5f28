package dev.apwire.changes;

import java.util.Objects;

/**
 * {@code {"type": "metadata", "token": T}}: tells the receiving connection that this token is its own.
 *
 * @param token the token
 */
public record MetadataChange(String token) implements Change {

    /**
     * Checks the token is present.
     *
     * @param token the token
     */
    public MetadataChange {
        Objects.requireNonNull(token, "token");
    }

    @Override
    public ChangeKind kind() {
        return ChangeKind.METADATA;
    }
}
