package dev.apwire.changes;

import dev.apwire.json.JsonObject;
import java.util.Objects;

/**
 * {@code {"type": "properties", "token": T, "properties": {...}}}: the complete current properties of a
 * token, which replace whatever the receiver knew (an empty object means it has none left).
 *
 * @param token the token
 * @param properties all of the token's properties, in the order they were first set
 */
public record PropertiesChange(String token, JsonObject properties) implements Change {

    /**
     * Checks the fields are present.
     *
     * @param token the token
     * @param properties all of the token's properties
     */
    public PropertiesChange {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(properties, "properties");
    }

    @Override
    public ChangeKind kind() {
        return ChangeKind.PROPERTIES;
    }
}
