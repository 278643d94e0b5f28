package dev.apwire.examples;

import dev.apwire.codec.ArchipelagoCodec;
import dev.apwire.codec.CodecLimits;
import dev.apwire.codec.Decoded;
import dev.apwire.protocol.client.ClientPacket;
import dev.apwire.server.ArchipelagoRoom;
import dev.apwire.server.HostAction;
import dev.apwire.server.HostAttach;
import dev.apwire.server.HostClose;
import dev.apwire.server.HostConfig;
import dev.apwire.server.HostForward;
import dev.apwire.server.HostLoad;
import dev.apwire.server.HostStep;
import dev.apwire.server.HostUnload;
import dev.apwire.server.RoomConfig;
import dev.apwire.server.RoomHost;
import dev.apwire.server.RoomId;
import dev.apwire.server.RoomStep;
import dev.apwire.server.RoomStore;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.eclipse.jetty.websocket.api.StatusCode;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;
import org.jspecify.annotations.Nullable;

/**
 * An Archipelago server for many rooms on one port (protocol v2.0): a {@link RoomHost} routing connections to
 * {@link ArchipelagoRoom}s that are loaded from a {@link RoomStore} on {@code Join} and saved and dropped when
 * idle, behind a Jetty 12 WebSocket server on {@code /}.
 *
 * <h2>Threads</h2>
 * <ul>
 *   <li>Jetty's threads run the connections: the upgrade accepts the {@code v2.0} subprotocol only when the
 *       client offers it ({@link RoomHost#selectSubprotocol}); each WebSocket is a {@link PeerConnection}, with
 *       the bounds of the single-room server ({@link ConnectionLimits}: read demand, command and byte allowances,
 *       slow-reader close, login deadline). Each text frame is decoded there (the codec is thread-safe), its
 *       commands are charged to the connection's allowance, and it is handed on.</li>
 *   <li>The <b>host thread</b> (one single-threaded executor) makes every {@link RoomHost} call, in the order the
 *       inputs arrived, keeps the route of each connection to its room, and runs the host's deadlines
 *       ({@code nextDeadline} / {@code onTimeout}), the login deadlines and the pings. It does no I/O and no room
 *       work: it hands each {@link HostForward} input to the connection's room.</li>
 *   <li>Each loaded room has its own <b>room executor</b> ({@link SerialExecutor}: one task at a time, in order,
 *       on a shared pool of worker threads): every call into that room, its sends, its timer
 *       ({@code nextDeadline} / {@code onTimeout}: countdowns) and its saves. As in the single-room server, a
 *       change queues a save behind the room's queued work ({@link #SAVE_DELAY} is zero) and the frames that show
 *       the change are held until it is written: one write per burst. A room's sends go through its own
 *       {@link Coalescer}, as in the single-room server: the frames of the
 *       steps of one burst of the executor's work (the tasks queued when the first of them was made) are merged
 *       per connection and handed to its {@link PeerConnection#send} once, closes the room or its executor decides
 *       behind them (never a socket write: Jetty's pool writes), so a slow reader or a flood in one room never holds up another room's executor or frames.
 *       Rooms never wait for each other. One timer thread only waits and hands due tasks to the rooms' executors
 *       (and runs the connections' own timers).</li>
 *   <li>Loads run on the worker pool; the store is asked about one room at a time (the host loads a room once
 *       and unloads it only when it is idle).</li>
 * </ul>
 * A connection's frames go through the host thread and then, in the same order, to its room executor, so a
 * frame of {@code [Join, Connect]} is attached before the {@code Connect} reaches the room. The commands of one
 * frame that the host forwards run in the room as one task, so their answers are one burst there and reach the
 * client as one message. A host close of a connection in a room (a second {@code Join}) is carried out on the room's
 * executor, behind the answers to what the connection sent before it; before {@code Join} nothing is coalesced (the
 * host thread sends nothing but its closes). When a room closes a
 * connection, or the socket closes, the host thread learns it and the room's idle time may start. On
 * {@link #close()} the server stops listening and then saves every loaded room.
 *
 * <p>Bounds: a received frame counts against its connection's unprocessed budget until the last of its inputs is
 * done, on the host thread (before {@code Join}) or on the room's executor (after), so no connection can queue
 * more than {@link ConnectionLimits#maxUnprocessedBytes()} (plus one message) of work on either. A connection
 * without a successful {@code Connect} {@link ConnectionLimits#loginTimeout()} after it opened (before or after
 * its {@code Join}) is closed (1008). An unexpected exception from a room call is logged once with what the room
 * was doing and for which connection; that connection is closed with 1011 and the room keeps serving. An
 * {@link Error} on the host thread or a room's executor is logged and stops the server.
 *
 * <p>Public only because Jetty invokes endpoint methods through a public lookup. Thread-safe.
 */
