package dev.apwire.changes;

import dev.apwire.json.JsonArray;
import dev.apwire.json.JsonObject;
import dev.apwire.json.JsonString;
import dev.apwire.json.JsonValue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;

/**
 * The server side of the token changes protocol as a pure state machine: connections come and go, set their
 * properties and send each other packets; the hub says what to send to whom.
 *
 * <h2>Theory of operation</h2>
 * The hub owns no socket, thread or clock. A driver (a WebSocket server) calls it and carries out the
 * {@link HubStep} each call returns: first every {@link Delivery} in order, then every {@link Action} in order.
 * <ol>
 *   <li>On a new connection, {@link #open(Instant)}: the hub draws a token (32 lower-case hex characters from
 *       the injected {@link RandomGenerator}, redrawn while it collides with an open token) and returns it with
 *       a {@code changes} snapshot for the newcomer: {@code open} and (when it has any) {@code properties} of
 *       every other open token, then its own {@code open} and {@code metadata} (seed, "Incoming connection").
 *       The other connections learn of the newcomer with the next batch.</li>
 *   <li>For each decoded text frame, {@link #receive(String, ChangesClientPacket, Instant)}; for a frame the
 *       codec could not decode, {@link #receiveInvalid(String, ErrorCode, String, Instant)}.</li>
 *   <li>When the connection ends, {@link #close(String, Instant)} (seed, "Dropped connection").</li>
 *   <li>Whenever {@link #nextDeadline()} passes, {@link #onTimeout(Instant)}: it flushes the batched changes
 *       and emits a {@link PingAction} for every connection every {@link HubConfig#pingInterval()} (seed,
 *       "Ping"). A call before any deadline is a no-op.</li>
 * </ol>
 *
 * <h2>Batching</h2>
 * {@code open}, {@code close} and {@code properties} changes collect for {@link HubConfig#batchInterval()}
 * from the first one, then one {@code changes} packet goes to each open connection holding the changes it has
 * not yet seen: a newcomer's snapshot already covers everything before it, so it never receives a change
 * twice. Several property updates of one token in a batch become one {@code properties} change with the
 * final state; a token that closes drops its pending {@code properties} change. With a zero interval the
 * changes go out in the step that caused them.
 *
 * <h2>Errors</h2>
 * A packet that breaks a rule (see the package documentation) changes nothing and earns its sender one
 * {@code error} packet; only undecodable frames ({@link ErrorCode#closesConnection()}) also close the
 * connection. Local misuse (null arguments) throws before any change. Calls for a token that is not open (it
 * closed, or the hub closed it with a {@link CloseAction}) return {@link HubStep#EMPTY}, so a driver need not
 * track the race between a close and a frame in flight.
 *
 * <p>Not thread-safe: a driver serialises all calls (one thread, an executor, or a lock).
 */
public final class ChangesHub {

    private static final HexFormat HEX = HexFormat.of();

    private final HubConfig config;
    private final RandomGenerator random;
    /** Open connections, in the order they opened. */
    private final LinkedHashMap<String, User> users = new LinkedHashMap<>();
    /** Changes not yet flushed, each numbered so a newcomer skips what its snapshot covered. */
    private final List<Pending> pending = new ArrayList<>();
    /** The size of every open token's properties, as {@link HubConfig#maxSnapshotBytes()} counts it. */
    private long propertyBytes;
    private long sequence;
    private @Nullable Instant batchDeadline;
    private @Nullable Instant nextPing;

    /** An open connection. */
    private static final class User {
        final String token;
        /** The sequence number of the last change the user's snapshot covered. */
        final long snapshotSequence;
        final LinkedHashMap<String, JsonValue> properties = new LinkedHashMap<>();

        User(String token, long snapshotSequence) {
            this.token = token;
            this.snapshotSequence = snapshotSequence;
        }

        JsonObject propertiesObject() {
            return JsonObject.of(properties);
        }
    }

    /** A change waiting for the next flush. */
    private record Pending(long sequence, Change change) {
    }

