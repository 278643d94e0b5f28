package dev.apwire.examples;

import dev.apwire.codec.JsonValues;
import dev.apwire.codec.MalformedFrameException;
import dev.apwire.json.JsonBool;
import dev.apwire.json.JsonInt;
import dev.apwire.json.JsonObject;
import dev.apwire.json.JsonString;
import dev.apwire.json.JsonValue;
import dev.apwire.storage.StorageException;
import dev.apwire.storage.StorageOperations;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;

/**
 * {@code apwire.jar storage}: computes data storage operations as the reference server does.
 *
 * <p>Reads JSON lines {@code {"value": <current>, "default": <default>, "operations": [...]}} from
 * standard input ({@code value} left out when the key is missing, {@code default} when there is none)
 * and prints one line per input: {@code {"ok":true,"value":<result>}} or
 * {@code {"ok":false,"error":"<operation>: <reason>"}}. A line that is not valid JSON prints
 * {@code {"ok":false,"error":"input: <reason>"}} and the next line is still read. Blank lines are skipped.
 */
final class StorageCommand {

    private StorageCommand() {
    }

    static int run(String[] args) throws IOException {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        return run(new InputStreamReader(System.in, StandardCharsets.UTF_8), out);
    }

    static int run(Reader in, PrintStream out) throws IOException {
        BufferedReader lines = new BufferedReader(in);
        String line;
        while ((line = lines.readLine()) != null) {
            if (line.isBlank()) {
                continue;
            }
            out.println(JsonValues.toJson(answer(line)));
        }
        out.flush();
        return 0;
    }

    static JsonObject answer(String line) {
        JsonValue input;
        try {
            input = JsonValues.parse(line);
        } catch (MalformedFrameException e) {
            return failure("input: " + e.getMessage());
        }
        if (!(input instanceof JsonObject)) {
            return failure("input: expected an object with `operations`");
        }
        JsonObject request = (JsonObject) input;
        JsonValue operations = request.get("operations");
        if (operations == null) {
            return failure("input: missing `operations`");
        }
        JsonValue current = request.get("value");
        if (current == null) {
            current = request.get("default");
        }
        if (current == null) {
            current = JsonInt.of(0);
        }
        try {
            JsonValue result = StorageOperations.applyAll(current, StorageOperations.parseOperations(operations));
            return JsonObject.of("ok", JsonBool.TRUE, "value", result);
        } catch (StorageException e) {
            return failure(e.getMessage());
        }
    }

    private static JsonObject failure(String error) {
        return JsonObject.of("ok", JsonBool.FALSE, "error", new JsonString(error));
    }
}
