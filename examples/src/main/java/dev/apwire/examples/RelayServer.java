package dev.apwire.examples;

import dev.apwire.changes.Action;
import dev.apwire.changes.ChangesClientPacket;
import dev.apwire.changes.ChangesHub;
import dev.apwire.changes.ChangesServerPacket;
import dev.apwire.changes.CloseAction;
import dev.apwire.changes.Delivery;
import dev.apwire.changes.ErrorCode;
import dev.apwire.changes.HubConfig;
import dev.apwire.changes.HubStep;
import dev.apwire.changes.Opened;
import dev.apwire.changes.PingAction;
import dev.apwire.codec.MalformedFrameException;
import dev.apwire.codec.changes.ChangesCodec;
import dev.apwire.codec.changes.ChangesDecoded;
import dev.apwire.codec.changes.DecodedPacket;
import dev.apwire.codec.changes.ShapeProblem;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.websocket.api.StatusCode;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;
import org.jspecify.annotations.Nullable;

/**
 * The relay: a {@link ChangesHub} behind a Jetty 12 WebSocket server at {@code /ws}, and the demo page at
 * {@code /}.
 *
 * <p>Thread-safe. Each WebSocket is a {@link PeerConnection} with the inbound and outbound bounds of
 * {@link ConnectionLimits} (a token that does not read is closed once {@link ConnectionLimits#maxQueuedBytes()}
 * wait for it; the hub's own bounds on tokens and properties are in {@link HubConfig}). Jetty's threads decode
 * frames; every hub call, and all use of the token-to-connection map, runs on one single-threaded scheduler, which
 * also runs {@link ChangesHub#onTimeout} at the hub's {@link ChangesHub#nextDeadline()}; each distinct packet is
 * encoded once to bytes shared by its recipients, and Jetty's pool writes them, one batch per connection per step.
 * An unexpected exception on the hub thread is logged once with what the hub was doing, the connection involved is
 * closed with 1011 and the relay keeps serving; an {@link Error} stops it. Time is {@link Instant#now()} and tokens
 * come from a {@link SecureRandom}; permessage-deflate is Jetty's, negotiated when the client offers it.
 *
 * <p>Public only because Jetty invokes endpoint methods through a public lookup.
 */
public final class RelayServer implements AutoCloseable {

    private final WebSocketHost host;
    private final ScheduledExecutorService hubThread;
    private final WebSocketUpgradeHandler handler;
    private final ChangesHub hub;
    private final ChangesCodec codec = new ChangesCodec();
    /** Open sessions by token; only touched on {@link #hubThread}. */
    private final Map<String, PeerConnection> sessions = new HashMap<>();
    private @Nullable ScheduledFuture<?> timer;

    private RelayServer(String host, int port, HubConfig config, ConnectionLimits limits) {
        this.hub = new ChangesHub(config, new SecureRandom());
        this.host = new WebSocketHost(host, port, "relay-hub", limits);
        this.hubThread = this.host.stateThread();
        Events events = new Events();
        // bigger frames than the codec's limit still reach the codec, so the client gets a frame_too_large
        // error packet instead of a bare close
        WebSocketUpgradeHandler ws = PeerConnections.upgradeHandler(this.host, limits, "/ws",
                config.pingInterval().multipliedBy(3), (request, response, callback) ->
                        new PeerConnection(events, limits, this.host.writer(), hubThread));
        ws.setHandler(new PageHandler(loadPage()));
        this.handler = ws;
    }

    /**
     * Starts a relay.
     *
     * @param host the address to bind
     * @param port the port, 0 for any free one
     * @param config the hub's limits and timers
     * @return the running relay
     * @throws Exception if the server cannot start
     */
    static RelayServer start(String host, int port, HubConfig config) throws Exception {
        return start(host, port, config, ConnectionLimits.DEFAULT);
    }