    /**
     * Creates a hub with no connections.
     *
     * @param config the limits and timers
     * @param random the source of tokens; a {@code SecureRandom} in production, a seeded generator in tests
     */
    public ChangesHub(HubConfig config, RandomGenerator random) {
        this.config = Objects.requireNonNull(config, "config");
        this.random = Objects.requireNonNull(random, "random");
    }

    /** {@return the configuration} */
    public HubConfig config() {
        return config;
    }

    /** {@return the open tokens, in the order they opened} */
    public Set<String> openTokens() {
        return Collections.unmodifiableSet(new LinkedHashSet<>(users.keySet()));
    }

    /**
     * {@return the current properties of an open token}
     *
     * @param token the token
     * @throws IllegalArgumentException if the token is not open
     */
    public JsonObject properties(String token) {
        User u = users.get(token);
        if (u == null) {
            throw new IllegalArgumentException("token is not open: " + token);
        }
        return u.propertiesObject();
    }

    /**
     * Opens a connection.
     *
     * @param now the current time
     * @return the new token and the deliveries: the newcomer's snapshot, and with immediate batching the
     *     others' {@code open} change
     */
    public Opened open(Instant now) {
        Objects.requireNonNull(now, "now");
        String token = newToken();
        if (users.size() >= config.maxTokens()) {
            StepBuilder full = new StepBuilder();
            full.deliver(token, errorPacket(ErrorCode.HUB_FULL,
                    "the hub holds its limit of " + config.maxTokens() + " connections (maxTokens)", null));
            full.act(new CloseAction(token, ErrorCode.HUB_FULL.wireName()));
            return new Opened(token, full.build());
        }
        List<Change> snapshot = new ArrayList<>();
        for (User u : users.values()) {
            snapshot.add(new OpenChange(u.token));
            if (!u.properties.isEmpty()) {
                snapshot.add(new PropertiesChange(u.token, u.propertiesObject()));
            }
        }
        snapshot.add(new OpenChange(token));
        snapshot.add(new MetadataChange(token));
        enqueue(new OpenChange(token), now);
        users.put(token, new User(token, sequence));
        if (nextPing == null) {
            nextPing = now.plus(config.pingInterval());
        }
        StepBuilder step = new StepBuilder();
        step.deliver(token, new ChangesPacket(snapshot).toServerPacket());
        flushIfImmediate(step);
        return new Opened(token, step.build());
    }

    /**
     * Handles a decoded packet from a connection: a properties update to {@code "server"}, or a packet to relay.
     *
     * @param token the sending connection
     * @param packet the packet
     * @param now the current time
     * @return what to send; {@link HubStep#EMPTY} if the token is not open
     */
    public HubStep receive(String token, ChangesClientPacket packet, Instant now) {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(packet, "packet");
        Objects.requireNonNull(now, "now");
        User sender = users.get(token);
        if (sender == null) {
            return HubStep.EMPTY;
        }
        StepBuilder step = new StepBuilder();
        HubRules.Refusal refusal = HubRules.checkPacket(config, packet);
        if (refusal != null) {
            step.deliver(token, errorPacket(refusal.code(), refusal.message(), null));
            return step.build();
        }
        if (packet.to() instanceof ServerTarget) {
            setProperties(sender, (JsonObject) packet.data(), now, step);
        } else {
            relay(sender, (TokensTarget) packet.to(), packet, step);
        }
        flushIfImmediate(step);
        return step.build();
    }

