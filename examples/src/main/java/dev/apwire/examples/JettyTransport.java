package dev.apwire.examples;

import dev.apwire.client.ConnectionEvents;
import dev.apwire.client.Transport;
import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.ExtensionConfig;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.StatusCode;
import org.eclipse.jetty.websocket.client.ClientUpgradeRequest;
import org.eclipse.jetty.websocket.client.WebSocketClient;

/**
 * A {@link Transport} on Jetty 12's WebSocket client that offers permessage-deflate (the JDK's WebSocket, the
 * client's default, has no compression): the proof that the transport interface carries another WebSocket.
 * Jetty reassembles fragments and bounds messages ({@code maxMessage}); each connection reports its end once,
 * whether Jetty closes it, fails, or the client aborts it. Demand is automatic (Jetty reads the next message
 * without waiting for the client), bounded by Jetty's own buffers and the message size.
 *
 * <p>Thread-safe. {@link #close()} stops Jetty's threads.
 */
final class JettyTransport implements Transport, AutoCloseable {

    private final WebSocketClient ws = new WebSocketClient();
    private final Consumer<String> notes;

    /**
     * A started transport.
     *
     * @param maxMessage the largest text message accepted
     * @param notes where a note goes when a server does not agree to compression
     * @throws Exception when Jetty cannot start
     */
    JettyTransport(long maxMessage, Consumer<String> notes) throws Exception {
        this.notes = notes;
        ws.setMaxTextMessageSize(maxMessage);
        ws.setIdleTimeout(Duration.ofMinutes(2));
        ws.setConnectTimeout(10_000);
        ws.start();
    }

    @Override
    public CompletableFuture<Connection> open(URI uri, List<String> subprotocols, Listener listener) {
        ClientUpgradeRequest request = new ClientUpgradeRequest(uri);
        request.addExtensions("permessage-deflate");
        if (!subprotocols.isEmpty()) {
            request.setSubProtocols(subprotocols);
        }
        Endpoint endpoint = new Endpoint(listener);
        try {
            return ws.connect(endpoint, request).thenApply(s -> endpoint.connection(s));
        } catch (Exception e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public void close() {
        try {
            ws.stop();
        } catch (Exception e) {
            throw new IllegalStateException("could not stop the WebSocket client", e);
        }
    }

    /** One connection: Jetty's listener and the client's view. Public for Jetty's method lookup. */
    public final class Endpoint implements Session.Listener.AutoDemanding {
        private final ConnectionEvents events;

        Endpoint(Listener listener) {
            this.events = new ConnectionEvents(listener);
        }

        Connection connection(Session s) {
            return events.connection(() -> new Conn(s, events));
        }

        @Override
        public void onWebSocketOpen(Session s) {
            boolean deflate = false;
            for (ExtensionConfig e : s.getUpgradeResponse().getExtensions()) {
                deflate |= e.getName().equals("permessage-deflate");
            }
            if (!deflate) {
                notes.accept("note: the server did not agree to compression (permessage-deflate)");
            }
            events.opened(connection(s));
        }

        @Override
        public void onWebSocketText(String message) {
            events.text(message);
        }

        @Override
        public void onWebSocketPong(ByteBuffer payload) {
            events.pong();
        }

        @Override
        public void onWebSocketBinary(ByteBuffer payload, Callback callback) {
            callback.succeed();
        }

        @Override
        public void onWebSocketClose(int statusCode, String reason, Callback callback) {
            callback.succeed();
            events.ended(statusCode, reason == null ? "" : reason);
        }

        @Override
        public void onWebSocketError(Throwable cause) {
            events.ended(1006, cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage());
        }
    }

    /** The client's view of one Jetty session. */
    private static final class Conn implements Connection {
        private final Session session;
        private final ConnectionEvents events;

        Conn(Session session, ConnectionEvents events) {
            this.session = session;
            this.events = events;
        }

        @Override
        public String subprotocol() {
            String s = session.getUpgradeResponse().getAcceptedSubProtocol();
            return s == null ? "" : s;
        }

        @Override
        public CompletionStage<?> sendText(String text) {
            CompletableFuture<Void> sent = new CompletableFuture<>();
            session.sendText(text, Callback.from(() -> sent.complete(null), sent::completeExceptionally));
            return sent;
        }

        @Override
        public void close(String reason) {
            session.close(StatusCode.NORMAL, reason, Callback.NOOP);
        }

        @Override
        public CompletionStage<?> ping() {
            CompletableFuture<Void> sent = new CompletableFuture<>();
            session.sendPing(ByteBuffer.allocate(0), Callback.from(() -> sent.complete(null), sent::completeExceptionally));
            return sent;
        }

        @Override
        public void abort() {
            session.disconnect();
            events.ended(1006, "aborted by the client");
        }
    }
}
