package dev.apwire.examples;

import dev.apwire.codec.ArchipelagoCodec;
import dev.apwire.codec.Decoded;
import dev.apwire.codec.MalformedFrameException;
import dev.apwire.protocol.client.ClientPacket;
import java.time.Duration;
import java.util.List;
import org.eclipse.jetty.websocket.server.WebSocketCreator;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;
import org.jspecify.annotations.Nullable;

/**
 * The connection plumbing the drivers of {@link PeerConnection} share: the WebSocket container configured from
 * {@link ConnectionLimits} (every server: {@link ExampleServer} for one room, {@link MultiRoomServer} for many,
 * {@link RelayServer}), and the decoding and charging of an inbound frame. (The room servers' outbound side is
 * {@link Coalescer}.) Stateless; each method is called on the thread its caller documents.
 */
final class PeerConnections {

    private PeerConnections() {
    }

    /**
     * {@return an upgrade handler on a path whose WebSocket container follows the limits}
     * Text messages are bounded by {@link ConnectionLimits#maxMessageBytes()} (a bigger one than the codec's limit
     * still reaches the codec, which answers it as the protocol says), binary ones by the buffer size (they are not
     * part of either protocol).
     *
     * @param host the Jetty host
     * @param limits the connection limits
     * @param path the WebSocket path
     * @param idleTimeout how long a silent session lives (three ping intervals)
     * @param creator makes the {@link PeerConnection} of each upgrade (and may accept a subprotocol)
     */
    static WebSocketUpgradeHandler upgradeHandler(WebSocketHost host, ConnectionLimits limits, String path,
            Duration idleTimeout, WebSocketCreator creator) {
        return WebSocketUpgradeHandler.from(host.server(), container -> {
            container.setMaxTextMessageSize(limits.maxMessageBytes());
            container.setMaxBinaryMessageSize(limits.bufferBytes());
            // Jetty's auto-fragmentation of outgoing frames breaks batched frames larger than the frame size
            // (the peer sees a broken continuation); frames go out whole, incoming ones are bounded by the message size
            container.setAutoFragment(false);
            container.setMaxFrameSize(limits.maxMessageBytes());
            container.setInputBufferSize(limits.bufferBytes());
            container.setOutputBufferSize(limits.bufferBytes());
            container.setIdleTimeout(idleTimeout);
            container.addMapping(path, creator);
        });
    }

    /**
     * One inbound frame, decoded and charged to its connection's command allowance.
     *
     * @param packets the frame's commands, or {@code null} for a malformed frame (charged as one command)
     */
    record Charged(@Nullable List<Decoded<ClientPacket>> packets) {
    }

    /**
     * Decodes a client frame on the calling (Jetty) thread and charges its commands to the connection's allowance.
     * A refused frame is marked processed here and never reaches a room or host.
     *
     * @param c the connection the frame came from
     * @param codec the codec
     * @param frame the text frame
     * @return the charged frame, or {@code null} when the allowance refused it
     */
    static @Nullable Charged decodeAndCharge(PeerConnection c, ArchipelagoCodec codec, String frame) {
        List<Decoded<ClientPacket>> decoded;
        try {
            decoded = codec.decodeClientFrame(frame);
        } catch (MalformedFrameException e) {
            decoded = null;
        }
        if (!c.charge(decoded == null ? 1 : decoded.size())) {
            c.processed(frame.length());
            return null;
        }
        return new Charged(decoded);
    }
}
