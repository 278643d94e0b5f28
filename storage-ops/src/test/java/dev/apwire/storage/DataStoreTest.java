package dev.apwire.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apwire.json.JsonArray;
import dev.apwire.json.JsonBool;
import dev.apwire.json.JsonFloat;
import dev.apwire.json.JsonInt;
import dev.apwire.json.JsonNull;
import dev.apwire.json.JsonObject;
import dev.apwire.json.JsonString;
import dev.apwire.json.JsonValue;
import dev.apwire.protocol.DataStorageOperation;
import dev.apwire.protocol.OperationType;
import dev.apwire.protocol.client.GetPacket;
import dev.apwire.protocol.client.SetNotifyPacket;
import dev.apwire.protocol.client.SetPacket;
import dev.apwire.protocol.server.RetrievedPacket;
import dev.apwire.protocol.server.SetReplyPacket;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Set-level behaviour of {@link DataStore} (reference-server.md §1.2–§1.8). */
class DataStoreTest {
    private final DataStore<String> store = new DataStore<>();

    private static DataStorageOperation op(OperationType type, JsonValue value) {
        return new DataStorageOperation(type, value);
    }

    private static JsonValue json(String text) {
        return TestJson.parse(text);
    }

    private Delivery<String> delivered(SetResult<String> result) {
        assertThat(result).isInstanceOf(Delivery.class);
        return (Delivery<String>) result;
    }

    private Rejection<String> rejected(SetResult<String> result) {
        assertThat(result).isInstanceOf(Rejection.class);
        return (Rejection<String>) result;
    }

    private SetResult<String> set(String conn, String key, @Nullable JsonValue dflt, @Nullable JsonValue wantReply, DataStorageOperation... ops) {
        return store.set(conn, 1, new SetPacket(key, dflt, wantReply, List.of(ops)));
    }

    @Test
    void failingLaterOperationLeavesTheStoreUntouched() {
        set("a", "k", null, null, op(OperationType.REPLACE, json("{\"a\":1}")));
        JsonObject before = store.snapshot();
        Rejection<String> r = rejected(set("a", "k", null, JsonBool.TRUE,
                op(OperationType.UPDATE, json("{\"b\":2}")), op(OperationType.ADD, JsonInt.of(1))));
        assertThat(r.error().kind()).isEqualTo(StorageErrorKind.TYPE_MISMATCH);
        assertThat(r.invalid().text()).isEqualTo("add: unsupported operand type(s) for +: 'dict' and 'int'");
        assertThat(store.value("k")).isEqualTo(json("{\"a\":1}"));
        assertThat(store.snapshot()).isEqualTo(before);
    }

    @Test
    void failingSetOnMissingKeyDoesNotCreateIt() {
        rejected(set("a", "k", json("[]"), null, op(OperationType.UPDATE, json("[1]")), op(OperationType.POP, JsonInt.of(-5))));
        assertThat(store.value("k")).isNull();
        assertThat(store.size()).isZero();
    }

    @Test
    void missingKeyStartsAtZeroWithoutDefault() {
        Delivery<String> d = delivered(set("a", "k", null, null, op(OperationType.ADD, JsonInt.of(5))));
        assertThat(d.reply().originalValue()).isEqualTo(JsonInt.of(0));
        assertThat(d.reply().value()).isEqualTo(JsonInt.of(5));
        assertThat(d.reply().extras().members()).doesNotContainKey("default");
    }

    @Test
    void explicitNullDefaultIsADefault() {
        Delivery<String> d = delivered(set("a", "k", JsonNull.INSTANCE, null));
        assertThat(d.reply().originalValue()).isEqualTo(JsonNull.INSTANCE);
        assertThat(d.reply().value()).isEqualTo(JsonNull.INSTANCE);
        assertThat(d.reply().extras().get("default")).isEqualTo(JsonNull.INSTANCE);
        assertThat(store.value("k")).isEqualTo(JsonNull.INSTANCE);
    }

    @Test
    void storedValueWinsOverDefaultAndEmptyOperationsStillStore() {
        delivered(set("a", "k", JsonInt.of(7), null));
        assertThat(store.value("k")).isEqualTo(JsonInt.of(7));
        Delivery<String> d = delivered(set("a", "k", JsonInt.of(100), null, op(OperationType.MUL, JsonInt.of(2))));
        assertThat(d.reply().originalValue()).isEqualTo(JsonInt.of(7));
        assertThat(d.reply().value()).isEqualTo(JsonInt.of(14));
    }

