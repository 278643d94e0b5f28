package dev.apwire.examples;

import dev.apwire.codec.ArchipelagoCodec;
import dev.apwire.codec.CodecLimits;
import dev.apwire.codec.Decoded;
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
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.websocket.api.StatusCode;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;
import org.jspecify.annotations.Nullable;

/**
 * An Archipelago server for one room: an {@link ArchipelagoRoom} behind a Jetty 12 WebSocket server on {@code /}
 * (Archipelago clients connect to {@code ws://host:port} without a path).
 *
 * <h2>Theory of operation</h2>
 * Each WebSocket is a {@link PeerConnection}, which bounds what the peer can make the server hold
 * ({@link ConnectionLimits}). Who runs what:
 * <ul>
 *   <li>A Jetty thread reading a connection decodes each text message with {@link CodecLimits#CLIENT_FRAMES}
 *       (off the room thread), charges its commands to the connection's allowance and hands the packets to the
 *       room thread.</li>
 *   <li>The room thread (one single-threaded executor) makes every room call, owns the id-to-connection map,
 *       and turns the {@link RoomStep}s of each burst of its work into sends ({@link Coalescer}): every distinct
 *       frame is encoded once to UTF-8 bytes shared by all its recipients, each connection gets its frames (and a
 *       close) of the burst in one {@link PeerConnection#send} call, runs of consecutive frames merged into one
 *       JSON array. It never writes to a socket.</li>
 *   <li>Jetty's pool writes: one batched write and one flush per connection per step.</li>
 * </ul>
 * {@link RoomUpkeep} runs the room's deadlines (delayed logins, a countdown) and holds a step's frames until the
 * save that must precede them.
 * A connection with no successful {@code Connect} {@link ConnectionLimits#loginTimeout()} after it opened is
 * closed (1008). Every open session is pinged every {@link #PING_INTERVAL} and dropped after three intervals of
 * silence. Time is {@link Instant#now()}.
 *
 * <p>Errors: an unexpected exception from a room call is logged once to standard error with what the room was
 * doing and for which connection; that connection is closed with 1011 and a fixed reason (no stack trace reaches a
 * client) and the server keeps serving. An {@link Error} (such as {@code OutOfMemoryError}) on the room thread is
 * logged and stops the server cleanly.
 *
 * <p>Thread-safe. Public only because Jetty invokes endpoint methods through a public lookup.
 */
public final class ExampleServer implements AutoCloseable {

    /** How often open sessions are pinged. */
    static final Duration PING_INTERVAL = Duration.ofSeconds(20);

    private final WebSocketHost host;
    private final ScheduledExecutorService roomThread;
    private final WebSocketUpgradeHandler handler;
    private final ArchipelagoRoom<Long> room;
    private final ConnectionLimits limits;
    private final RoomUpkeep upkeep;
    private final AtomicBoolean closing = new AtomicBoolean();
    private final ArchipelagoCodec codec = ArchipelagoCodec.create(CodecLimits.CLIENT_FRAMES);
    /** Open connections by id; only touched on {@link #roomThread}. */
    private final Map<Long, PeerConnection> connections = new HashMap<>();
    /** The frames of the room thread's current burst of steps; only touched on {@link #roomThread}. */
    private final Coalescer out;
    private long nextId = 1;

    private ExampleServer(String host, int port, ArchipelagoRoom<Long> room, @Nullable Path save, ConnectionLimits limits) {
        this.room = room;
        this.limits = limits;
        this.host = new WebSocketHost(host, port, "archipelago-room", limits);
        this.roomThread = this.host.stateThread();
        this.out = new Coalescer(codec, roomThread);
        this.upkeep = new RoomUpkeep(room, save, roomThread, this::deliver, this::exit);
        Events events = new Events();
        this.handler = PeerConnections.upgradeHandler(this.host, limits, "/", PING_INTERVAL.multipliedBy(3),
                (request, response, callback) ->
                new PeerConnection(events, limits, this.host.writer(), roomThread));
    }

    /**
     * Starts a server for a multiworld with the default room configuration and connection limits.
     *
     * @param host the address to bind
     * @param port the port, 0 for any free one
     * @param world the multiworld to serve
     * @return the running server
     * @throws Exception if the server cannot start
     */
    static ExampleServer start(String host, int port, Multiworld world) throws Exception {
        return start(host, port, new ArchipelagoRoom<>(world), null, ConnectionLimits.DEFAULT);
    }

    /**
     * Starts a server for a room with the default connection limits, saving it to a file if one is given (see
     * {@link RoomUpkeep}).
     *
     * @param host the address to bind
     * @param port the port, 0 for any free one
     * @param room the room, new or restored
     * @param save the save file, or {@code null} to keep progress in memory only
     * @return the running server
     * @throws Exception if the server cannot start
     */
    static ExampleServer start(String host, int port, ArchipelagoRoom<Long> room, @Nullable Path save) throws Exception {
        return start(host, port, room, save, ConnectionLimits.DEFAULT);
    }

