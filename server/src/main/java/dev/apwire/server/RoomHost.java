package dev.apwire.server;

import dev.apwire.protocol.client.ClientPacket;
import dev.apwire.protocol.client.JoinPacket;
import dev.apwire.protocol.server.InvalidPacket;
import dev.apwire.server.HostRules.Input;
import dev.apwire.server.HostRules.Outcome;
import dev.apwire.server.HostRules.Phase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;

/**
 * The v2.0 host: many rooms behind one address. It decides, for each connection, which room it belongs to, and
 * for each room, when it is loaded and unloaded; the rooms themselves ({@link ArchipelagoRoom}) apply the v1.0
 * rules. Pure: values in, {@link HostStep}s out, no I/O, no threads, no clock.
 *
 * <h2>Theory of operation</h2>
 * The host is to the rooms what quinn-proto's {@code Endpoint} is to its {@code Connection}s: it routes, and the
 * driver runs each room separately (the example server runs each room's calls one at a time on its own serial
 * executor). A driver calls, on one thread (or under one lock):
 * <ol>
 *   <li>{@link #selectSubprotocol} during the WebSocket upgrade: {@code v2.0} is accepted only when offered;</li>
 *   <li>{@link #open} when the socket opens, with the subprotocols offered and the one accepted. A {@code v2.0}
 *       connection gets nothing until it sends {@code Join}; any other connection (every v1.0 client) joins the
 *       {@linkplain HostConfig#defaultRoom() default room}, or is closed when the host has none;</li>
 *   <li>{@link #receive} per decoded command, {@link #receiveInvalid} per command the codec rejected,
 *       {@link #receiveMalformed} per unusable frame. {@link HostRules} is the table of what each phase does with
 *       them; after joining, everything but an illegal {@code Join} comes back as {@link HostForward}, and the
 *       driver gives that same input to the connection's room;</li>
 *   <li>{@link #close} when the socket closes, or when the room closed it ({@link RoomClose});</li>
 *   <li>{@link #onTimeout} at {@link #nextDeadline()} (a spurious call is a no-op);</li>
 *   <li>the answer to each {@link HostLoad} ({@link #roomLoaded} / {@link #roomLoadFailed}) and each
 *       {@link HostUnload} ({@link #roomUnloaded} / {@link #roomUnloadFailed}), once the store has done it.</li>
 * </ol>
 * A driver carries out a step's actions in order: {@link HostAttach} opens the connection in the loaded room
 * (whose {@code RoomInfo} answers the {@code Join}); {@link HostClose} closes with normal closure and no reason.
 *
 * <h2>Rooms</h2>
 * A room is unloaded (only in the store), loading, loaded, or unloading. A valid {@code Join} names a room by a
 * {@link RoomId} (case-insensitive); the host does not keep a list of rooms: a {@code Join} of a room that is not
 * loaded asks the driver to load it ({@link HostLoad}), and the store decides whether it exists, so rooms added
 * to the store while the server runs can be joined and a database-backed store needs no catalogue here. Every
 * {@code Join} for the same room while it loads waits for that one load. A loaded room without connections for
 * {@link HostConfig#idleTimeout()} is unloaded: the driver saves it and drops it ({@link HostUnload}); a
 * {@code Join} meanwhile waits and loads it again afterwards. An invalid {@code Join} (not a room id, or a room
 * the store does not have) is closed with no further information, as the v2.0 document asks.
 *
 * <p>Not thread-safe: one thread, or external locking. {@link #nextDeadline()} is linear in the number of
 * waiting connections and idle rooms.
 *
 * @param <C> the connection id type; needs value-based {@code equals} and {@code hashCode}
 */
public final class RoomHost<C> {

    /** The WebSocket subprotocol of protocol v2.0. */
    public static final String SUBPROTOCOL = "v2.0";

    private final HostConfig config;
    private final RandomGenerator random;
    private final Map<C, Conn> connections = new LinkedHashMap<>();
    private final Map<RoomId, Room<C>> rooms = new HashMap<>();
    private List<HostAction<C>> out = new ArrayList<>();

    /** A connection's phase, with the data of that phase. */
    private sealed interface Conn permits Lobby, Waiting, Joined {
        Phase phase();
    }

    /** A v2.0 connection before a valid Join; closed at {@code deadline}. */
    private record Lobby(Instant deadline) implements Conn {
        @Override
        public Phase phase() {
            return Phase.LOBBY;
        }
    }

    /** Waiting for {@code room} to load. */
    private record Waiting(RoomId room, boolean v2) implements Conn {
        @Override
        public Phase phase() {
            return v2 ? Phase.WAITING : Phase.DEFAULT_WAITING;
        }
    }