    @Test
    void echoedDefaultIsTheValueAsSentNotMutatedByInPlaceOperations() {
        Delivery<String> d = delivered(set("a", "k", json("[]"), JsonBool.TRUE, op(OperationType.UPDATE, json("[1,2]"))));
        assertThat(d.reply().extras().get("default")).isEqualTo(json("[]"));
        assertThat(d.reply().originalValue()).isEqualTo(json("[]"));
        assertThat(d.reply().value()).isEqualTo(json("[1,2]"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"true", "1", "\"false\"", "\"x\"", "[0]", "{\"a\":0}", "0.5", "-1"})
    void truthyWantReplyAddsTheSender(String wantReply) {
        assertThat(delivered(set("a", "k", null, json(wantReply))).recipients()).containsExactly("a");
    }

    @ParameterizedTest
    @ValueSource(strings = {"false", "0", "0.0", "\"\"", "[]", "{}", "null"})
    void falsyWantReplyDoesNot(String wantReply) {
        assertThat(delivered(set("a", "k", null, json(wantReply))).recipients()).isEmpty();
    }

    @Test
    void absentWantReplyDoesNot() {
        assertThat(delivered(set("a", "k", null, null)).recipients()).isEmpty();
    }

    @Test
    void replyEchoesArgumentsInReferenceOrder() {
        JsonObject extras = (JsonObject) json("{\"tag\":\"t1\",\"value\":\"x\",\"slot\":99,\"original_value\":\"y\",\"zzz\":[1]}");
        DataStorageOperation add = new DataStorageOperation(OperationType.ADD, JsonInt.of(1), (JsonObject) json("{\"note\":\"n\"}"));
        SetPacket packet = new SetPacket("k", JsonInt.of(5), JsonBool.TRUE, List.of(add), extras);
        Delivery<String> d = delivered(store.set("a", 4, packet));
        SetReplyPacket reply = d.reply();
        assertThat(reply.key()).isEqualTo("k");
        assertThat(reply.slot()).isEqualTo(4);
        assertThat(reply.originalValue()).isEqualTo(JsonInt.of(5));
        assertThat(reply.value()).isEqualTo(JsonInt.of(6));
        assertThat(TestJson.write(reply.extras())).isEqualTo(
                "{\"default\":5,\"want_reply\":true,\"operations\":[{\"operation\":\"add\",\"value\":1,\"note\":\"n\"}],"
                        + "\"tag\":\"t1\",\"zzz\":[1]}");
    }

    @Test
    void subscribedSenderAskingForReplyGetsOneCopy() {
        store.setNotify("a", new SetNotifyPacket(List.of("k")));
        store.setNotify("b", new SetNotifyPacket(List.of("k", "other")));
        Delivery<String> d = delivered(set("a", "k", null, JsonBool.TRUE, op(OperationType.ADD, JsonInt.of(1))));
        assertThat(d.recipients()).containsExactly("a", "b");
    }

    @Test
    void subscribersGetItWhenTheSenderDoesNotAsk() {
        store.setNotify("b", new SetNotifyPacket(List.of("k")));
        assertThat(delivered(set("a", "k", null, JsonBool.FALSE)).recipients()).containsExactly("b");
        assertThat(delivered(set("a", "unwatched", null, null)).recipients()).isEmpty();
    }

    @Test
    void disconnectDropsSubscriptions() {
        store.setNotify("a", new SetNotifyPacket(List.of("k", "j")));
        store.setNotify("b", new SetNotifyPacket(List.of("k")));
        store.disconnect("a");
        store.disconnect("never-seen");
        assertThat(store.subscribers("k")).containsExactly("b");
        assertThat(store.subscribers("j")).isEmpty();
        assertThat(delivered(set("c", "k", null, null)).recipients()).containsExactly("b");
    }

    @Test
    void readKeysCannotBeSet() {
        Rejection<String> r = rejected(set("a", "_read_hints_0_1", null, JsonBool.TRUE, op(OperationType.REPLACE, JsonInt.of(1))));
        assertThat(r.invalid().type().name()).isEqualTo("arguments");
        assertThat(r.invalid().originalCmd()).isEqualTo("Set");
        assertThat(r.invalid().text()).isEqualTo("Set: key '_read_hints_0_1' is read-only: keys starting with _read_ cannot be set");
        assertThat(r.error().kind()).isEqualTo(StorageErrorKind.READ_ONLY_KEY);
        assertThat(r.error().operation()).isNull();
        assertThat(store.size()).isZero();
        delivered(set("a", "_read", null, null));
        delivered(set("a", "", null, null));
    }

    @Test
    void getEchoesExtrasAndAnswersReadKeysFromTheProvider() {
        set("a", "k", null, null, op(OperationType.REPLACE, json("{\"x\":[1,2.5]}")));
        Map<String, JsonValue> server = Map.of("_read_race_mode", JsonInt.of(1));
        RetrievedPacket r = store.get(new GetPacket(List.of("k", "missing", "_read_race_mode", "_read_unknown", "k"),
                (JsonObject) json("{\"seq\":7,\"tag\":\"t\"}")), server::get);
        assertThat(TestJson.write(r.keys())).isEqualTo(
                "{\"k\":{\"x\":[1,2.5]},\"missing\":null,\"_read_race_mode\":1,\"_read_unknown\":null}");
        assertThat(TestJson.write(r.extras())).isEqualTo("{\"seq\":7,\"tag\":\"t\"}");
        assertThat(store.get(new GetPacket(List.of()), ReadKeyProvider.NONE).keys()).isEqualTo(JsonObject.EMPTY);
    }

    @Test
    void readKeyNotificationGoesToSubscribersWithoutOriginalValueOrSlot() {
        store.setNotify("a", new SetNotifyPacket(List.of("_read_client_status_0_1")));
        Delivery<String> d = store.readKeyChanged("_read_client_status_0_1", JsonInt.of(30));
        assertThat(d.reply()).isEqualTo(new SetReplyPacket("_read_client_status_0_1", JsonInt.of(30), null, null));
        assertThat(d.recipients()).containsExactly("a");
        assertThat(store.readKeyChanged("_read_hints_0_2", JsonArray.EMPTY).recipients()).isEmpty();
        assertThatThrownBy(() -> store.readKeyChanged("k", JsonInt.of(1))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void snapshotRestoreRoundTripKeepsEveryValueButNoSubscriptions() {
        set("a", "big", null, null, op(OperationType.REPLACE, JsonInt.of(BigInteger.TEN.pow(4299))));
        set("a", "float", null, null, op(OperationType.REPLACE, new JsonFloat(-0.0)));
        set("a", "nested", null, null, op(OperationType.REPLACE, json("{\"b\":[true,null,\"s\",{\"z\":1,\"a\":2}]}")));
        set("a", "", JsonNull.INSTANCE, null);
        store.setNotify("a", new SetNotifyPacket(List.of("big")));
        JsonObject snapshot = store.snapshot();
        DataStore<String> restored = DataStore.restore(snapshot);
        assertThat(TestJson.write(restored.snapshot())).isEqualTo(TestJson.write(snapshot));
        assertThat(TestJson.parse(TestJson.write(snapshot))).isEqualTo(snapshot);
        assertThat(restored.value("float")).isEqualTo(new JsonFloat(-0.0));
        assertThat(restored.value("")).isEqualTo(JsonNull.INSTANCE);
        assertThat(restored.subscribers("big")).isEmpty();
        assertThat(restored.size()).isEqualTo(4);
        assertThatThrownBy(() -> DataStore.restore(JsonObject.of("format", JsonInt.of(2), "data", JsonObject.EMPTY)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DataStore.restore(JsonObject.of("format", JsonInt.of(1), "data", JsonArray.EMPTY)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void limitsAreConfigurable() {
        DataStore<String> small = new DataStore<>(new StorageLimits(10, 5));
        SetPacket bigInt = new SetPacket("k", null, null, List.of(op(OperationType.REPLACE, JsonInt.of(9_999_999_999L)), op(OperationType.ADD, JsonInt.of(1))));
        assertThat(rejected(small.set("a", 1, bigInt)).error().kind()).isEqualTo(StorageErrorKind.TOO_LARGE);
        SetPacket longString = new SetPacket("k", new JsonString("abc"), null, List.of(op(OperationType.MUL, JsonInt.of(2))));
        assertThat(rejected(small.set("a", 1, longString)).invalid().text()).isEqualTo("mul: result would have 6 elements, more than the limit of 5");
        SetPacket ok = new SetPacket("k", null, null, List.of(op(OperationType.REPLACE, JsonInt.of(9_999_999_999L))));
        assertThat(delivered(small.set("a", 1, ok)).reply().value()).isEqualTo(JsonInt.of(9_999_999_999L));
        assertThat(small.size()).isEqualTo(1);
        assertThatThrownBy(() -> new StorageLimits(0, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void hostileOperationsFailFastWithTypedErrors() {
        record Hostile(JsonValue current, OperationType op, JsonValue value, StorageErrorKind kind) { }
        BigInteger e15 = BigInteger.TEN.pow(15);
        List<Hostile> cases = List.of(
                new Hostile(JsonInt.of(2), OperationType.POW, JsonInt.of(e15), StorageErrorKind.TOO_LARGE),
                new Hostile(JsonInt.of(3), OperationType.POW, JsonInt.of(10_000_000), StorageErrorKind.TOO_LARGE),
                new Hostile(JsonInt.of(BigInteger.TEN.pow(4000)), OperationType.POW, JsonInt.of(2), StorageErrorKind.TOO_LARGE),
                new Hostile(JsonInt.of(1), OperationType.LEFT_SHIFT, JsonInt.of(1_000_000_000), StorageErrorKind.TOO_LARGE),
                new Hostile(JsonInt.of(1), OperationType.LEFT_SHIFT, JsonInt.of(BigInteger.TWO.pow(80)), StorageErrorKind.TOO_LARGE),
                new Hostile(JsonInt.of(1), OperationType.LEFT_SHIFT, JsonInt.of(-1), StorageErrorKind.NEGATIVE_SHIFT),
                new Hostile(new JsonString("a"), OperationType.MUL, JsonInt.of(1_000_000_000), StorageErrorKind.TOO_LARGE),
                new Hostile(JsonArray.of(JsonInt.of(1)), OperationType.MUL, JsonInt.of(BigInteger.TEN.pow(30)), StorageErrorKind.TOO_LARGE),
                new Hostile(JsonInt.of(7), OperationType.MOD, JsonInt.of(0), StorageErrorKind.DIVISION_BY_ZERO),
                new Hostile(new JsonFloat(1e308), OperationType.MUL, JsonInt.of(10), StorageErrorKind.NOT_FINITE),
                new Hostile(new JsonFloat(2.0), OperationType.POW, JsonInt.of(2000), StorageErrorKind.NOT_FINITE),
                new Hostile(JsonInt.of(-8), OperationType.POW, new JsonFloat(1.0 / 3), StorageErrorKind.COMPLEX_RESULT));
        for (Hostile h : cases) {
            assertThatThrownBy(() -> StorageOperations.apply(h.current(), op(h.op(), h.value())))
                    .isInstanceOfSatisfying(StorageException.class, e -> {
                        assertThat(e.kind()).as(h.toString()).isEqualTo(h.kind());
                        assertThat(e.operation()).isEqualTo(h.op());
                        assertThat(e.getMessage()).startsWith(h.op().name() + ": ");
                    });
        }
    }

    @Test
    void parseOperationsReportsMissingFields() {
        assertThatThrownBy(() -> StorageOperations.parseOperations(json("[{\"value\":1}]")))
                .hasMessage("operations: entry 0 is missing `operation`");
        assertThatThrownBy(() -> StorageOperations.parseOperations(json("[{\"operation\":\"add\"}]")))
                .hasMessage("add: missing `value`");
        assertThatThrownBy(() -> StorageOperations.parseOperations(json("[{\"operation\":\"nope\",\"value\":1}]")))
                .hasMessage("nope: unknown operation");
        assertThatThrownBy(() -> StorageOperations.parseOperations(json("{}")))
                .hasMessage("operations: must be a list, got dict");
        List<DataStorageOperation> ops = StorageOperations.parseOperations(json("[{\"operation\":\"add\",\"value\":1,\"x\":2}]"));
        assertThat(ops).containsExactly(new DataStorageOperation(OperationType.ADD, JsonInt.of(1), (JsonObject) json("{\"x\":2}")));
        assertThat(TestJson.write(StorageOperations.toJson(ops.get(0)))).isEqualTo("{\"operation\":\"add\",\"value\":1,\"x\":2}");
    }

    @Test
    void unknownOperationInAPacketIsRejected() {
        Rejection<String> r = rejected(set("a", "k", null, null, op(OperationType.of("frobnicate"), JsonInt.of(1))));
        assertThat(r.invalid().text()).isEqualTo("frobnicate: unknown operation");
    }
}