    /**
     * Starts a relay with connection limits.
     *
     * @param host the address to bind
     * @param port the port, 0 for any free one
     * @param config the hub's limits and timers
     * @param limits the connection limits (the login timeout is unused: the relay has no login)
     * @return the running relay
     * @throws Exception if the server cannot start
     */
    static RelayServer start(String host, int port, HubConfig config, ConnectionLimits limits) throws Exception {
        RelayServer relay = new RelayServer(host, port, config, limits);
        relay.host.start(relay.handler);
        return relay;
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

    /** Stops the server (closing every connection) and the hub thread. */
    @Override
    public void close() {
        host.close();
    }

    /** The connections' events, on Jetty threads; each hands its work to the hub thread. */
    private final class Events implements PeerConnection.Handler {
        @Override
        public void opened(PeerConnection c) {
            onHub("opening a connection", c, () -> {
                Opened o = hub.open(Instant.now());
                c.token = o.token();
                sessions.put(o.token(), c);
                apply(o.step());
            });
        }

        @Override
        public void text(PeerConnection c, String frame) {
            int length = frame.length();
            if (!c.charge(1)) {
                c.processed(length);
                return;
            }
            ChangesDecoded<ChangesClientPacket> decoded;
            MalformedFrameException malformed = null;
            try {
                decoded = codec.decodeClient(frame);
            } catch (MalformedFrameException e) {
                decoded = null;
                malformed = e;
            }
            ChangesDecoded<ChangesClientPacket> d = decoded;
            MalformedFrameException m = malformed;
            onHub("receiving a frame", c, () -> {
                try {
                    String t = c.token;
                    if (t == null || sessions.get(t) != c) {
                        return;
                    }
                    Instant now = Instant.now();
                    HubStep step;
                    if (m != null) {
                        step = hub.receiveInvalid(t, ChangesCodec.errorCode(m), String.valueOf(m.getMessage()), now);
                    } else if (d instanceof DecodedPacket<ChangesClientPacket> p) {
                        step = hub.receive(t, p.packet(), now);
                    } else {
                        step = hub.receiveInvalid(t, ErrorCode.BAD_PACKET, ((ShapeProblem<ChangesClientPacket>) d).message(), now);
                    }
                    apply(step);
                } finally {
                    c.processed(length);
                }
            });
        }

        @Override
        public void binary(PeerConnection c) {
            onHub("receiving a binary frame", c, () -> {
                String t = c.token;
                if (t != null && sessions.get(t) == c) {
                    apply(hub.receiveInvalid(t, ErrorCode.MALFORMED_FRAME, "binary frames are not part of the protocol", Instant.now()));
                }
            });
        }

        @Override
        public void closed(PeerConnection c, int code, String reason) {
            onHub("closing a connection", c, () -> {
                String t = c.token;
                if (t != null && sessions.get(t) == c) {
                    sessions.remove(t);
                    apply(hub.close(t, Instant.now()));
                }
            });
        }
    }

    /**
     * Runs a task on the hub thread. An exception is logged once with what the hub was doing; the connection
     * involved is closed with 1011 and the relay keeps serving. An {@link Error} stops the relay.
     */
    private void onHub(String what, @Nullable PeerConnection c, Runnable task) {
        try {
            hubThread.execute(() -> guarded(what, c, task));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // stopping
        }
    }

    private void guarded(String what, @Nullable PeerConnection c, Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            System.err.println("relay: unexpected error while " + what + (c == null ? "" : " (token " + c.token + ")")
                    + "; the connection is closed and the relay keeps serving");
            e.printStackTrace();
            if (c != null) {
                c.close(StatusCode.SERVER_ERROR, "internal server error");
                String t = c.token;
                if (t != null && sessions.remove(t) != null) {
                    try {
                        apply(hub.close(t, Instant.now()));
                    } catch (RuntimeException again) {
                        System.err.println("relay: the hub also failed to close token " + t + ": " + again);
                    }
                }
            }
        } catch (Error e) {
            System.err.println("relay: fatal error while " + what + ": " + e + "; stopping");
            e.printStackTrace();
            new Thread(this::close, "relay-stop").start();
        }
    }

    /** One connection's share of a step. */
    private static final class Outgoing {
        final List<OutFrame> frames = new ArrayList<>();
        int closeCode;
        String closeReason = "";
    }

    /**
     * Carries out a step on the hub thread: each distinct packet is encoded once, each connection gets its frames
     * and close in one call, pings go out, and the timer is re-armed.
     */
    private void apply(HubStep step) {
        Map<ChangesServerPacket, OutFrame> encoded = new IdentityHashMap<>();
        Map<String, Outgoing> out = new LinkedHashMap<>();
        for (Delivery d : step.deliveries()) {
            out.computeIfAbsent(d.token(), k -> new Outgoing()).frames.add(
                    encoded.computeIfAbsent(d.packet(), p -> new OutFrame(codec.encode(p).getBytes(StandardCharsets.UTF_8))));
        }
        for (Action a : step.actions()) {
            if (a instanceof PingAction) {
                PeerConnection c = sessions.get(a.token());
                if (c != null) {
                    c.ping();
                }
            } else {
                Outgoing o = out.computeIfAbsent(a.token(), k -> new Outgoing());
                o.closeCode = StatusCode.POLICY_VIOLATION;
                o.closeReason = ((CloseAction) a).reason();
            }
        }
        for (Map.Entry<String, Outgoing> e : out.entrySet()) {
            Outgoing o = e.getValue();
            PeerConnection c = o.closeCode != 0 ? sessions.remove(e.getKey()) : sessions.get(e.getKey());
            if (c != null) {
                c.send(o.frames, o.closeCode, o.closeReason);
            }
        }
        rearm();
    }

    private void rearm() {
        ScheduledFuture<?> t = timer;
        if (t != null) {
            t.cancel(false);
            timer = null;
        }
        Optional<Instant> deadline = hub.nextDeadline();
        if (deadline.isPresent()) {
            long delay = Math.max(0, Duration.between(Instant.now(), deadline.get()).toMillis() + 1);
            timer = hubThread.schedule(() -> guarded("running the hub's timers", null, () -> apply(hub.onTimeout(Instant.now()))),
                    delay, TimeUnit.MILLISECONDS);
        }
    }

    private static byte[] loadPage() {
        try (InputStream in = RelayServer.class.getResourceAsStream("/relay/index.html")) {
            return Objects.requireNonNull(in, "relay/index.html is missing from the jar").readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Serves the demo page at {@code /}; anything else falls through to a 404. */
    private static final class PageHandler extends Handler.Abstract {
        private final byte[] page;

        PageHandler(byte[] page) {
            this.page = page;
        }

        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            String path = Request.getPathInContext(request);
            if (!request.getMethod().equals("GET") || !(path.equals("/") || path.equals("/index.html"))) {
                return false;
            }
            response.setStatus(200);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/html; charset=utf-8");
            response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
            response.write(true, ByteBuffer.wrap(page), callback);
            return true;
        }
    }
}
