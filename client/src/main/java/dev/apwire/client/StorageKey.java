package dev.apwire.client;

import dev.apwire.json.JsonObject;
import dev.apwire.json.JsonValue;
import dev.apwire.protocol.DataStorageOperation;
import dev.apwire.protocol.OperationType;
import dev.apwire.session.ValueChanged;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * A data storage key of an {@link ArchipelagoClient}: read it, watch it, or prepare operations and
 * {@link #commit()} them as one {@code Set}. Immutable: each operation returns a new handle, so a handle can
 * be kept and reused.
 *
 * <pre>{@code
 * StorageKey deaths = client.storage("deaths").withDefault(JsonValue.of(0));
 * deaths.add(1).commit().thenAccept(change -> System.out.println("now " + change.value().asLong()));
 * long now = deaths.get().join().asLong();
 * }</pre>
 *
 * <p>Thread-safe.
 */
public final class StorageKey {

    private final ArchipelagoClient client;
    private final String key;
    private final JsonValue defaultValue;
    private final List<DataStorageOperation> operations;

    StorageKey(ArchipelagoClient client, String key, JsonValue defaultValue, List<DataStorageOperation> operations) {
        this.client = client;
        this.key = Objects.requireNonNull(key, "key");
        this.defaultValue = Objects.requireNonNull(defaultValue, "defaultValue");
        this.operations = List.copyOf(operations);
    }

    /** {@return the key} */
    public String key() {
        return key;
    }

    /** {@return the value the server starts from when the key is missing} */
    public JsonValue defaultValue() {
        return defaultValue;
    }

    /** {@return the prepared operations, in order} */
    public List<DataStorageOperation> operations() {
        return operations;
    }

    /**
     * {@return this key with another default value (sent as {@code Set.default})}
     *
     * @param value the default
     */
    public StorageKey withDefault(JsonValue value) {
        return new StorageKey(client, key, value, operations);
    }

    /**
     * {@return this key with one more operation}
     *
     * @param type the operation
     * @param value its argument
     */
    public StorageKey operation(OperationType type, JsonValue value) {
        List<DataStorageOperation> next = new ArrayList<>(operations);
        next.add(new DataStorageOperation(type, value));
        return new StorageKey(client, key, defaultValue, next);
    }

    /**
     * {@return with {@code replace}}
     *
     * @param value the new value
     */
    public StorageKey replace(JsonValue value) {
        return operation(OperationType.REPLACE, value);
    }

    /** {@return with {@code default}: set the default value if the key is missing} */
    public StorageKey setDefault() {
        return operation(OperationType.DEFAULT, JsonValue.nullValue());
    }

    /**
     * {@return with {@code add} (numbers add, lists concatenate)}
     *
     * @param value the addend
     */
    public StorageKey add(long value) {
        return operation(OperationType.ADD, JsonValue.of(value));
    }

    /**
     * {@return with {@code add} of any value (a list appends its elements)}
     *
     * @param value the addend
     */
    public StorageKey add(JsonValue value) {
        return operation(OperationType.ADD, value);
    }

    /**
     * {@return with {@code mul}}
     *
     * @param value the factor
     */
    public StorageKey mul(long value) {
        return operation(OperationType.MUL, JsonValue.of(value));
    }

    /**
     * {@return with {@code max}}
     *
     * @param value the other value
     */
    public StorageKey max(long value) {
        return operation(OperationType.MAX, JsonValue.of(value));
    }

    /**
     * {@return with {@code min}}
     *
     * @param value the other value
     */
    public StorageKey min(long value) {
        return operation(OperationType.MIN, JsonValue.of(value));
    }

    /**
     * {@return with {@code and} (bitwise)}
     *
     * @param value the mask
     */
    public StorageKey and(long value) {
        return operation(OperationType.AND, JsonValue.of(value));
    }

    /**
     * {@return with {@code or} (bitwise)}
     *
     * @param value the mask
     */
    public StorageKey or(long value) {
        return operation(OperationType.OR, JsonValue.of(value));
    }

    /**
     * {@return with {@code xor} (bitwise)}
     *
     * @param value the mask
     */
    public StorageKey xor(long value) {
        return operation(OperationType.XOR, JsonValue.of(value));
    }

    /**
     * {@return with {@code remove}: the first equal element of a list}
     *
     * @param value the element
     */
    public StorageKey remove(JsonValue value) {
        return operation(OperationType.REMOVE, value);
    }

    /**
     * {@return with {@code pop}: a list index or a dict key}
     *
     * @param value the index or key
     */
    public StorageKey pop(JsonValue value) {
        return operation(OperationType.POP, value);
    }

    /**
     * {@return with {@code update}: merge into a dict}
     *
     * @param value the members
     */
    public StorageKey update(JsonObject value) {
        return operation(OperationType.UPDATE, value);
    }

    /**
     * Sends the prepared operations as one {@code Set} with {@code want_reply}. While not logged in it waits
     * for the next login ({@link Intent#STORAGE_WRITE}).
     *
     * @return a future completing with the server's {@code SetReply} (new and original value), or failing
     *     with {@link RequestFailedException}
     */
    public CompletableFuture<ValueChanged> commit() {
        return client.set(key, defaultValue, operations);
    }

    /** {@return a future completing with the key's value, empty when the key is missing (a {@code Get})} */
    public CompletableFuture<Optional<JsonValue>> get() {
        return client.get(List.of(key)).thenApply(values -> {
            JsonValue v = values.get(key);
            return v == null || v.isNull() ? Optional.<JsonValue>empty() : Optional.of(v);
        });
    }

    /**
     * Watches the key ({@code SetNotify}, re-sent after every reconnect); see
     * {@link ArchipelagoClient#watch(String, Consumer)}.
     *
     * @param listener called with each change
     * @return the subscription
     */
    public Subscription watch(Consumer<? super ValueChanged> listener) {
        return client.watch(key, listener);
    }
}
