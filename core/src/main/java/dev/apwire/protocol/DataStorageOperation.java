package dev.apwire.protocol;

import dev.apwire.json.JsonObject;
import dev.apwire.json.JsonValue;
import java.util.Objects;

/**
 * One step of a {@code Set} ({@code DataStorageOperation}): the operation name and its argument.
 *
 * @param operation the operation (unknown names are kept; the data store rejects them)
 * @param value the argument (ignored by {@code default}, {@code floor} and {@code ceil}, but required on the wire)
 * @param extras the fields the protocol does not define, kept in order and written back unchanged
 */
public record DataStorageOperation(
        OperationType operation,
        JsonValue value,
        JsonObject extras) {

    /**
     * Checks every field and copies collections.
     *
     * @param operation the operation (unknown names are kept; the data store rejects them)
     * @param value the argument (ignored by {@code default}, {@code floor} and {@code ceil}, but required on the wire)
     * @param extras the fields the protocol does not define, kept in order and written back unchanged
     */
    public DataStorageOperation {
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(extras, "extras");
    }

    /**
     * Creates the record with no extra fields.
     *
     * @param operation the operation (unknown names are kept; the data store rejects them)
     * @param value the argument (ignored by {@code default}, {@code floor} and {@code ceil}, but required on the wire)
     */
    public DataStorageOperation(OperationType operation, JsonValue value) {
        this(operation, value, JsonObject.EMPTY);
    }
}
