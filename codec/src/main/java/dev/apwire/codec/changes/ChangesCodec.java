package dev.apwire.codec.changes;

import dev.apwire.changes.ChangesClientPacket;
import dev.apwire.changes.ChangesServerPacket;
import dev.apwire.changes.ErrorCode;
import dev.apwire.changes.ServerTarget;
import dev.apwire.changes.Target;
import dev.apwire.changes.TokensTarget;
import dev.apwire.codec.CodecLimits;
import dev.apwire.codec.JsonValues;
import dev.apwire.codec.MalformedFrameException;
import dev.apwire.codec.internal.Streams;
import dev.apwire.json.JsonArray;
import dev.apwire.json.JsonNull;
import dev.apwire.json.JsonObject;
import dev.apwire.json.JsonString;
import dev.apwire.json.JsonValue;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonEncoding;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/**
 * The JSON of the token changes protocol: decodes text frames into {@link ChangesClientPacket}s (server side)
 * or {@link ChangesServerPacket}s (client side) and encodes both compactly.
 *
 * <p>Decoding has two kinds of failure. A frame that is not one JSON value within the {@link CodecLimits}
 * throws {@link MalformedFrameException}; valid JSON that is not a packet is a {@link ShapeProblem} value.
 * Fields other than the packet's own are kept, in order, in the packet's {@code extras} and written back
 * after the packet's own fields. A missing {@code data} reads as {@code null}.
 *
 * <p>Immutable and thread-safe.
 */
public final class ChangesCodec {

    /**
     * Limits for frames from clients of a relay: 64 KiB frames, depth 32, numbers of up to 64 characters,
     * strings of up to 64 KiB.
     */
    public static final CodecLimits DEFAULT_LIMITS = new CodecLimits(64 << 10, 32, 64, 64 << 10);

    private final CodecLimits limits;
    private final JsonFactory factory;

    /** Creates a codec with {@link #DEFAULT_LIMITS}. */
    public ChangesCodec() {
        this(DEFAULT_LIMITS);
    }

    /**
     * Creates a codec.
     *
     * @param limits the limits on decoded frames
     */
    public ChangesCodec(CodecLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.factory = Streams.factory(limits);
    }

    /** {@return the limits on decoded frames} */
    public CodecLimits limits() {
        return limits;
    }

    /**
     * {@return the error code a server answers a malformed frame with: {@link ErrorCode#FRAME_TOO_LARGE} for
     * an oversized frame, {@link ErrorCode#MALFORMED_FRAME} otherwise}
     *
     * @param e the decoding failure
     */
    public static ErrorCode errorCode(MalformedFrameException e) {
        return e.kind() == MalformedFrameException.Kind.TOO_LARGE ? ErrorCode.FRAME_TOO_LARGE : ErrorCode.MALFORMED_FRAME;
    }

    /**
     * Decodes a client's text frame.
     *
     * @param frame the frame's text
     * @return the packet, or the problem with its shape
     * @throws MalformedFrameException if the frame is not one JSON value within the limits
     */
    public ChangesDecoded<ChangesClientPacket> decodeClient(String frame) throws MalformedFrameException {
        Frame f = readFrame(frame);
        JsonValue value = f.value();
        if (!(value instanceof JsonObject)) {
            return new ShapeProblem<>(ShapeProblem.Kind.NOT_AN_OBJECT, "a packet must be a JSON object, not " + value.kind());
        }
        if (f.duplicate() != null) {
            return new ShapeProblem<>(ShapeProblem.Kind.DUPLICATE_FIELD, "a packet must not repeat the field '" + f.duplicate() + "'");
        }
        LinkedHashMap<String, JsonValue> extras = new LinkedHashMap<>(((JsonObject) value).members());
        JsonValue to = extras.remove("to");
        JsonValue type = extras.remove("type");
        JsonValue data = extras.remove("data");
        if (to == null) {
            return missing("to");
        }
        Target target;
        if (to instanceof JsonString) {
            if (!((JsonString) to).value().equals(ServerTarget.WIRE)) {
                return new ShapeProblem<>(ShapeProblem.Kind.WRONG_TYPE,
                        "'to' must be \"server\" or an array of tokens, not the string " + to);
            }
            target = Target.server();
        } else if (to instanceof JsonArray) {
            List<String> tokens = new ArrayList<>(((JsonArray) to).size());
            for (JsonValue t : ((JsonArray) to).elements()) {
                if (!(t instanceof JsonString)) {
                    return new ShapeProblem<>(ShapeProblem.Kind.WRONG_TYPE,
                            "'to' must hold only token strings (or \"*\"), not " + t.kind());
                }
                tokens.add(((JsonString) t).value());
            }
            target = new TokensTarget(tokens);
        } else {
            return new ShapeProblem<>(ShapeProblem.Kind.WRONG_TYPE,
                    "'to' must be \"server\" or an array of tokens, not " + to.kind());
        }
        ShapeProblem<ChangesClientPacket> typeProblem = checkType(type);
        if (typeProblem != null) {
            return typeProblem;
        }
        return new DecodedPacket<>(new ChangesClientPacket(target, ((JsonString) type).value(),
                data == null ? JsonNull.INSTANCE : data, JsonObject.adopt(extras)));
    }

