package dev.apwire.examples;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.StatusCode;
import org.eclipse.jetty.websocket.common.WebSocketSession;
import org.eclipse.jetty.websocket.core.CoreSession;
import org.eclipse.jetty.websocket.core.Extension;
import org.eclipse.jetty.websocket.core.Frame;
import org.eclipse.jetty.websocket.core.OpCode;
import org.eclipse.jetty.websocket.core.WebSocketCoreSession;
import org.jspecify.annotations.Nullable;

/**
 * One WebSocket connection of a driver, with its inbound and outbound bounds ({@link ConnectionLimits}).
 *
 * <h2>Theory of operation</h2>
 * <b>Inbound.</b> The connection reads with Jetty's explicit demand: it asks for the next frame only when the
 * text it has handed to the state thread and that is not yet processed is within
 * {@link ConnectionLimits#maxUnprocessedBytes()}, and when neither its command allowance (a token bucket of
 * {@link ConnectionLimits#commandBurst()} refilled at {@link ConnectionLimits#commandsPerSecond()}) nor its byte
 * allowance ({@link ConnectionLimits#maxMessageBytes()} refilled at {@link ConnectionLimits#bytesPerSecond()}) is
 * overdrawn. While either holds, the socket is not read and TCP pushes back on the peer. Each text message goes
 * to the {@link Handler} on the Jetty thread that read it (the driver decodes it there, off the state thread,
 * and hands the packets to the state thread); the driver reports each command count through {@link #charge} and
 * calls {@link #processed} on the state thread when the message is done.
 *
 * <p><b>Outbound.</b> The state thread hands each step's frames for this connection to {@link #send} at once;
 * the frames are encoded bytes shared by every recipient of a broadcast ({@link OutFrame}; on a connection that
 * negotiated {@link SharedDeflateExtension}, the frame's compressed form, also made once and shared, or, for a
 * frame under {@link OutFrame#COMPRESS_MIN_BYTES}, its plain text with {@code RSV1} clear). A writer task
 * on the driver's writer ({@link WebSocketHost#writer()}: Jetty's thread pool, never the state thread; the writes
 * of a broadcast run one after another in one pool task) passes them to Jetty's frame flusher in batch mode and flushes once, so a step costs
 * one socket write and one callback per connection, whatever its number of frames. Bytes count as queued from
 * {@link #send} until that flush completes. A reader falls behind when its queue stays over
 * {@link ConnectionLimits#maxQueuedBytes()} for {@link #BEHIND_GRACE_MS} (a burst that an active reader drains
 * at once is no fault), or would pass {@link #HARD_FACTOR} times that bound at all; it is closed with 1008 and a
 * reason saying so, and is disconnected
 * outright if it has not closed within {@link #SLOW_CLOSE_GRACE} (a reader that does not read also does not read
 * the close frame). Nothing one connection does delays another's writes.
 *
 * <p>Thread-safe: Jetty calls the listener methods on its threads (one at a time per connection), the state thread
 * calls {@link #send}, {@link #close} and {@link #processed}, the writer runs on Jetty's pool; the shared state
 * is guarded by this object's lock.
 *
 * <p>Public only because Jetty invokes listener methods through a public lookup.
 */
public final class PeerConnection implements Session.Listener {

    /** How long a queue may stay over {@link ConnectionLimits#maxQueuedBytes()} before its reader counts as behind. */
    static final long BEHIND_GRACE_MS = 1_000;
    /** A queue this many times over {@link ConnectionLimits#maxQueuedBytes()} closes its connection at once. */
    static final int HARD_FACTOR = 4;

    /** How long a connection closed for reading too slowly has to finish closing before it is disconnected. */
    static final long SLOW_CLOSE_GRACE_MS = 5_000;
    /** {@link #SLOW_CLOSE_GRACE_MS} as a name for the documentation. */
    static final String SLOW_CLOSE_GRACE = "5 s";

    /** What a driver does with a connection's events. Every method is called on a Jetty thread. */
    interface Handler {
        /**
         * The WebSocket is open.
         *
         * @param connection the connection
         */
        void opened(PeerConnection connection);