    /**
     * Handles a frame the codec could not turn into a packet: sends the sender an error packet and, for
     * {@link ErrorCode#MALFORMED_FRAME} and {@link ErrorCode#FRAME_TOO_LARGE}, closes the connection (V1 closed
     * connections whose frames did not parse).
     *
     * @param token the sending connection
     * @param code {@link ErrorCode#MALFORMED_FRAME}, {@link ErrorCode#FRAME_TOO_LARGE} or
     *     {@link ErrorCode#BAD_PACKET}
     * @param message what is wrong, for the error packet
     * @param now the current time
     * @return what to send and do; {@link HubStep#EMPTY} if the token is not open
     * @throws IllegalArgumentException if the code is not one of the three frame problems
     */
    public HubStep receiveInvalid(String token, ErrorCode code, String message, Instant now) {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(now, "now");
        if (code != ErrorCode.MALFORMED_FRAME && code != ErrorCode.FRAME_TOO_LARGE && code != ErrorCode.BAD_PACKET) {
            throw new IllegalArgumentException("not a frame problem: " + code);
        }
        if (!users.containsKey(token)) {
            return HubStep.EMPTY;
        }
        StepBuilder step = new StepBuilder();
        step.deliver(token, errorPacket(code, message, null));
        if (code.closesConnection()) {
            remove(token, now);
            step.act(new CloseAction(token, code.wireName()));
            flushIfImmediate(step);
        }
        return step.build();
    }

    /**
     * Forgets a connection that ended and queues its {@code close} change.
     *
     * @param token the connection
     * @param now the current time
     * @return what to send (with immediate batching, the others' {@code close} change); {@link HubStep#EMPTY}
     *     if the token is not open
     */
    public HubStep close(String token, Instant now) {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(now, "now");
        if (!users.containsKey(token)) {
            return HubStep.EMPTY;
        }
        remove(token, now);
        StepBuilder step = new StepBuilder();
        flushIfImmediate(step);
        return step.build();
    }

    /**
     * Does what is due at {@code now}: flushes the batch if its deadline passed, and pings every connection if
     * the ping deadline passed (the next ping is then one interval later, skipping missed ones). A call before
     * any deadline is a no-op.
     *
     * @param now the current time
     * @return what to send and do
     */
    public HubStep onTimeout(Instant now) {
        Objects.requireNonNull(now, "now");
        StepBuilder step = new StepBuilder();
        if (batchDeadline != null && !now.isBefore(batchDeadline)) {
            flush(step);
        }
        Instant ping = nextPing;
        if (ping != null && !now.isBefore(ping)) {
            for (String token : users.keySet()) {
                step.act(new PingAction(token));
            }
            do {
                ping = ping.plus(config.pingInterval());
            } while (!ping.isAfter(now));
            nextPing = ping;
        }
        return step.build();
    }

    /** {@return when {@link #onTimeout(Instant)} should next be called, or empty when nothing is scheduled} */
    public Optional<Instant> nextDeadline() {
        Instant b = batchDeadline;
        Instant p = nextPing;
        if (b == null) {
            return Optional.ofNullable(p);
        }
        if (p == null) {
            return Optional.of(b);
        }
        return Optional.of(b.isBefore(p) ? b : p);
    }

    private void setProperties(User sender, JsonObject update, Instant now, StepBuilder step) {
        HubRules.Refusal refusal = HubRules.checkProperties(config, sender.properties, update);
        if (refusal != null) {
            step.deliver(sender.token, errorPacket(refusal.code(), refusal.message(), null));
            return;
        }
        long after = propertyBytes - HubRules.size(sender.properties) + HubRules.sizeAfter(sender.properties, update);
        if (after > config.maxSnapshotBytes() && after > propertyBytes) {
            step.deliver(sender.token, errorPacket(ErrorCode.TOO_MANY_PROPERTIES, "the hub's properties would take "
                    + after + " bytes, more than maxSnapshotBytes " + config.maxSnapshotBytes(), null));
            return;
        }
        propertyBytes = after;
        boolean changed = false;
        for (Map.Entry<String, JsonValue> e : update.members().entrySet()) {
            if (e.getValue() instanceof dev.apwire.json.JsonNull) {
                changed |= sender.properties.remove(e.getKey()) != null;
            } else {
                changed |= !e.getValue().equals(sender.properties.put(e.getKey(), e.getValue()));
            }
        }
        if (changed) {
            pending.removeIf(p -> p.change() instanceof PropertiesChange && p.change().token().equals(sender.token));
            enqueue(new PropertiesChange(sender.token, sender.propertiesObject()), now);
        }
    }

