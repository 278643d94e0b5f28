package dev.apwire.client;

import java.util.Objects;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * For authors of a {@link Transport}: one connection's side of the contract that every WebSocket library leaves
 * to its adapter. The transport makes one per {@link Transport#open} and reports its library's callbacks through
 * it; it keeps {@link Transport.Listener#onOpen} to once, and {@link Transport.Listener#onClosed} to once and only
 * after an open (a failed open is reported by the open future alone), however many of close, error and abort
 * the library reports, and makes the connection object once for both the open future and {@code onOpen}.
 * {@link JdkWebSocketTransport} uses it; so does the examples' Jetty transport.
 *
 * <p>Thread-safe: the library may call it from any thread.
 */
public final class ConnectionEvents {

    private final Transport.Listener listener;
    private final AtomicBoolean opened = new AtomicBoolean();
    private final AtomicBoolean ended = new AtomicBoolean();
    private Transport.@Nullable Connection connection;

    /**
     * The events of one connection.
     *
     * @param listener the client's listener, given to {@link Transport#open}
     */
    public ConnectionEvents(Transport.Listener listener) {
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /**
     * {@return the connection, made by {@code make} on the first call only} The open future and the library's open
     * callback may both ask, in either order.
     *
     * @param make makes the connection
     */
    public synchronized Transport.Connection connection(Supplier<? extends Transport.Connection> make) {
        Transport.Connection c = connection;
        if (c == null) {
            c = Objects.requireNonNull(make.get(), "the connection");
            connection = c;
        }
        return c;
    }

    /**
     * The connection opened: {@link Transport.Listener#onOpen}, the first time only.
     *
     * @param c the connection (from {@link #connection})
     */
    public void opened(Transport.Connection c) {
        if (opened.compareAndSet(false, true)) {
            listener.onOpen(c);
        }
    }

    /**
     * A whole text message arrived: {@link Transport.Listener#onText}.
     *
     * @param message the message
     * @return the stage after which the transport may read the next message
     */
    public CompletionStage<?> text(String message) {
        return listener.onText(message);
    }

    /** A pong arrived: {@link Transport.Listener#onPong}. */
    public void pong() {
        listener.onPong();
    }

    /**
     * The connection ended (a close from either side, an error, an abort): {@link Transport.Listener#onClosed}, the
     * first time only, and only if it had opened.
     *
     * @param code the close status ({@code 1006} for an abort or an error)
     * @param reason the close reason or a description of the error
     */
    public void ended(int code, String reason) {
        if (opened.get() && ended.compareAndSet(false, true)) {
            listener.onClosed(code, reason);
        }
    }
}
