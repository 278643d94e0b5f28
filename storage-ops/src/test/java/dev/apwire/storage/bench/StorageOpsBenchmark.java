package dev.apwire.storage.bench;

import dev.apwire.json.JsonArray;
import dev.apwire.json.JsonInt;
import dev.apwire.json.JsonObject;
import dev.apwire.json.JsonString;
import dev.apwire.json.JsonValue;
import dev.apwire.protocol.DataStorageOperation;
import dev.apwire.protocol.OperationType;
import dev.apwire.storage.StorageException;
import dev.apwire.storage.StorageOperations;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Operations per second on typical values and on hostile ones. The hostile ones (which stall the
 * reference server for seconds or exhaust its memory) must be refused as fast as typical operations
 * run. Not part of the test run; see the module README for the command.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class StorageOpsBenchmark {
    private final JsonValue energy = JsonInt.of(1_234_567_890L);
    private final DataStorageOperation addInt = new DataStorageOperation(OperationType.ADD, JsonInt.of(-5000));
    private final DataStorageOperation maxInt = new DataStorageOperation(OperationType.MAX, JsonInt.of(1_000_000));
    private final JsonObject tracker;
    private final DataStorageOperation updateDict;
    private final JsonArray list;
    private final DataStorageOperation addList;
    private final JsonValue nearBoundBase = JsonInt.of(BigInteger.TEN.pow(100));
    private final DataStorageOperation powNearBound = new DataStorageOperation(OperationType.POW, JsonInt.of(42));
    private final DataStorageOperation powHuge = new DataStorageOperation(OperationType.POW, JsonInt.of(BigInteger.TEN.pow(15)));
    private final DataStorageOperation shiftHuge = new DataStorageOperation(OperationType.LEFT_SHIFT, JsonInt.of(1_000_000_000));
    private final DataStorageOperation repeatHuge = new DataStorageOperation(OperationType.MUL, JsonInt.of(1_000_000_000));

    /** Builds the typical values: a 20-key tracker object and a 100-element list. */
    public StorageOpsBenchmark() {
        java.util.LinkedHashMap<String, JsonValue> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < 20; i++) {
            m.put("location_" + i, JsonInt.of(i));
        }
        tracker = JsonObject.of(m);
        updateDict = new DataStorageOperation(OperationType.UPDATE, JsonObject.of("location_3", JsonInt.of(99), "new", JsonInt.of(1)));
        List<JsonValue> l = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            l.add(new JsonString("item " + i));
        }
        list = JsonArray.of(l);
        addList = new DataStorageOperation(OperationType.ADD, JsonArray.of(new JsonString("gift")));
    }

    /** {@return an EnergyLink-style deposit} */
    @Benchmark
    public JsonValue typicalAddInt() {
        return StorageOperations.apply(energy, addInt);
    }

    /** {@return a max on an int} */
    @Benchmark
    public JsonValue typicalMax() {
        return StorageOperations.apply(energy, maxInt);
    }

    /** {@return an update of a 20-key object} */
    @Benchmark
    public JsonValue typicalUpdateDict() {
        return StorageOperations.apply(tracker, updateDict);
    }

    /** {@return an append to a 100-element list} */
    @Benchmark
    public JsonValue typicalAddList() {
        return StorageOperations.apply(list, addList);
    }

    /** {@return (10**100) ** 42: 4201 digits, just under the bound, computed} */
    @Benchmark
    public JsonValue bigPowNearBound() {
        return StorageOperations.apply(nearBoundBase, powNearBound);
    }

    /** {@return 2 ** 10**15 refused (34 s then MemoryError on the reference server)} */
    @Benchmark
    public Object hostilePow() {
        return refused(JsonInt.of(2), powHuge);
    }

    /** {@return 1 << 10**9 refused} */
    @Benchmark
    public Object hostileShift() {
        return refused(JsonInt.of(1), shiftHuge);
    }

    /** {@return "a" * 10**9 refused} */
    @Benchmark
    public Object hostileRepeat() {
        return refused(new JsonString("a"), repeatHuge);
    }

    private static Object refused(JsonValue current, DataStorageOperation op) {
        try {
            return StorageOperations.apply(current, op);
        } catch (StorageException e) {
            return e;
        }
    }
}
