package dev.apwire.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apwire.json.JsonArray;
import dev.apwire.json.JsonInt;
import dev.apwire.json.JsonObject;
import dev.apwire.json.JsonString;
import dev.apwire.json.JsonValue;
import dev.apwire.protocol.DataStorageOperation;
import dev.apwire.protocol.OperationType;
import dev.apwire.protocol.client.GetPacket;
import dev.apwire.protocol.client.SetNotifyPacket;
import dev.apwire.protocol.client.SetPacket;
import dev.apwire.protocol.server.InvalidPacket;
import dev.apwire.protocol.server.RetrievedPacket;
import dev.apwire.protocol.server.ServerPacket;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Each bound of {@link StorageLimits}: over it, an {@code InvalidPacket} naming the limit and the store untouched. */
class StorageLimitsTest {

    private static final StorageLimits SMALL = StorageLimits.DEFAULT.withSizes(1000, 3000, 16, 3, 1500);
    private final DataStore<String> store = new DataStore<>(SMALL);

    private static DataStorageOperation op(OperationType type, JsonValue value) {
        return new DataStorageOperation(type, value);
    }

    private SetResult<String> set(String key, DataStorageOperation... ops) {
        return store.set("a", 1, new SetPacket(key, null, null, List.of(ops)));
    }

    private static JsonString text(int length) {
        return new JsonString("x".repeat(length));
    }

    private void assertRejected(SetResult<String> result, StorageErrorKind kind, String limit) {
        assertThat(result).isInstanceOf(Rejection.class);
        Rejection<String> r = (Rejection<String>) result;
        assertThat(r.error().kind()).isEqualTo(kind);
        assertThat(r.invalid().originalCmd()).isEqualTo("Set");
        assertThat(r.invalid().text()).contains(limit);
    }

    @Test
    void sizesCountTheEncodingWithEveryNestedElementAndEscape() {
        assertThat(JsonSize.of(text(10), Long.MAX_VALUE)).isEqualTo(12);
        assertThat(JsonSize.of(new JsonString("\u00e9\n"), Long.MAX_VALUE)).isEqualTo(14);
        assertThat(JsonSize.of(JsonInt.of(-123), Long.MAX_VALUE)).isEqualTo(4);
        JsonValue nested = JsonArray.of(JsonObject.of("k", text(100)));
        assertThat(JsonSize.of(nested, Long.MAX_VALUE)).isGreaterThan(100);
        // a million references to one object: counting stops just past the bound
        JsonArray shared = JsonArray.of(Collections.nCopies(1_000_000, JsonObject.of("k", text(1000))));
        long stopped = JsonSize.of(shared, 10_000);
        assertThat(stopped).isGreaterThan(10_000).isLessThan(13_000);
    }

    @Test
    void aValueLargerThanMaxValueBytesIsRejectedEvenWhenOnlyNestedElementsAreLarge() {
        // the attack: [{1 KB object}] * 1,000,000 in a 1 KB frame
        SetResult<String> r = set("k", op(OperationType.REPLACE, JsonArray.of(JsonObject.of("k", text(900)))),
                op(OperationType.MUL, JsonInt.of(1_000_000)));
        assertRejected(r, StorageErrorKind.TOO_LARGE, "maxValueBytes 1000");
        assertThat(store.size()).isZero();
        assertThat(store.totalBytes()).isZero();
        assertRejected(set("k", op(OperationType.REPLACE, text(999))), StorageErrorKind.TOO_LARGE, "maxValueBytes 1000");
        assertThat(set("k", op(OperationType.REPLACE, text(990)))).isInstanceOf(Delivery.class);
    }

    @Test
    void theStoreAsAWholeStaysWithinMaxTotalBytes() {
        for (int i = 0; i < 3; i++) {
            assertThat(set("k" + i, op(OperationType.REPLACE, text(900)))).isInstanceOf(Delivery.class);
        }
        long before = store.totalBytes();
        assertThat(before).isLessThanOrEqualTo(3000);
        assertRejected(set("k3", op(OperationType.REPLACE, text(900))), StorageErrorKind.STORE_FULL, "maxTotalBytes 3000");
        assertThat(store.value("k3")).isNull();
        assertThat(store.totalBytes()).isEqualTo(before);
        // replacing a value with a smaller one frees room
        assertThat(set("k0", op(OperationType.REPLACE, JsonInt.of(1)))).isInstanceOf(Delivery.class);
        assertThat(set("k3", op(OperationType.REPLACE, text(800)))).isInstanceOf(Delivery.class);
    }

    @Test
    void longKeysAreRejectedForSetAndSetNotify() {
        assertRejected(set("k".repeat(17), op(OperationType.REPLACE, JsonInt.of(1))), StorageErrorKind.KEY_TOO_LONG, "maxKeyLength 16");
        assertThat(store.size()).isZero();
        Optional<InvalidPacket> refused = store.setNotify("a", new SetNotifyPacket(List.of("ok", "k".repeat(17))));
        assertThat(refused).get().satisfies(p -> {
            assertThat(p.originalCmd()).isEqualTo("SetNotify");
            assertThat(p.text()).contains("maxKeyLength 16");
        });
        assertThat(store.subscribers("ok")).isEmpty();
    }

    @Test
    void subscriptionsPerConnectionAreBoundedAndARefusedRequestSubscribesNothing() {
        assertThat(store.setNotify("a", new SetNotifyPacket(List.of("a", "b")))).isEmpty();
        assertThat(store.setNotify("a", new SetNotifyPacket(List.of("a", "b", "c")))).isEmpty();
        Optional<InvalidPacket> refused = store.setNotify("a", new SetNotifyPacket(List.of("c", "d")));
        assertThat(refused).get().extracting(InvalidPacket::text).asString().contains("maxSubscriptions 3");
        assertThat(store.subscribers("d")).isEmpty();
        // another connection has its own allowance, and a disconnect frees it
        assertThat(store.setNotify("b", new SetNotifyPacket(List.of("d", "e", "f")))).isEmpty();
        store.disconnect("a");
        assertThat(store.setNotify("a", new SetNotifyPacket(List.of("x", "y", "z")))).isEmpty();
    }

    @Test
    void aSmallGetCannotPullAReplyLargerThanMaxReplyBytes() {
        set("k0", op(OperationType.REPLACE, text(900)));
        set("k1", op(OperationType.REPLACE, text(900)));
        ServerPacket one = store.retrieve(new GetPacket(List.of("k0"), JsonObject.EMPTY), key -> null);
        assertThat(one).isInstanceOf(RetrievedPacket.class);
        List<String> keys = new ArrayList<>(List.of("k0", "k1"));
        ServerPacket both = store.retrieve(new GetPacket(keys, JsonObject.EMPTY), key -> null);
        assertThat(both).isInstanceOfSatisfying(InvalidPacket.class, p -> {
            assertThat(p.originalCmd()).isEqualTo("Get");
            assertThat(p.text()).contains("maxReplyBytes 1500");
        });
    }

    @Test
    void restoredValuesCountTowardsTheBudget() {
        set("k0", op(OperationType.REPLACE, text(900)));
        DataStore<String> restored = DataStore.restore(store.snapshot(), SMALL);
        assertThat(restored.totalBytes()).isEqualTo(store.totalBytes());
    }

    @Test
    void limitsMustBePositive() {
        assertThatThrownBy(() -> StorageLimits.DEFAULT.withSizes(0, 1, 1, 1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StorageLimits.DEFAULT.withSizes(1, 1, 1, 0, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