public final class MultiRoomServer implements AutoCloseable {

    /**
     * How long a change waits before its save is queued on the room's executor: not at all; the save runs behind the
     * work already queued there. (It was 100 ms; measured with {@code ROOMS=1 bench/load/run.sh}, RUNS=3: a
     * 100-socket login storm into the default room 309 -> 162 ms, checks 875 -> 1767 per second.)
     */
    static final Duration SAVE_DELAY = Duration.ZERO;

    private final WebSocketHost web;
    private final ScheduledExecutorService hostThread;
    private final ExecutorService workers;
    /** Only waits: the rooms' timers and save delays fire here and hop onto their room's executor. */
    private final ScheduledExecutorService timers;
    private final WebSocketUpgradeHandler handler;
    private final RoomHost<Long> host;
    private final RoomStore store;
    private final RoomConfig roomConfig;
    private final ConnectionLimits limits;
    private final ArchipelagoCodec codec = ArchipelagoCodec.create(CodecLimits.CLIENT_FRAMES);
    /** Open connections: added on the host thread, read and removed by the host thread and the room executors. */
    private final Map<Long, PeerConnection> connections = new ConcurrentHashMap<>();
    /** Loaded rooms; host thread only. */
    private final Map<RoomId, LoadedRoom> rooms = new HashMap<>();
    /** The room of each attached connection; host thread only. */
    private final Map<Long, LoadedRoom> routes = new HashMap<>();
    private final AtomicInteger loads = new AtomicInteger();
    private final java.util.concurrent.atomic.AtomicBoolean closing = new java.util.concurrent.atomic.AtomicBoolean();
    /**
     * The forwarded inputs of the frame the host thread is receiving, in order, all for one connection in one room:
     * they run in that room as one task ({@link #sendForwarded}), so their answers are one burst there; host thread
     * only.
     */
    private final List<RoomInput> forwarded = new ArrayList<>();
    private @Nullable LoadedRoom forwardedTo;
    private long forwardedFor;
    private long nextId = 1;
    private @Nullable ScheduledFuture<?> timer;
    private @Nullable Instant timerAt;

    /**
     * A loaded room, its executor, and its upkeep: the room's timer and its saves. The upkeep fields are touched
     * only by tasks on {@link #executor}.
     */
    private static final class LoadedRoom {
        final RoomId id;
        final ArchipelagoRoom<Long> room;
        final SerialExecutor executor;
        /** The room's outbound frames, coalesced per burst of the executor's work. */
        final Coalescer out;
        /** {@link ArchipelagoRoom#changes()} at the last save (or load). */
        long saved;
        /** Steps held back until the next save, in order. */
        final List<RoomStep<Long>> held = new ArrayList<>();
        @Nullable ScheduledFuture<?> saveTask;
        @Nullable ScheduledFuture<?> timer;
        @Nullable Instant timerAt;

        LoadedRoom(RoomId id, ArchipelagoRoom<Long> room, SerialExecutor executor, ArchipelagoCodec codec) {
            this.id = id;
            this.room = room;
            this.executor = executor;
            this.out = new Coalescer(codec, executor);
            this.saved = room.changes();
        }

        RoomId id() {
            return id;
        }

        ArchipelagoRoom<Long> room() {
            return room;
        }

        SerialExecutor executor() {
            return executor;
        }
    }

