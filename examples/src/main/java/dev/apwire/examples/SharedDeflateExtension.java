package dev.apwire.examples;

import org.eclipse.jetty.websocket.core.ExtensionConfig;
import org.eclipse.jetty.websocket.core.Frame;
import org.eclipse.jetty.websocket.core.OpCode;
import org.eclipse.jetty.websocket.core.OutgoingEntry;
import org.eclipse.jetty.websocket.core.WebSocketComponents;
import org.eclipse.jetty.websocket.core.internal.PerMessageDeflateExtension;
import org.eclipse.jetty.websocket.core.server.WebSocketServerComponents;
import org.eclipse.jetty.server.Server;

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
 * cannot read (measured: close 1007, "invalid distance too far back"), so each connection keeps its inflater.
 *
 * <p><b>Sending.</b> A {@link PeerConnection} whose connection negotiated this extension sends each text frame
 * already compressed ({@link OutFrame#deflated()}, made once per frame and shared) as one {@code TEXT} frame with
 * {@code RSV1} set, or, below {@link OutFrame#COMPRESS_MIN_BYTES}, uncompressed with {@code RSV1} clear (a
 * {@link Prepared} frame either way); {@link #sendFrame} passes such a frame by Jetty's compressor straight to the
 * next layer.
 * Every other frame (control frames, and text from anyone else) goes through Jetty's compressor as before, so
 * a connection's frames stay in order: that compressor only ever sees control frames from the drivers, which it
 * forwards at once. Incoming messages are inflated by Jetty as before.
 *
 * <p>Subclasses Jetty's internal {@code PerMessageDeflateExtension} (12.1): an example driver's choice, to be
 * checked when Jetty is upgraded (the examples' tests cover the handshake and the bytes on the wire).
 *
 * <p>One instance per connection; Jetty calls it on its threads, one frame at a time per direction. Public
 * because Jetty instantiates extensions through its object factory.
 */
public final class SharedDeflateExtension extends PerMessageDeflateExtension {

    /** The extension's registered name. */
    static final String NAME = "permessage-deflate";

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
