package dev.apwire.client;

import java.net.URI;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * A WebSocket client as the {@link ArchipelagoClient} needs it: open a connection, send whole text messages,
 * receive whole text messages, close or abort. {@link JdkWebSocketTransport} (the JDK's
 * {@code java.net.http.WebSocket}) is the default; a Netty or Jetty WebSocket plugs in by implementing this
 * interface (the examples module has a Jetty one that negotiates permessage-deflate).
 *
 * <h2>Contract</h2>
 * <ul>
 * <li>The client calls {@link Connection#sendText} with at most one send outstanding: it waits for the
 *     returned stage before the next call. A transport need not queue.</li>
 * <li>{@link Listener#onOpen} comes first, then {@link Listener#onText} gets whole messages (a transport reassembles fragments) in order, one at a
 *     time: the transport asks for the next message only once the stage {@code onText} returned completes
 *     (back-pressure, so the client's queues stay bounded).</li>
 * <li>{@link Listener#onClosed} is called exactly once per opened connection, whatever ends it: a close
 *     from either side, an error, or {@link Connection#abort()} (which the JDK's {@code abort()} does not
 *     report by itself). It is not called for a connection whose open failed.</li>
 * <li>Listener methods may be called on any thread; the client only queues work in them.</li>
 * </ul>
 * {@link ConnectionEvents} keeps the once-only rules of {@code onOpen} and {@code onClosed} for an implementation:
 * it reports its library's callbacks through one per connection.
 *
 * <p>Implementations must be thread-safe.
 */
public interface Transport {

    /**
     * Opens a connection.
     *
     * @param uri the server, {@code ws://} or {@code wss://}
     * @param subprotocols the subprotocols to offer ({@code Sec-WebSocket-Protocol}), possibly empty
     * @param listener where the connection's messages and its end go
     * @return a stage completing with the open connection, or failing when it cannot be opened
     */
    CompletableFuture<Connection> open(URI uri, List<String> subprotocols, Listener listener);

    /** An open WebSocket connection. Thread-safe. */
    interface Connection {

        /** {@return the subprotocol the server accepted, or the empty string when it accepted none} */
        String subprotocol();

        /**
         * Sends one whole text message.
         *
         * @param text the message
         * @return a stage completing when the message was handed to the network, or failing
         */
        CompletionStage<?> sendText(String text);

        /**
         * Starts a normal close (status 1000); {@link Listener#onClosed} follows, at the latest when the
         * transport gives up waiting for the peer.
         *
         * @param reason the close reason (at most 123 bytes of UTF-8)
         */
        void close(String reason);

        /** Drops the connection at once; {@link Listener#onClosed} follows (code 1006). */
        void abort();

        /**
         * Sends a WebSocket ping (the client's keep-alive); the peer's pong goes to {@link Listener#onPong()}.
         * The default sends nothing: the client then relies on incoming messages alone.
         *
         * @return a stage completing when the ping was handed to the network, or failing
         */
        default CompletionStage<?> ping() {
            return CompletableFuture.completedFuture(null);
        }
    }

    /** Receives one connection's messages and its end. */
    interface Listener {

        /**
         * The connection opened; called once, before any {@link #onText} (the transport asks for the
         * first message only after this returns).
         *
         * @param connection the connection
         */
        void onOpen(Connection connection);

        /**
         * A whole text message arrived.
         *
         * @param message the message
         * @return a stage completing when the client is ready for the next message
         */
        CompletionStage<?> onText(String message);

        /** A pong arrived (the answer to {@link Connection#ping()}): the connection is alive. */
        default void onPong() {
        }

        /**
         * The connection ended; called once.
         *
         * @param code the close status ({@code 1006} for an abort or an error)
         * @param reason the close reason or a description of the error
         */
        void onClosed(int code, String reason);
    }
}
