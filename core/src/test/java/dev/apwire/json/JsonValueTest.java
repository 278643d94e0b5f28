package dev.apwire.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonValueTest {

    @Test
    void integersAndFloatsNeverBlur() {
        assertThat(JsonInt.of(1)).isNotEqualTo(new JsonFloat(1.0));
        assertThat(new JsonFloat(1.0)).isEqualTo(new JsonFloat(1.0));
        assertThat(new JsonFloat(0.0)).isNotEqualTo(new JsonFloat(-0.0));
        assertThat(JsonInt.of(1).kind()).isEqualTo(JsonValue.Kind.INTEGER);
        assertThat(new JsonFloat(1.0).kind()).isEqualTo(JsonValue.Kind.FLOAT);
    }

    @Test
    void integersAreExactWhateverHoldsThem() {
        BigInteger big = BigInteger.TEN.pow(40);
        assertThat(JsonInt.of(big).fitsLong()).isFalse();
        assertThat(JsonInt.of(big).bigIntegerValue()).isEqualTo(big);
        assertThat(JsonInt.of(BigInteger.valueOf(5))).isEqualTo(JsonInt.of(5)).hasSameHashCodeAs(JsonInt.of(5));
        assertThat(JsonInt.of(Long.MAX_VALUE).fitsLong()).isTrue();
        assertThat(JsonInt.of(BigInteger.valueOf(Long.MAX_VALUE).add(BigInteger.ONE)).fitsLong()).isFalse();
        assertThatThrownBy(() -> JsonInt.of(big).longValue()).isInstanceOf(ArithmeticException.class);
        assertThat(JsonInt.of(big).toString()).isEqualTo("1" + "0".repeat(40));
    }

    @Test
    void floatsMustBeFinite() {
        assertThatThrownBy(() -> new JsonFloat(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new JsonFloat(Double.POSITIVE_INFINITY)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void truthinessIsPythons() {
        assertThat(JsonNull.INSTANCE.isTruthy()).isFalse();
        assertThat(JsonBool.FALSE.isTruthy()).isFalse();
        assertThat(JsonInt.of(0).isTruthy()).isFalse();
        assertThat(new JsonFloat(0.0).isTruthy()).isFalse();
        assertThat(JsonString.EMPTY.isTruthy()).isFalse();
        assertThat(JsonArray.EMPTY.isTruthy()).isFalse();
        assertThat(JsonObject.EMPTY.isTruthy()).isFalse();
        assertThat(new JsonString("false").isTruthy()).isTrue();
        assertThat(JsonInt.of(-1).isTruthy()).isTrue();
        assertThat(JsonArray.of(JsonNull.INSTANCE).isTruthy()).isTrue();
    }

    @Test
    void objectsKeepOrderAndCompareAsMaps() {
        JsonObject ab = JsonObject.of("a", JsonInt.of(1), "b", JsonInt.of(2));
        JsonObject ba = JsonObject.of("b", JsonInt.of(2), "a", JsonInt.of(1));
        assertThat(ab).isEqualTo(ba);
        assertThat(ab.members().keySet()).containsExactly("a", "b");
        assertThat(ba.members().keySet()).containsExactly("b", "a");
        assertThatThrownBy(() -> JsonObject.of("a")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void collectionsAreCopiedAndUnmodifiable() {
        List<JsonValue> list = new ArrayList<>(List.of(JsonInt.of(1)));
        JsonArray array = JsonArray.of(list);
        list.add(JsonInt.of(2));
        assertThat(array.size()).isEqualTo(1);
        assertThatThrownBy(() -> array.elements().add(JsonInt.of(3))).isInstanceOf(UnsupportedOperationException.class);
        Map<String, JsonValue> map = new LinkedHashMap<>();
        map.put("k", JsonInt.of(1));
        JsonObject object = JsonObject.of(map);
        map.put("j", JsonInt.of(2));
        assertThat(object.size()).isEqualTo(1);
        assertThatThrownBy(() -> object.members().put("x", JsonNull.INSTANCE)).isInstanceOf(UnsupportedOperationException.class);
        assertThat(new JsonObject(object.members())).isEqualTo(object);
    }

    @Test
    void nullsAreRejected() {
        List<JsonValue> withNull = new ArrayList<>();
        withNull.add(null);
        assertThatThrownBy(() -> JsonArray.of(withNull)).isInstanceOf(NullPointerException.class);
        Map<String, JsonValue> nullValue = new LinkedHashMap<>();
        nullValue.put("k", null);
        assertThatThrownBy(() -> JsonObject.of(nullValue)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void typedAccessorsReadWithoutCasts() {
        JsonValue slotData = JsonObject.of("goal", JsonValue.of("collect"), "needed", JsonValue.of(2), "deathlink",
                JsonValue.of(true), "ratio", JsonValue.of(0.5), "list", JsonValue.array(List.of(JsonValue.of(1))),
                "big", JsonValue.of(BigInteger.ONE.shiftLeft(70)), "none", JsonValue.nullValue());
        assertThat(slotData.asMap()).containsKeys("goal", "needed");
        assertThat(slotData.opt("goal").orElseThrow().asString()).isEqualTo("collect");
        assertThat(slotData.opt("needed").orElseThrow().asLong()).isEqualTo(2);
        assertThat(slotData.opt("needed").orElseThrow().asInt()).isEqualTo(2);
        assertThat(slotData.opt("needed").orElseThrow().asDouble()).isEqualTo(2.0);
        assertThat(slotData.opt("ratio").orElseThrow().asDouble()).isEqualTo(0.5);
        assertThat(slotData.opt("deathlink").orElseThrow().asBoolean()).isTrue();
        assertThat(slotData.opt("list").orElseThrow().asList()).containsExactly(JsonValue.of(1));
        assertThat(slotData.opt("none").orElseThrow().isNull()).isTrue();
        assertThat(slotData.opt("missing")).isEmpty();
        assertThat(JsonValue.of(1).opt("x")).isEmpty();

        assertThat(JsonValue.of(7).optLong()).hasValue(7L);
        assertThat(JsonValue.of("7").optLong()).isEmpty();
        assertThat(slotData.opt("big").orElseThrow().optLong()).as("does not fit a long").isEmpty();
        assertThat(JsonValue.of("s").optString()).hasValue("s");
        assertThat(JsonValue.of(1).optString()).isEmpty();
        assertThat(JsonValue.of(false).optBoolean()).hasValue(false);
        assertThat(JsonValue.of(0).optBoolean()).as("no truthiness here").isEmpty();
        assertThat(JsonValue.array(List.of()).optList()).hasValue(List.of());
        assertThat(JsonValue.of(1).optList()).isEmpty();
        assertThat(JsonObject.EMPTY.optMap()).hasValue(Map.of());
        assertThat(JsonValue.nullValue().optMap()).isEmpty();

        assertThatThrownBy(() -> JsonValue.of("x").asLong()).isInstanceOf(IllegalStateException.class).hasMessageContaining("\"x\"");
        assertThatThrownBy(() -> JsonValue.of(1.5).asLong()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> JsonValue.of(1L << 40).asInt()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> JsonValue.of(1).asString()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> JsonValue.of(1).asBoolean()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> JsonValue.of(1).asList()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> JsonValue.of(1).asMap()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> JsonValue.of("1").asDouble()).isInstanceOf(IllegalStateException.class);
    }
}
