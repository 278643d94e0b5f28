package dev.apwire.examples;

import dev.apwire.codec.ArchipelagoCodec;
import dev.apwire.codec.CodecLimits;
import dev.apwire.codec.Decoded;
import dev.apwire.codec.MalformedFrameException;
import dev.apwire.protocol.client.ClientPacket;
import dev.apwire.protocol.server.ServerPacket;
import dev.apwire.server.ArchipelagoRoom;
import dev.apwire.server.ConsoleResult;
import dev.apwire.server.Multiworld;
import dev.apwire.server.RoomAction;
import dev.apwire.server.RoomClose;
import dev.apwire.server.RoomDelivery;
import dev.apwire.server.RoomStep;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.StatusCode;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;
import org.jspecify.annotations.Nullable;

/**
 * An Archipelago server for one room: an {@link ArchipelagoRoom} behind a Jetty 12 WebSocket server on {@code /}
 * (Archipelago clients connect to {@code ws://host:port} without a path).
 *
 * <p>Thread-safe. Jetty calls the endpoints on its own threads; every room call, and all use of the
 * connection-to-session map, runs on one single-threaded executor. Frames are decoded with
 * {@link CodecLimits#CLIENT_FRAMES}; each distinct delivery frame is encoded once and the same text sent to all
 * its recipients. Permessage-deflate is Jetty's, negotiated when the client offers it; every open session is
 * pinged every {@link #PING_INTERVAL} and dropped after three intervals of silence. Time is {@link Instant#now()}.
 *
 * <p>Public only because Jetty invokes endpoint methods through a public lookup.
 */
public final class ExampleServer implements AutoCloseable {

    /** How often open sessions are pinged. */
    static final Duration PING_INTERVAL = Duration.ofSeconds(20);
    /** Largest text message accepted (the reference server's websockets default). */
    private static final long MAX_TEXT_MESSAGE = 1 << 20;

    private final WebSocketHost host;
    private final ScheduledExecutorService roomThread;
    private final WebSocketUpgradeHandler handler;
    private final ArchipelagoRoom<Long> room;
    private final RoomUpkeep upkeep;
    private final AtomicBoolean closing = new AtomicBoolean();
    private final ArchipelagoCodec codec = ArchipelagoCodec.create(CodecLimits.CLIENT_FRAMES);
    /** Open sessions by connection id; only touched on {@link #roomThread}. */
    private final Map<Long, Session> sessions = new HashMap<>();
    private long nextId = 1;

    private ExampleServer(String host, int port, ArchipelagoRoom<Long> room, @Nullable Path save) {
        this.room = room;
        this.host = new WebSocketHost(host, port, "archipelago-room");
        this.roomThread = this.host.stateThread();
        this.upkeep = new RoomUpkeep(room, save, roomThread, this::deliver, this::exit);
        this.handler = WebSocketUpgradeHandler.from(this.host.server(), container -> {
            container.setMaxTextMessageSize(MAX_TEXT_MESSAGE);
            container.setIdleTimeout(PING_INTERVAL.multipliedBy(3));
            container.addMapping("/", (request, response, callback) -> new Endpoint());
        });
    }

    /**
     * Starts a server for a multiworld.
     *
     * @param host the address to bind
     * @param port the port, 0 for any free one
     * @param world the multiworld to serve
     * @return the running server
     * @throws Exception if the server cannot start
     */
    static ExampleServer start(String host, int port, Multiworld world) throws Exception {
        return start(host, port, new ArchipelagoRoom<>(world), null);
    }

