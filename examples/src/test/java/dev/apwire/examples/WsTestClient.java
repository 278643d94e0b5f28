package dev.apwire.examples;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A raw WebSocket client on the JDK's HttpClient for end-to-end tests: records every text frame and the close. */
final class WsTestClient implements AutoCloseable {

    /** The close a server sent. */
    record Close(int code, String reason) {
    }

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    final List<String> frames = new CopyOnWriteArrayList<>();
    final CompletableFuture<Close> closed = new CompletableFuture<>();
    /** Set once the handshake completed; the listener never needs it, so an early close cannot deadlock. */
    private volatile @org.jspecify.annotations.Nullable WebSocket ws;

    private WsTestClient() {
    }

    /**
     * Connects, offering the given subprotocols (none for a v1.0 client).
     *
     * @param port the server port
     * @param subprotocols the offered subprotocols
     * @return the client
     * @throws Exception if the connection fails
     */
    static WsTestClient connect(int port, String... subprotocols) throws Exception {
        StringBuilder partial = new StringBuilder();
        WsTestClient c = new WsTestClient();
        WebSocket.Builder b = HTTP.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5));
        if (subprotocols.length > 0) {
            b.subprotocols(subprotocols[0], java.util.Arrays.copyOfRange(subprotocols, 1, subprotocols.length));
        }
        WebSocket ws = b.buildAsync(URI.create("ws://127.0.0.1:" + port + "/"), new WebSocket.Listener() {
            @Override
            public CompletionStage<?> onText(WebSocket w, CharSequence data, boolean last) {
                partial.append(data);
                if (last) {
                    synchronized (c.frames) {
                        c.frames.add(partial.toString());
                        c.frames.notifyAll();
                    }
                    partial.setLength(0);
                }
                w.request(1);
                return null;
            }

            @Override
            public CompletionStage<?> onClose(WebSocket w, int code, String reason) {
                c.closed.complete(new Close(code, reason));
                return null;
            }

            @Override
            public void onError(WebSocket w, Throwable error) {
                c.closed.complete(new Close(-1, String.valueOf(error)));
            }
        }).get(5, TimeUnit.SECONDS);
        c.ws = ws;
        return c;
    }

    /** {@return the accepted subprotocol, empty when none} */
    String subprotocol() {
        return java.util.Objects.requireNonNull(ws).getSubprotocol();
    }

    void send(String frame) {
        java.util.Objects.requireNonNull(ws).sendText(frame, true).join();
    }

    /** {@return the first frame matching, waiting at most 5 s} */
    String await(Predicate<String> frame) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        synchronized (frames) {
            long left;
            while ((left = end - System.nanoTime()) > 0) {
                for (String f : frames) {
                    if (frame.test(f)) {
                        return f;
                    }
                }
                TimeUnit.NANOSECONDS.timedWait(frames, left);
            }
        }
        throw new AssertionError("no matching frame within 5 s; got " + frames + "; closed " + closed.getNow(null));
    }

    /** {@return the first frame containing the text, waiting at most 5 s} */
    String await(String contained) throws InterruptedException {
        return await(f -> f.contains(contained));
    }

    /** {@return a Connect frame for a slot of the demo world} */
    static String connect(String name, String game) {
        return connect(name, game, "sesame");
    }

    /** {@return a Connect frame for a slot} */
    static String connect(String name, String game, String password) {
        return "[{\"cmd\":\"Connect\",\"password\":\"" + password + "\",\"game\":\"" + game + "\",\"name\":\"" + name
                + "\",\"uuid\":\"u-" + name + "\",\"version\":{\"major\":0,\"minor\":6,\"build\":2,\"class\":\"Version\"},"
                + "\"items_handling\":7,\"tags\":[\"AP\"],\"slot_data\":false}]";
    }

    @Override
    public void close() {
        WebSocket w = ws;
        if (w != null) {
            w.abort();
        }
    }
}
