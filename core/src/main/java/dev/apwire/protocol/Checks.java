package dev.apwire.protocol;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Argument checks shared by the protocol records; each message states the rule that failed. */
public final class Checks {

    /** The largest id the protocol allows: 2<sup>53</sup>&minus;1, the largest integer a double holds exactly. */
    public static final long MAX_ID = (1L << 53) - 1;

    private Checks() {
    }

    /**
     * {@return the id, checked to lie within &plusmn;(2<sup>53</sup>&minus;1)}
     *
     * @param id the item or location id
     * @param what the field name, for the message
     * @throws IllegalArgumentException if it is out of range
     */
    public static long id(long id, String what) {
        if (id > MAX_ID || id < -MAX_ID) {
            throw new IllegalArgumentException(what + " must be within +-(2^53-1), got " + id);
        }
        return id;
    }

    /**
     * {@return the value, checked to be zero or more}
     *
     * @param value a slot, team, index or count
     * @param what the field name, for the message
     * @throws IllegalArgumentException if it is negative
     */
    public static int nonNegative(int value, String what) {
        if (value < 0) {
            throw new IllegalArgumentException(what + " must be >= 0, got " + value);
        }
        return value;
    }

    /**
     * {@return an unmodifiable copy of a list, rejecting null elements}
     *
     * @param list the list
     * @param <T> the element type
     */
    public static <T> List<T> list(List<? extends T> list) {
        return List.copyOf(list);
    }

    /**
     * {@return an unmodifiable copy of a map that keeps its iteration order, rejecting null keys and values}
     *
     * @param map the map
     * @param <K> the key type
     * @param <V> the value type
     */
    public static <K, V> Map<K, V> orderedMap(Map<? extends K, ? extends V> map) {
        if (map.isEmpty()) {
            return Map.of();
        }
        LinkedHashMap<K, V> copy = new LinkedHashMap<>(Math.max(4, (int) (map.size() / 0.75f) + 1));
        for (Map.Entry<? extends K, ? extends V> e : map.entrySet()) {
            copy.put(Objects.requireNonNull(e.getKey(), "map key"), Objects.requireNonNull(e.getValue(), "map value"));
        }
        return Collections.unmodifiableMap(copy);
    }
}