        /**
         * A text message arrived. The handler decodes it, calls {@link PeerConnection#charge} with its command
         * count, and hands it to the state thread, which calls {@link PeerConnection#processed} when done (also
         * when it drops the message), with the message's length.
         *
         * @param connection the connection
         * @param text the message
         */
        void text(PeerConnection connection, String text);

        /**
         * A binary message arrived (not part of either protocol).
         *
         * @param connection the connection
         */
        void binary(PeerConnection connection);

        /**
         * The WebSocket closed (after an error too).
         *
         * @param connection the connection
         * @param code the close code
         * @param reason the close reason
         */
        void closed(PeerConnection connection, int code, String reason);
    }

    /** One outbound item: an encoded text frame, or the close that ends the connection. */
    private record Out(@Nullable OutFrame frame, int closeCode, String closeReason) {
    }

    private final Handler handler;
    private final ConnectionLimits limits;
    private final Executor writer;
    private final ScheduledExecutorService timers;

    private @Nullable Session session;
    private @Nullable CoreSession core;
    /** Whether the connection negotiated {@link SharedDeflateExtension}: text goes out compressed once per frame. */
    private volatile boolean sharedDeflate;
    private volatile long id = -1;
    /** A timer of the driver to cancel when the connection closes (the login deadline), so that a closed
     * connection is not kept reachable until it fires. */
    volatile java.util.concurrent.@Nullable ScheduledFuture<?> closeTimer;
    /** The disconnect that follows a close the peer does not complete; cancelled when the connection ends. */
    private volatile java.util.concurrent.@Nullable ScheduledFuture<?> disconnectTimer;
    /** The relay's token for this connection; set and read on the relay's hub thread only. */
    @Nullable String token;

    // guarded by this
    private long unprocessed;
    private double tokens;
    private double byteTokens;
    private long refilledAt = System.nanoTime();
    private boolean owed;
    private boolean ended;
    private boolean resumeScheduled;
    private List<Out> outbox = new ArrayList<>();
    private boolean writing;
    private long queued;
    private boolean overChecking;
    private boolean closing;

    PeerConnection(Handler handler, ConnectionLimits limits, Executor writer, ScheduledExecutorService timers) {
        this.handler = handler;
        this.limits = limits;
        this.writer = writer;
        this.timers = timers;
        this.tokens = limits.commandBurst();
        this.byteTokens = limits.maxMessageBytes();
    }

    /** {@return the driver's id for this connection, -1 until it sets one} */
    long id() {
        return id;
    }

    /**
     * Sets the driver's id for this connection.
     *
     * @param id the id
     */
    void id(long id) {
        this.id = id;
    }

    /** {@return the peer's address, as the socket reports it (an unresolved placeholder when unknown)} */
    InetSocketAddress remoteAddress() {
        Session s = session;
        SocketAddress a = s == null ? null : s.getRemoteSocketAddress();
        return a instanceof InetSocketAddress ? (InetSocketAddress) a : InetSocketAddress.createUnresolved("unknown", 0);
    }

    @Override
    public void onWebSocketOpen(Session s) {
        this.session = s;
        this.core = s instanceof WebSocketSession ? ((WebSocketSession) s).getCoreSession() : null;
        if (core instanceof WebSocketCoreSession w) {
            for (Extension e : w.getExtensionStack().getExtensions()) {
                sharedDeflate |= e instanceof SharedDeflateExtension;
            }
        }
        s.setInputBufferSize(limits.bufferBytes());
        s.setOutputBufferSize(limits.bufferBytes());
        handler.opened(this);
        owe();
    }

    @Override
    public void onWebSocketText(String text) {
        boolean drop;
        synchronized (this) {
            // after the driver closed the connection, what the peer still sends is read (for the close handshake)
            // and dropped
            drop = closing;
            if (!drop) {
                unprocessed += text.length();
                refill();
                byteTokens -= text.length();
            }
        }
        if (!drop) {
            handler.text(this, text);
        }
        owe();
    }

    @Override
    public void onWebSocketBinary(ByteBuffer payload, Callback callback) {
        callback.succeed();
        handler.binary(this);
        owe();
    }

    @Override
    public void onWebSocketPing(ByteBuffer payload) {
        Session s = session;
        if (s != null) {
            s.sendPong(payload, Callback.NOOP);
        }
        owe();
    }

