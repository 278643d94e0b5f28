package dev.apwire.codec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apwire.json.JsonArray;
import dev.apwire.json.JsonObject;
import dev.apwire.json.JsonValue;
import dev.apwire.protocol.client.ClientCommand;
import dev.apwire.protocol.client.ClientPacket;
import dev.apwire.protocol.server.ServerCommand;
import dev.apwire.protocol.server.ServerPacket;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One parameterised test over every golden frame under {@code golden/{client,server}/<Command>/}:
 * the frame decodes with no problem into packets of the directory's command; re-encoding gives
 * JSON equal to the frame (unknown fields included); decoding the encoding gives equal packets;
 * and the frames captured from the reference server ({@code ref-*}) and written by Python's json encoder
 * with the reference settings ({@code pyenc-*}) re-encode byte for byte.
 */
class GoldenFilesTest {

    private static final ArchipelagoCodec CODEC = ArchipelagoCodec.create();

    /** Reference frames whose unknown fields sit between known ones, so only JSON equality holds. */
    private static final Set<String> REORDERED = Set.of("ref-01-RoomInfo.json");

    static Path goldenRoot() throws URISyntaxException {
        return Paths.get(GoldenFilesTest.class.getResource("/golden").toURI());
    }

    static Stream<Path> goldenFiles() throws IOException, URISyntaxException {
        try (Stream<Path> walk = Files.walk(goldenRoot())) {
            return walk.filter(p -> p.toString().endsWith(".json")).sorted().collect(Collectors.toList()).stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goldenFiles")
    void roundTrips(Path file) throws Exception {
        String frame = Files.readString(file, StandardCharsets.UTF_8).strip();
        String direction = file.getParent().getParent().getFileName().toString();
        String command = file.getParent().getFileName().toString();
        String encoded;
        if (direction.equals("client")) {
            List<ClientPacket> packets = okPackets(CODEC.decodeClientFrame(frame));
            for (ClientPacket p : packets) {
                assertThat(p.command() == ClientCommand.UNKNOWN ? "_unknown" : p.cmd()).isEqualTo(command);
            }
            encoded = CODEC.encodeClientFrame(packets);
            assertThat(okPackets(CODEC.decodeClientFrame(encoded))).isEqualTo(packets);
        } else {
            List<ServerPacket> packets = okPackets(CODEC.decodeServerFrame(frame));
            for (ServerPacket p : packets) {
                assertThat(p.command() == ServerCommand.UNKNOWN ? "_unknown" : p.cmd()).isEqualTo(command);
            }
            encoded = CODEC.encodeServerFrame(packets);
            assertThat(okPackets(CODEC.decodeServerFrame(encoded))).isEqualTo(packets);
        }
        // "class" is optional on input and always written on output, so compare without it.
        assertThat(withoutClass(JsonValues.parse(encoded))).isEqualTo(withoutClass(JsonValues.parse(frame)));
        String name = file.getFileName().toString();
        if ((name.startsWith("ref-") || name.startsWith("pyenc-")) && !REORDERED.contains(name)) {
            assertThat(encoded).as("byte-exact re-encoding of a reference frame").isEqualTo(frame);
        }
    }

    @Test
    void everyCommandHasAGoldenFile() throws Exception {
        List<String> missing = new ArrayList<>();
        for (ClientCommand c : ClientCommand.values()) {
            String dir = c == ClientCommand.UNKNOWN ? "_unknown" : c.wireName();
            if (!hasFiles(goldenRoot().resolve("client").resolve(dir))) {
                missing.add("client/" + dir);
            }
        }
        for (ServerCommand c : ServerCommand.values()) {
            String dir = c == ServerCommand.UNKNOWN ? "_unknown" : c.wireName();
            if (!hasFiles(goldenRoot().resolve("server").resolve(dir))) {
                missing.add("server/" + dir);
            }
        }
        assertThat(missing).as("commands without a golden file").isEmpty();
    }

    @Test
    void everyReferenceFrameIsAGoldenFile() throws Exception {
        Path frames = Paths.get(System.getProperty("user.dir")).resolve("../../shared/spec/frames");
        if (!Files.isDirectory(frames)) {
            return; // the shared spec sits beside the checkout in development and CI
        }
        try (Stream<Path> list = Files.list(frames)) {
            for (Path f : list.filter(p -> p.toString().endsWith(".json")).collect(Collectors.toList())) {
                List<ServerPacket> packets = okPackets(CODEC.decodeServerFrame(Files.readAllBytes(f)));
                assertThat(packets).isNotEmpty();
                assertThat(JsonValues.parse(CODEC.encodeServerFrame(packets)))
                        .isEqualTo(JsonValues.parse(Files.readString(f, StandardCharsets.UTF_8)));
            }
        }
    }

    static JsonValue withoutClass(JsonValue v) {
        if (v instanceof JsonArray) {
            List<JsonValue> out = new ArrayList<>();
            for (JsonValue e : ((JsonArray) v).elements()) {
                out.add(withoutClass(e));
            }
            return JsonArray.of(out);
        }
        if (v instanceof JsonObject) {
            Map<String, JsonValue> out = new LinkedHashMap<>();
            for (Map.Entry<String, JsonValue> e : ((JsonObject) v).members().entrySet()) {
                if (!e.getKey().equals("class")) {
                    out.put(e.getKey(), withoutClass(e.getValue()));
                }
            }
            return JsonObject.of(out);
        }
        return v;
    }

    private static boolean hasFiles(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.anyMatch(p -> p.toString().endsWith(".json"));
        }
    }

    static <P> List<P> okPackets(List<Decoded<P>> decoded) {
        List<P> packets = new ArrayList<>();
        for (Decoded<P> d : decoded) {
            assertThat(d).as("command %d decodes", d.index()).isInstanceOf(Decoded.Ok.class);
            packets.add(((Decoded.Ok<P>) d).packet());
        }
        return packets;
    }
}