    /** In {@code room}. */
    private record Joined(RoomId room, boolean v2) implements Conn {
        @Override
        public Phase phase() {
            return v2 ? Phase.JOINED : Phase.DEFAULT_JOINED;
        }
    }

    /** A room's load state. */
    private enum Status {
        LOADING, LOADED, UNLOADING
    }

    /** A room that is not just in the store. */
    private static final class Room<C> {
        Status status = Status.LOADING;
        /** The connections in the room (LOADED only). */
        final Set<C> members = new LinkedHashSet<>();
        /** The connections waiting for the room to load (LOADING, UNLOADING). */
        final Set<C> waiting = new LinkedHashSet<>();
        /** Since when a LOADED room has had no member; {@code null} while it has one. */
        @Nullable Instant idleSince;
    }

    /**
     * Creates a host with no connection and no loaded room.
     *
     * @param config the host's policy
     * @param random the source of new room ids ({@link #newRoomId()})
     */
    public RoomHost(HostConfig config, RandomGenerator random) {
        this.config = Objects.requireNonNull(config, "config");
        this.random = Objects.requireNonNull(random, "random");
    }

    /**
     * The subprotocol to accept in the WebSocket upgrade: {@code v2.0} when the client offers it, none otherwise
     * (a v1.0 client offers none, and the reference accepts none).
     *
     * @param offered the subprotocols the client offered ({@code Sec-WebSocket-Protocol}), in order
     * @return the subprotocol to accept, or empty
     */
    public static Optional<String> selectSubprotocol(List<String> offered) {
        return offered.contains(SUBPROTOCOL) ? Optional.of(SUBPROTOCOL) : Optional.empty();
    }

    /** {@return the host's policy} */
    public HostConfig config() {
        return config;
    }

    // ---------------------------------------------------------------- connection inputs

    /**
     * A socket opened. With {@code v2.0} accepted, the connection waits for {@code Join} (at most
     * {@link HostConfig#joinTimeout()}); otherwise it joins the default room, or is closed when there is none.
     *
     * @param connection the new connection
     * @param offered the subprotocols the client offered
     * @param accepted the subprotocol the driver accepted, or {@code null}
     * @param now the current time
     * @return the step
     * @throws IllegalStateException if the connection is already open
     * @throws IllegalArgumentException if {@code accepted} was not offered
     */
    public HostStep<C> open(C connection, List<String> offered, @Nullable String accepted, Instant now) {
        Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(now, "now");
        if (connections.containsKey(connection)) {
            throw new IllegalStateException("connection already open: " + connection);
        }
        if (accepted != null && !offered.contains(accepted)) {
            throw new IllegalArgumentException("subprotocol " + accepted + " accepted but not offered: " + offered);
        }
        if (SUBPROTOCOL.equals(accepted)) {
            connections.put(connection, new Lobby(now.plus(config.joinTimeout())));
        } else if (config.defaultRoom() != null) {
            join(connection, config.defaultRoom(), false, now);
        } else {
            out.add(new HostClose<>(connection, "no default room for a connection without the v2.0 subprotocol"));
        }
        return finish();
    }

    /**
     * A decoded command arrived.
     *
     * @param connection the sending connection
     * @param packet the command
     * @param now the current time
     * @return the step ({@link HostForward} when the connection's room is to handle it)
     */
    public HostStep<C> receive(C connection, ClientPacket packet, Instant now) {
        Objects.requireNonNull(packet, "packet");
        if (packet instanceof JoinPacket join) {
            input(connection, Input.JOIN, join.id(), now);
        } else {
            input(connection, Input.OTHER, null, now);
        }
        return finish();
    }

    /**
     * A command of a frame could not be decoded (the codec's {@code Decoded.Problem}); an undecodable
     * {@code Join} is an invalid {@code Join}.
     *
     * @param connection the sending connection
     * @param invalid the codec's problem
     * @param now the current time
     * @return the step ({@link HostForward} when the connection's room is to handle it)
     */
    public HostStep<C> receiveInvalid(C connection, InvalidPacket invalid, Instant now) {
        input(connection, "Join".equals(invalid.originalCmd()) ? Input.JOIN : Input.OTHER, null, now);
        return finish();
    }

    /**
     * A frame was unusable as a whole (invalid JSON, not an array, binary).
     *
     * @param connection the connection
     * @param now the current time
     * @return the step ({@link HostForward} when the connection's room is to handle it)
     */
    public HostStep<C> receiveMalformed(C connection, Instant now) {
        input(connection, Input.MALFORMED, null, now);
        return finish();
    }

