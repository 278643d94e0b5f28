package dev.apwire.examples;

import java.util.zip.Inflater;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.websocket.core.ExtensionConfig;
import org.eclipse.jetty.websocket.core.Frame;
import org.eclipse.jetty.websocket.core.OpCode;
import org.eclipse.jetty.websocket.core.OutgoingEntry;
import org.eclipse.jetty.websocket.core.WebSocketComponents;
import org.eclipse.jetty.websocket.core.internal.PerMessageDeflateExtension;
import org.eclipse.jetty.websocket.core.server.WebSocketServerComponents;
import org.eclipse.jetty.server.Server;
import org.jspecify.annotations.Nullable;

/**
 * The example servers' permessage-deflate (RFC 7692): Jetty's own extension, negotiated without context takeover
 * in either direction, so that a broadcast is compressed once for all its recipients and an idle connection holds
 * no compression context.
 *
 * <h2>Theory of operation</h2>
 * <b>Negotiation.</b> Whatever the client offers, the server's response adds {@code server_no_context_takeover}
 * (RFC 7692 section 7.1.1.1 lets a server add it to any offer, and a client must then accept it; the load
 * generator's {@code ws}, Python's {@code websockets}, browsers and Jetty do). Each server message is then
 * compressed on its own, so an idle connection keeps no deflater (with context takeover each connection kept one,
 * about 256 kB of native memory). The messages a client reads are unchanged; only their compressed bytes differ
 * (small messages compress less without the previous messages as dictionary). {@code client_no_context_takeover}
 * is left as the client offers it: Jetty 12's own client reads that parameter in a response as if it were about
 * the server's messages and keeps compressing with context, which a server resetting its inflater per message
 * cannot read (measured: close 1007, "invalid distance too far back"), so the client's messages keep their context.
 *
 * <p><b>Receiving: no inflater between messages.</b> With context takeover, a compressed client message may refer
 * back to the text of the client's earlier compressed messages, up to 32 kB back (the LZ77 window). Jetty keeps
 * one pooled inflater per connection for that, from the first compressed message to the close: about 7 kB of native
 * zlib state and its 32 kB window, held by every idle connection (a {@code ws} client compresses even its
 * {@code Connect}; measured about 12 kB resident per idle socket). Instead, this extension keeps the window itself:
 * the last {@link InflateWindow#SIZE} bytes of the client's decompressed compressed messages, as a heap array only as
 * long as what the client has sent (a few hundred bytes for a client that only logged in), and gives the inflater
 * back to Jetty's pool at the end of every message. The next compressed message takes an inflater from the pool and
 * presets the window as its dictionary ({@code inflateSetDictionary} of a raw stream), which is exactly the state the
 * kept inflater would have had. Uncompressed messages ({@code RSV1} clear) are not part of the window (RFC 7692
 * section 6: only compressed messages go through the compression context). The decompressed bounds (Jetty's frame
 * and message sizes) are unchanged.
 *
 * <p><b>Sending.</b> A {@link PeerConnection} whose connection negotiated this extension sends each text frame
 * already compressed ({@link OutFrame#deflated()}, made once per frame and shared) as one {@code TEXT} frame with
 * {@code RSV1} set, or, below {@link OutFrame#COMPRESS_MIN_BYTES}, uncompressed with {@code RSV1} clear (a
 * {@link Prepared} frame either way); {@link #sendFrame} passes such a frame by Jetty's compressor straight to the
 * next layer.
 * Every other frame (control frames, and text from anyone else) goes through Jetty's compressor as before, so
 * a connection's frames stay in order: that compressor only ever sees control frames from the drivers, which it
 * forwards at once. Incoming messages are inflated by Jetty's code, the inflater held for one message only (above).
 *
 * <p>Subclasses Jetty's internal {@code PerMessageDeflateExtension} (12.1): an example driver's choice, to be
 * checked when Jetty is upgraded (the examples' tests cover the handshake and the bytes on the wire).
 *
 * <p>One instance per connection; Jetty calls it on its threads, one frame at a time per direction (the receiving
 * state below is only touched by the incoming frames of the connection, one at a time). Public
 * because Jetty instantiates extensions through its object factory.
 */
