package dev.apwire.protocol;

import java.util.List;
import java.util.Objects;

/**
 * The name of a data storage operation ({@code DataStorageOperation.operation}).
 *
 * <p>An open enumeration: any string is a value; the named constants are the known ones.
 *
 * @param name the wire string
 */
public record OperationType(String name) {

    /** The value becomes the argument. */
    public static final OperationType REPLACE = new OperationType("replace");

    /** The value stays (the Set's default when the key was missing). */
    public static final OperationType DEFAULT = new OperationType("default");

    /** Addition, or concatenation of strings and lists. */
    public static final OperationType ADD = new OperationType("add");

    /** Multiplication, or repetition of strings and lists. */
    public static final OperationType MUL = new OperationType("mul");

    /** Exponentiation. */
    public static final OperationType POW = new OperationType("pow");

    /** Floored modulo, or printf formatting of a string. */
    public static final OperationType MOD = new OperationType("mod");

    /** Round down to an integer. */
    public static final OperationType FLOOR = new OperationType("floor");

    /** Round up to an integer. */
    public static final OperationType CEIL = new OperationType("ceil");

    /** The larger of value and argument; a tie keeps the value. */
    public static final OperationType MAX = new OperationType("max");

    /** The smaller of value and argument; a tie keeps the value. */
    public static final OperationType MIN = new OperationType("min");

    /** Bitwise and. */
    public static final OperationType AND = new OperationType("and");

    /** Bitwise or, or merge of objects. */
    public static final OperationType OR = new OperationType("or");

    /** Bitwise exclusive or. */
    public static final OperationType XOR = new OperationType("xor");

    /** Shift left. */
    public static final OperationType LEFT_SHIFT = new OperationType("left_shift");

    /** Arithmetic shift right. */
    public static final OperationType RIGHT_SHIFT = new OperationType("right_shift");

    /** Remove the first equal element of a list. */
    public static final OperationType REMOVE = new OperationType("remove");

    /** Remove a list index or an object key. */
    public static final OperationType POP = new OperationType("pop");

    /** Merge into an object, or append new elements to a list. */
    public static final OperationType UPDATE = new OperationType("update");

    private static final List<OperationType> KNOWN = List.of(REPLACE, DEFAULT, ADD, MUL, POW, MOD, FLOOR, CEIL, MAX, MIN, AND, OR, XOR, LEFT_SHIFT, RIGHT_SHIFT, REMOVE, POP, UPDATE);

    /**
     * Checks the name is present.
     *
     * @param name the wire string
     */
    public OperationType {
        Objects.requireNonNull(name, "name");
    }

    /** {@return the known constants} */
    public static List<OperationType> known() {
        return KNOWN;
    }

    /**
     * {@return the value for a wire string: a known constant when there is one}
     *
     * @param name the wire string
     */
    public static OperationType of(String name) {
        for (OperationType k : KNOWN) {
            if (k.name.equals(name)) {
                return k;
            }
        }
        return new OperationType(name);
    }

    /** {@return whether this is one of the named constants} */
    public boolean isKnown() {
        return KNOWN.contains(this);
    }

    @Override
    public String toString() {
        return name;
    }
}
