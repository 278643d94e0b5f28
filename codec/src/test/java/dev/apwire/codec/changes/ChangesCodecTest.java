package dev.apwire.codec.changes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apwire.changes.ChangesClientPacket;
import dev.apwire.changes.ChangesHub;
import dev.apwire.changes.ChangesPacket;
import dev.apwire.changes.ChangesServerPacket;
import dev.apwire.changes.ErrorCode;
import dev.apwire.changes.HubConfig;
import dev.apwire.changes.MetadataChange;
import dev.apwire.changes.OpenChange;
import dev.apwire.changes.Opened;
import dev.apwire.changes.Target;
import dev.apwire.codec.CodecLimits;
import dev.apwire.codec.MalformedFrameException;
import dev.apwire.json.JsonArray;
import dev.apwire.json.JsonNull;
import dev.apwire.json.JsonObject;
import dev.apwire.json.JsonValue;
import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChangesCodecTest {
    private final ChangesCodec codec = new ChangesCodec();

    private ChangesClientPacket client(String frame) throws MalformedFrameException {
        ChangesDecoded<ChangesClientPacket> d = codec.decodeClient(frame);
        assertThat(d).isInstanceOf(DecodedPacket.class);
        return ((DecodedPacket<ChangesClientPacket>) d).packet();
    }

    @Test
    void decodesThePropertiesPacketOfTheSeed() throws Exception {
        ChangesClientPacket p = client("{\"to\": \"server\", \"type\": \"changes\", \"data\": {\"key\": \"value\", \"key2\": \"value2\"}}");
        assertThat(p).isEqualTo(ChangesClientPacket.of(Target.server(), "changes",
                JsonObject.of("key", JsonValue.of("value"), "key2", JsonValue.of("value2"))));
    }

    @Test
    void decodesARelayWithWildcardAndAnyData() throws Exception {
        ChangesClientPacket p = client("{\"type\":\"chat\",\"to\":[\"*\",\"0123\"],\"data\":[1,2.5,null,{\"a\":true}]}");
        assertThat(p.to()).isEqualTo(Target.tokens("*", "0123"));
        assertThat(p.type()).isEqualTo("chat");
        assertThat(p.data()).isEqualTo(JsonArray.of(JsonValue.of(1), JsonValue.of(2.5), JsonNull.INSTANCE,
                JsonObject.of("a", JsonValue.of(true))));
        assertThat(p.extras()).isEqualTo(JsonObject.EMPTY);
    }

    @Test
    void missingDataReadsAsNull() throws Exception {
        assertThat(client("{\"to\":[],\"type\":\"ping\"}").data()).isEqualTo(JsonNull.INSTANCE);
    }

    @Test
    void unknownFieldsAreKeptInOrderAndWrittenBack() throws Exception {
        String frame = "{\"to\":[\"ab\"],\"type\":\"chat\",\"data\":\"hi\",\"id\":7,\"meta\":{\"z\":1,\"a\":[]}}";
        ChangesClientPacket p = client(frame);
        assertThat(p.extras().members().keySet()).containsExactly("id", "meta");
        assertThat(codec.encode(p)).isEqualTo(frame);
        String reordered = "{\"id\":7,\"data\":\"hi\",\"type\":\"chat\",\"to\":[\"ab\"]}";
        assertThat(codec.encode(client(reordered))).isEqualTo("{\"to\":[\"ab\"],\"type\":\"chat\",\"data\":\"hi\",\"id\":7}");
    }

    @Test
    void encodesServerPacketsCompactlyInFieldOrder() {
        ChangesServerPacket p = new ChangesServerPacket("ab", "chat", JsonObject.of("text", JsonValue.of("h\u00e9 \"x\"")),
                JsonObject.of("id", JsonValue.of(7)));
        assertThat(codec.encode(p)).isEqualTo("{\"from\":\"ab\",\"type\":\"chat\",\"data\":{\"text\":\"h\u00e9 \\\"x\\\"\"},\"id\":7}");
        assertThat(codec.encode(ChangesServerPacket.of("server", "error", JsonValue.of(1.0))))
                .isEqualTo("{\"from\":\"server\",\"type\":\"error\",\"data\":1.0}");
    }

    @Test
    void theHubsSnapshotRoundTripsThroughText() throws Exception {
        ChangesHub hub = new ChangesHub(HubConfig.DEFAULT, new SplittableRandom(1));
        Opened o = hub.open(Instant.EPOCH);
        ChangesServerPacket sent = o.step().deliveries().get(0).packet();
        String text = codec.encode(sent);
        assertThat(text).isEqualTo("{\"from\":\"server\",\"type\":\"changes\",\"data\":[{\"type\":\"open\",\"token\":\""
                + o.token() + "\"},{\"type\":\"metadata\",\"token\":\"" + o.token() + "\"}]}");
        ChangesDecoded<ChangesServerPacket> back = codec.decodeServer(text);
        assertThat(back).isEqualTo(new DecodedPacket<>(sent));
        assertThat(ChangesPacket.from(sent).changes()).containsExactly(new OpenChange(o.token()), new MetadataChange(o.token()));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "[]                                        | NOT_AN_OBJECT",
        "`\"server\"`                              | NOT_AN_OBJECT",
        "null                                      | NOT_AN_OBJECT",
        "{}                                        | MISSING_FIELD",
        "{\"type\":\"x\"}                          | MISSING_FIELD",
        "{\"to\":\"server\"}                       | MISSING_FIELD",
        "{\"to\":5,\"type\":\"x\"}                 | WRONG_TYPE",
        "{\"to\":\"everyone\",\"type\":\"x\"}      | WRONG_TYPE",
        "{\"to\":{},\"type\":\"x\"}                | WRONG_TYPE",
        "{\"to\":[\"a\",1],\"type\":\"x\"}         | WRONG_TYPE",
        "{\"to\":\"server\",\"type\":3}            | WRONG_TYPE",
        "{\"to\":\"server\",\"type\":null}         | WRONG_TYPE",
        "{\"to\":\"server\",\"type\":\"a\",\"type\":\"b\"} | DUPLICATE_FIELD",
    })
    void badShapesAreTypedProblems(String frame, ShapeProblem.Kind kind) throws Exception {
        ChangesDecoded<ChangesClientPacket> d = codec.decodeClient(frame.strip());
        assertThat(d).isInstanceOf(ShapeProblem.class);
        assertThat(((ShapeProblem<ChangesClientPacket>) d).kind()).isEqualTo(kind);
        assertThat(((ShapeProblem<ChangesClientPacket>) d).message()).isNotBlank();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "``                                         | NOT_JSON",
        "{                                          | NOT_JSON",
        "{\"to\":\"server\",}                       | NOT_JSON",
        "`{\"to\":\"server\",\"type\":\"x\"} {}`    | NOT_JSON",
        "[1,]                                       | NOT_JSON",
        "{\"to\":[],\"type\":\"x\",\"data\":NaN}    | NON_FINITE_NUMBER",
        "{\"to\":[],\"type\":\"x\",\"data\":1e999}  | NON_FINITE_NUMBER",
    })
    void malformedFramesThrow(String frame, MalformedFrameException.Kind kind) {
        assertThatThrownBy(() -> codec.decodeClient(frame.strip()))
                .isInstanceOfSatisfying(MalformedFrameException.class, e -> assertThat(e.kind()).isEqualTo(kind));
    }

    @Test
    void limitsAreTypedErrorsAndMapToErrorCodes() {
        ChangesCodec small = new ChangesCodec(new CodecLimits(100, 3, 10, 20));
        String big = "{\"to\":[],\"type\":\"x\",\"data\":\"" + "a".repeat(100) + "\"}";
        assertThatThrownBy(() -> small.decodeClient(big)).isInstanceOfSatisfying(MalformedFrameException.class, e -> {
            assertThat(e.kind()).isEqualTo(MalformedFrameException.Kind.TOO_LARGE);
            assertThat(ChangesCodec.errorCode(e)).isEqualTo(ErrorCode.FRAME_TOO_LARGE);
        });
        String multiByte = "{\"to\":[],\"type\":\"x\",\"data\":\"" + "\u00e9".repeat(40) + "\"}";
        assertThat(multiByte.length()).isLessThan(100);
        assertThatThrownBy(() -> small.decodeClient(multiByte)).isInstanceOfSatisfying(MalformedFrameException.class,
                e -> assertThat(e.kind()).isEqualTo(MalformedFrameException.Kind.TOO_LARGE));
        assertThatThrownBy(() -> small.decodeClient("{\"to\":[],\"type\":\"x\",\"data\":[[[[1]]]]}"))
                .isInstanceOfSatisfying(MalformedFrameException.class, e -> {
                    assertThat(e.kind()).isEqualTo(MalformedFrameException.Kind.TOO_DEEP);
                    assertThat(ChangesCodec.errorCode(e)).isEqualTo(ErrorCode.MALFORMED_FRAME);
                });
        assertThatThrownBy(() -> small.decodeClient("{\"to\":[],\"type\":\"x\",\"data\":12345678901234}"))
                .isInstanceOfSatisfying(MalformedFrameException.class,
                        e -> assertThat(e.kind()).isEqualTo(MalformedFrameException.Kind.NUMBER_TOO_LONG));
        assertThatThrownBy(() -> small.decodeClient("{\"to\":[],\"type\":\"xxxxxxxxxxxxxxxxxxxxxxxxx\"}"))
                .isInstanceOfSatisfying(MalformedFrameException.class,
                        e -> assertThat(e.kind()).isEqualTo(MalformedFrameException.Kind.STRING_TOO_LONG));
    }

    @Test
    void serverFramesHaveTheirOwnShapeChecks() throws Exception {
        assertThat(codec.decodeServer("{\"type\":\"x\"}")).isInstanceOf(ShapeProblem.class);
        assertThat(codec.decodeServer("{\"from\":1,\"type\":\"x\"}")).isInstanceOf(ShapeProblem.class);
        assertThat(codec.decodeServer("{\"from\":\"ab\",\"type\":\"x\",\"seq\":1}"))
                .isEqualTo(new DecodedPacket<>(new ChangesServerPacket("ab", "x", JsonNull.INSTANCE,
                        JsonObject.of("seq", JsonValue.of(1)))));
    }
}