public final class SharedDeflateExtension extends PerMessageDeflateExtension {

    /** The extension's registered name. */
    static final String NAME = "permessage-deflate";

    /** The client's compression context between its messages, when it keeps one; {@code null} without. */
    private @Nullable InflateWindow window;
    /** Whether the message being received is compressed (its first frame had {@code RSV1}). */
    private boolean compressedMessage;
    /** Whether an inflater is taken from the pool for the current message (its dictionary is set). */
    private volatile boolean inflating;

    /** Jetty instantiates the extension for each connection that negotiates it. */
    public SharedDeflateExtension() {
    }

    /**
     * Replaces Jetty's permessage-deflate with this one on a server.
     *
     * @param server the Jetty server (before it starts)
     */
    static void install(Server server) {
        WebSocketComponents components = WebSocketServerComponents.ensureWebSocketComponents(server);
        components.getExtensionRegistry().register(NAME, SharedDeflateExtension.class);
    }

    @Override
    public void init(ExtensionConfig config, WebSocketComponents components) {
        ExtensionConfig c = new ExtensionConfig(config);
        c.setParameter("server_no_context_takeover");
        super.init(c, components);
        window = config.getParameterKeys().contains("client_no_context_takeover") ? null : new InflateWindow();
    }

    @Override
    public void onFrame(Frame frame, Callback callback) {
        byte op = frame.getOpCode();
        if (op == OpCode.TEXT || op == OpCode.BINARY) {
            compressedMessage = frame.isRsv1();
        }
        super.onFrame(frame, callback);
    }

    /**
     * Jetty's inflater for the current message: taken from the pool at the first compressed frame of a message,
     * with the window of the client's earlier messages preset.
     */
    @Override
    public Inflater getInflater() {
        Inflater inflater = super.getInflater();
        if (!inflating) {
            inflating = true;
            InflateWindow w = window;
            if (w != null) {
                w.preset(inflater);
            }
        }
        return inflater;
    }

    @Override
    public void releaseInflater() {
        inflating = false;
        super.releaseInflater();
    }

    /** Each decompressed frame of a compressed message joins the window; at its end the inflater goes back. */
    @Override
    protected void nextIncomingFrame(Frame frame, Callback callback) {
        InflateWindow w = window;
        if (w != null && compressedMessage && !frame.isControlFrame()) {
            java.nio.ByteBuffer payload = frame.getPayload();
            if (payload != null) {
                w.append(payload);
            }
            if (frame.isFin()) {
                compressedMessage = false;
                releaseInflater();
            }
        }
        super.nextIncomingFrame(frame, callback);
    }

    @Override
    public void sendFrame(OutgoingEntry entry) {
        if (entry.getFrame() instanceof Prepared) {
            nextOutgoingFrame(entry); // compressed by the driver once for all recipients, or small and sent as is
        } else {
            super.sendFrame(entry);
        }
    }

    /**
     * A whole text message the driver prepared for a connection of this extension, passed by Jetty's compressor as
     * it is: with {@code RSV1} set and an {@link OutFrame#deflated()} payload, or with {@code RSV1} clear and the
     * plain text of a message below {@link OutFrame#COMPRESS_MIN_BYTES} (RFC 7692 section 6.1: an endpoint may send
     * any message uncompressed).
     */
    static final class Prepared extends Frame {
        /**
         * A final text frame.
         *
         * @param payload the payload (compressed or not)
         * @param compressed whether the payload is compressed ({@code RSV1})
         */
        Prepared(java.nio.ByteBuffer payload, boolean compressed) {
            super(OpCode.TEXT);
            setRsv1(compressed);
            setPayload(payload);
        }
    }
}
