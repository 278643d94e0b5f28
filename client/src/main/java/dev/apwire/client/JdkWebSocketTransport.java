package dev.apwire.client;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * The default {@link Transport}: the JDK's own {@code java.net.http.WebSocket}, no dependency beyond the JDK.
 *
 * <p><b>No compression.</b> The JDK WebSocket does not implement permessage-deflate, so frames travel
 * uncompressed. Archipelago's biggest message is the data package (megabytes for big multiworlds); the
 * client's {@link FileDataPackageCache} fetches it once per game and checksum, so this costs little after the
 * first connection. Plug in a transport on Netty or Jetty to compress.
 *
 * <p>What it adds to the JDK WebSocket: pings for the client's keep-alive (the JDK on Java 17 sometimes never
 * reports a connection the server dropped); fragments are reassembled into whole messages of at most
 * {@code maxMessageChars} (a larger message aborts the connection with 1009); the next message is requested
 * only when the listener's stage completes; {@code abort()} and errors report {@link Listener#onClosed}
 * (the JDK reports neither), exactly once; binary messages, which Archipelago never sends, end the
 * connection with 1003.
 *
 * <p><b>A JDK fault it cannot mend.</b> The JDK (seen on 17.0.15 and 25) can lose bytes that a server sends
 * unasked right after its {@code 101} response: while it hands the connection from its HTTP/1.1 reader to the
 * WebSocket, a socket read (16 KiB) delivered to the HTTP/1.1 reader after the hand-over drained it is dropped.
 * The WebSocket then reads a later frame's header as text and fails with "Invalid UTF-8 in frame TEXT" (reported
 * here as a close with 1006 and that reason), or waits for bytes that never come. It needs a large first burst
 * (several socket reads) and a busy client; Archipelago's first message, {@code RoomInfo}, is small. The JDK's
 * public API has no way around it (the bytes are gone before any text reaches this listener; fragments and
 * multi-byte sequences split across frames are reassembled correctly). The client treats it as a failed connection
 * attempt: an error closes the connection, and a connection that reaches no login within the login timeout is
 * dropped; both are retried. See the README, "Transports".
 *
 * <p>Threads: one {@link HttpClient} per transport, on a cached pool of daemon threads named
 * {@code apwire-ws-N} that {@link #close()} shuts down. On Java 21 and later {@code close()} also closes the
 * HttpClient; on Java 17 its selector thread ends on its own once the transport is unreachable (the JDK's
 * rule). Thread-safe.
 */
public final class JdkWebSocketTransport implements Transport, AutoCloseable {

    /** The default largest message: the codec's default frame limit, 64 MiB. */
    public static final int DEFAULT_MAX_MESSAGE_CHARS = 64 << 20;

    private static final AtomicInteger THREADS = new AtomicInteger();

    private final ExecutorService executor;
    /** Dropped on close, so that on Java 17 the HttpClient (and its selector thread) can go. */
    private volatile @Nullable HttpClient http;
    private final Duration connectTimeout;
    private final int maxMessageChars;

    /** A transport with a 10 s connect timeout and the default message limit. */
    public JdkWebSocketTransport() {
        this(Duration.ofSeconds(10), DEFAULT_MAX_MESSAGE_CHARS);
    }

    /**
     * A transport.
     *
     * @param connectTimeout how long opening a connection may take
     * @param maxMessageChars the largest message accepted, in chars
     */
    public JdkWebSocketTransport(Duration connectTimeout, int maxMessageChars) {
        if (connectTimeout.isNegative() || connectTimeout.isZero()) {
            throw new IllegalArgumentException("connectTimeout must be positive, got " + connectTimeout);
        }
        if (maxMessageChars < 1) {
            throw new IllegalArgumentException("maxMessageChars must be positive, got " + maxMessageChars);
        }
        this.connectTimeout = connectTimeout;
        this.maxMessageChars = maxMessageChars;
        this.executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "apwire-ws-" + THREADS.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.http = HttpClient.newBuilder().executor(executor).connectTimeout(connectTimeout).build();
    }

    @Override
    public CompletableFuture<Connection> open(URI uri, List<String> subprotocols, Listener listener) {
        Objects.requireNonNull(listener, "listener");
        HttpClient client = http;
        if (client == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("the transport is closed"));
        }
        WebSocket.Builder b = client.newWebSocketBuilder().connectTimeout(connectTimeout);
        if (!subprotocols.isEmpty()) {
            b.subprotocols(subprotocols.get(0), subprotocols.subList(1, subprotocols.size()).toArray(new String[0]));
        }
        Adapter adapter = new Adapter(listener);
        try {
            return b.buildAsync(uri, adapter).thenApply(ws -> adapter.connection(ws));
        } catch (IllegalArgumentException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** Shuts the threads down (and, on Java 21+, the HttpClient); open connections are aborted by the JDK. */
    @Override
    public void close() {
        Object client = http;
        http = null;
        if (client instanceof AutoCloseable c) { // Java 21+
            try {
                c.close();
            } catch (Exception e) {
                // closing anyway
            }
        }
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One connection: the JDK listener, reassembling text; {@link ConnectionEvents} keeps the once-only rules. */
    private final class Adapter implements WebSocket.Listener {
        private final ConnectionEvents events;
        private final StringBuilder text = new StringBuilder();

        Adapter(Listener listener) {
            this.events = new ConnectionEvents(listener);
        }

        Connection connection(WebSocket ws) {
            return events.connection(() -> new Conn(ws, events));
        }

        void end(int code, String reason) {
            events.ended(code, reason);
        }

        @Override
        public void onOpen(WebSocket ws) {
            events.opened(connection(ws));
            ws.request(1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            if (text.length() + data.length() > maxMessageChars) {
                text.setLength(0);
                ws.sendClose(1009, "message too big").whenComplete((r, e) -> ws.abort());
                end(1009, "a message exceeded " + maxMessageChars + " chars");
                return null;
            }
            text.append(data);
            if (!last) {
                ws.request(1);
                return null;
            }
            String message = text.toString();
            text.setLength(0);
            CompletionStage<?> done = events.text(message);
            done.whenComplete((r, e) -> ws.request(1));
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean last) {
            ws.sendClose(1003, "binary messages are not part of the protocol").whenComplete((r, e) -> ws.abort());
            end(1003, "the server sent a binary message");
            return null;
        }

        @Override
        public CompletionStage<?> onPing(WebSocket ws, ByteBuffer message) {
            ws.request(1); // the JDK answers with a pong itself
            return null;
        }

        @Override
        public CompletionStage<?> onPong(WebSocket ws, ByteBuffer message) {
            events.pong();
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
            end(statusCode, reason);
            return null;
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            end(1006, describe(error));
        }
    }

    /**
     * Describes an error with its causes: the JDK wraps a WebSocket protocol failure in a
     * {@code ProtocolException} without a message, its cause says what failed ("Invalid UTF-8 in frame TEXT").
     *
     * @param error the error
     * @return e.g. {@code "ProtocolException: FailWebSocketException: Invalid UTF-8 in frame TEXT"}, at most 200 chars
     */
    static String describe(Throwable error) {
        StringBuilder b = new StringBuilder();
        Throwable t = error;
        for (int depth = 0; t != null && depth < 4; depth++, t = t.getCause()) {
            b.append(b.length() == 0 ? "" : ": ").append(t.getClass().getSimpleName());
            if (t.getMessage() != null) {
                b.append(": ").append(t.getMessage());
                break;
            }
        }
        return b.length() > 200 ? b.substring(0, 200) : b.toString();
    }

    /** The client's view of one JDK WebSocket. */
    private static final class Conn implements Connection {
        private final WebSocket ws;
        private final ConnectionEvents events;

        Conn(WebSocket ws, ConnectionEvents events) {
            this.ws = ws;
            this.events = events;
        }

        @Override
        public String subprotocol() {
            String s = ws.getSubprotocol();
            return s == null ? "" : s;
        }

        @Override
        public CompletionStage<?> sendText(String text) {
            return ws.sendText(text, true);
        }

        @Override
        public void close(String reason) {
            ws.sendClose(WebSocket.NORMAL_CLOSURE, reason).whenComplete((r, e) -> {
                ws.abort(); // the client does not wait for the peer's close frame
                events.ended(WebSocket.NORMAL_CLOSURE, "closed by the client");
            });
        }

        @Override
        public CompletionStage<?> ping() {
            return ws.sendPing(ByteBuffer.allocate(0));
        }

        @Override
        public void abort() {
            ws.abort();
            events.ended(1006, "aborted by the client");
        }
    }
}
