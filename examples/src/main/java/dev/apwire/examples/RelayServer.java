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
import java.util.HashMap;
import java.util.IdentityHashMap;
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
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.StatusCode;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;
import org.jspecify.annotations.Nullable;

/**
 * The relay: a {@link ChangesHub} behind a Jetty 12 WebSocket server at {@code /ws}, and the demo page at
 * {@code /}.
 *
 * <p>Thread-safe. Jetty calls the endpoints on its own threads; every hub call, and all use of the
 * token-to-session map, runs on one single-threaded scheduler, which also runs {@link ChangesHub#onTimeout}
 * at the hub's {@link ChangesHub#nextDeadline()}. Time is {@link Instant#now()} and tokens come from a
 * {@link SecureRandom}; permessage-deflate is Jetty's, negotiated when the client offers it.
 *
 * <p>Public only because Jetty invokes endpoint methods through a public lookup.
 */
public final class RelayServer implements AutoCloseable {

    /** Largest text message Jetty accepts; bigger frames than the codec's limit still reach the codec, so the
     * client gets a {@code frame_too_large} error packet instead of a bare close. */
    private static final long MAX_TEXT_MESSAGE = 1 << 20;

    private final WebSocketHost host;
    private final ScheduledExecutorService hubThread;
    private final WebSocketUpgradeHandler handler;
    private final ChangesHub hub;
    private final ChangesCodec codec = new ChangesCodec();
    /** Open sessions by token; only touched on {@link #hubThread}. */
    private final Map<String, Session> sessions = new HashMap<>();
    private @Nullable ScheduledFuture<?> timer;

    private RelayServer(String host, int port, HubConfig config) {
        this.hub = new ChangesHub(config, new SecureRandom());
        this.host = new WebSocketHost(host, port, "relay-hub");
        this.hubThread = this.host.stateThread();
        WebSocketUpgradeHandler ws = WebSocketUpgradeHandler.from(this.host.server(), container -> {
            container.setMaxTextMessageSize(MAX_TEXT_MESSAGE);
            container.setIdleTimeout(config.pingInterval().multipliedBy(3));
            container.addMapping("/ws", (request, response, callback) -> new Endpoint());
        });
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
        RelayServer relay = new RelayServer(host, port, config);
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

    /** One WebSocket connection; forwards its events to the hub thread. Public for Jetty's method lookup. */
    public final class Endpoint implements Session.Listener.AutoDemanding {
        private @Nullable Session session;
        private @Nullable String token;

        @Override
        public void onWebSocketOpen(Session s) {
            this.session = s;
            onHub(() -> {
                Opened o = hub.open(Instant.now());
                token = o.token();
                sessions.put(o.token(), s);
                apply(o.step());
            });
        }

        @Override
        public void onWebSocketText(String frame) {
            onHub(() -> {
                String t = token;
                if (t == null || !sessions.containsKey(t)) {
                    return;
                }
                Instant now = Instant.now();
                HubStep step;
                try {
                    ChangesDecoded<ChangesClientPacket> d = codec.decodeClient(frame);
                    if (d instanceof DecodedPacket) {
                        step = hub.receive(t, ((DecodedPacket<ChangesClientPacket>) d).packet(), now);
                    } else {
                        step = hub.receiveInvalid(t, ErrorCode.BAD_PACKET, ((ShapeProblem<ChangesClientPacket>) d).message(), now);
                    }
                } catch (MalformedFrameException e) {
                    step = hub.receiveInvalid(t, ChangesCodec.errorCode(e), e.getMessage(), now);
                }
                apply(step);
            });
        }

        @Override
        public void onWebSocketClose(int statusCode, String reason, org.eclipse.jetty.websocket.api.Callback callback) {
            callback.succeed();
            onHub(() -> {
                String t = token;
                if (t != null && sessions.get(t) == session) {
                    sessions.remove(t);
                    apply(hub.close(t, Instant.now()));
                }
            });
        }

        @Override
        public void onWebSocketError(Throwable cause) {
            // Jetty follows an error with onWebSocketClose, which tells the hub.
        }
    }

    private void onHub(Runnable task) {
        try {
            hubThread.execute(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    System.err.println("relay: " + e);
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // stopping
        }
    }

    /** Carries out a step on the hub thread: deliveries, then actions, then re-arms the timer. */
    private void apply(HubStep step) {
        Map<ChangesServerPacket, String> encoded = new IdentityHashMap<>();
        for (Delivery d : step.deliveries()) {
            Session s = sessions.get(d.token());
            if (s != null && s.isOpen()) {
                s.sendText(encoded.computeIfAbsent(d.packet(), codec::encode), org.eclipse.jetty.websocket.api.Callback.NOOP);
            }
        }
        for (Action a : step.actions()) {
            if (a instanceof PingAction) {
                Session s = sessions.get(a.token());
                if (s != null && s.isOpen()) {
                    s.sendPing(ByteBuffer.allocate(0), org.eclipse.jetty.websocket.api.Callback.NOOP);
                }
            } else {
                Session s = sessions.remove(a.token());
                if (s != null) {
                    s.close(StatusCode.POLICY_VIOLATION, ((CloseAction) a).reason(), org.eclipse.jetty.websocket.api.Callback.NOOP);
                }
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
            timer = hubThread.schedule(() -> apply(hub.onTimeout(Instant.now())), delay, TimeUnit.MILLISECONDS);
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
