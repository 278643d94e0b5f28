package dev.apwire.codec.jackson;

import dev.apwire.codec.ArchipelagoCodec;
import dev.apwire.codec.CodecLimits;
import dev.apwire.codec.Decoded;
import dev.apwire.codec.JsonValues;
import dev.apwire.codec.MalformedFrameException;
import dev.apwire.codec.internal.FrameDecoder;
import dev.apwire.codec.internal.Streams;
import dev.apwire.json.JsonObject;
import dev.apwire.json.JsonValue;
import dev.apwire.protocol.client.ClientPacket;
import dev.apwire.protocol.server.ServerPacket;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.Version;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.module.SimpleModule;

/**
 * A Jackson module so an application's own {@code ObjectMapper} reads and writes apwire types:
 * {@link ClientPacket}, {@link ServerPacket} (one command object each, same rules and output as
 * {@link ArchipelagoCodec}) and {@link JsonValue} / {@link JsonObject}.
 *
 * <pre>{@code
 * ObjectMapper mapper = JsonMapper.builder().addModule(new ApwireModule()).build();
 * ServerPacket packet = mapper.readValue(json, ServerPacket.class);
 * String text = mapper.writeValueAsString(packet);
 * }</pre>
 *
 * <p>A command that breaks a protocol rule is a {@link MismatchedInputException} whose message is
 * the {@code InvalidPacket} text. Instances are immutable and thread-safe.
 */
// "exports": SimpleModule's module is read "requires static" (databind is optional), not transitive;
// users of this class require tools.jackson.databind themselves.
@SuppressWarnings("exports")
public final class ApwireModule extends SimpleModule {
    private static final long serialVersionUID = 1L;

    /** Creates the module. */
    public ApwireModule() {
        super("apwire", Version.unknownVersion());
        FrameDecoder<ClientPacket> clients = FrameDecoder.clients(Streams.factory(CodecLimits.DEFAULT));
        FrameDecoder<ServerPacket> servers = FrameDecoder.servers(Streams.factory(CodecLimits.DEFAULT));
        addDeserializer(ClientPacket.class, new PacketDeserializer<>(ClientPacket.class, clients));
        addDeserializer(ServerPacket.class, new PacketDeserializer<>(ServerPacket.class, servers));
        addDeserializer(JsonValue.class, new ValueDeserializerImpl<>(JsonValue.class));
        addDeserializer(JsonObject.class, new ValueDeserializerImpl<>(JsonObject.class));
        addSerializer(ClientPacket.class, new ValueSerializer<ClientPacket>() {
            @Override
            public void serialize(ClientPacket value, JsonGenerator g, SerializationContext ctxt) {
                ArchipelagoCodec.write(g, value);
            }
        });
        addSerializer(ServerPacket.class, new ValueSerializer<ServerPacket>() {
            @Override
            public void serialize(ServerPacket value, JsonGenerator g, SerializationContext ctxt) {
                ArchipelagoCodec.write(g, value);
            }
        });
        addSerializer(JsonValue.class, new ValueSerializer<JsonValue>() {
            @Override
            public void serialize(JsonValue value, JsonGenerator g, SerializationContext ctxt) {
                JsonValues.write(g, value);
            }
        });
    }

    /** Reads one command object through the codec's command table. */
    private static final class PacketDeserializer<P> extends ValueDeserializer<P> {
        private final Class<P> type;
        private final FrameDecoder<P> decoder;

        PacketDeserializer(Class<P> type, FrameDecoder<P> decoder) {
            this.type = type;
            this.decoder = decoder;
        }

        @Override
        public P deserialize(JsonParser p, DeserializationContext ctxt) {
            if (p.currentToken() != JsonToken.START_OBJECT) {
                throw MismatchedInputException.from(p, type, "a command must be a JSON object, got " + p.currentToken());
            }
            Decoded<P> d;
            try {
                d = decoder.decodeCommand(p);
            } catch (MalformedFrameException e) {
                throw MismatchedInputException.from(p, type, e.getMessage());
            }
            if (d instanceof Decoded.Problem) {
                throw MismatchedInputException.from(p, type, ((Decoded.Problem<P>) d).invalidPacket().text());
            }
            return ((Decoded.Ok<P>) d).packet();
        }
    }

    /** Reads a JSON value, keeping integers and floats apart. */
    private static final class ValueDeserializerImpl<V extends JsonValue> extends ValueDeserializer<V> {
        private final Class<V> type;

        ValueDeserializerImpl(Class<V> type) {
            this.type = type;
        }

        @Override
        public V deserialize(JsonParser p, DeserializationContext ctxt) {
            JsonValue v;
            try {
                v = JsonValues.read(p);
            } catch (MalformedFrameException e) {
                throw MismatchedInputException.from(p, type, e.getMessage());
            }
            if (!type.isInstance(v)) {
                throw MismatchedInputException.from(p, type, "expected " + type.getSimpleName() + ", got " + v.kind());
            }
            return type.cast(v);
        }

        @Override
        public V getNullValue(DeserializationContext ctxt) {
            return type.isInstance(dev.apwire.json.JsonNull.INSTANCE) ? type.cast(dev.apwire.json.JsonNull.INSTANCE) : null;
        }
    }
}
