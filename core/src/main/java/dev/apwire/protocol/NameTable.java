package dev.apwire.protocol;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * An immutable name-to-id table of one game's data package ({@code item_name_to_id} or
 * {@code location_name_to_id}), in wire order.
 *
 * <p>Held as two parallel arrays rather than a map: a 100-game data package has hundreds of
 * thousands of names, and map entries would cost several times the memory. Look-ups in either
 * direction use sorted indexes built on first use (thread-safe).
 */
public final class NameTable {

    /** The empty table. */
    public static final NameTable EMPTY = new NameTable(new String[0], new long[0]);

    private final String[] names;
    private final long[] ids;
    private volatile int @Nullable [] byId;
    private volatile int @Nullable [] byName;

    private NameTable(String[] names, long[] ids) {
        this.names = names;
        this.ids = ids;
    }

    /**
     * {@return a table of the map's entries, in its iteration order}
     *
     * @param nameToId names and their ids
     * @throws IllegalArgumentException if an id is out of range
     */
    public static NameTable of(Map<String, ? extends Number> nameToId) {
        String[] names = new String[nameToId.size()];
        long[] ids = new long[names.length];
        int i = 0;
        for (Map.Entry<String, ? extends Number> e : nameToId.entrySet()) {
            names[i] = Objects.requireNonNull(e.getKey(), "name");
            ids[i] = e.getValue().longValue();
            i++;
        }
        return adopt(names, ids, names.length);
    }

    /**
     * {@return a table taking ownership of the first {@code length} entries of two parallel arrays}
     *
     * <p>For decoders: the caller must not touch the arrays afterwards.
     *
     * @param names the names, handed over
     * @param ids the ids, handed over
     * @param length how many leading entries are used
     * @throws IllegalArgumentException if an id is out of range or a name is null
     */
    public static NameTable adopt(String[] names, long[] ids, int length) {
        if (length == 0) {
            return EMPTY;
        }
        String[] n = names.length == length ? names : Arrays.copyOf(names, length);
        long[] d = ids.length == length ? ids : Arrays.copyOf(ids, length);
        for (int i = 0; i < length; i++) {
            Objects.requireNonNull(n[i], "name");
            Checks.id(d[i], "id");
        }
        return new NameTable(n, d);
    }

    /** {@return the number of entries} */
    public int size() {
        return names.length;
    }

    /**
     * {@return the name of the entry at a position (wire order)}
     *
     * @param index the position
     */
    public String nameAt(int index) {
        return names[index];
    }

    /**
     * {@return the id of the entry at a position (wire order)}
     *
     * @param index the position
     */
    public long idAt(int index) {
        return ids[index];
    }

    /**
     * {@return the name for an id, or {@code null} when the table has none}
     *
     * @param id the id
     */
    public @Nullable String name(long id) {
        int[] index = byId();
        int lo = 0;
        int hi = index.length - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            long v = ids[index[mid]];
            if (v < id) {
                lo = mid + 1;
            } else if (v > id) {
                hi = mid - 1;
            } else {
                return names[index[mid]];
            }
        }
        return null;
    }

    /**
     * {@return the id for a name, or {@code null} when the table has none}
     *
     * @param name the name
     */
    public @Nullable Long id(String name) {
        int[] index = byName();
        int lo = 0;
        int hi = index.length - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int c = names[index[mid]].compareTo(name);
            if (c < 0) {
                lo = mid + 1;
            } else if (c > 0) {
                hi = mid - 1;
            } else {
                return ids[index[mid]];
            }
        }
        return null;
    }

    private int[] byId() {
        int[] index = byId;
        if (index == null) {
            Integer[] boxed = positions();
            Arrays.sort(boxed, (a, b) -> Long.compare(ids[a], ids[b]));
            byId = index = unbox(boxed);
        }
        return index;
    }

    private int[] byName() {
        int[] index = byName;
        if (index == null) {
            Integer[] boxed = positions();
            Arrays.sort(boxed, (a, b) -> names[a].compareTo(names[b]));
            byName = index = unbox(boxed);
        }
        return index;
    }

    private Integer[] positions() {
        Integer[] p = new Integer[names.length];
        for (int i = 0; i < p.length; i++) {
            p[i] = i;
        }
        return p;
    }

    private static int[] unbox(Integer[] boxed) {
        int[] r = new int[boxed.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = boxed[i];
        }
        return r;
    }

    /** {@return an unmodifiable map view, name to id, in wire order} */
    public Map<String, Long> asMap() {
        return new AbstractMap<>() {
            @Override
            public Set<Entry<String, Long>> entrySet() {
                return new AbstractSet<>() {
                    @Override
                    public Iterator<Entry<String, Long>> iterator() {
                        return new Iterator<>() {
                            private int i;

                            @Override
                            public boolean hasNext() {
                                return i < names.length;
                            }

                            @Override
                            public Entry<String, Long> next() {
                                if (i >= names.length) {
                                    throw new NoSuchElementException();
                                }
                                int at = i++;
                                return new SimpleImmutableEntry<>(names[at], ids[at]);
                            }
                        };
                    }

                    @Override
                    public int size() {
                        return names.length;
                    }
                };
            }

            @Override
            public @Nullable Long get(@Nullable Object key) {
                return key instanceof String ? id((String) key) : null;
            }

            @Override
            public boolean containsKey(@Nullable Object key) {
                return get(key) != null;
            }
        };
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof NameTable && Arrays.equals(names, ((NameTable) o).names) && Arrays.equals(ids, ((NameTable) o).ids);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(names) + Arrays.hashCode(ids);
    }

    @Override
    public String toString() {
        return "NameTable[" + names.length + " entries]";
    }
}
