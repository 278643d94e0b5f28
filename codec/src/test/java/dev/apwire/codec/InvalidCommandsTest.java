package dev.apwire.codec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apwire.json.JsonArray;
import dev.apwire.json.JsonObject;
import dev.apwire.json.JsonString;
import dev.apwire.json.JsonValue;
import dev.apwire.protocol.client.ClientCommand;
import dev.apwire.protocol.server.InvalidPacket;
import dev.apwire.protocol.server.ServerCommand;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The table of malformed commands ({@code invalid/client.jsonl}, {@code invalid/server.jsonl}):
 * each yields the right problem type and a text naming the field and rule, and (client frames put
 * the bad command between two valid ones) leaves its siblings decoded.
 */
class InvalidCommandsTest {

    private static final ArchipelagoCodec CODEC = ArchipelagoCodec.create();

    static List<Arguments> cases(String file) throws IOException, MalformedFrameException {
        List<Arguments> out = new ArrayList<>();
        try (InputStream in = InvalidCommandsTest.class.getResourceAsStream("/invalid/" + file)) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank()) {
                    continue;
                }
                JsonObject row = (JsonObject) JsonValues.parse(line);
                out.add(Arguments.of(str(row, "command") + ": " + str(row, "name"), JsonValues.toJson(row.get("frame")),
                        str(row, "type"), str(row, "contains"), ((JsonArray) row.get("frame")).size()));
            }
        }
        return out;
    }

    static List<Arguments> clientCases() throws Exception {
        return cases("client.jsonl");
    }

    static List<Arguments> serverCases() throws Exception {
        return cases("server.jsonl");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("clientCases")
    void clientCommandProblem(String name, String frame, String type, String contains, int size) throws Exception {
        List<? extends Decoded<?>> results = CODEC.decodeClientFrame(frame);
        check(results, type, contains, size);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("serverCases")
    void serverCommandProblem(String name, String frame, String type, String contains, int size) throws Exception {
        List<? extends Decoded<?>> results = CODEC.decodeServerFrame(frame);
        check(results, type, contains, size);
    }

    private static void check(List<? extends Decoded<?>> results, String type, String contains, int size) {
        assertThat(results).hasSize(size);
        int bad = size == 3 ? 1 : 0;
        for (int i = 0; i < size; i++) {
            if (i != bad) {
                assertThat(results.get(i)).as("sibling %d", i).isInstanceOf(Decoded.Ok.class);
            }
        }
        assertThat(results.get(bad)).isInstanceOf(Decoded.Problem.class);
        InvalidPacket problem = ((Decoded.Problem<?>) results.get(bad)).invalidPacket();
        assertThat(problem.type().name()).isEqualTo(type);
        assertThat(problem.text()).contains(contains);
    }

    @Test
    void everyCommandWithArgumentsHasAnInvalidCase() throws Exception {
        Set<String> covered = new TreeSet<>();
        for (String f : List.of("client.jsonl", "server.jsonl")) {
            for (Arguments a : cases(f)) {
                covered.add(((String) a.get()[0]).split(":")[0]);
            }
        }
        List<String> missing = new ArrayList<>();
        for (ClientCommand c : ClientCommand.values()) {
            if (c != ClientCommand.UNKNOWN && c != ClientCommand.SYNC && !covered.contains(c.wireName())) {
                missing.add(c.wireName());
            }
        }
        for (ServerCommand c : ServerCommand.values()) {
            if (c != ServerCommand.UNKNOWN && !covered.contains(c.wireName())) {
                missing.add(c.wireName());
            }
        }
        assertThat(missing).as("commands without an invalid-input case").isEmpty();
    }

    private static String str(JsonObject o, String key) {
        JsonValue v = o.get(key);
        return ((JsonString) v).value();
    }
}