    /**
     * The socket closed, or the connection's room closed it. A room left without connections starts its idle
     * time. A no-op for a connection the host does not know.
     *
     * @param connection the connection
     * @param now the current time
     * @return the step (always empty; a step for symmetry with the other inputs)
     */
    public HostStep<C> close(C connection, Instant now) {
        Conn conn = connections.remove(connection);
        if (conn instanceof Waiting w) {
            Room<C> room = rooms.get(w.room());
            if (room != null) {
                room.waiting.remove(connection);
            }
        } else if (conn instanceof Joined j) {
            Room<C> room = rooms.get(j.room());
            if (room != null && room.members.remove(connection) && room.members.isEmpty()) {
                room.idleSince = now;
            }
        }
        return finish();
    }

    // ---------------------------------------------------------------- room inputs

    /**
     * The store loaded a room ({@link HostLoad}): every connection waiting for it joins it.
     *
     * @param room the room
     * @param now the current time
     * @return the step: a {@link HostAttach} per waiting connection
     * @throws IllegalStateException if the room was not loading
     */
    public HostStep<C> roomLoaded(RoomId room, Instant now) {
        Room<C> r = expect(room, Status.LOADING);
        r.status = Status.LOADED;
        admitWaiting(room, r, now);
        return finish();
    }

    /**
     * The store has no such room, or could not read it: every connection waiting for it is closed with no
     * information; the next {@code Join} tries again.
     *
     * @param room the room
     * @param now the current time
     * @return the step: a {@link HostClose} per waiting connection
     * @throws IllegalStateException if the room was not loading
     */
    public HostStep<C> roomLoadFailed(RoomId room, Instant now) {
        Room<C> r = expect(room, Status.LOADING);
        rooms.remove(room);
        for (C c : r.waiting) {
            connections.remove(c);
            out.add(new HostClose<>(c, "room " + room + " could not be loaded"));
        }
        return finish();
    }

    /**
     * The room was saved and dropped ({@link HostUnload}). If connections joined it meanwhile, it is loaded again.
     *
     * @param room the room
     * @param now the current time
     * @return the step: a {@link HostLoad} if connections wait for the room
     * @throws IllegalStateException if the room was not unloading
     */
    public HostStep<C> roomUnloaded(RoomId room, Instant now) {
        Room<C> r = expect(room, Status.UNLOADING);
        if (r.waiting.isEmpty()) {
            rooms.remove(room);
        } else {
            r.status = Status.LOADING;
            out.add(new HostLoad<>(room));
        }
        return finish();
    }

    /**
     * The room could not be saved: it stays loaded (and its idle time starts again), so no progress is lost.
     *
     * @param room the room
     * @param now the current time
     * @return the step: a {@link HostAttach} per connection that joined meanwhile
     * @throws IllegalStateException if the room was not unloading
     */
    public HostStep<C> roomUnloadFailed(RoomId room, Instant now) {
        Room<C> r = expect(room, Status.UNLOADING);
        r.status = Status.LOADED;
        admitWaiting(room, r, now);
        return finish();
    }

    // ---------------------------------------------------------------- time

    /** {@return the earliest time {@link #onTimeout} has something to do: a {@code Join} deadline or an idle room's unload} */
    public Optional<Instant> nextDeadline() {
        Instant next = null;
        for (Conn c : connections.values()) {
            if (c instanceof Lobby l && (next == null || l.deadline().isBefore(next))) {
                next = l.deadline();
            }
        }
        for (Room<C> r : rooms.values()) {
            if (r.status == Status.LOADED && r.idleSince != null) {
                Instant d = r.idleSince.plus(config.idleTimeout());
                if (next == null || d.isBefore(next)) {
                    next = d;
                }
            }
        }
        return Optional.ofNullable(next);
    }

    /**
     * Time passed: closes v2.0 connections that did not {@code Join} in time and unloads rooms idle for
     * {@link HostConfig#idleTimeout()}. A call before any deadline does nothing.
     *
     * @param now the current time
     * @return the step
     */
    public HostStep<C> onTimeout(Instant now) {
        List<C> late = new ArrayList<>();
        for (Map.Entry<C, Conn> e : connections.entrySet()) {
            if (e.getValue() instanceof Lobby l && !l.deadline().isAfter(now)) {
                late.add(e.getKey());
            }
        }
        for (C c : late) {
            connections.remove(c);
            out.add(new HostClose<>(c, "no Join within " + config.joinTimeout()));
        }
        for (RoomId id : new TreeSet<>(rooms.keySet())) {
            Room<C> r = rooms.get(id);
            if (r.status == Status.LOADED && r.idleSince != null && !r.idleSince.plus(config.idleTimeout()).isAfter(now)) {
                r.status = Status.UNLOADING;
                r.idleSince = null;
                out.add(new HostUnload<>(id));
            }
        }
        return finish();
    }

