package dev.apwire.examples;

import dev.apwire.codec.ArchipelagoCodec;
import dev.apwire.codec.Decoded;
import dev.apwire.codec.MalformedFrameException;
import dev.apwire.protocol.client.ClientPacket;
import dev.apwire.protocol.server.ServerPacket;
import dev.apwire.server.RoomAction;
import dev.apwire.server.RoomClose;
import dev.apwire.server.RoomDelivery;
import dev.apwire.server.RoomStep;
import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.websocket.api.StatusCode;
import org.eclipse.jetty.websocket.server.WebSocketCreator;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;
import org.jspecify.annotations.Nullable;

/**
 * The connection plumbing the drivers of {@link PeerConnection} share: the WebSocket container configured from
 * {@link ConnectionLimits} (every server: {@link ExampleServer} for one room, {@link MultiRoomServer} for many,
 * {@link RelayServer}), and the delivery of a {@link RoomStep} (the room servers). Stateless; each method is called on the thread its caller documents.
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

    /** One connection's share of a step: its frames, in order, and whether the step closes it. */
    private static final class Outgoing {
        final List<OutFrame> frames = new ArrayList<>();
        @Nullable String close;
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

    /**
     * Sends a room step: each distinct frame is encoded once to bytes shared by all its recipients, and each
     * connection gets its frames and close (normal closure, the room's reason) in one {@link PeerConnection#send}
     * call. A connection the step closes is removed from {@code connections}. Called on the thread that owns the
     * room; never writes to a socket.
     *
     * @param step the step
     * @param codec the codec
     * @param connections the open connections by id (a connection not in it gets nothing)
     * @return the ids of the connections the step closed, in order
     */
    static List<Long> deliver(RoomStep<Long> step, ArchipelagoCodec codec, Map<Long, PeerConnection> connections) {
        if (step.isEmpty()) {
            return List.of();
        }
        Map<List<ServerPacket>, OutFrame> encoded = new IdentityHashMap<>();
        Map<Long, Outgoing> out = new LinkedHashMap<>();
        for (RoomAction<Long> a : step.actions()) {
            Outgoing o = out.computeIfAbsent(a.connection(), k -> new Outgoing());
            if (a instanceof RoomDelivery<Long> d) {
                o.frames.add(encoded.computeIfAbsent(d.frame(), f -> new OutFrame(codec.encodeServerFrameBytes(f))));
            } else if (a instanceof RoomClose<Long> close) {
                o.close = close.reason();
            }
        }
        List<Long> closed = new ArrayList<>();
        for (Map.Entry<Long, Outgoing> e : out.entrySet()) {
            Outgoing o = e.getValue();
            PeerConnection c = o.close != null ? connections.remove(e.getKey()) : connections.get(e.getKey());
            if (o.close != null) {
                closed.add(e.getKey());
            }
            if (c != null) {
                c.send(o.frames, o.close != null ? StatusCode.NORMAL : 0, o.close != null ? o.close : "");
            }
        }
        return closed;
    }
}