    /**
     * Decodes a server's text frame (for clients of the protocol).
     *
     * @param frame the frame's text
     * @return the packet, or the problem with its shape
     * @throws MalformedFrameException if the frame is not one JSON value within the limits
     */
    public ChangesDecoded<ChangesServerPacket> decodeServer(String frame) throws MalformedFrameException {
        Frame f = readFrame(frame);
        JsonValue value = f.value();
        if (!(value instanceof JsonObject)) {
            return new ShapeProblem<>(ShapeProblem.Kind.NOT_AN_OBJECT, "a packet must be a JSON object, not " + value.kind());
        }
        if (f.duplicate() != null) {
            return new ShapeProblem<>(ShapeProblem.Kind.DUPLICATE_FIELD, "a packet must not repeat the field '" + f.duplicate() + "'");
        }
        LinkedHashMap<String, JsonValue> extras = new LinkedHashMap<>(((JsonObject) value).members());
        JsonValue from = extras.remove("from");
        JsonValue type = extras.remove("type");
        JsonValue data = extras.remove("data");
        if (from == null) {
            return missing("from");
        }
        if (!(from instanceof JsonString)) {
            return new ShapeProblem<>(ShapeProblem.Kind.WRONG_TYPE, "'from' must be a string, not " + from.kind());
        }
        ShapeProblem<ChangesServerPacket> typeProblem = checkType(type);
        if (typeProblem != null) {
            return typeProblem;
        }
        return new DecodedPacket<>(new ChangesServerPacket(((JsonString) from).value(), ((JsonString) type).value(),
                data == null ? JsonNull.INSTANCE : data, JsonObject.adopt(extras)));
    }

    /**
     * {@return the compact JSON text of a server packet: {@code from}, {@code type}, {@code data}, then the
     * extra fields}
     *
     * @param packet the packet
     */
    public String encode(ChangesServerPacket packet) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = factory.createGenerator(ObjectWriteContext.empty(), out, JsonEncoding.UTF8)) {
            g.writeStartObject();
            g.writeName("from");
            g.writeString(packet.from());
            writeRest(g, packet.type(), packet.data(), packet.extras());
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /**
     * {@return the compact JSON text of a client packet: {@code to}, {@code type}, {@code data}, then the
     * extra fields}
     *
     * @param packet the packet
     */
    public String encode(ChangesClientPacket packet) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = factory.createGenerator(ObjectWriteContext.empty(), out, JsonEncoding.UTF8)) {
            g.writeStartObject();
            g.writeName("to");
            if (packet.to() instanceof ServerTarget) {
                g.writeString(ServerTarget.WIRE);
            } else {
                List<String> tokens = ((TokensTarget) packet.to()).tokens();
                g.writeStartArray(tokens, tokens.size());
                for (String t : tokens) {
                    g.writeString(t);
                }
                g.writeEndArray();
            }
            writeRest(g, packet.type(), packet.data(), packet.extras());
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static void writeRest(JsonGenerator g, String type, JsonValue data, JsonObject extras) {
        g.writeName("type");
        g.writeString(type);
        g.writeName("data");
        JsonValues.write(g, data);
        for (Map.Entry<String, JsonValue> e : extras.members().entrySet()) {
            g.writeName(e.getKey());
            JsonValues.write(g, e.getValue());
        }
        g.writeEndObject();
    }

    private static <P> ShapeProblem<P> missing(String field) {
        return new ShapeProblem<>(ShapeProblem.Kind.MISSING_FIELD, "a packet must have '" + field + "'");
    }

    private static <P> @Nullable ShapeProblem<P> checkType(@Nullable JsonValue type) {
        if (type == null) {
            return missing("type");
        }
        if (!(type instanceof JsonString)) {
            return new ShapeProblem<>(ShapeProblem.Kind.WRONG_TYPE, "'type' must be a string, not " + type.kind());
        }
        return null;
    }

    /** A frame's JSON value and the first field its top-level object repeats, if any. */
    private record Frame(JsonValue value, @Nullable String duplicate) {
    }

    /** Reads the frame's one JSON value, noting a repeated top-level field (last one wins). */
    private Frame readFrame(String frame) throws MalformedFrameException {
        if (frame.length() > limits.maxFrameBytes() || utf8Length(frame) > limits.maxFrameBytes()) {
            throw new MalformedFrameException(MalformedFrameException.Kind.TOO_LARGE,
                    "frame is larger than " + limits.maxFrameBytes() + " bytes");
        }
        try (JsonParser p = factory.createParser(ObjectReadContext.empty(), frame)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                throw new MalformedFrameException(MalformedFrameException.Kind.NOT_JSON, "empty frame");
            }
            JsonValue value;
            String duplicate = null;
            if (first == JsonToken.START_OBJECT) {
                LinkedHashMap<String, JsonValue> members = new LinkedHashMap<>();
                String name;
                while ((name = p.nextName()) != null) {
                    p.nextToken();
                    if (members.put(name, JsonValues.read(p)) != null && duplicate == null) {
                        duplicate = name;
                    }
                }
                value = JsonObject.adopt(members);
            } else {
                value = JsonValues.read(p);
            }
            if (p.nextToken() != null) {
                throw new MalformedFrameException(MalformedFrameException.Kind.NOT_JSON, "trailing data after the JSON value");
            }
            return new Frame(value, duplicate);
        } catch (JacksonException e) {
            throw Streams.malformed(e);
        }
    }

    private static long utf8Length(String s) {
        long n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            n += c < 0x80 ? 1 : c < 0x800 || Character.isSurrogate(c) ? 2 : 3;
        }
        return n;
    }
}
