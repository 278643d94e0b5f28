package dev.apwire.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class StorageCommandTest {

    private static String[] run(String input) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        assertThat(StorageCommand.run(new StringReader(input), out)).isZero();
        return bytes.toString(StandardCharsets.UTF_8).split("\n", -1);
    }

    @Test
    void printsOneLinePerInput() throws Exception {
        String[] lines = run(String.join("\n",
                "{\"value\": 1, \"operations\": [{\"operation\": \"add\", \"value\": 2}]}",
                "{\"default\": [1], \"operations\": [{\"operation\": \"update\", \"value\": [1, 2, 2]}]}",
                "{\"operations\": [{\"operation\": \"add\", \"value\": 5}]}",
                "{\"value\": 1, \"operations\": [{\"operation\": \"add\", \"value\": 2.5}]}",
                "{\"value\": 2, \"operations\": [{\"operation\": \"pow\", \"value\": 100}]}",
                "{\"value\": \"hi %s\", \"operations\": [{\"operation\": \"mod\", \"value\": [true, null]}]}",
                "{\"value\": {\"a\": 1}, \"operations\": [{\"operation\": \"or\", \"value\": {\"b\": 2.0}}]}",
                ""));
        assertThat(lines).containsExactly(
                "{\"ok\":true,\"value\":3}",
                "{\"ok\":true,\"value\":[1,2,2]}",
                "{\"ok\":true,\"value\":5}",
                "{\"ok\":true,\"value\":3.5}",
                "{\"ok\":true,\"value\":1267650600228229401496703205376}",
                "{\"ok\":true,\"value\":\"hi [True, None]\"}",
                "{\"ok\":true,\"value\":{\"a\":1,\"b\":2.0}}",
                "");
    }

    @Test
    void reportsErrorsAndKeepsReading() throws Exception {
        String[] lines = run(String.join("\n",
                "{\"value\": [1], \"operations\": [{\"operation\": \"add\", \"value\": 2}]}",
                "not json",
                "{\"value\": 2, \"operations\": [{\"operation\": \"pow\", \"value\": 1000000000000000}]}",
                "{\"value\": 1, \"operations\": [{\"operation\": \"nope\", \"value\": 2}]}",
                "{\"value\": 1, \"operations\": [{\"operation\": \"add\"}]}",
                "{\"value\": 1, \"operations\": [{\"value\": 1}]}",
                "{\"value\": 1}",
                "{\"value\": NaN, \"operations\": []}",
                "{\"value\": 1, \"operations\": []} trailing",
                "   ",
                "{\"value\": 7, \"operations\": [{\"operation\": \"mod\", \"value\": 0}]}"));
        assertThat(lines).hasSize(11);
        assertThat(lines[0]).isEqualTo("{\"ok\":false,\"error\":\"add: unsupported operand type(s) for +: 'list' and 'int'\"}");
        assertThat(lines[1]).startsWith("{\"ok\":false,\"error\":\"input: ");
        assertThat(lines[2]).isEqualTo("{\"ok\":false,\"error\":\"pow: result would have more than 4300 decimal digits\"}");
        assertThat(lines[3]).isEqualTo("{\"ok\":false,\"error\":\"nope: unknown operation\"}");
        assertThat(lines[4]).isEqualTo("{\"ok\":false,\"error\":\"add: missing `value`\"}");
        assertThat(lines[5]).isEqualTo("{\"ok\":false,\"error\":\"operations: entry 0 is missing `operation`\"}");
        assertThat(lines[6]).isEqualTo("{\"ok\":false,\"error\":\"input: missing `operations`\"}");
        assertThat(lines[7]).startsWith("{\"ok\":false,\"error\":\"input: ");
        assertThat(lines[8]).startsWith("{\"ok\":false,\"error\":\"input: ");
        assertThat(lines[9]).isEqualTo("{\"ok\":false,\"error\":\"mod: integer modulo by zero\"}");
        assertThat(lines[10]).isEmpty();
    }

    @Test
    void registeredInMain() {
        assertThat(Main.COMMANDS).containsKey("storage");
    }
}