    private MultiRoomServer(String bind, int port, RoomStore store, HostConfig hostConfig, RoomConfig roomConfig,
            ConnectionLimits limits) {
        this.store = store;
        this.roomConfig = roomConfig;
        this.limits = limits;
        this.host = new RoomHost<>(hostConfig, new SecureRandom());
        this.web = new WebSocketHost(bind, port, "archipelago-host", limits);
        this.hostThread = web.stateThread();
        int n = Math.max(2, Runtime.getRuntime().availableProcessors());
        AtomicInteger count = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(n, r -> {
            Thread t = new Thread(r, "archipelago-rooms-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        ScheduledThreadPoolExecutor timerThread = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "archipelago-room-timers");
            t.setDaemon(true);
            return t;
        });
        // cancelled timers (the connections' disconnects, the rooms' saves) leave the queue at once
        timerThread.setRemoveOnCancelPolicy(true);
        this.timers = timerThread;
        this.handler = PeerConnections.upgradeHandler(web, limits, "/",
                ExampleServer.PING_INTERVAL.multipliedBy(3), (request, response, callback) -> {
            List<String> offered = List.copyOf(request.getSubProtocols());
            Optional<String> accepted = RoomHost.selectSubprotocol(offered);
            accepted.ifPresent(response::setAcceptedSubProtocol);
            return new PeerConnection(new Events(offered, accepted.orElse(null)), limits, web.writer(), timers);
        });
    }

    /**
     * Starts a server for the rooms of a store, with the default connection limits.
     *
     * @param bind the address to bind
     * @param port the port, 0 for any free one
     * @param store the rooms
     * @param hostConfig the host's policy (default room, idle time, strictness)
     * @param roomConfig the policy of every room
     * @return the running server
     * @throws Exception if the server cannot start
     */
    static MultiRoomServer start(String bind, int port, RoomStore store, HostConfig hostConfig, RoomConfig roomConfig)
            throws Exception {
        return start(bind, port, store, hostConfig, roomConfig, ConnectionLimits.DEFAULT);
    }

    /**
     * Starts a server for the rooms of a store.
     *
     * @param bind the address to bind
     * @param port the port, 0 for any free one
     * @param store the rooms
     * @param hostConfig the host's policy (default room, idle time, strictness)
     * @param roomConfig the policy of every room (its data storage and login limits)
     * @param limits the bounds of every connection
     * @return the running server
     * @throws Exception if the server cannot start
     */
    static MultiRoomServer start(String bind, int port, RoomStore store, HostConfig hostConfig, RoomConfig roomConfig,
            ConnectionLimits limits) throws Exception {
        MultiRoomServer s = new MultiRoomServer(bind, port, store, hostConfig, roomConfig, limits);
        s.web.start(s.handler);
        long ping = ExampleServer.PING_INTERVAL.toMillis();
        s.hostThread.scheduleAtFixedRate(s::pingAll, ping, ping, TimeUnit.MILLISECONDS);
        return s;
    }

    /** {@return the port the server listens on} */
    int port() {
        return web.port();
    }

    /** {@return the address the server listens on} */
    InetSocketAddress address() {
        return web.address();
    }

    /** Blocks until the server stops. */
    void join() throws InterruptedException {
        web.join();
    }

    /** {@return the rooms loaded now (asked on the host thread)} */
    Set<RoomId> loadedRooms() {
        return onHostAndWait(host::loadedRooms);
    }

    /** {@return how many room loads the server has started} */
    int loadCount() {
        return loads.get();
    }

    /** Stops listening (closing every connection), saves every loaded room, then stops the threads. */
    @Override
    public void close() {
        if (!closing.compareAndSet(false, true)) {
            return;
        }
        try {
            web.server().stop();
        } catch (Exception e) {
            System.err.println("server: error while stopping Jetty: " + e);
        }
        try {
            List<LoadedRoom> loaded = onHostAndWait(() -> new ArrayList<>(rooms.values()));
            List<CompletableFuture<Void>> saves = new ArrayList<>();
            for (LoadedRoom r : loaded) {
                saves.add(CompletableFuture.runAsync(() -> saveNow(r), r.executor()));
            }
            CompletableFuture.allOf(saves.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            System.err.println("server: error while saving the rooms: " + e);
        } finally {
            web.close();
            timers.shutdownNow();
            workers.shutdownNow();
        }
    }


    // ---------------------------------------------------------------- endpoints

    /** What a forwarded input does to a room. */
    @FunctionalInterface
    private interface RoomInput {
        RoomStep<Long> apply(ArchipelagoRoom<Long> room, long connection, Instant now);
    }

    /**
     * The events of one connection, on Jetty threads; each hands its work to the host thread. One per connection,
     * holding the subprotocols of its upgrade.
     */
    private final class Events implements PeerConnection.Handler {
        private final List<String> offered;
        private final @Nullable String accepted;

        Events(List<String> offered, @Nullable String accepted) {
            this.offered = offered;
            this.accepted = accepted;
        }

        @Override
        public void opened(PeerConnection c) {
            onHost(() -> {
                long i = nextId++;
                c.id(i);
                connections.put(i, c);
                c.closeTimer = hostThread.schedule(() -> onHost(() -> loginDeadline(c)),
                        limits.loginTimeout().toMillis(), TimeUnit.MILLISECONDS);
                apply(host.open(i, offered, accepted, Instant.now()), null);
            });
        }

        @Override
        public void text(PeerConnection c, String frame) {
            PeerConnections.Charged charged = PeerConnections.decodeAndCharge(c, codec, frame);
            if (charged == null) {
                return;
            }
            int length = frame.length();
            List<Decoded<ClientPacket>> packets = charged.packets();
            onHost(() -> {
                try {
                    receive(c, packets);
                } finally {
                    // the frame's work is done once the last input it forwarded is done in the room
                    LoadedRoom r = routes.get(c.id());
                    if (r == null) {
                        c.processed(length);
                    } else {
                        r.executor().execute(() -> c.processed(length));
                    }
                }
            });
        }

        @Override
        public void binary(PeerConnection c) {
            onHost(() -> malformed(c, "binary frames are not part of the protocol"));
        }

        @Override
        public void closed(PeerConnection c, int code, String reason) {
            onHost(() -> {
                long i = c.id();
                if (i < 0) {
                    return;
                }
                connections.remove(i);
                LoadedRoom r = routes.remove(i);
                if (r != null) {
                    onRoom(r, i, "closing a connection", room -> room.isOpen(i) ? room.close(i, Instant.now()) : null);
                }
                apply(host.close(i, Instant.now()), null);
            });
        }
    }

    // ---------------------------------------------------------------- host thread

    /** Feeds one decoded frame (null when malformed) to the host, input by input, while the connection is open. */
    private void receive(PeerConnection c, @Nullable List<Decoded<ClientPacket>> decoded) {
        long i = c.id();
        if (decoded == null) {
            malformed(c, "malformed frame");
            return;
        }
        try {
            for (Decoded<ClientPacket> d : decoded) {
                if (!connections.containsKey(i) || !host.isOpen(i)) {
                    return;
                }
                Instant now = Instant.now();
                if (d instanceof Decoded.Ok<ClientPacket> ok) {
                    apply(host.receive(i, ok.packet(), now), (room, conn, t) -> room.receive(conn, ok.packet(), t));
                } else if (d instanceof Decoded.Problem<ClientPacket> p) {
                    apply(host.receiveInvalid(i, p.invalidPacket(), now),
                            (room, conn, t) -> room.receiveInvalid(conn, p.invalidPacket(), p.fatal(), t));
                }
            }
        } finally {
            sendForwarded();
        }
    }

    private void malformed(PeerConnection c, String reason) {
        long i = c.id();
        if (connections.containsKey(i) && host.isOpen(i)) {
            apply(host.receiveMalformed(i, Instant.now()), (room, conn, t) -> room.receiveMalformed(conn, reason, t));
            sendForwarded();
        }
    }

    /** Adds a forwarded input to {@link #forwarded}, first sending what is there for another room or connection. */
    private void forward(LoadedRoom r, long connection, RoomInput input) {
        if (forwardedTo != r || forwardedFor != connection) {
            sendForwarded();
            forwardedTo = r;
            forwardedFor = connection;
        }
        forwarded.add(input);
    }

    /**
     * Hands the forwarded inputs to their room as one task: each in order while the connection is open there, each
     * step carried out as {@link #onRoom} does. Called at the end of a frame and before any other room work the
     * host thread starts, so the room sees everything in the order the host decided it.
     */
    private void sendForwarded() {
        LoadedRoom r = forwardedTo;
        if (r == null) {
            return;
        }
        List<RoomInput> inputs = List.copyOf(forwarded);
        long c = forwardedFor;
        forwarded.clear();
        forwardedTo = null;
        r.executor().execute(() -> {
            for (RoomInput input : inputs) {
                if (!r.room().isOpen(c) || !roomCall(r, c, "receiving a frame", room -> input.apply(room, c, Instant.now()))) {
                    return;
                }
            }
        });
    }

    /**
     * {@link ConnectionLimits#loginTimeout()} after a connection opened: closes it (1008) unless it has logged in.
     * Before its room is known the host closes it; after, its room decides on its own executor.
     */
    private void loginDeadline(PeerConnection c) {
        long i = c.id();
        if (connections.get(i) != c) {
            return;
        }
        String reason = "no successful Connect within " + limits.loginTimeout().toMillis() + " ms";
        LoadedRoom r = routes.get(i);
        if (r == null) {
            connections.remove(i);
            c.close(StatusCode.POLICY_VIOLATION, reason);
            apply(host.close(i, Instant.now()), null);
            return;
        }
        onRoom(r, i, "enforcing the login deadline", room -> {
            if (!room.isOpen(i) || room.slotOf(i).isPresent() || connections.remove(i) == null) {
                return null;
            }
            r.out.close(c, StatusCode.POLICY_VIOLATION, reason);
            hostForgets(i);
            return room.close(i, Instant.now());
        });
    }

    /** A room closed a connection: the host thread drops its route and tells the host. */
    private void hostForgets(long connection) {
        onHost(() -> {
            routes.remove(connection);
            apply(host.close(connection, Instant.now()), null);
        });
    }

    /** Carries out a host step on the host thread; {@code input} is what a {@link HostForward} gives the room. */
    private void apply(HostStep<Long> step, @Nullable RoomInput input) {
        for (HostAction<Long> a : step.actions()) {
            if (a instanceof HostForward<Long> forward) {
                LoadedRoom r = routes.get(forward.connection());
                if (r != null && input != null) {
                    forward(r, forward.connection(), input);
                }
                continue;
            }
            sendForwarded(); // the room work of any other action comes after the inputs forwarded before it
            if (a instanceof HostAttach<Long> attach) {
                LoadedRoom r = rooms.get(attach.room());
                long c = attach.connection();
                PeerConnection peer = connections.get(c);
                if (peer == null) {
                    continue;
                }
                routes.put(c, r);
                java.net.InetAddress address = peer.remoteAddress().getAddress();
                String remote = address == null ? "unknown" : address.getHostAddress();
                onRoom(r, c, "opening a connection", room -> room.open(c, remote, Instant.now()));
            } else if (a instanceof HostClose<Long> close) {
                // v2.0: "close the connection with no further information provided". A connection in a room (a
                // second Join) is closed on the room's executor, behind the answers to what it sent before.
                long c = close.connection();
                LoadedRoom r = routes.get(c);
                PeerConnection peer = r == null ? connections.remove(c) : connections.get(c);
                if (peer == null) {
                    continue;
                }
                if (r == null) {
                    peer.close(StatusCode.NORMAL, "");
                } else {
                    r.executor().execute(() -> {
                        if (connections.remove(c, peer)) {
                            r.out.close(peer, StatusCode.NORMAL, "");
                        }
                    });
                }
            } else if (a instanceof HostLoad<Long> load) {
                load(load.room());
            } else if (a instanceof HostUnload<Long> unload) {
                unload(unload.room());
            }
        }
        schedule();
    }

    private void load(RoomId id) {
        loads.incrementAndGet();
        try {
            workers.execute(() -> {
                Optional<ArchipelagoRoom<Long>> loaded;
                try {
                    loaded = store.load(id, roomConfig);
                } catch (IOException | RuntimeException e) {
                    System.err.println("server: room " + id + " could not be loaded: " + e.getMessage());
                    loaded = Optional.empty();
                }
                Optional<ArchipelagoRoom<Long>> result = loaded;
                onHost(() -> {
                    if (result.isPresent()) {
                        rooms.put(id, new LoadedRoom(id, result.get(), new SerialExecutor(workers, "room " + id), codec));
                        apply(host.roomLoaded(id, Instant.now()), null);
                    } else {
                        apply(host.roomLoadFailed(id, Instant.now()), null);
                    }
                });
            });
        } catch (RejectedExecutionException e) {
            // stopping
        }
    }

    private void unload(RoomId id) {
        LoadedRoom r = rooms.get(id);
        r.executor().execute(() -> {
            boolean saved;
            try {
                cancel(r.timer);
                r.timer = null;
                r.timerAt = null;
                cancel(r.saveTask);
                r.saveTask = null;
                store.save(id, r.room());
                r.saved = r.room().changes();
                flushHeld(r);
                saved = true;
            } catch (IOException | RuntimeException e) {
                System.err.println("server: room " + id + " could not be saved, it stays loaded: " + e.getMessage());
                saved = false;
            }
            boolean ok = saved;
            onHost(() -> {
                if (ok) {
                    rooms.remove(id);
                    apply(host.roomUnloaded(id, Instant.now()), null);
                } else {
                    apply(host.roomUnloadFailed(id, Instant.now()), null);
                }
            });
        });
    }

    /** Keeps one timer at the host's next deadline. */
    private void schedule() {
        Instant next = host.nextDeadline().orElse(null);
        if (next == null ? timerAt == null : next.equals(timerAt)) {
            return;
        }
        if (timer != null) {
            timer.cancel(false);
        }
        timerAt = next;
        timer = null;
        if (next != null) {
            long delay = Math.max(0, Duration.between(Instant.now(), next).toMillis() + 1);
            try {
                timer = hostThread.schedule(() -> {
                    timerAt = null;
                    timer = null;
                    apply(host.onTimeout(Instant.now()), null);
                }, delay, TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException e) {
                // stopping
            }
        }
    }

    private void onHost(Runnable task) {
        try {
            hostThread.execute(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    System.err.println("server: unexpected error on the host thread; the server keeps serving");
                    e.printStackTrace();
                } catch (Error e) {
                    fatal("routing on the host thread", e);
                }
            });
        } catch (RejectedExecutionException e) {
            // stopping
        }
    }

    private <T> T onHostAndWait(java.util.function.Supplier<T> query) {
        try {
            return CompletableFuture.supplyAsync(query, hostThread).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("the host thread did not answer", e);
        }
    }

    // ---------------------------------------------------------------- room executors

    /**
     * Runs a room call for a connection on the room's executor and carries out its step there ({@code null}: no
     * step). An exception is logged once with what the room was doing; the connection is closed with 1011 (no stack
     * trace reaches the client) and the room keeps serving.
     */
    private void onRoom(LoadedRoom r, long connection, String what,
            Function<ArchipelagoRoom<Long>, @Nullable RoomStep<Long>> call) {
        sendForwarded();
        r.executor().execute(() -> roomCall(r, connection, what, call));
    }

    /**
     * Makes a room call on the room's executor and carries out its step, as {@link #onRoom} describes.
     *
     * @return whether the call completed (false: it failed, and the connection is closed)
     */
    private boolean roomCall(LoadedRoom r, long connection, String what,
            Function<ArchipelagoRoom<Long>, @Nullable RoomStep<Long>> call) {
        RoomStep<Long> step;
        boolean ok = true;
        try {
            step = call.apply(r.room());
        } catch (RuntimeException e) {
            ok = false;
            System.err.println("server: room " + r.id() + ": unexpected error while " + what + " (connection " + connection
                    + "); the connection is closed and the room keeps serving");
            e.printStackTrace();
            PeerConnection c = connections.remove(connection);
            if (c != null) {
                r.out.close(c, StatusCode.SERVER_ERROR, "internal server error");
            }
            try {
                step = r.room().isOpen(connection) ? r.room().close(connection, Instant.now()) : null;
            } catch (RuntimeException again) {
                System.err.println("server: room " + r.id() + " also failed to close connection " + connection + ": " + again);
                step = null;
            }
            hostForgets(connection);
        } catch (Error e) {
            fatal("room " + r.id() + " " + what, e);
            return false;
        }
        if (step != null) {
            after(r, step);
        }
        return ok;
    }

    /** An {@link Error} (such as {@code OutOfMemoryError}) on a server thread: logged once, and the server stops. */
    private void fatal(String what, Error e) {
        System.err.println("server: fatal error while " + what + ": " + e + "; stopping");
        e.printStackTrace();
        new Thread(this::close, "server-stop").start();
    }

    /**
     * After a room call, on the room's executor: schedules the room's timer, and saves before acknowledging, as the
     * single-room server does: once {@link ArchipelagoRoom#changes()} has grown, this step and every later one are
     * held back until the room is saved (by a save queued behind the room's work, or at once after {@code /save}),
     * so no client sees an effect a crash could lose. A failed save is printed and the frames are sent anyway.
     */
    private void after(LoadedRoom r, RoomStep<Long> step) {
        Optional<Instant> next = r.room().nextDeadline();
        if (next.isPresent() && !next.get().equals(r.timerAt)) {
            cancel(r.timer);
            r.timerAt = next.get();
            long delay = Math.max(0, Duration.between(Instant.now(), r.timerAt).toMillis());
            r.timer = schedule(() -> r.executor().execute(() -> {
                r.timer = null;
                r.timerAt = null;
                after(r, r.room().onTimeout(Instant.now()));
            }), delay);
        }
        boolean urgent = r.room().pollSaveRequest();
        if (r.room().changes() == r.saved && r.held.isEmpty() && !urgent) {
            deliver(r, step);
            return;
        }
        r.held.add(step);
        if (urgent) {
            saveNow(r);
        } else if (r.saveTask == null) {
            r.saveTask = schedule(() -> r.executor().execute(() -> saveNow(r)), SAVE_DELAY.toMillis());
        }
    }

    /** Saves the room now if it changed, then sends what was held; on the room's executor. */
    private void saveNow(LoadedRoom r) {
        cancel(r.saveTask);
        r.saveTask = null;
        long at = r.room().changes();
        if (at != r.saved) {
            try {
                store.save(r.id(), r.room());
                r.saved = at;
            } catch (IOException | RuntimeException e) {
                System.err.println("server: room " + r.id() + " could not be saved (the old save is kept): " + e.getMessage());
            }
        }
        flushHeld(r);
    }

    private void flushHeld(LoadedRoom r) {
        List<RoomStep<Long>> steps = new ArrayList<>(r.held);
        r.held.clear();
        for (RoomStep<Long> held : steps) {
            deliver(r, held);
        }
    }

    private @Nullable ScheduledFuture<?> schedule(Runnable task, long delayMillis) {
        try {
            return timers.schedule(task, delayMillis, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            return null;
        }
    }

    private static void cancel(@Nullable ScheduledFuture<?> f) {
        if (f != null) {
            f.cancel(false);
        }
    }

    /**
     * Sends a room step on the room's executor, coalesced with the other steps of the executor's burst (see
     * {@link Coalescer}); the host learns of the connections it closed.
     */
    private void deliver(LoadedRoom r, RoomStep<Long> step) {
        for (long closed : r.out.add(step, connections)) {
            hostForgets(closed);
        }
    }

    private void pingAll() {
        for (PeerConnection c : connections.values()) {
            c.ping();
        }
    }
}