    @Override
    public void onWebSocketPong(ByteBuffer payload) {
        owe();
    }

    @Override
    public void onWebSocketError(Throwable cause) {
        // Jetty follows an error with onWebSocketClose, which tells the driver.
    }

    @Override
    public void onWebSocketClose(int statusCode, @Nullable String reason, Callback callback) {
        callback.succeed();
        synchronized (this) {
            closing = true;
            ended = true;
            outbox.clear();
        }
        for (java.util.concurrent.ScheduledFuture<?> t : new java.util.concurrent.ScheduledFuture<?>[] {closeTimer, disconnectTimer}) {
            if (t != null) {
                t.cancel(false);
            }
        }
        closeTimer = null;
        disconnectTimer = null;
        handler.closed(this, statusCode, reason == null ? "" : reason);
    }

    /**
     * Charges commands against the allowance. Called by the handler on the Jetty thread for each message.
     *
     * @param commands the number of commands in the message
     * @return whether they are within the burst; when not, the connection is being closed and the message must
     *     be dropped (with a call to {@link #processed})
     */
    boolean charge(int commands) {
        if (commands > limits.commandBurst()) {
            close(StatusCode.POLICY_VIOLATION, commands + " commands in one frame, more than the limit of " + limits.commandBurst());
            return false;
        }
        synchronized (this) {
            refill();
            tokens -= commands;
        }
        return true;
    }

    /**
     * The state thread is done with a message: its bytes no longer count against the unprocessed budget.
     *
     * @param length the message's length, as {@link Handler#text} saw it
     */
    void processed(int length) {
        synchronized (this) {
            unprocessed -= length;
        }
        resumeOrPause();
    }

    /** A frame was delivered: one demand is owed for the next. */
    private void owe() {
        synchronized (this) {
            owed = true;
        }
        resumeOrPause();
    }

    private void refill() {
        long now = System.nanoTime();
        double seconds = (now - refilledAt) * 1e-9;
        tokens = Math.min(limits.commandBurst(), tokens + seconds * limits.commandsPerSecond());
        byteTokens = Math.min(limits.maxMessageBytes(), byteTokens + seconds * limits.bytesPerSecond());
        refilledAt = now;
    }

    /**
     * Demands the next frame if one is owed and no bound holds. A connection over its unprocessed budget resumes
     * from {@link #processed}; one over its command allowance from a timer set for when the allowance refills.
     * Jetty wants exactly one demand per delivered frame, hence the {@code owed} flag.
     */
    private void resumeOrPause() {
        boolean demand = false;
        long delayMs = -1;
        synchronized (this) {
            if (ended || !owed) {
                return;
            }
            refill();
            if (unprocessed > limits.maxUnprocessedBytes()) {
                return;
            }
            if (tokens < 0 || byteTokens < 0) {
                if (!resumeScheduled) {
                    resumeScheduled = true;
                    delayMs = (long) Math.ceil(Math.max(-tokens * 1000.0 / limits.commandsPerSecond(),
                            -byteTokens * 1000.0 / limits.bytesPerSecond())) + 1;
                }
            } else {
                owed = false;
                demand = true;
            }
        }
        if (delayMs >= 0) {
            timers.schedule(() -> {
                synchronized (this) {
                    resumeScheduled = false;
                }
                resumeOrPause();
            }, delayMs, TimeUnit.MILLISECONDS);
        }
        Session s = session;
        if (demand && s != null) {
            s.demand();
        }
    }

