package dev.apwire.codec;

import dev.apwire.codec.internal.ClientCodec;
import dev.apwire.codec.internal.FrameDecoder;
import dev.apwire.codec.internal.ServerCodec;
import dev.apwire.codec.internal.Streams;
import dev.apwire.protocol.client.ClientPacket;
import dev.apwire.protocol.server.ServerPacket;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import tools.jackson.core.JsonEncoding;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.util.ByteArrayBuilder;

/**
 * The Archipelago wire format: frames of JSON command arrays to packets and back.
 *
 * <h2>Decoding</h2>
 * A frame is decoded command by command straight from Jackson's streaming parser, for the
 * direction it travels ({@link #decodeClientFrame} for what a client sent, {@link #decodeServerFrame}
 * for what a server sent). Each command yields a {@link Decoded.Ok} packet or a {@link Decoded.Problem}
 * (the protocol's {@code InvalidPacket}); a bad command never affects its siblings. Unknown commands
 * are kept as {@code Unknown*Packet}s, unknown fields in each packet's {@code extras}. A frame that
 * is not JSON, not an array, or over the {@linkplain CodecLimits limits} is a
 * {@link MalformedFrameException}. {@code "class"} is accepted on input and not required.
 *
 * <h2>Encoding</h2>
 * As the reference server encodes: compact separators, raw UTF-8, {@code "class"} last on Version,
 * NetworkItem, NetworkPlayer and NetworkSlot, enumerations as integers, slot numbers as string keys,
 * floats as Python's {@code repr}, known fields in the reference order and extras after them.
 *
 * <pre>{@code
 * ArchipelagoCodec codec = ArchipelagoCodec.create();
 * for (Decoded<ServerPacket> d : codec.decodeServerFrame(text)) { ... }
 * String frame = codec.encodeClientFrame(List.of(new SayPacket("hello")));
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class ArchipelagoCodec {

    private final CodecLimits limits;
    private final JsonFactory factory;
    private final FrameDecoder<ClientPacket> clientDecoder;
    private final FrameDecoder<ServerPacket> serverDecoder;

    private ArchipelagoCodec(CodecLimits limits) {
        this.limits = limits;
        this.factory = Streams.factory(limits);
        this.clientDecoder = FrameDecoder.clients(factory);
        this.serverDecoder = FrameDecoder.servers(factory);
    }

    /** {@return a codec with the {@linkplain CodecLimits#DEFAULT default limits}} */
    public static ArchipelagoCodec create() {
        return new ArchipelagoCodec(CodecLimits.DEFAULT);
    }

    /**
     * {@return a codec with the given limits}
     *
     * @param limits the limits on decoded frames
     */
    public static ArchipelagoCodec create(CodecLimits limits) {
        return new ArchipelagoCodec(Objects.requireNonNull(limits, "limits"));
    }

    /** {@return the limits this codec decodes under} */
    public CodecLimits limits() {
        return limits;
    }

    /**
     * Decodes a frame a client sent.
     *
     * @param frame the text frame
     * @return one result per command, in order
     * @throws MalformedFrameException if the frame is not a JSON array within the limits
     */
    public List<Decoded<ClientPacket>> decodeClientFrame(String frame) throws MalformedFrameException {
        checkLength(frame.length());
        return clientDecoder.decode(frame);
    }

    /**
     * Decodes a frame a client sent, as UTF-8 bytes.
     *
     * @param frame the frame
     * @return one result per command, in order
     * @throws MalformedFrameException if the frame is not a JSON array within the limits
     */
    public List<Decoded<ClientPacket>> decodeClientFrame(byte[] frame) throws MalformedFrameException {
        checkLength(frame.length);
        return clientDecoder.decode(frame);
    }

    /**
     * Decodes a frame a server sent.
     *
     * @param frame the text frame
     * @return one result per command, in order
     * @throws MalformedFrameException if the frame is not a JSON array within the limits
     */
    public List<Decoded<ServerPacket>> decodeServerFrame(String frame) throws MalformedFrameException {
        checkLength(frame.length());
        return serverDecoder.decode(frame);
    }

    /**
     * Decodes a frame a server sent, as UTF-8 bytes.
     *
     * @param frame the frame
     * @return one result per command, in order
     * @throws MalformedFrameException if the frame is not a JSON array within the limits
     */
    public List<Decoded<ServerPacket>> decodeServerFrame(byte[] frame) throws MalformedFrameException {
        checkLength(frame.length);
        return serverDecoder.decode(frame);
    }

    /**
     * Decodes a frame a server sent, streamed as UTF-8 bytes, without holding the whole frame in
     * memory (for large data packages). The stream is not closed.
     *
     * @param frame the frame's bytes
     * @return one result per command, in order
     * @throws MalformedFrameException if the frame is not a JSON array within the limits
     */
    public List<Decoded<ServerPacket>> decodeServerFrame(InputStream frame) throws MalformedFrameException {
        return serverDecoder.decode(frame);
    }

    private void checkLength(int length) throws MalformedFrameException {
        if (length > limits.maxFrameBytes()) {
            throw new MalformedFrameException(MalformedFrameException.Kind.TOO_LARGE,
                    "frame of " + length + " bytes exceeds the limit of " + limits.maxFrameBytes());
        }
    }

    /**
     * {@return the frame (a JSON array) holding the client commands, as text}
     *
     * @param packets the commands, in order
     */
    public String encodeClientFrame(List<? extends ClientPacket> packets) {
        return new String(encodeClientFrameBytes(packets), StandardCharsets.UTF_8);
    }

    /**
     * {@return the frame (a JSON array) holding the client commands, as UTF-8 bytes}
     *
     * @param packets the commands, in order
     */
    public byte[] encodeClientFrameBytes(List<? extends ClientPacket> packets) {
        return write(g -> {
            g.writeStartArray();
            for (ClientPacket p : packets) {
                ClientCodec.write(g, p);
            }
            g.writeEndArray();
        });
    }


    /**
     * {@return the frame (a JSON array) holding the server commands, as text}
     *
     * @param packets the commands, in order
     */
    public String encodeServerFrame(List<? extends ServerPacket> packets) {
        return new String(encodeServerFrameBytes(packets), StandardCharsets.UTF_8);
    }

    /**
     * {@return the frame (a JSON array) holding the server commands, as UTF-8 bytes}
     *
     * <p>Encode a broadcast once and send the same bytes to every receiver.
     *
     * @param packets the commands, in order
     */
    public byte[] encodeServerFrameBytes(List<? extends ServerPacket> packets) {
        return write(g -> {
            g.writeStartArray();
            for (ServerPacket p : packets) {
                ServerCodec.write(g, p);
            }
            g.writeEndArray();
        });
    }


    /**
     * {@return one client command as a JSON object (not wrapped in a frame)}
     *
     * @param packet the command
     */
    public String toJson(ClientPacket packet) {
        return new String(write(g -> ClientCodec.write(g, packet)), StandardCharsets.UTF_8);
    }


    /**
     * {@return one server command as a JSON object (not wrapped in a frame)}
     *
     * @param packet the command
     */
    public String toJson(ServerPacket packet) {
        return new String(write(g -> ServerCodec.write(g, packet)), StandardCharsets.UTF_8);
    }


    /** Runs a writer against a fresh generator and returns its UTF-8 bytes (a segmented buffer: no copying as it grows). */
    private byte[] write(Consumer<JsonGenerator> body) {
        try (ByteArrayBuilder out = new ByteArrayBuilder()) {
            try (JsonGenerator g = factory.createGenerator(ObjectWriteContext.empty(), out, JsonEncoding.UTF8)) {
                body.accept(g);
            }
            return out.toByteArray();
        }
    }

    /**
     * Writes one client command object to a generator (for embedding in other JSON).
     *
     * @param g the generator
     * @param packet the command
     */
    public static void write(JsonGenerator g, ClientPacket packet) {
        ClientCodec.write(g, packet);
    }

    /**
     * Writes one server command object to a generator (for embedding in other JSON).
     *
     * @param g the generator
     * @param packet the command
     */
    public static void write(JsonGenerator g, ServerPacket packet) {
        ServerCodec.write(g, packet);
    }
}