    // ---------------------------------------------------------------- ids and queries

    /**
     * Draws an id for a new room, of {@link HostConfig#idLength()} symbols, that is not a room the host has
     * loaded. Only the store knows every room: a driver adding a room tries again when the store already has the
     * id (with 6 symbols there are 31^6, about 887 million, ids).
     *
     * @return a new id
     */
    public RoomId newRoomId() {
        while (true) {
            RoomId id = RoomId.random(random, config.idLength());
            if (!rooms.containsKey(id)) {
                return id;
            }
        }
    }

    /** {@return whether the host knows this connection (opened, not closed)}
     *
     * @param connection the connection
     */
    public boolean isOpen(C connection) {
        return connections.containsKey(connection);
    }

    /** {@return the room a connection has joined (it is attached), or empty}
     *
     * @param connection the connection
     */
    public Optional<RoomId> roomOf(C connection) {
        return connections.get(connection) instanceof Joined j ? Optional.of(j.room()) : Optional.empty();
    }

    /** {@return the rooms that are loaded (not loading or unloading), in id order} */
    public Set<RoomId> loadedRooms() {
        Set<RoomId> loaded = new TreeSet<>();
        for (Map.Entry<RoomId, Room<C>> e : rooms.entrySet()) {
            if (e.getValue().status == Status.LOADED) {
                loaded.add(e.getKey());
            }
        }
        return loaded;
    }

    // ---------------------------------------------------------------- internals

    private void input(C connection, Input input, @Nullable String joinId, Instant now) {
        Objects.requireNonNull(now, "now");
        Conn conn = connections.get(connection);
        if (conn == null) {
            return;
        }
        Outcome outcome = HostRules.decide(conn.phase(), input);
        switch (outcome) {
            case JOIN:
                Optional<RoomId> id = joinId == null ? Optional.empty() : RoomId.parse(joinId);
                if (id.isEmpty()) {
                    connections.remove(connection);
                    out.add(new HostClose<>(connection, "invalid Join"));
                } else {
                    join(connection, id.get(), true, now);
                }
                break;
            case ILLEGAL:
                if (config.strict()) {
                    close(connection, now);
                    out.add(new HostClose<>(connection, "illegal " + (input == Input.JOIN ? "Join" : "command") + " in phase "
                            + conn.phase()));
                }
                break;
            case CLOSE:
                close(connection, now);
                out.add(new HostClose<>(connection, "malformed frame"));
                break;
            case FORWARD:
                out.add(new HostForward<>(connection, ((Joined) conn).room()));
                break;
            default:
                throw new AssertionError(outcome);
        }
    }

    private void join(C connection, RoomId id, boolean v2, Instant now) {
        Room<C> room = rooms.get(id);
        if (room == null) {
            room = new Room<>();
            rooms.put(id, room);
            out.add(new HostLoad<>(id));
        }
        if (room.status == Status.LOADED) {
            connections.put(connection, new Joined(id, v2));
            room.members.add(connection);
            room.idleSince = null;
            out.add(new HostAttach<>(connection, id));
        } else {
            connections.put(connection, new Waiting(id, v2));
            room.waiting.add(connection);
        }
    }

    private void admitWaiting(RoomId id, Room<C> room, Instant now) {
        for (C c : room.waiting) {
            Conn conn = connections.get(c);
            boolean v2 = conn instanceof Waiting w && w.v2();
            connections.put(c, new Joined(id, v2));
            room.members.add(c);
            out.add(new HostAttach<>(c, id));
        }
        room.waiting.clear();
        room.idleSince = room.members.isEmpty() ? now : null;
    }

    private Room<C> expect(RoomId id, Status status) {
        Room<C> r = rooms.get(id);
        if (r == null || r.status != status) {
            throw new IllegalStateException("room " + id + " is " + (r == null ? "not loaded" : r.status) + ", not " + status);
        }
        return r;
    }

    private HostStep<C> finish() {
        HostStep<C> step = new HostStep<>(out);
        out = new ArrayList<>();
        return step;
    }

    /** {@return a short description for logs} */
    @Override
    public String toString() {
        return "RoomHost[" + connections.size() + " connections, " + rooms.size() + " rooms in memory]";
    }
}
