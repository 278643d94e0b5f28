package dev.apwire.protocol;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.Collection;
import java.util.RandomAccess;

/**
 * An immutable list of ids (location ids, for instance) held as a {@code long[]}: no boxing, a
 * fraction of the memory of a {@code List<Long>}. Every element is checked to lie within
 * &plusmn;(2<sup>53</sup>&minus;1).
 */
public final class LongList extends AbstractList<Long> implements RandomAccess {

    /** The empty list. */
    public static final LongList EMPTY = new LongList(new long[0]);

    private final long[] values;

    private LongList(long[] values) {
        this.values = values;
    }

    /**
     * {@return a list of the given ids}
     *
     * @param ids the ids; the array is copied
     * @throws IllegalArgumentException if an id is out of range
     */
    public static LongList of(long... ids) {
        return ids.length == 0 ? EMPTY : adopt(ids.clone(), ids.length);
    }

    /**
     * {@return a list of the given ids}
     *
     * @param ids the ids
     * @throws IllegalArgumentException if an id is out of range
     */
    public static LongList copyOf(Collection<? extends Number> ids) {
        if (ids instanceof LongList) {
            return (LongList) ids;
        }
        long[] values = new long[ids.size()];
        int i = 0;
        for (Number n : ids) {
            values[i++] = n.longValue();
        }
        return adopt(values, values.length);
    }

    /**
     * {@return a list taking ownership of the first {@code length} elements of an array}
     *
     * <p>For decoders: it saves a copy when the array is exactly full. The caller must not touch
     * the array afterwards.
     *
     * @param values the array, handed over
     * @param length how many leading elements are used
     * @throws IllegalArgumentException if an id is out of range
     */
    public static LongList adopt(long[] values, int length) {
        if (length == 0) {
            return EMPTY;
        }
        long[] owned = length == values.length ? values : Arrays.copyOf(values, length);
        for (long v : owned) {
            Checks.id(v, "id");
        }
        return new LongList(owned);
    }

    /**
     * {@return the id at an index, unboxed}
     *
     * @param index the index
     */
    public long getLong(int index) {
        return values[index];
    }

    /**
     * {@return whether the list contains an id}
     *
     * @param id the id
     */
    public boolean containsLong(long id) {
        for (long v : values) {
            if (v == id) {
                return true;
            }
        }
        return false;
    }

    /** {@return a copy of the ids as an array} */
    public long[] toLongArray() {
        return values.clone();
    }

    @Override
    public Long get(int index) {
        return values[index];
    }

    @Override
    public int size() {
        return values.length;
    }
}
