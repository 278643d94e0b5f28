package dev.apwire.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apwire.json.JsonValue;
import dev.apwire.protocol.client.ClientPacket;
import dev.apwire.protocol.server.ServerPacket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The codec as a user who depends on apwire-codec alone gets it: jackson-databind is optional, so it is
 * not there. Run only by the {@code without-databind} Surefire execution of codec/pom.xml, which takes
 * jackson-databind off the test module path; the default execution excludes this class.
 */
class WithoutDatabindTest {

    @Test
    void databindIsReallyAbsent() {
        assertThatThrownBy(() -> Class.forName("tools.jackson.databind.ObjectMapper"))
                .isInstanceOf(ClassNotFoundException.class);
        assertThat(ModuleLayer.boot().findModule("tools.jackson.databind")).isEmpty();
        // the codec runs as the named module, jackson-core beside it
        assertThat(ArchipelagoCodec.class.getModule().getName()).isEqualTo("dev.apwire.codec");
        assertThat(ModuleLayer.boot().findModule("tools.jackson.core")).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "/golden/server/Connected/ref-05-Connected+ReceivedItems-Alice-0.json",
        "/golden/server/DataPackage/ref-02-DataPackage-one-game.json",
        "/golden/server/PrintJSON/ref-13-PrintJSON-Hint.json",
        "/golden/server/PrintJSON/pyenc-escapes.json",
        "/golden/server/SetReply/ref-14-SetReply.json",
    })
    void serverFramesDecodeAndReencodeByteForByte(String resource) throws Exception {
        String frame = read(resource);
        ArchipelagoCodec codec = ArchipelagoCodec.create();
        List<ServerPacket> packets = new ArrayList<>();
        for (Decoded<ServerPacket> d : codec.decodeServerFrame(frame)) {
            assertThat(d).isInstanceOf(Decoded.Ok.class);
            packets.add(((Decoded.Ok<ServerPacket>) d).packet());
        }
        assertThat(codec.encodeServerFrame(packets)).isEqualTo(frame);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "/golden/client/Connect/spec-example.json",
        "/golden/client/Set/every-operation.json",
    })
    void clientFramesDecodeAndReencodeByteForByte(String resource) throws Exception {
        String frame = read(resource);
        ArchipelagoCodec codec = ArchipelagoCodec.create();
        List<ClientPacket> packets = new ArrayList<>();
        for (Decoded<ClientPacket> d : codec.decodeClientFrame(frame)) {
            assertThat(d).isInstanceOf(Decoded.Ok.class);
            packets.add(((Decoded.Ok<ClientPacket>) d).packet());
        }
        assertThat(codec.encodeClientFrame(packets)).isEqualTo(frame);
    }

    @Test
    void malformedFramesAreStillTypedErrors() {
        assertThatThrownBy(() -> ArchipelagoCodec.create().decodeServerFrame("[{\"cmd\":\"Bounced\",\"data\":NaN}]"))
                .isInstanceOf(MalformedFrameException.class);
    }

    @Test
    void jsonValuesRoundTrip() throws Exception {
        JsonValue v = JsonValues.parse("{\"a\":[1,1.0,\"x\",null,true,12345678901234567890]}");
        assertThat(JsonValues.toJson(v)).isEqualTo("{\"a\":[1,1.0,\"x\",null,true,12345678901234567890]}");
    }

    private static String read(String resource) throws Exception {
        try (var in = WithoutDatabindTest.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        }
    }
}
