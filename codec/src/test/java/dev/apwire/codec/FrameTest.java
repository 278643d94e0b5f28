package dev.apwire.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apwire.codec.MalformedFrameException.Kind;
import dev.apwire.json.JsonFloat;
import dev.apwire.json.JsonInt;
import dev.apwire.protocol.client.ClientPacket;
import dev.apwire.protocol.client.SayPacket;
import dev.apwire.protocol.client.SetPacket;
import dev.apwire.protocol.client.UnknownClientPacket;
import dev.apwire.protocol.server.ServerPacket;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Frame-level behaviour: batching, typed frame errors, limits, unknown commands, order of keys. */
class FrameTest {

    private static final ArchipelagoCodec CODEC = ArchipelagoCodec.create();

    @Test
    void nCommandsInOneFrameDecodeAsNFramesDo() throws Exception {
        List<String> singles = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(GoldenFilesTest.goldenRoot().resolve("server"))) {
            for (Path p : walk.filter(f -> f.toString().endsWith(".json")).sorted().collect(Collectors.toList())) {
                singles.add(Files.readString(p, StandardCharsets.UTF_8).strip());
            }
        }
        List<ServerPacket> one = new ArrayList<>();
        StringBuilder batch = new StringBuilder("[");
        for (String frame : singles) {
            one.addAll(GoldenFilesTest.okPackets(CODEC.decodeServerFrame(frame)));
            if (batch.length() > 1) {
                batch.append(',');
            }
            batch.append(frame, 1, frame.length() - 1);
        }
        batch.append(']');
        List<ServerPacket> batched = GoldenFilesTest.okPackets(CODEC.decodeServerFrame(batch.toString()));
        assertThat(batched).hasSize(singles.size()).isEqualTo(one);
        assertThat(CODEC.encodeServerFrame(batched)).isEqualTo(CODEC.encodeServerFrame(one));
    }

    @Test
    void emptyFrameIsNoCommands() throws Exception {
        assertThat(CODEC.decodeClientFrame("[]")).isEmpty();
        assertThat(CODEC.encodeClientFrame(List.of())).isEqualTo("[]");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"cmd\":\"Sync\"}|NOT_AN_ARRAY",
        "\"abc\"|NOT_AN_ARRAY",
        "42|NOT_AN_ARRAY",
        "null|NOT_AN_ARRAY",
        "[{\"cmd\":\"Sync\"}|NOT_JSON",
        "[{\"cmd\":\"Sync\"}] []|NOT_JSON",
        "\uFEFF[]|NOT_JSON",
        "[{\"cmd\":'Sync'}]|NOT_JSON",
        "|NOT_JSON",
        "[{\"cmd\":\"Set\",\"key\":\"k\",\"operations\":[{\"operation\":\"add\",\"value\":NaN}]}]|NON_FINITE_NUMBER",
        "[{\"cmd\":\"Set\",\"key\":\"k\",\"operations\":[{\"operation\":\"add\",\"value\":-Infinity}]}]|NON_FINITE_NUMBER",
        "[{\"cmd\":\"Set\",\"key\":\"k\",\"operations\":[{\"operation\":\"add\",\"value\":1e999}]}]|NON_FINITE_NUMBER",
    })
    void framesThatAreNotCommandListsAreTypedErrors(String frame, Kind kind) {
        String text = frame == null ? "" : frame;
        assertThatThrownBy(() -> CODEC.decodeClientFrame(text))
                .isInstanceOf(MalformedFrameException.class)
                .satisfies(e -> assertThat(((MalformedFrameException) e).kind()).isEqualTo(kind));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"cmd\":\"Sync\"}|an object",
        "\"abc\"|string \"abc\"",
        "42|integer 42",
        "null|null",
    })
    void aFrameThatIsNotAnArraySaysWhatItIs(String frame, String got) {
        assertThatThrownBy(() -> CODEC.decodeServerFrame(frame))
                .isInstanceOf(MalformedFrameException.class)
                .hasMessage("a frame must be a JSON array of command objects, got " + got);
    }

    @Test
    void deepNestingIsRefusedWithoutStackOverflow() {
        String deep = "[{\"cmd\":\"Bounce\",\"data\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}]";
        assertKind(() -> CODEC.decodeClientFrame(deep), Kind.TOO_DEEP);
    }

    @Test
    void hugeNumbersAndStringsAreRefused() {
        assertKind(() -> CODEC.decodeClientFrame("[{\"cmd\":\"Say\",\"text\":1" + "0".repeat(5000) + "}]"), Kind.NUMBER_TOO_LONG);
        ArchipelagoCodec small = ArchipelagoCodec.create(new CodecLimits(1 << 20, 16, 50, 1000));
        assertKind(() -> small.decodeClientFrame("[{\"cmd\":\"Say\",\"text\":\"" + "x".repeat(2000) + "\"}]"), Kind.STRING_TOO_LONG);
        assertKind(() -> small.decodeClientFrame("[{\"cmd\":\"Say\",\"" + "k".repeat(2000) + "\":1}]"), Kind.STRING_TOO_LONG);
        ArchipelagoCodec tiny = ArchipelagoCodec.create(new CodecLimits(100, 16, 50, 1000));
        assertKind(() -> tiny.decodeClientFrame("[" + "{\"cmd\":\"Sync\"},".repeat(20) + "{\"cmd\":\"Sync\"}]"), Kind.TOO_LARGE);
        assertKind(() -> tiny.decodeClientFrame(("[" + "{\"cmd\":\"Sync\"},".repeat(20) + "{\"cmd\":\"Sync\"}]")
                .getBytes(StandardCharsets.UTF_8)), Kind.TOO_LARGE);
    }

    @Test
    void bigIntegersWithinTheLimitStayExact() throws Exception {
        String big = "1" + "0".repeat(4000);
        SetPacket set = (SetPacket) ok(CODEC.decodeClientFrame(
                "[{\"cmd\":\"Set\",\"key\":\"k\",\"default\":" + big + ",\"operations\":[{\"operation\":\"add\",\"value\":1.0}]}]").get(0));
        assertThat(set.defaultValue()).isEqualTo(JsonInt.of(new BigInteger(big)));
        assertThat(set.operations().get(0).value()).isEqualTo(new JsonFloat(1.0)).isNotEqualTo(JsonInt.of(1));
        assertThat(CODEC.encodeClientFrame(List.of(set))).contains(big).contains("\"value\":1.0");
    }

    @Test
    void unknownCommandsAndFieldsAreKeptInOrder() throws Exception {
        String frame = "[{\"cmd\":\"Teleport\",\"z\":1,\"a\":[true,null]},{\"cmd\":\"Say\",\"text\":\"hi\",\"zeta\":1,\"alpha\":{\"b\":2}}]";
        List<Decoded<ClientPacket>> decoded = CODEC.decodeClientFrame(frame);
        UnknownClientPacket unknown = (UnknownClientPacket) ok(decoded.get(0));
        assertThat(unknown.cmd()).isEqualTo("Teleport");
        assertThat(unknown.extras().members().keySet()).containsExactly("z", "a");
        SayPacket say = (SayPacket) ok(decoded.get(1));
        assertThat(say.extras().members().keySet()).containsExactly("zeta", "alpha");
        assertThat(CODEC.encodeClientFrame(List.of(unknown, say))).isEqualTo(frame);
    }

    @Test
    void cmdNeedNotComeFirstAndDuplicateKeysKeepTheLast() throws Exception {
        List<Decoded<ClientPacket>> decoded = CODEC.decodeClientFrame(
                "[{\"text\":\"first\",\"x\":1,\"cmd\":\"Say\",\"text\":\"second\"},{\"text\":5,\"cmd\":\"Say\"},{\"cmd\":\"Sync\"}]");
        assertThat(ok(decoded.get(0))).isEqualTo(new SayPacket("second", dev.apwire.json.JsonObject.of("x", JsonInt.of(1))));
        assertThat(decoded.get(1)).isInstanceOf(Decoded.Problem.class);
        assertThat(((Decoded.Problem<ClientPacket>) decoded.get(1)).invalidPacket().originalCmd()).isEqualTo("Say");
        assertThat(decoded.get(2)).isInstanceOf(Decoded.Ok.class);
        assertThat(decoded.get(1).index()).isEqualTo(1);
    }

    @Test
    void elementsThatAreNotCommandsAreFatalProblemsLikeTheReference() throws Exception {
        List<Decoded<ClientPacket>> decoded = CODEC.decodeClientFrame("[1,\"x\",{},{\"foo\":1},{\"cmd\":null},{\"cmd\":\"Sync\"}]");
        assertThat(decoded).hasSize(6);
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Decoded.Problem<ClientPacket> p = (Decoded.Problem<ClientPacket>) decoded.get(i);
            texts.add(p.invalidPacket().text() + (p.fatal() ? " [fatal]" : ""));
            assertThat(p.invalidPacket().type().name()).isEqualTo("cmd");
            assertThat(p.invalidPacket().originalCmd()).isNull();
        }
        assertThat(texts).containsExactly(
                "Could not get command from 1 at `cmd` [fatal]",
                "Could not get command from 'x' at `cmd` [fatal]",
                "Could not get command from {} at `cmd` [fatal]",
                "Could not get command from {'foo': 1} at `cmd` [fatal]",
                "Command should be str, got <class 'NoneType'>");
        assertThat(decoded.get(5)).isInstanceOf(Decoded.Ok.class);
    }

    @Test
    void aProblemDeepInsideACommandSkipsExactlyThatCommand() throws Exception {
        String frame = "[{\"cmd\":\"ReceivedItems\",\"index\":0,\"items\":[{\"item\":1,\"location\":2,\"player\":\"x\",\"flags\":0,"
                + "\"deep\":[[[{\"a\":[1,2,{\"b\":[]}]}]]]},{\"item\":3}],\"tail\":{\"x\":[1]}},{\"cmd\":\"RoomUpdate\",\"hint_points\":3}]";
        List<Decoded<ServerPacket>> decoded = CODEC.decodeServerFrame(frame);
        assertThat(decoded).hasSize(2);
        assertThat(((Decoded.Problem<ServerPacket>) decoded.get(0)).invalidPacket().text())
                .isEqualTo("ReceivedItems: `items[0].player` must be an integer within 32 bits, got string \"x\"");
        assertThat(decoded.get(1)).isInstanceOf(Decoded.Ok.class);
    }

    private static <P> P ok(Decoded<P> d) {
        assertThat(d).isInstanceOf(Decoded.Ok.class);
        return ((Decoded.Ok<P>) d).packet();
    }

    private interface Call {
        void run() throws Exception;
    }

    private static void assertKind(Call call, Kind kind) {
        assertThatThrownBy(call::run).isInstanceOf(MalformedFrameException.class)
                .satisfies(e -> assertThat(((MalformedFrameException) e).kind()).as(e.getMessage()).isEqualTo(kind));
    }
}
