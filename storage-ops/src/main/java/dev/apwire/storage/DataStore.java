package dev.apwire.storage;

import dev.apwire.json.JsonArray;
import dev.apwire.json.JsonInt;
import dev.apwire.json.JsonNull;
import dev.apwire.json.JsonObject;
import dev.apwire.json.JsonValue;
import dev.apwire.protocol.DataStorageOperation;
import dev.apwire.protocol.PacketProblemType;
import dev.apwire.protocol.client.GetPacket;
import dev.apwire.protocol.client.SetNotifyPacket;
import dev.apwire.protocol.client.SetPacket;
import dev.apwire.protocol.server.InvalidPacket;
import dev.apwire.protocol.server.RetrievedPacket;
import dev.apwire.protocol.server.ServerPacket;
import dev.apwire.protocol.server.SetReplyPacket;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A room's data storage: the stored values, the {@code SetNotify} subscriptions, and the answers to
 * {@code Get}, {@code Set} and {@code SetNotify} (reference-server.md §1.2–§1.8).
 *
 * <h2>Theory of operation</h2>
 * A server keeps one store per room and feeds it each authenticated client's storage commands:
 * <ol>
 *   <li>{@link #set} computes the operations on the stored value (or the {@code default}, or 0),
 *       stores the result and returns a {@link Delivery}: the {@code SetReply} and the connections
 *       to send it to. If any operation fails, nothing changes and it returns a {@link Rejection}
 *       holding the {@code InvalidPacket} for the sender.</li>
 *   <li>{@link #get} answers a {@code Get} from the stored values and, for {@code _read_} keys, from
 *       the server's {@link ReadKeyProvider}.</li>
 *   <li>{@link #setNotify} subscribes a connection to keys; {@link #disconnect} drops all of a
 *       connection's subscriptions when its socket closes (a new socket starts with none).</li>
 *   <li>{@link #readKeyChanged} builds the special notification the server sends when a
 *       {@code _read_} value it owns changes (hints, client status).</li>
 *   <li>{@link #snapshot} and {@link #restore} persist the stored values; subscriptions belong to
 *       live connections and are not persisted, as on the reference server.</li>
 * </ol>
 *
 * <p>Connections are identified by values of type {@code C} chosen by the server (a socket, a session,
 * a number); they must have value-based {@code equals} and {@code hashCode}. The store never calls
 * back into them.
 *
 * <p>Deliberate differences from the reference server (see the module README): a {@code Set} is atomic;
 * results, stored values, the whole store, keys, subscriptions and replies are bounded ({@link StorageLimits}); non-finite and complex results are errors; the echoed {@code default} is the
 * value as sent (the reference mutates it when an in-place operation runs on a missing key); a failed
 * {@code Set} answers {@code InvalidPacket} instead of closing the connection.
 *
 * <p>Pure (no threads, no clock, no I/O) and <b>not thread-safe</b>: confine a store to the room's
 * event loop or guard it externally.
 *
 * @param <C> the connection id type
 */
public final class DataStore<C> {
    /** The prefix of the read-only keys the server computes. */
    public static final String READ_PREFIX = "_read_";

    private static final String SNAPSHOT_FORMAT = "format";
    private static final String SNAPSHOT_DATA = "data";
    private static final int SNAPSHOT_VERSION = 1;
    private static final Set<String> REPLY_FIELDS = Set.of("cmd", "key", "value", "original_value", "slot");

    private final StorageLimits limits;
    private final LinkedHashMap<String, JsonValue> data = new LinkedHashMap<>();
    private final Map<String, LinkedHashSet<C>> subscribers = new HashMap<>();
    private final Map<C, Set<String>> subscriptions = new HashMap<>();
    /** The size of each stored key and value as {@link JsonSize} counts it, and their sum. */
    private final Map<String, Long> sizes = new HashMap<>();
    private long totalBytes;

    /** Creates an empty store with the {@linkplain StorageLimits#DEFAULT default limits}. */
    public DataStore() {
        this(StorageLimits.DEFAULT);
    }

    /**
     * Creates an empty store.
     *
     * @param limits the bounds on operation results
     */
    public DataStore(StorageLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    /** {@return the bounds on operation results} */
    public StorageLimits limits() {
        return limits;
    }

    /**
     * Applies a {@code Set} (§1.2, §1.3).
     *
     * <p>The starting value is the stored value, else the packet's {@code default} when present (an
     * explicit {@code null} default counts), else {@code 0}. The operations run in order; if all
     * succeed the result is stored (even when there are none, which creates the key) and a
     * {@link Delivery} is returned whose {@code SetReply} carries:
     * <ul>
     *   <li>{@code key}, the new {@code value}, the {@code original_value} (the starting value) and the
     *       sender's {@code slot};</li>
     *   <li>as extras, the request's arguments in the reference order: {@code default} (if sent),
     *       {@code want_reply} (if sent), {@code operations} (each as {@code {"operation", "value", extras...}}),
     *       then the request's own extras in their order. Extras named {@code value}, {@code slot} or
     *       {@code original_value} are dropped, since the reply's own fields replace them. The core
     *       model keeps known fields apart from extras, so an extra that was sent between two known
     *       fields is echoed after {@code operations}.</li>
     * </ul>
     * The recipients are the key's subscribers, then the sender if {@code want_reply} is truthy in
     * Python's sense ({@code "false"} is true; {@code 0}, {@code ""}, {@code []}, {@code null} are not),
     * each once.
     *
     * <p>A key starting with {@code _read_}, or any failing operation, gives a {@link Rejection}; the
     * store is then exactly as it was.
     *
     * @param connection the sender's connection
     * @param slot the sender's slot number
     * @param packet the request
     * @return the delivery or the rejection
     */
    public SetResult<C> set(C connection, int slot, SetPacket packet) {
        Objects.requireNonNull(connection, "connection");
        String key = packet.key();
        if (key.startsWith(READ_PREFIX)) {
            return reject(StorageException.forRequest(StorageErrorKind.READ_ONLY_KEY,
                    "key '" + key + "' is read-only: keys starting with " + READ_PREFIX + " cannot be set"));
        }
        if (key.length() > limits.maxKeyLength()) {
            return reject(StorageException.forRequest(StorageErrorKind.KEY_TOO_LONG,
                    "key of " + key.length() + " characters is longer than maxKeyLength " + limits.maxKeyLength()));
        }
        JsonValue stored = data.get(key);
        JsonValue original = stored != null ? stored : packet.defaultValue() != null ? packet.defaultValue() : JsonInt.of(0);
        JsonValue value = original;
        long size;
        try {
            // Each intermediate result is measured (with an early stop), so no chain of operations builds
            // anything much larger than maxValueBytes.
            for (DataStorageOperation op : packet.operations()) {
                value = StorageOperations.apply(value, op, limits);
                if (JsonSize.of(value, limits.maxValueBytes()) > limits.maxValueBytes()) {
                    throw new StorageException(op.operation(), StorageErrorKind.TOO_LARGE,
                            "result would be larger than maxValueBytes " + limits.maxValueBytes());
                }
            }
            size = JsonSize.of(value, limits.maxValueBytes());
            if (size > limits.maxValueBytes()) {
                throw StorageException.forRequest(StorageErrorKind.TOO_LARGE,
                        "value would be larger than maxValueBytes " + limits.maxValueBytes());
            }
        } catch (StorageException e) {
            return reject(e);
        }
        long entry = JsonSize.string(key) + size;
        Long previous = sizes.get(key);
        long newTotal = totalBytes - (previous != null ? previous : 0) + entry;
        if (newTotal > limits.maxTotalBytes() && (previous == null || entry > previous)) {
            return reject(StorageException.forRequest(StorageErrorKind.STORE_FULL,
                    "data storage would hold " + newTotal + " bytes, more than maxTotalBytes " + limits.maxTotalBytes()));
        }
        data.put(key, value);
        sizes.put(key, entry);
        totalBytes = newTotal;

        LinkedHashMap<String, JsonValue> extras = new LinkedHashMap<>();
        if (packet.defaultValue() != null) {
            extras.put("default", packet.defaultValue());
        }
        if (packet.wantReply() != null) {
            extras.put("want_reply", packet.wantReply());
        }
        List<JsonValue> ops = new ArrayList<>(packet.operations().size());
        for (DataStorageOperation op : packet.operations()) {
            ops.add(StorageOperations.toJson(op));
        }
        extras.put("operations", JsonArray.of(ops));
        for (Map.Entry<String, JsonValue> e : packet.extras().members().entrySet()) {
            if (!REPLY_FIELDS.contains(e.getKey())) {
                extras.putIfAbsent(e.getKey(), e.getValue());
            }
        }
        SetReplyPacket reply = new SetReplyPacket(key, value, original, slot, JsonObject.adopt(extras));

        LinkedHashSet<C> recipients = new LinkedHashSet<>(subscribers.getOrDefault(key, new LinkedHashSet<>()));
        if (packet.wantsReply()) {
            recipients.add(connection);
        }
        return new Delivery<>(reply, recipients);
    }

    private SetResult<C> reject(StorageException e) {
        return new Rejection<>(new InvalidPacket(PacketProblemType.ARGUMENTS, "Set", e.getMessage()), e);
    }

    /**
     * Answers a {@code Get} (§1.5): each key with its stored value, {@code null} when missing, and
     * {@code _read_} keys from the provider ({@code null} when it does not know them); duplicate keys
     * collapse into one; the request's extra arguments are echoed in order.
     *
     * <p>The reply is not bounded in size; a server answering peers uses {@link #retrieve}.
     *
     * @param packet the request
     * @param provider the server's {@code _read_} values
     * @return the {@code Retrieved} packet for the sender
     */
    public RetrievedPacket get(GetPacket packet, ReadKeyProvider provider) {
        LinkedHashMap<String, JsonValue> keys = new LinkedHashMap<>();
        for (String key : packet.keys()) {
            if (keys.containsKey(key)) {
                continue;
            }
            JsonValue v = key.startsWith(READ_PREFIX) ? provider.read(key) : data.get(key);
            keys.put(key, v != null ? v : JsonNull.INSTANCE);
        }
        return new RetrievedPacket(JsonObject.adopt(keys), packet.extras());
    }

    /**
     * Answers a {@code Get} as {@link #get} does, within {@link StorageLimits#maxReplyBytes()}: a reply whose
     * values together would be larger is refused with an {@code InvalidPacket} naming the limit, so that a small
     * request cannot pull a multi-megabyte frame.
     *
     * @param packet the request
     * @param provider the server's {@code _read_} values
     * @return the {@code Retrieved} packet, or the {@code InvalidPacket}, for the sender
     */
    public ServerPacket retrieve(GetPacket packet, ReadKeyProvider provider) {
        RetrievedPacket reply = get(packet, provider);
        long bound = limits.maxReplyBytes();
        long size = JsonSize.of(reply.keys(), bound) + JsonSize.of(reply.extras(), bound);
        if (size > bound) {
            return new InvalidPacket(PacketProblemType.ARGUMENTS, "Get",
                    "Get: the reply would be larger than maxReplyBytes " + bound);
        }
        return reply;
    }

    /**
     * Subscribes a connection to {@code SetReply} for keys (§1.7). Nothing is sent back on success, and the
     * current values are not pushed: clients follow up with a {@code Get}.
     *
     * <p>A key longer than {@link StorageLimits#maxKeyLength()}, or more than
     * {@link StorageLimits#maxSubscriptions()} keys for the connection in all, refuses the whole request (no
     * key is subscribed) with an {@code InvalidPacket} naming the limit.
     *
     * @param connection the subscriber
     * @param packet the request
     * @return the {@code InvalidPacket} for the sender when the request is refused
     */
    public Optional<InvalidPacket> setNotify(C connection, SetNotifyPacket packet) {
        Objects.requireNonNull(connection, "connection");
        Set<String> held = subscriptions.getOrDefault(connection, Set.of());
        int count = held.size();
        for (String key : packet.keys()) {
            if (key.length() > limits.maxKeyLength()) {
                return Optional.of(new InvalidPacket(PacketProblemType.ARGUMENTS, "SetNotify", "SetNotify: key of "
                        + key.length() + " characters is longer than maxKeyLength " + limits.maxKeyLength()));
            }
        }
        for (String key : new LinkedHashSet<>(packet.keys())) {
            if (!held.contains(key)) {
                count++;
            }
        }
        if (count > limits.maxSubscriptions()) {
            return Optional.of(new InvalidPacket(PacketProblemType.ARGUMENTS, "SetNotify",
                    "SetNotify: " + count + " subscriptions would be more than maxSubscriptions " + limits.maxSubscriptions()));
        }
        for (String key : packet.keys()) {
            subscribers.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(connection);
            subscriptions.computeIfAbsent(connection, c -> new LinkedHashSet<>()).add(key);
        }
        return Optional.empty();
    }

    /**
     * Forgets every subscription of a connection; call it when the socket closes. Unknown connections
     * are ignored.
     *
     * @param connection the connection that closed
     */
    public void disconnect(C connection) {
        Set<String> keys = subscriptions.remove(connection);
        if (keys == null) {
            return;
        }
        for (String key : keys) {
            LinkedHashSet<C> set = subscribers.get(key);
            if (set != null) {
                set.remove(connection);
                if (set.isEmpty()) {
                    subscribers.remove(key);
                }
            }
        }
    }

    /**
     * {@return the connections subscribed to a key, in subscription order}
     *
     * @param key the key
     */
    public Set<C> subscribers(String key) {
        LinkedHashSet<C> set = subscribers.get(key);
        return set == null ? Set.of() : Collections.unmodifiableSet(new LinkedHashSet<>(set));
    }

    /**
     * {@return the notification for a changed {@code _read_} value: {@code {"cmd":"SetReply","key":K,"value":V}}
     * with no {@code original_value} and no {@code slot}, for the key's subscribers (§1.7)}
     *
     * <p>The reference server sends it for {@code _read_hints_{team}_{slot}} when that slot's hints change
     * and for {@code _read_client_status_{team}_{slot}} on every status update, even an unchanged one.
     *
     * @param key the {@code _read_} key
     * @param value its new value
     * @throws IllegalArgumentException if the key does not start with {@code _read_}
     */
    public Delivery<C> readKeyChanged(String key, JsonValue value) {
        if (!key.startsWith(READ_PREFIX)) {
            throw new IllegalArgumentException("not a " + READ_PREFIX + " key: " + key);
        }
        return new Delivery<>(new SetReplyPacket(key, value, null, null), subscribers(key));
    }

    /**
     * {@return the stored value of a key, or {@code null} when it has never been set}
     *
     * @param key the key
     */
    public @Nullable JsonValue value(String key) {
        return data.get(key);
    }

    /** {@return the encoded size of every stored key and value, as {@link StorageLimits#maxTotalBytes()} counts it} */
    public long totalBytes() {
        return totalBytes;
    }

    /** {@return the number of stored keys} */
    public int size() {
        return data.size();
    }

    /**
     * {@return the stored values as JSON, for persistence: {@code {"format":1,"data":{key: value, ...}}}
     * in the order the keys were first set}
     *
     * <p>Subscriptions are not included: they belong to live connections.
     */
    public JsonObject snapshot() {
        return JsonObject.of(SNAPSHOT_FORMAT, JsonInt.of(SNAPSHOT_VERSION), SNAPSHOT_DATA, JsonObject.of(data));
    }

    /**
     * {@return a store holding the values of a {@link #snapshot}, with the default limits and no subscriptions}
     *
     * @param snapshot a snapshot
     * @param <C> the connection id type
     * @throws IllegalArgumentException if it is not a snapshot this version can read
     */
    public static <C> DataStore<C> restore(JsonObject snapshot) {
        return restore(snapshot, StorageLimits.DEFAULT);
    }

    /**
     * {@return a store holding the values of a {@link #snapshot}, with no subscriptions}
     *
     * @param snapshot a snapshot
     * @param limits the bounds on operation results
     * @param <C> the connection id type
     * @throws IllegalArgumentException if it is not a snapshot this version can read
     */
    public static <C> DataStore<C> restore(JsonObject snapshot, StorageLimits limits) {
        JsonValue format = snapshot.get(SNAPSHOT_FORMAT);
        JsonValue stored = snapshot.get(SNAPSHOT_DATA);
        if (!JsonInt.of(SNAPSHOT_VERSION).equals(format)) {
            throw new IllegalArgumentException("not a data storage snapshot of format " + SNAPSHOT_VERSION + ": format is " + format);
        }
        if (!(stored instanceof JsonObject)) {
            throw new IllegalArgumentException("snapshot `data` must be an object");
        }
        DataStore<C> store = new DataStore<>(limits);
        for (Map.Entry<String, JsonValue> e : ((JsonObject) stored).members().entrySet()) {
            long entry = JsonSize.string(e.getKey()) + JsonSize.of(e.getValue(), Long.MAX_VALUE / 2);
            store.data.put(e.getKey(), e.getValue());
            store.sizes.put(e.getKey(), entry);
            store.totalBytes += entry;
        }
        return store;
    }
}