    private void relay(User sender, TokensTarget to, ChangesClientPacket packet, StepBuilder step) {
        LinkedHashSet<String> recipients = new LinkedHashSet<>();
        LinkedHashSet<String> unknown = new LinkedHashSet<>();
        for (String t : to.tokens()) {
            if (t.equals(TokensTarget.WILDCARD)) {
                recipients.addAll(users.keySet());
            } else if (users.containsKey(t)) {
                recipients.add(t);
            } else {
                unknown.add(t);
            }
        }
        ChangesServerPacket out = new ChangesServerPacket(sender.token, packet.type(), packet.data(), packet.extras());
        for (String r : recipients) {
            step.deliver(r, out);
        }
        if (!unknown.isEmpty()) {
            List<JsonValue> list = new ArrayList<>();
            for (String u : unknown) {
                list.add(new JsonString(u));
            }
            step.deliver(sender.token, errorPacket(ErrorCode.UNKNOWN_RECIPIENT,
                    "no open connection has these tokens; the packet went to the others", JsonArray.of(list)));
        }
    }

    private void remove(String token, Instant now) {
        User gone = users.remove(token);
        if (gone != null) {
            propertyBytes -= HubRules.size(gone.properties);
        }
        pending.removeIf(p -> p.change() instanceof PropertiesChange && p.change().token().equals(token));
        if (users.isEmpty()) {
            pending.clear();
            batchDeadline = null;
            nextPing = null;
            return;
        }
        enqueue(new CloseChange(token), now);
    }

    private void enqueue(Change change, Instant now) {
        pending.add(new Pending(++sequence, change));
        if (batchDeadline == null && !config.batchInterval().isZero()) {
            batchDeadline = now.plus(config.batchInterval());
        }
    }

    private void flushIfImmediate(StepBuilder step) {
        if (config.batchInterval().isZero()) {
            flush(step);
        }
    }

    private void flush(StepBuilder step) {
        if (!pending.isEmpty()) {
            // Users whose snapshots end at the same place get the same changes: one packet object for all of them,
            // so a driver encodes it once (most users share the packet that carries every pending change).
            Map<Integer, ChangesServerPacket> byStart = new HashMap<>();
            for (User u : users.values()) {
                int start = 0;
                while (start < pending.size() && pending.get(start).sequence() <= u.snapshotSequence) {
                    start++;
                }
                if (start == pending.size()) {
                    continue;
                }
                int from = start;
                ChangesServerPacket packet = byStart.computeIfAbsent(from, k -> {
                    List<Change> changes = new ArrayList<>();
                    for (Pending p : pending.subList(k, pending.size())) {
                        changes.add(p.change());
                    }
                    return new ChangesPacket(changes).toServerPacket();
                });
                step.deliver(u.token, packet);
            }
            pending.clear();
        }
        batchDeadline = null;
    }

    private String newToken() {
        String token;
        do {
            token = HEX.toHexDigits(random.nextLong()) + HEX.toHexDigits(random.nextLong());
        } while (users.containsKey(token));
        return token;
    }

    private static ChangesServerPacket errorPacket(ErrorCode code, String message, @Nullable JsonArray tokens) {
        LinkedHashMap<String, JsonValue> data = new LinkedHashMap<>();
        data.put("code", new JsonString(code.wireName()));
        data.put("message", new JsonString(message));
        if (tokens != null) {
            data.put("tokens", tokens);
        }
        return ChangesServerPacket.of(ChangesServerPacket.FROM_SERVER, ErrorCode.PACKET_TYPE, JsonObject.adopt(data));
    }

    /** Collects one step's outputs. */
    private static final class StepBuilder {
        private final List<Delivery> deliveries = new ArrayList<>();
        private final List<Action> actions = new ArrayList<>();

        void deliver(String token, ChangesServerPacket packet) {
            deliveries.add(new Delivery(token, packet));
        }

        void act(Action action) {
            actions.add(action);
        }

        HubStep build() {
            return deliveries.isEmpty() && actions.isEmpty() ? HubStep.EMPTY : new HubStep(deliveries, actions);
        }
    }
}
