package dev.apwire.codec.internal;

import java.util.Arrays;
import java.util.List;

/**
 * Per-thread stacks that lists are read into before they become immutable lists of their exact size, so a
 * decoded list costs one array of its final size instead of a growing {@code ArrayList}, its copy into an
 * array and that array's copy into the record's immutable list.
 *
 * <p>Lists nest (the parts of a PrintJSON inside the frame's commands): each list remembers the stack height
 * when it starts ({@link #mark}) and takes the elements above it when it ends. A list abandoned by a thrown
 * problem leaves its elements on the stack until the command's reader returns, which {@link #truncate}s
 * the stack to where it was before the command. Elements are cleared when taken, so no decoded value is kept alive by the
 * stack; a stack grown past {@link #KEEP} slots by one huge list is dropped when it empties.
 *
 * <p>Not thread-safe: each thread has its own ({@link #get}).
 */
final class Scratch {

    /** The largest stack kept between lists, in slots. */
    static final int KEEP = 1 << 14;

    private static final ThreadLocal<Scratch> LOCAL = ThreadLocal.withInitial(Scratch::new);

    private Object[] objects = new Object[64];
    private int objectTop;
    private long[] longs = new long[256];
    private int longTop;

    private Scratch() {
    }

    /** {@return this thread's stacks} */
    static Scratch get() {
        return LOCAL.get();
    }

    /**
     * Drops what lists abandoned by a problem left above the given heights (a no-op after a command read
     * whole, since each list takes its own elements).
     *
     * @param objectMark the object stack's height before the command
     * @param longMark the number stack's height before the command
     */
    void truncate(int objectMark, int longMark) {
        if (objectTop > objectMark) {
            Arrays.fill(objects, objectMark, objectTop, null);
            objectTop = objectMark;
        }
        longTop = Math.min(longTop, longMark);
    }

    /** {@return the height of the object stack, where a new list starts} */
    int mark() {
        return objectTop;
    }

    /** {@return the height of the number stack, where a new list of ids starts} */
    int markLongs() {
        return longTop;
    }

    /** {@return the object stack's size in slots} */
    int capacity() {
        return objects.length;
    }

    /** {@return the number stack's size in slots} */
    int longCapacity() {
        return longs.length;
    }

    void push(Object value) {
        if (objectTop == objects.length) {
            objects = Arrays.copyOf(objects, objectTop * 2);
        }
        objects[objectTop++] = value;
    }

    void pushLong(long value) {
        if (longTop == longs.length) {
            longs = Arrays.copyOf(longs, longTop * 2);
        }
        longs[longTop++] = value;
    }

    /** {@return the number of elements above {@code mark}} */
    int size(int mark) {
        return objectTop - mark;
    }

    /**
     * {@return the elements above {@code mark} as an immutable list, popped} {@code List.copyOf} of it
     * returns it unchanged, so a record's compact constructor does not copy it again.
     *
     * @param mark where the list started
     * @param <V> the element type
     */
    @SuppressWarnings("unchecked")
    <V> List<V> popList(int mark) {
        Object[] s = objects;
        int n = objectTop - mark;
        List<Object> list = switch (n) {
            case 0 -> List.of();
            case 1 -> List.of(s[mark]);
            case 2 -> List.of(s[mark], s[mark + 1]);
            case 3 -> List.of(s[mark], s[mark + 1], s[mark + 2]);
            case 4 -> List.of(s[mark], s[mark + 1], s[mark + 2], s[mark + 3]);
            case 5 -> List.of(s[mark], s[mark + 1], s[mark + 2], s[mark + 3], s[mark + 4]);
            case 6 -> List.of(s[mark], s[mark + 1], s[mark + 2], s[mark + 3], s[mark + 4], s[mark + 5]);
            case 7 -> List.of(s[mark], s[mark + 1], s[mark + 2], s[mark + 3], s[mark + 4], s[mark + 5], s[mark + 6]);
            case 8 -> List.of(s[mark], s[mark + 1], s[mark + 2], s[mark + 3], s[mark + 4], s[mark + 5], s[mark + 6],
                    s[mark + 7]);
            default -> List.of(Arrays.copyOfRange(s, mark, objectTop));
        };
        Arrays.fill(s, mark, objectTop, null);
        objectTop = mark;
        if (mark == 0 && s.length > KEEP) {
            objects = new Object[64];
        }
        return (List<V>) list;
    }

    /**
     * {@return the numbers above {@code mark} as an array of their exact length, popped}
     *
     * @param mark where the list started
     */
    long[] popLongs(int mark) {
        long[] out = Arrays.copyOfRange(longs, mark, longTop);
        longTop = mark;
        if (mark == 0 && longs.length > KEEP) {
            longs = new long[256];
        }
        return out;
    }
}