    /**
     * Starts a server for a room, saving it to a file if one is given (see {@link RoomUpkeep}).
     *
     * @param host the address to bind
     * @param port the port, 0 for any free one
     * @param room the room, new or restored
     * @param save the save file, or {@code null} to keep progress in memory only
     * @return the running server
     * @throws Exception if the server cannot start
     */
    static ExampleServer start(String host, int port, ArchipelagoRoom<Long> room, @Nullable Path save) throws Exception {
        ExampleServer s = new ExampleServer(host, port, room, save);
        s.host.start(s.handler);
        s.roomThread.scheduleAtFixedRate(s::pingAll, PING_INTERVAL.toMillis(), PING_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
        return s;
    }

    /** {@return the port the server listens on} */
    int port() {
        return host.port();
    }

    /** {@return the address the server listens on} */
    InetSocketAddress address() {
        return host.address();
    }

    /** Blocks until the server stops. */
    void join() throws InterruptedException {
        host.join();
    }

    /** Stops the server: saves (if it has a save file), then closes every connection and the room thread. */
    @Override
    public void close() {
        if (!closing.compareAndSet(false, true)) {
            return;
        }
        try {
            upkeep.finalSave();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            System.err.println("server: the final save did not complete: " + e);
        }
        host.close();
        upkeep.stop();
    }

    /**
     * Runs a console line (a MultiServer {@code /} command, or text for everyone) on the room thread and
     * prints its output.
     *
     * @param line the line as typed
     * @param out where the output goes
     */
    void console(String line, PrintStream out) {
        String l = line.strip();
        if (l.isEmpty()) {
            return;
        }
        onRoom(() -> {
            ConsoleResult<Long> r = room.console(l, Instant.now());
            for (String text : r.output()) {
                out.println(text);
            }
            out.flush();
            apply(r.step());
        });
    }

    private void exit() {
        if (!closing.get()) {
            new Thread(this::close, "server-exit").start();
        }
    }

    /** One WebSocket connection; forwards its events to the room thread. Public for Jetty's method lookup. */
    public final class Endpoint implements Session.Listener.AutoDemanding {
        private @Nullable Long id;

        @Override
        public void onWebSocketOpen(Session s) {
            onRoom(() -> {
                long i = nextId++;
                id = i;
                sessions.put(i, s);
                apply(room.open(i, Instant.now()));
            });
        }

        @Override
        public void onWebSocketText(String frame) {
            onRoom(() -> {
                Long i = id;
                if (i == null || !room.isOpen(i)) {
                    return;
                }
                Instant now = Instant.now();
                List<Decoded<ClientPacket>> decoded;
                try {
                    decoded = codec.decodeClientFrame(frame);
                } catch (MalformedFrameException e) {
                    apply(room.receiveMalformed(i, "malformed frame", now));
                    return;
                }
                for (Decoded<ClientPacket> d : decoded) {
                    if (!room.isOpen(i)) {
                        break;
                    }
                    if (d instanceof Decoded.Ok) {
                        apply(room.receive(i, ((Decoded.Ok<ClientPacket>) d).packet(), now));
                    } else {
                        Decoded.Problem<ClientPacket> p = (Decoded.Problem<ClientPacket>) d;
                        apply(room.receiveInvalid(i, p.invalidPacket(), p.fatal(), now));
                    }
                }
            });
        }

        @Override
        public void onWebSocketBinary(ByteBuffer payload, Callback callback) {
            callback.succeed();
            onRoom(() -> {
                Long i = id;
                if (i != null) {
                    apply(room.receiveMalformed(i, "binary frames are not part of the protocol", Instant.now()));
                }
            });
        }

        @Override
        public void onWebSocketClose(int statusCode, String reason, Callback callback) {
            callback.succeed();
            onRoom(() -> {
                Long i = id;
                if (i != null) {
                    sessions.remove(i);
                    apply(room.close(i, Instant.now()));
                }
            });
        }

        @Override
        public void onWebSocketError(Throwable cause) {
            // Jetty follows an error with onWebSocketClose, which tells the room.
        }
    }

    private void onRoom(Runnable task) {
        try {
            roomThread.execute(() -> {
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

    /** Carries out a step on the room thread, after the save that must precede it (see {@link RoomUpkeep}). */
    private void apply(RoomStep<Long> step) {
        if (!upkeep.hold(step)) {
            deliver(step);
        }
    }

    /** Sends a step's frames and closes, in order; each distinct frame is encoded once. */
    private void deliver(RoomStep<Long> step) {
        Map<List<ServerPacket>, String> encoded = new IdentityHashMap<>();
        for (RoomAction<Long> a : step.actions()) {
            if (a instanceof RoomDelivery) {
                RoomDelivery<Long> d = (RoomDelivery<Long>) a;
                Session s = sessions.get(d.connection());
                if (s != null && s.isOpen()) {
                    s.sendText(encoded.computeIfAbsent(d.frame(), codec::encodeServerFrame), Callback.NOOP);
                }
            } else {
                Session s = sessions.remove(a.connection());
                if (s != null) {
                    s.close(StatusCode.NORMAL, closeReason(((RoomClose<Long>) a).reason()), Callback.NOOP);
                }
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

    /** A close reason fits in 123 bytes of UTF-8. */
    static String closeReason(String reason) {
        String r = reason;
        while (r.getBytes(StandardCharsets.UTF_8).length > 120) {
            r = r.substring(0, r.length() - 1);
        }
        return r;
    }
}