    /**
     * Starts a server for a room, saving it to a file if one is given (see {@link RoomUpkeep}).
     *
     * @param host the address to bind
     * @param port the port, 0 for any free one
     * @param room the room, new or restored (its {@code RoomConfig} holds the protocol limits)
     * @param save the save file, or {@code null} to keep progress in memory only
     * @param limits the connection limits
     * @return the running server
     * @throws Exception if the server cannot start
     */
    static ExampleServer start(String host, int port, ArchipelagoRoom<Long> room, @Nullable Path save,
            ConnectionLimits limits) throws Exception {
        ExampleServer s = new ExampleServer(host, port, room, save, limits);
        s.host.start(s.handler);
        s.roomThread.scheduleAtFixedRate(() -> s.onRoom("pinging", null, s::pingAll),
                PING_INTERVAL.toMillis(), PING_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
        return s;
    }

    /** {@return the Jetty server under this one, for tests that look at its pools} */
    org.eclipse.jetty.server.Server jetty() {
        return host.server();
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
        onRoom("running a console command", null, () -> {
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

    /** The connections' events, on Jetty threads; each hands its work to the room thread. */
    private final class Events implements PeerConnection.Handler {
        @Override
        public void opened(PeerConnection c) {
            onRoom("opening a connection", c, () -> {
                long i = nextId++;
                c.id(i);
                connections.put(i, c);
                java.net.InetAddress address = c.remoteAddress().getAddress();
                apply(room.open(i, address == null ? "unknown" : address.getHostAddress(), Instant.now()));
                c.closeTimer = roomThread.schedule(() -> onRoom("enforcing the login deadline", c, () -> loginDeadline(c)),
                        limits.loginTimeout().toMillis(), TimeUnit.MILLISECONDS);
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
            onRoom("receiving a frame", c, () -> {
                try {
                    receive(c, packets);
                } finally {
                    c.processed(length);
                }
            });
        }

        @Override
        public void binary(PeerConnection c) {
            onRoom("receiving a binary frame", c, () -> {
                if (connections.containsKey(c.id())) {
                    apply(room.receiveMalformed(c.id(), "binary frames are not part of the protocol", Instant.now()));
                }
            });
        }

        @Override
        public void closed(PeerConnection c, int code, String reason) {
            onRoom("closing a connection", c, () -> {
                if (connections.remove(c.id()) != null) {
                    apply(room.close(c.id(), Instant.now()));
                }
            });
        }
    }

    /** Feeds one decoded frame (null when malformed) to the room, packet by packet, while the connection is open. */
    private void receive(PeerConnection c, @Nullable List<Decoded<ClientPacket>> decoded) {
        long i = c.id();
        if (!connections.containsKey(i) || !room.isOpen(i)) {
            return;
        }
        Instant now = Instant.now();
        if (decoded == null) {
            apply(room.receiveMalformed(i, "malformed frame", now));
            return;
        }
        for (Decoded<ClientPacket> d : decoded) {
            if (!room.isOpen(i)) {
                break;
            }
            if (d instanceof Decoded.Ok<ClientPacket> ok) {
                apply(room.receive(i, ok.packet(), now));
            } else {
                Decoded.Problem<ClientPacket> p = (Decoded.Problem<ClientPacket>) d;
                apply(room.receiveInvalid(i, p.invalidPacket(), p.fatal(), now));
            }
        }
    }

    private void loginDeadline(PeerConnection c) {
        long i = c.id();
        if (connections.get(i) == c && room.slotOf(i).isEmpty()) {
            connections.remove(i);
            out.close(c, StatusCode.POLICY_VIOLATION, "no successful Connect within " + limits.loginTimeout().toMillis() + " ms");
            apply(room.close(i, Instant.now()));
        }
    }

    /**
     * Runs a task on the room thread. An exception is logged once with what the room was doing; the connection
     * involved is closed with 1011 and the server keeps serving. An {@link Error} stops the server.
     */
    private void onRoom(String what, @Nullable PeerConnection c, Runnable task) {
        try {
            roomThread.execute(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    long i = c == null ? -1 : c.id();
                    System.err.println("server: unexpected error while " + what + (c == null ? "" : " (connection " + i + ")")
                            + "; the connection is closed and the server keeps serving");
                    e.printStackTrace();
                    if (c != null) {
                        out.close(c, StatusCode.SERVER_ERROR, "internal server error");
                        if (connections.remove(i) != null) {
                            try {
                                apply(room.close(i, Instant.now()));
                            } catch (RuntimeException again) {
                                System.err.println("server: the room also failed to close connection " + i + ": " + again);
                            }
                        }
                    }
                } catch (Error e) {
                    System.err.println("server: fatal error while " + what + ": " + e + "; stopping");
                    e.printStackTrace();
                    new Thread(this::close, "server-stop").start();
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

    /** Sends a step, coalesced with the other steps of the room thread's burst (see {@link Coalescer}). */
    private void deliver(RoomStep<Long> step) {
        out.add(step, connections);
    }

    private void pingAll() {
        for (PeerConnection c : connections.values()) {
            c.ping();
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
