package dev.apwire.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The {@code validate} command: one line per command, and exit codes 0, 1 and 2. */
class ValidateCommandTest {

    private List<String> lines;
    private String err;

    private int run(String input, String... args) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
        int code = ValidateCommand.run(args, new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(errBytes, true, StandardCharsets.UTF_8));
        String text = out.toString(StandardCharsets.UTF_8);
        lines = text.isEmpty() ? List.of() : List.of(text.split("\n"));
        err = errBytes.toString(StandardCharsets.UTF_8);
        return code;
    }

    @Test
    void validCommandsPrintTheirCanonicalForm() throws Exception {
        int code = run("[{\"cmd\":\"Say\",\"text\":\"hi\"},{\"cmd\":\"Connect\",\"password\":null,\"game\":\"G\",\"name\":\"N\","
                + "\"uuid\":\"u\",\"version\":{\"major\":0,\"minor\":6,\"build\":2},\"items_handling\":7,\"tags\":[]}]", "--from", "client");
        assertThat(code).isZero();
        assertThat(lines).containsExactly(
                "{\"index\":0,\"cmd\":\"Say\",\"ok\":true,\"canonical\":{\"cmd\":\"Say\",\"text\":\"hi\"}}",
                "{\"index\":1,\"cmd\":\"Connect\",\"ok\":true,\"canonical\":{\"cmd\":\"Connect\",\"password\":null,\"game\":\"G\","
                        + "\"name\":\"N\",\"uuid\":\"u\",\"version\":{\"major\":0,\"minor\":6,\"build\":2,\"class\":\"Version\"},"
                        + "\"items_handling\":7,\"tags\":[]}}");
    }

    @Test
    void anInvalidCommandIsReportedAndExitsOne() throws Exception {
        int code = run("[{\"cmd\":\"Get\"},{\"cmd\":\"Sync\"}]", "--from", "client");
        assertThat(code).isEqualTo(1);
        assertThat(lines).containsExactly(
                "{\"index\":0,\"ok\":false,\"problem\":{\"type\":\"arguments\",\"original_cmd\":\"Get\",\"text\":\"Get: `keys` is required\"}}",
                "{\"index\":1,\"cmd\":\"Sync\",\"ok\":true,\"canonical\":{\"cmd\":\"Sync\"}}");
    }

    @Test
    void aFrameErrorExitsTwo() throws Exception {
        assertThat(run("{\"cmd\":\"Sync\"}", "--from", "client")).isEqualTo(2);
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0)).startsWith("{\"ok\":false,\"frame_error\":\"not_an_array: ");
        assertThat(run("[{", "--from", "server")).isEqualTo(2);
        assertThat(lines.get(0)).startsWith("{\"ok\":false,\"frame_error\":\"not_json: ");
    }

    @Test
    void theDirectionMatters() throws Exception {
        assertThat(run("[{\"cmd\":\"RoomUpdate\",\"hint_points\":1}]", "--from", "server")).isZero();
        assertThat(run("[{\"cmd\":\"RoomUpdate\",\"hint_points\":1}]", "--from", "client")).isEqualTo(1);
        assertThat(lines.get(0)).contains("\"type\":\"cmd\"").contains("server-to-client command");
    }

    @Test
    void usageErrorsExitTwo() throws Exception {
        assertThat(run("[]")).isEqualTo(2);
        assertThat(err).contains("usage");
        assertThat(run("[]", "--from", "elsewhere")).isEqualTo(2);
    }
}
