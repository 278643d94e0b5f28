package dev.apwire.examples;

import dev.apwire.codec.ArchipelagoCodec;
import dev.apwire.codec.CodecLimits;
import dev.apwire.codec.Decoded;
import dev.apwire.codec.MalformedFrameException;
import dev.apwire.protocol.client.ClientPacket;
import dev.apwire.protocol.server.ServerPacket;
import dev.apwire.server.ArchipelagoRoom;
import dev.apwire.server.HostAction;
import dev.apwire.server.HostAttach;
import dev.apwire.server.HostClose;
import dev.apwire.server.HostConfig;
import dev.apwire.server.HostForward;
import dev.apwire.server.HostLoad;
import dev.apwire.server.HostStep;
import dev.apwire.server.HostUnload;
import dev.apwire.server.RoomAction;
import dev.apwire.server.RoomClose;
import dev.apwire.server.RoomConfig;
import dev.apwire.server.RoomDelivery;
import dev.apwire.server.RoomHost;
import dev.apwire.server.RoomId;
import dev.apwire.server.RoomStep;
import dev.apwire.server.RoomStore;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
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
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
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
 *   <li>Jetty's threads run the endpoints: the upgrade accepts the {@code v2.0} subprotocol only when the client
 *       offers it ({@link RoomHost#selectSubprotocol}); each text frame is decoded there (the codec is
 *       thread-safe) and handed on.</li>
 *   <li>The <b>host thread</b> (one single-threaded executor) makes every {@link RoomHost} call, in the order the
 *       inputs arrived, keeps the route of each connection to its room, and runs the host's deadlines
 *       ({@code nextDeadline} / {@code onTimeout}) and the pings. It does no I/O and no room work: it hands
 *       each {@link HostForward} input to the connection's room.</li>
 *   <li>Each loaded room has its own <b>room executor</b> ({@link SerialExecutor}: one task at a time, in order,
 *       on a shared pool of worker threads): every call into that room, its sends, its timer
 *       ({@code nextDeadline} / {@code onTimeout}: countdowns) and its saves. As in the single-room server, the
 *       room is saved within {@link #SAVE_DELAY} of a change and the frames that show the change are held until
 *       then. Rooms never wait for each other. One timer thread only waits and hands due tasks to the rooms'
 *       executors.</li>
 *   <li>Loads run on the worker pool; the store is asked about one room at a time (the host loads a room once
 *       and unloads it only when it is idle).</li>
 * </ul>
 * A connection's frames go through the host thread and then, in the same order, to its room executor, so a
 * frame of {@code [Join, Connect]} is attached before the {@code Connect} reaches the room. When a room closes a
 * connection, or the socket closes, the host thread learns it and the room's idle time may start. On
 * {@link #close()} the server stops listening and then saves every loaded room.
 *
 * <p>Public only because Jetty invokes endpoint methods through a public lookup. Thread-safe.
 */
public final class MultiRoomServer implements AutoCloseable {

    /** Largest text message accepted (the reference server's websockets default). */
    private static final long MAX_TEXT_MESSAGE = 1 << 20;
    /** The most a change waits before it is saved (and the frames that show it are sent). */
    static final Duration SAVE_DELAY = Duration.ofMillis(100);

    private final WebSocketHost web;
    private final ScheduledExecutorService hostThread;
    private final ExecutorService workers;
    /** Only waits: the rooms' timers and save delays fire here and hop onto their room's executor. */
    private final ScheduledExecutorService timers;
    private final WebSocketUpgradeHandler handler;
    private final RoomHost<Long> host;
    private final RoomStore store;
    private final RoomConfig roomConfig;
    private final ArchipelagoCodec codec = ArchipelagoCodec.create(CodecLimits.CLIENT_FRAMES);
    /** Open sessions: added on the host thread, read and removed by the host thread and the room executors. */
    private final Map<Long, Session> sessions = new ConcurrentHashMap<>();
    /** Loaded rooms; host thread only. */
    private final Map<RoomId, LoadedRoom> rooms = new HashMap<>();
    /** The room of each attached connection; host thread only. */
    private final Map<Long, LoadedRoom> routes = new HashMap<>();
    private final AtomicInteger loads = new AtomicInteger();
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
        /** {@link ArchipelagoRoom#changes()} at the last save (or load). */
        long saved;
        /** Steps held back until the next save, in order. */
        final List<RoomStep<Long>> held = new ArrayList<>();
        @Nullable ScheduledFuture<?> saveTask;
        @Nullable ScheduledFuture<?> timer;
        @Nullable Instant timerAt;

        LoadedRoom(RoomId id, ArchipelagoRoom<Long> room, SerialExecutor executor) {
            this.id = id;
            this.room = room;
            this.executor = executor;
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

    private MultiRoomServer(String bind, int port, RoomStore store, HostConfig hostConfig, RoomConfig roomConfig) {
        this.store = store;
        this.roomConfig = roomConfig;
        this.host = new RoomHost<>(hostConfig, new SecureRandom());
        this.web = new WebSocketHost(bind, port, "archipelago-host");
        this.hostThread = web.stateThread();
        int n = Math.max(2, Runtime.getRuntime().availableProcessors());
        AtomicInteger count = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(n, r -> {
            Thread t = new Thread(r, "archipelago-rooms-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.timers = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "archipelago-room-timers");
            t.setDaemon(true);
            return t;
        });
        this.handler = WebSocketUpgradeHandler.from(web.server(), container -> {
            container.setMaxTextMessageSize(MAX_TEXT_MESSAGE);
            container.setIdleTimeout(ExampleServer.PING_INTERVAL.multipliedBy(3));
            container.addMapping("/", (request, response, callback) -> {
                List<String> offered = List.copyOf(request.getSubProtocols());
                Optional<String> accepted = RoomHost.selectSubprotocol(offered);
                accepted.ifPresent(response::setAcceptedSubProtocol);
                return new Endpoint(offered, accepted.orElse(null));
            });
        });
    }

    /**
     * Starts a server for the rooms of a store.
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
        MultiRoomServer s = new MultiRoomServer(bind, port, store, hostConfig, roomConfig);
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

    /** One WebSocket connection; forwards its events to the host thread. Public for Jetty's method lookup. */
    public final class Endpoint implements Session.Listener.AutoDemanding {
        private final List<String> offered;
        private final @Nullable String accepted;
        private volatile @Nullable Long id;

        Endpoint(List<String> offered, @Nullable String accepted) {
            this.offered = offered;
            this.accepted = accepted;
        }

        @Override
        public void onWebSocketOpen(Session s) {
            onHost(() -> {
                long i = nextId++;
                id = i;
                sessions.put(i, s);
                apply(host.open(i, offered, accepted, Instant.now()), null);
            });
        }

        @Override
        public void onWebSocketText(String frame) {
            List<Decoded<ClientPacket>> decoded;
            try {
                decoded = codec.decodeClientFrame(frame);
            } catch (MalformedFrameException e) {
                malformed("malformed frame");
                return;
            }
            onHost(() -> {
                Long i = id;
                if (i == null) {
                    return;
                }
                for (Decoded<ClientPacket> d : decoded) {
                    Instant now = Instant.now();
                    if (d instanceof Decoded.Ok<ClientPacket> ok) {
                        apply(host.receive(i, ok.packet(), now), (room, c, t) -> room.receive(c, ok.packet(), t));
                    } else if (d instanceof Decoded.Problem<ClientPacket> p) {
                        apply(host.receiveInvalid(i, p.invalidPacket(), now),
                                (room, c, t) -> room.receiveInvalid(c, p.invalidPacket(), p.fatal(), t));
                    }
                }
            });
        }

        @Override
        public void onWebSocketBinary(ByteBuffer payload, Callback callback) {
            callback.succeed();
            malformed("binary frames are not part of the protocol");
        }

        private void malformed(String reason) {
            onHost(() -> {
                Long i = id;
                if (i != null) {
                    apply(host.receiveMalformed(i, Instant.now()), (room, c, t) -> room.receiveMalformed(c, reason, t));
                }
            });
        }

        @Override
        public void onWebSocketClose(int statusCode, String reason, Callback callback) {
            callback.succeed();
            onHost(() -> {
                Long i = id;
                if (i == null) {
                    return;
                }
                sessions.remove(i);
                LoadedRoom r = routes.remove(i);
                if (r != null) {
                    onRoom(r, room -> room.close(i, Instant.now()));
                }
                apply(host.close(i, Instant.now()), null);
            });
        }

        @Override
        public void onWebSocketError(Throwable cause) {
            // Jetty follows an error with onWebSocketClose.
        }
    }

    // ---------------------------------------------------------------- host thread

    /** Carries out a host step on the host thread; {@code input} is what a {@link HostForward} gives the room. */
    private void apply(HostStep<Long> step, @Nullable RoomInput input) {
        for (HostAction<Long> a : step.actions()) {
            if (a instanceof HostAttach<Long> attach) {
                LoadedRoom r = rooms.get(attach.room());
                long c = attach.connection();
                routes.put(c, r);
                onRoom(r, room -> room.open(c, Instant.now()));
            } else if (a instanceof HostForward<Long> forward) {
                LoadedRoom r = routes.get(forward.connection());
                if (r != null && input != null) {
                    long c = forward.connection();
                    onRoom(r, room -> input.apply(room, c, Instant.now()));
                }
            } else if (a instanceof HostClose<Long> close) {
                Session s = sessions.remove(close.connection());
                if (s != null) {
                    // v2.0: "close the connection with no further information provided".
                    s.close(StatusCode.NORMAL, null, Callback.NOOP);
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
                        rooms.put(id, new LoadedRoom(id, result.get(), new SerialExecutor(workers, "room " + id)));
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
                    System.err.println("server: " + e);
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

    /** Runs a room call on the room's executor and carries out its step there. */
    private void onRoom(LoadedRoom r, Function<ArchipelagoRoom<Long>, RoomStep<Long>> call) {
        r.executor().execute(() -> after(r, call.apply(r.room())));
    }

    /**
     * After a room call, on the room's executor: schedules the room's timer, and saves before acknowledging, as the
     * single-room server does: once {@link ArchipelagoRoom#changes()} has grown, this step and every later one are
     * held back until the room is saved (within {@link #SAVE_DELAY}, at once after {@code /save}), so no client
     * sees an effect a crash could lose. A failed save is printed and the frames are sent anyway.
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
            deliver(step);
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
            deliver(held);
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

    /** Carries out a room step, in order; each distinct frame is encoded once. */
    private void deliver(RoomStep<Long> step) {
        Map<List<ServerPacket>, String> encoded = new IdentityHashMap<>();
        for (RoomAction<Long> a : step.actions()) {
            if (a instanceof RoomDelivery<Long> d) {
                Session s = sessions.get(d.connection());
                if (s != null && s.isOpen()) {
                    s.sendText(encoded.computeIfAbsent(d.frame(), codec::encodeServerFrame), Callback.NOOP);
                }
            } else if (a instanceof RoomClose<Long> close) {
                long c = close.connection();
                Session s = sessions.remove(c);
                if (s != null) {
                    s.close(StatusCode.NORMAL, ExampleServer.closeReason(close.reason()), Callback.NOOP);
                }
                onHost(() -> {
                    routes.remove(c);
                    apply(host.close(c, Instant.now()), null);
                });
            }
        }
    }

    private void pingAll() {
        for (Session s : sessions.values()) {
            if (s.isOpen()) {
                s.sendPing(ByteBuffer.allocate(0), Callback.NOOP);
            }
        }
    }
}