    /**
     * Queues a step's frames and closes for this connection, in order; called on the state thread. A connection
     * that would queue more than {@link ConnectionLimits#maxQueuedBytes()} is closed instead.
     *
     * @param frames the encoded frames (shared with other recipients; never modified)
     * @param closeCode the close code to send after them, 0 for none
     * @param closeReason the close reason
     */
    void send(List<OutFrame> frames, int closeCode, String closeReason) {
        boolean start;
        boolean tooSlow = false;
        boolean check = false;
        synchronized (this) {
            if (closing) {
                return;
            }
            long bytes = 0;
            for (OutFrame f : frames) {
                bytes += f.length();
            }
            if (queued + bytes > HARD_FACTOR * limits.maxQueuedBytes()) {
                tooSlow = true;
                start = false;
            } else {
                queued += bytes;
                if (queued > limits.maxQueuedBytes() && !overChecking) {
                    overChecking = true;
                    check = true;
                }
                for (OutFrame f : frames) {
                    outbox.add(new Out(f, 0, ""));
                }
                if (closeCode != 0) {
                    outbox.add(new Out(null, closeCode, closeReason));
                    closing = true;
                }
                start = !writing;
                writing = true;
            }
        }
        if (tooSlow) {
            closeSlowReader();
            return;
        }
        if (check) {
            timers.schedule(this::checkBehind, BEHIND_GRACE_MS, TimeUnit.MILLISECONDS);
        }
        if (start) {
            writer.execute(this::drain);
        }
        if (closeCode != 0) {
            disconnectLater();
        }
    }

    /**
     * Closes the connection after what is already queued; called on any thread.
     *
     * @param code the close code
     * @param reason the close reason (at most 123 bytes of UTF-8)
     */
    void close(int code, String reason) {
        send(List.of(), code, reason);
    }

    /** Disconnects after {@link #SLOW_CLOSE_GRACE_MS} if the peer has not completed the close by then. */
    private void disconnectLater() {
        disconnectTimer = timers.schedule(() -> {
            Session s = session;
            boolean ended;
            synchronized (this) {
                ended = this.ended;
            }
            if (s != null && !ended) {
                s.disconnect();
            }
        }, SLOW_CLOSE_GRACE_MS, TimeUnit.MILLISECONDS);
    }

    /** Sends a ping through the writer. */
    void ping() {
        Session s = session;
        if (s != null && s.isOpen()) {
            writer.execute(() -> s.sendPing(ByteBuffer.allocate(0), Callback.NOOP));
        }
    }

    private void closeSlowReader() {
        Session s = session;
        long q;
        synchronized (this) {
            if (closing) {
                return;
            }
            closing = true;
            outbox.clear();
            q = queued;
        }
        if (s == null) {
            return;
        }
        s.close(StatusCode.POLICY_VIOLATION, "reading too slowly: " + q + " bytes unsent, limit " + limits.maxQueuedBytes(),
                Callback.NOOP);
        disconnectLater();
    }

    /** The writer: hands everything queued to Jetty in batch mode and flushes once per round. */
    private void drain() {
        while (true) {
            List<Out> batch;
            synchronized (this) {
                if (outbox.isEmpty()) {
                    writing = false;
                    return;
                }
                batch = outbox;
                outbox = new ArrayList<>();
            }
            Session s = session;
            CoreSession c = core;
            if (s == null) {
                continue;
            }
            long bytes = 0;
            boolean deflate = sharedDeflate;
            for (Out o : batch) {
                OutFrame f = o.frame();
                if (f != null) {
                    bytes += f.length();
                    if (c != null) {
                        Frame frame;
                        if (deflate) {
                            boolean z = f.compressed();
                            frame = new SharedDeflateExtension.Prepared(z ? f.deflated() : f.text(), z);
                        } else {
                            frame = new Frame(OpCode.TEXT);
                            frame.setPayload(f.text());
                        }
                        c.sendFrame(frame, org.eclipse.jetty.util.Callback.NOOP, true);
                    } else {
                        s.sendText(java.nio.charset.StandardCharsets.UTF_8.decode(f.text()).toString(), Callback.NOOP);
                    }
                } else {
                    s.close(o.closeCode(), ExampleServer.closeReason(o.closeReason()), Callback.NOOP);
                }
            }
            long written = bytes;
            if (c != null) {
                c.flush(org.eclipse.jetty.util.Callback.from(() -> written(written), x -> written(written)));
            } else {
                written(written);
            }
        }
    }

    private void written(long bytes) {
        synchronized (this) {
            queued -= bytes;
        }
    }

    /** {@link #BEHIND_GRACE_MS} after the queue went over the bound: still over it means the reader fell behind. */
    private void checkBehind() {
        boolean behind;
        synchronized (this) {
            overChecking = false;
            behind = queued > limits.maxQueuedBytes();
        }
        if (behind) {
            closeSlowReader();
        }
    }
}
