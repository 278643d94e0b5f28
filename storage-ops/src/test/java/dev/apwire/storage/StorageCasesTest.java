package dev.apwire.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import dev.apwire.json.JsonInt;
import dev.apwire.json.JsonNull;
import dev.apwire.json.JsonObject;
import dev.apwire.json.JsonString;
import dev.apwire.json.JsonValue;
import dev.apwire.protocol.DataStorageOperation;
import dev.apwire.protocol.client.SetPacket;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Drives the one table of storage cases, {@code storage-cases.jsonl}, whose expected outcomes were
 * computed by Python (see {@code src/test/python/gen_storage_cases.py}). Each row runs twice: through
 * {@link StorageOperations} and through a {@link DataStore} {@code Set}, which must store the result or,
 * on an error, leave the store exactly as it was.
 */
class StorageCasesTest {

    static Stream<Arguments> cases() throws IOException {
        List<Arguments> rows = new ArrayList<>();
        try (InputStream in = Objects.requireNonNull(StorageCasesTest.class.getResourceAsStream("/storage-cases.jsonl"));
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            int n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                JsonObject row = (JsonObject) TestJson.parse(line);
                rows.add(Arguments.of(n + ": " + ((JsonString) Objects.requireNonNull(row.get("name"))).value(), row));
            }
        }
        return rows.stream();
    }

    @Test
    void tableCoversEveryOperationAndType() throws IOException {
        List<String> seen = new ArrayList<>();
        cases().forEach(a -> seen.add((String) a.get()[0]));
        assertThat(seen).hasSizeGreaterThan(5000);
        for (var op : dev.apwire.protocol.OperationType.known()) {
            for (String type : List.of("None", "True", "7", "2.5", "'ab'", "[]", "{}")) {
                assertThat(seen).as(op + " with " + type).anyMatch(s -> s.contains(": " + op.name() + " " + type + " "));
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void operations(String name, JsonObject row) {
        JsonValue start = start(row);
        JsonObject expect = (JsonObject) Objects.requireNonNull(row.get("expect"));
        JsonValue expectedValue = expect.get("value");
        JsonValue raw = Objects.requireNonNull(row.get("operations"));
        if (expectedValue != null) {
            JsonValue actual = StorageOperations.applyAll(start, StorageOperations.parseOperations(raw));
            assertThat(TestJson.write(actual)).isEqualTo(TestJson.write(expectedValue));
            assertThat(actual).isEqualTo(expectedValue);
        } else {
            assertThatThrownBy(() -> StorageOperations.applyAll(start, StorageOperations.parseOperations(raw)))
                    .isInstanceOfSatisfying(StorageException.class, e -> checkError(expect, e));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void throughTheStore(String name, JsonObject row) {
        List<DataStorageOperation> ops;
        try {
            ops = StorageOperations.parseOperations(Objects.requireNonNull(row.get("operations")));
        } catch (StorageException e) {
            return; // malformed operations cannot be put in a SetPacket; covered above
        }
        JsonValue current = row.get("value");
        JsonObject data = current == null ? JsonObject.EMPTY : JsonObject.of("k", current);
        // the table is about operations: the size bounds of the store are tested in StorageLimitsTest
        StorageLimits operationsOnly = StorageLimits.DEFAULT.withSizes(1L << 40, 1L << 40, 1 << 20, 1 << 20, 1L << 40);
        DataStore<String> store = DataStore.restore(JsonObject.of("format", JsonInt.of(1), "data", data), operationsOnly);
        JsonObject before = store.snapshot();
        SetResult<String> result = store.set("c1", 3, new SetPacket("k", row.get("default"), JsonInt.of(1), ops));
        JsonObject expect = (JsonObject) Objects.requireNonNull(row.get("expect"));
        JsonValue expectedValue = expect.get("value");
        if (expectedValue != null) {
            assertThat(result).isInstanceOf(Delivery.class);
            Delivery<String> d = (Delivery<String>) result;
            assertThat(TestJson.write(d.reply().value())).isEqualTo(TestJson.write(expectedValue));
            assertThat(TestJson.write(Objects.requireNonNull(d.reply().originalValue()))).isEqualTo(TestJson.write(start(row)));
            assertThat(store.value("k")).isEqualTo(expectedValue);
            assertThat(d.recipients()).containsExactly("c1");
        } else {
            assertThat(result).isInstanceOf(Rejection.class);
            Rejection<String> r = (Rejection<String>) result;
            checkError(expect, r.error());
            assertThat(r.invalid().text()).isEqualTo(r.error().getMessage());
            assertThat(r.invalid().originalCmd()).isEqualTo("Set");
            assertThat(r.invalid().type().name()).isEqualTo("arguments");
            assertThat(store.snapshot()).isEqualTo(before);
        }
    }

    private static JsonValue start(JsonObject row) {
        JsonValue v = row.get("value");
        if (v != null) {
            return v;
        }
        JsonValue d = row.get("default");
        return d != null ? d : JsonInt.of(0);
    }

    private static void checkError(JsonObject expect, StorageException e) {
        String kind = ((JsonString) Objects.requireNonNull(expect.get("error"))).value();
        JsonValue op = expect.get("operation");
        if (!kind.equals(e.kind().name())) {
            fail("expected " + kind + " but got " + e.kind() + ": " + e.getMessage());
        }
        if (op == null || op == JsonNull.INSTANCE) {
            assertThat(e.operation()).isNull();
            assertThat(e.getMessage()).startsWith("operations: ");
        } else {
            String name = ((JsonString) op).value();
            assertThat(Objects.requireNonNull(e.operation()).name()).isEqualTo(name);
            assertThat(e.getMessage()).startsWith(name + ": ").isEqualTo(name + ": " + e.reason());
        }
    }
}
