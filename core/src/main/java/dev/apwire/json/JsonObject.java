package dev.apwire.json;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A JSON object whose members keep their insertion order. Equality ignores order, as JSON
 * equality does; encoders write the members in order.
 *
 * @param members the members, copied into an unmodifiable insertion-ordered map
 */
public record JsonObject(Map<String, JsonValue> members) implements JsonValue {

    /** The empty object. */
    public static final JsonObject EMPTY = new JsonObject(new Frozen(new LinkedHashMap<>()));

    /**
     * Copies the members, keeping their order.
     *
     * @param members the members, copied into an unmodifiable insertion-ordered map
     */
    public JsonObject {
        if (!(members instanceof Frozen)) {
            members = copy(members);
        }
    }

    /**
     * {@return an object holding a copy of the members, in their iteration order}
     *
     * @param members the members
     */
    public static JsonObject of(Map<String, ? extends JsonValue> members) {
        return members.isEmpty() ? EMPTY : new JsonObject(members instanceof Frozen ? (Frozen) members : copy(members));
    }

    /**
     * {@return an object built from alternating keys and values}
     *
     * @param keysAndValues {@code key1, value1, key2, value2, ...}: keys are strings, values JSON values
     * @throws IllegalArgumentException if the arguments do not alternate that way
     */
    public static JsonObject of(Object... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("keys and values must alternate");
        }
        Map<String, JsonValue> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            if (!(keysAndValues[i] instanceof String) || !(keysAndValues[i + 1] instanceof JsonValue)) {
                throw new IllegalArgumentException("argument " + i + " must be a String key followed by a JsonValue");
            }
            map.put((String) keysAndValues[i], (JsonValue) keysAndValues[i + 1]);
        }
        return of(map);
    }

    private static Frozen copy(Map<String, ? extends JsonValue> members) {
        LinkedHashMap<String, JsonValue> copy = new LinkedHashMap<>(Math.max(4, (int) (members.size() / 0.75f) + 1));
        for (Map.Entry<String, ? extends JsonValue> e : members.entrySet()) {
            copy.put(java.util.Objects.requireNonNull(e.getKey(), "key"), java.util.Objects.requireNonNull(e.getValue(), "value"));
        }
        return new Frozen(copy);
    }

    /**
     * {@return an object that takes ownership of a map the caller built and will never touch again}
     *
     * <p>For decoders: it saves the copy. The map must not be modified afterwards, nor hold nulls.
     *
     * @param members a freshly built insertion-ordered map, handed over
     */
    public static JsonObject adopt(LinkedHashMap<String, JsonValue> members) {
        return members.isEmpty() ? EMPTY : new JsonObject(new Frozen(members));
    }

    /** An unmodifiable view over a map nobody else holds. */
    private static final class Frozen extends java.util.AbstractMap<String, JsonValue> {
        private final Map<String, JsonValue> map;

        Frozen(LinkedHashMap<String, JsonValue> map) {
            this.map = Collections.unmodifiableMap(map);
        }

        @Override
        public java.util.Set<Map.Entry<String, JsonValue>> entrySet() {
            return map.entrySet();
        }

        @Override
        public @Nullable JsonValue get(@Nullable Object key) {
            return map.get(key);
        }

        @Override
        public boolean containsKey(@Nullable Object key) {
            return map.containsKey(key);
        }

        @Override
        public int size() {
            return map.size();
        }
    }

    /**
     * {@return the member under a key, or {@code null} when there is none}
     *
     * @param key the key
     */
    public @Nullable JsonValue get(String key) {
        return members.get(key);
    }

    /** {@return the number of members} */
    public int size() {
        return members.size();
    }

    /** {@return whether the object has no members} */
    public boolean isEmpty() {
        return members.isEmpty();
    }

    @Override
    public Kind kind() {
        return Kind.OBJECT;
    }

    @Override
    public boolean isTruthy() {
        return !members.isEmpty();
    }
}
