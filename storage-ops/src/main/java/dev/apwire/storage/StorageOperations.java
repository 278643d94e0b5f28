package dev.apwire.storage;

import dev.apwire.json.JsonArray;
import dev.apwire.json.JsonObject;
import dev.apwire.json.JsonString;
import dev.apwire.json.JsonValue;
import dev.apwire.protocol.DataStorageOperation;
import dev.apwire.protocol.OperationType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The data storage operations of a {@code Set}, computed exactly as the reference server computes
 * them (§1.1), with Python's semantics: {@code int} versus {@code float} results, floored modulo,
 * booleans acting as integers, arbitrary-precision integers, string and list concatenation and
 * repetition, dict merges, printf formatting of strings, {@code remove}/{@code pop}/{@code update}
 * with their guarded no-ops.
 *
 * <p>Where the reference server would crash, stall or store a value it cannot send, these methods
 * throw a {@link StorageException} naming the operation and the reason: type mismatches, unknown
 * operations, division by zero, negative shifts, results over the {@link StorageLimits} (checked
 * before the work is done, so every call is fast whatever its arguments), non-finite or complex
 * results. Inputs are never modified: values are immutable, and every result is a new value.
 *
 * <p>Stateless and thread-safe.
 */
public final class StorageOperations {

    private StorageOperations() {
    }

    /**
     * {@return the result of one operation on a current value, within the default limits}
     *
     * @param current the current value
     * @param operation the operation and its argument
     * @throws StorageException if the operation fails
     */
    public static JsonValue apply(JsonValue current, DataStorageOperation operation) {
        return apply(current, operation, StorageLimits.DEFAULT);
    }

    /**
     * {@return the result of one operation on a current value}
     *
     * @param current the current value
     * @param operation the operation and its argument
     * @param limits the bounds on the result
     * @throws StorageException if the operation fails
     */
    public static JsonValue apply(JsonValue current, DataStorageOperation operation, StorageLimits limits) {
        Objects.requireNonNull(current, "current");
        Objects.requireNonNull(limits, "limits");
        return new PyOps(operation.operation(), limits).apply(current, operation.value());
    }

    /**
     * {@return the result of operations applied in order, within the default limits}
     *
     * @param current the value before the first operation
     * @param operations the operations
     * @throws StorageException if any operation fails (there is no partial result)
     */
    public static JsonValue applyAll(JsonValue current, List<DataStorageOperation> operations) {
        return applyAll(current, operations, StorageLimits.DEFAULT);
    }

    /**
     * {@return the result of operations applied in order}
     *
     * @param current the value before the first operation
     * @param operations the operations
     * @param limits the bounds on every intermediate result
     * @throws StorageException if any operation fails (there is no partial result)
     */
    public static JsonValue applyAll(JsonValue current, List<DataStorageOperation> operations, StorageLimits limits) {
        JsonValue value = current;
        for (DataStorageOperation operation : operations) {
            value = apply(value, operation, limits);
        }
        return value;
    }

    /**
     * {@return the operations of a raw {@code operations} array}
     *
     * <p>Each entry must be an object with a string {@code operation} and a {@code value} (required
     * even by {@code default}, {@code floor} and {@code ceil}, as on the reference server); other
     * members are kept as the operation's extras. As on the reference server, an unknown operation
     * name is reported before a missing value. Operation names are not otherwise checked here; an
     * unknown name fails when applied.
     *
     * @param raw the {@code operations} value of a {@code Set}
     * @throws StorageException if {@code raw} is not an array or an entry is malformed or names an unknown operation
     */
    public static List<DataStorageOperation> parseOperations(JsonValue raw) {
        if (!(raw instanceof JsonArray)) {
            throw new StorageException(null, StorageErrorKind.MALFORMED_OPERATION,
                    "must be a list, got " + PyValues.typeName(raw));
        }
        List<DataStorageOperation> result = new ArrayList<>();
        int index = 0;
        for (JsonValue entry : ((JsonArray) raw).elements()) {
            if (!(entry instanceof JsonObject)) {
                throw new StorageException(null, StorageErrorKind.MALFORMED_OPERATION,
                        "entry " + index + " must be an object, got " + PyValues.typeName(entry));
            }
            JsonObject object = (JsonObject) entry;
            JsonValue name = object.get("operation");
            if (name == null) {
                throw new StorageException(null, StorageErrorKind.MALFORMED_OPERATION, "entry " + index + " is missing `operation`");
            }
            if (!(name instanceof JsonString)) {
                throw new StorageException(null, StorageErrorKind.UNKNOWN_OPERATION,
                        "entry " + index + " has an unknown operation " + name);
            }
            OperationType type = OperationType.of(((JsonString) name).value());
            if (!type.isKnown()) {
                throw new StorageException(type, StorageErrorKind.UNKNOWN_OPERATION, "unknown operation");
            }
            JsonValue value = object.get("value");
            if (value == null) {
                throw new StorageException(type, StorageErrorKind.MALFORMED_OPERATION, "missing `value`");
            }
            LinkedHashMap<String, JsonValue> extras = new LinkedHashMap<>();
            for (Map.Entry<String, JsonValue> m : object.members().entrySet()) {
                if (!m.getKey().equals("operation") && !m.getKey().equals("value")) {
                    extras.put(m.getKey(), m.getValue());
                }
            }
            result.add(new DataStorageOperation(type, value, JsonObject.adopt(extras)));
            index++;
        }
        return List.copyOf(result);
    }

    /** {@return an operation as the JSON object the reference server echoes: {@code operation}, {@code value}, then its extras} */
    static JsonObject toJson(DataStorageOperation operation) {
        LinkedHashMap<String, JsonValue> m = new LinkedHashMap<>();
        m.put("operation", new JsonString(operation.operation().name()));
        m.put("value", operation.value());
        for (Map.Entry<String, JsonValue> e : operation.extras().members().entrySet()) {
            m.putIfAbsent(e.getKey(), e.getValue());
        }
        return JsonObject.adopt(m);
    }
}
