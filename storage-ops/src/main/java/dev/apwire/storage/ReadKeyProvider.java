package dev.apwire.storage;

import dev.apwire.json.JsonValue;
import org.jspecify.annotations.Nullable;

/**
 * Answers the read-only {@code _read_} keys of a {@code Get} (§1.6): hints, slot data, name groups,
 * client status, race mode. These are the server's to compute; the data store only routes them.
 */
@FunctionalInterface
public interface ReadKeyProvider {

    /** A provider that knows no {@code _read_} key: every one reads as {@code null}. */
    ReadKeyProvider NONE = key -> null;

    /**
     * {@return the current value of a {@code _read_} key, or {@code null} when the key is unknown (sent as JSON {@code null})}
     *
     * @param key the full key, starting with {@code _read_}
     */
    @Nullable JsonValue read(String key);
}
