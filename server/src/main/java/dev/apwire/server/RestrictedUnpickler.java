package dev.apwire.server;

import dev.apwire.server.MultiworldFileException.Kind;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.razorvine.pickle.IObjectConstructor;
import net.razorvine.pickle.Opcodes;
import net.razorvine.pickle.PickleException;
import net.razorvine.pickle.PickleUtils;
import net.razorvine.pickle.Unpickler;
import org.jspecify.annotations.Nullable;

/**
 * The reference's restricted unpickler ({@code Utils.RestrictedUnpickler}, server-features.md §11.2) on the
 * Razorvine pickle library, which decodes every opcode of protocols 0 to 5.
 *
 * <p>What this class changes in the library:
 * <ul>
 *   <li>{@code GLOBAL} and {@code STACK_GLOBAL} resolve only the allowed globals, each to a constructor of
 *       plain values ({@link PickledObject}, sets, maps); any other name is refused with the reference's text
 *       {@code global '<module>.<name>' is forbidden}. The library's own table of constructors (a static,
 *       JVM-wide map) is never consulted.</li>
 *   <li>The opcodes that look up or run code without a global ({@code INST}, {@code OBJ}, {@code BUILD}, which
 *       would call {@code __setstate__} by reflection, {@code PERSID}, {@code BINPERSID}, {@code EXT1/2/4}) and
 *       out-of-band buffers are refused: the generator writes none of them.</li>
 *   <li>Dicts and sets keep their pickled order ({@code LinkedHashMap}, {@code LinkedHashSet}): Python dicts are
 *       ordered, and a data package's name order is part of its checksum. Their keys must be hashable scalars or
 *       allowed objects of scalars, so no self-referencing structure is ever hashed.</li>
 *   <li>A length prefix longer than the rest of the pickle is refused before anything is allocated, integers
 *       of more than 4300 digits are refused (as Python refuses to convert them), and the number of opcodes is
 *       bounded ({@link MultiworldLimits#maxPickleOperations()}).</li>
 * </ul>
 *
 * <p>The Python {@code Options} classes and {@code Plando*} tuples that the reference also allows appear only in
 * option objects, never in what the generator writes into a multiworld; they are refused as well (a documented
 * deviation). Not thread-safe: one instance reads one pickle.
 */
final class RestrictedUnpickler extends Unpickler {

    /** The named tuples of {@code NetUtils}, with their smallest and largest field counts. */
    private static final Map<String, int[]> NAMED_TUPLES = Map.of(
            "NetworkItem", new int[] {4, 4},
            "NetworkSlot", new int[] {3, 4},
            "Hint", new int[] {5, 8});
    /** The {@code ByValue} enums of {@code NetUtils}. */
    private static final Set<String> ENUMS = Set.of("ClientStatus", "SlotType", "HintStatus");

    /** Python refuses to convert integers of more digits between text and int (3.11's default limit); integers
     * this large never belong in a multiworld, and converting them costs time quadratic in their length. */
    private static final int MAX_INT_DIGITS = 4300;
    /** The bytes of a {@code LONG4} integer of at most about {@link #MAX_INT_DIGITS} digits. */
    private static final int MAX_LONG_BYTES = 1800;

    private final long maxOperations;
    private long operations;

    private RestrictedUnpickler(long maxOperations) {
        this.maxOperations = maxOperations;
    }

    /**
     * Unpickles a whole pickle.
     *
     * @param pickle the pickle bytes (already inflated)
     * @param limits the bounds
     * @return the unpickled value (maps, lists, {@code Object[]} tuples, sets, strings, numbers, booleans,
     *     {@code null}, {@code byte[]} and {@link PickledObject}s) and the number of opcodes it took
     * @throws MultiworldFileException if the pickle is malformed, forbidden or too large
     */
    static Unpickled load(byte[] pickle, MultiworldLimits limits) throws MultiworldFileException {
        RestrictedUnpickler u = new RestrictedUnpickler(limits.maxPickleOperations());
        ByteArrayInputStream in = new ByteArrayInputStream(pickle);
        try {
            Object value = u.load(in);
            if (in.available() > 0) {
                throw new MultiworldFileException(Kind.MALFORMED, in.available() + " bytes after the pickle's STOP");
            }
            return new Unpickled(value, u.operations);
        } catch (Refused e) {
            throw e.exception;
        } catch (IOException | PickleException e) {
            throw new MultiworldFileException(Kind.MALFORMED, "malformed pickle: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            // The library signals a stack underflow or an opcode applied to the wrong type with the runtime
            // exception of the collection or cast that failed.
            throw new MultiworldFileException(Kind.MALFORMED, "malformed pickle: " + e, e);
        } finally {
            u.close();
        }
    }

    /**
     * An unpickled value and the number of opcodes that built it. A value reached through the memo several times
     * is one object here but several when copied out; the opcode count bounds how many copies are plausible.
     *
     * @param value the value
     * @param operations the opcodes executed
     */
    record Unpickled(@Nullable Object value, long operations) {
    }

    @Override
    protected Object dispatch(short key) throws PickleException, IOException {
        if (++operations > maxOperations) {
            throw refuse(Kind.TOO_LARGE, "the pickle has more than " + maxOperations + " operations");
        }
        switch (key) {
            case Opcodes.GLOBAL -> {
                String module = PickleUtils.readline(input);
                String name = PickleUtils.readline(input);
                stack.add(global(module, name));
                return NO_RETURN_VALUE;
            }
            case Opcodes.STACK_GLOBAL -> {
                Object name = stack.pop();
                Object module = stack.pop();
                if (!(module instanceof String m) || !(name instanceof String n)) {
                    throw refuse(Kind.MALFORMED, "STACK_GLOBAL needs two strings");
                }
                stack.add(global(m, n));
                return NO_RETURN_VALUE;
            }
            case Opcodes.INST, Opcodes.OBJ, Opcodes.BUILD, Opcodes.PERSID, Opcodes.BINPERSID, Opcodes.EXT1,
                    Opcodes.EXT2, Opcodes.EXT4, Opcodes.NEWOBJ_EX, Opcodes.NEXT_BUFFER, Opcodes.READONLY_BUFFER ->
                    throw refuse(Kind.FORBIDDEN, "pickle opcode 0x" + Integer.toHexString(key)
                            + " is not allowed in a multiworld file");
            case Opcodes.EMPTY_DICT -> {
                stack.add(new LinkedHashMap<Object, Object>());
                return NO_RETURN_VALUE;
            }
            case Opcodes.DICT -> {
                List<Object> items = stack.pop_all_since_marker();
                if (items.size() % 2 != 0) {
                    throw refuse(Kind.MALFORMED, "DICT with an odd number of items");
                }
                LinkedHashMap<Object, Object> map = new LinkedHashMap<>();
                putPairs(map, items);
                stack.add(map);
                return NO_RETURN_VALUE;
            }
            case Opcodes.SETITEM -> {
                Object value = stack.pop();
                Object k = stack.pop();
                map(stack.peek()).put(hashable(k), value);
                return NO_RETURN_VALUE;
            }
            case Opcodes.SETITEMS -> {
                List<Object> items = stack.pop_all_since_marker();
                if (items.size() % 2 != 0) {
                    throw refuse(Kind.MALFORMED, "SETITEMS with an odd number of items");
                }
                putPairs(map(stack.peek()), items);
                return NO_RETURN_VALUE;
            }
            case Opcodes.EMPTY_SET -> {
                stack.add(new LinkedHashSet<Object>());
                return NO_RETURN_VALUE;
            }
            case Opcodes.ADDITEMS -> {
                List<Object> items = stack.pop_all_since_marker();
                Set<Object> set = set(stack.peek());
                for (Object item : items) {
                    set.add(hashable(item));
                }
                return NO_RETURN_VALUE;
            }
            case Opcodes.FROZENSET -> {
                stack.add(setOf(stack.pop_all_since_marker()));
                return NO_RETURN_VALUE;
            }
            case Opcodes.BINUNICODE, Opcodes.BINBYTES, Opcodes.BINSTRING -> {
                checkLength(4);
                return super.dispatch(key);
            }
            case Opcodes.LONG4 -> {
                if (checkLength(4) > MAX_LONG_BYTES) {
                    throw refuse(Kind.MALFORMED, "an integer of more than " + MAX_INT_DIGITS + " digits");
                }
                return super.dispatch(key);
            }
            case Opcodes.INT, Opcodes.LONG, Opcodes.FLOAT -> {
                checkLine(MAX_INT_DIGITS + 2);
                return super.dispatch(key);
            }
            case Opcodes.BINUNICODE8, Opcodes.BINBYTES8, Opcodes.BYTEARRAY8 -> {
                checkLength(8);
                return super.dispatch(key);
            }
            default -> {
                return super.dispatch(key);
            }
        }
    }

    /** Refuses a text number longer than Python converts ({@code sys.int_info.default_max_str_digits}). */
    private void checkLine(int max) throws IOException {
        input.mark(max + 1);
        try {
            for (int i = 0; i <= max; i++) {
                int b = input.read();
                if (b == '\n') {
                    return;
                }
                if (b < 0) {
                    throw refuse(Kind.MALFORMED, "a text number without its line end");
                }
            }
            throw refuse(Kind.MALFORMED, "a text number of more than " + MAX_INT_DIGITS + " digits");
        } finally {
            input.reset();
        }
    }

    /** Refuses a length prefix (little-endian, unsigned) that points past the end of the pickle. */
    private long checkLength(int width) throws IOException {
        input.mark(width);
        byte[] bytes = input.readNBytes(width);
        input.reset();
        if (bytes.length < width) {
            throw refuse(Kind.MALFORMED, "truncated length prefix");
        }
        BigInteger length = BigInteger.ZERO;
        for (int i = width - 1; i >= 0; i--) {
            length = length.shiftLeft(8).or(BigInteger.valueOf(bytes[i] & 0xff));
        }
        if (length.compareTo(BigInteger.valueOf(input.available() - width)) > 0) {
            throw refuse(Kind.MALFORMED, "a length prefix of " + length + " bytes points past the end of the pickle");
        }
        return length.longValue();
    }

    private IObjectConstructor global(String pickledModule, String name) {
        // Python's unpickler maps Python 2 module names (protocols 0 to 2) before find_class sees them.
        String module = pickledModule.equals("__builtin__") ? "builtins" : pickledModule;
        String qualified = module + "." + name;
        if (module.equals("builtins") && (name.equals("set") || name.equals("frozenset"))) {
            return args -> args.length == 0 ? new LinkedHashSet<>() : setOf(iterable(args[0], qualified));
        }
        if (module.equals("collections") && name.equals("Counter")) {
            return args -> {
                LinkedHashMap<Object, Object> counter = new LinkedHashMap<>();
                if (args.length > 0 && args[0] instanceof Map<?, ?> m) {
                    for (Map.Entry<?, ?> e : m.entrySet()) {
                        counter.put(hashable(e.getKey()), e.getValue());
                    }
                } else if (args.length > 0) {
                    for (Object item : iterable(args[0], qualified)) {
                        Object k = hashable(item);
                        Object count = counter.get(k);
                        counter.put(k, count instanceof Integer c ? c + 1 : 1);
                    }
                }
                return counter;
            };
        }
        if (module.equals("NetUtils")) {
            int[] arity = NAMED_TUPLES.get(name);
            if (arity != null) {
                return args -> {
                    if (args.length < arity[0] || args.length > arity[1]) {
                        throw refuse(Kind.MALFORMED, qualified + " built from " + args.length + " fields");
                    }
                    return PickledObject.of(qualified, args);
                };
            }
            if (ENUMS.contains(name)) {
                return args -> {
                    if (args.length != 1 || !(args[0] instanceof Integer)) {
                        throw refuse(Kind.MALFORMED, qualified + " must be built from one small integer");
                    }
                    return PickledObject.of(qualified, args);
                };
            }
        }
        String last = module.substring(module.lastIndexOf('.') + 1).toLowerCase(java.util.Locale.ROOT);
        if (last.contains("option") || qualified.equals("worlds.generic.PlandoItem")) {
            throw refuse(Kind.FORBIDDEN, "global '" + qualified + "' is forbidden: option objects, which the reference"
                    + " also allows, never belong in a multiworld and apwire does not load them");
        }
        throw refuse(Kind.FORBIDDEN, "global '" + qualified + "' is forbidden");
    }

    private static Collection<?> iterable(@Nullable Object value, String what) {
        if (value instanceof Collection<?> c) {
            return c;
        }
        if (value instanceof Object[] tuple) {
            return java.util.Arrays.asList(tuple);
        }
        if (value instanceof Map<?, ?> m) {
            return m.keySet();
        }
        throw refuse(Kind.MALFORMED, what + " built from a " + typeName(value));
    }

    private static Set<Object> setOf(Collection<?> items) {
        LinkedHashSet<Object> set = new LinkedHashSet<>();
        for (Object item : items) {
            set.add(hashable(item));
        }
        return set;
    }

    private static void putPairs(Map<Object, Object> map, List<Object> items) {
        for (int i = 0; i < items.size(); i += 2) {
            map.put(hashable(items.get(i)), items.get(i + 1));
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<Object, Object> map(Object top) {
        if (!(top instanceof LinkedHashMap<?, ?>)) {
            throw refuse(Kind.MALFORMED, "SETITEM on a " + typeName(top));
        }
        return (Map<Object, Object>) top;
    }

    @SuppressWarnings("unchecked")
    private static Set<Object> set(Object top) {
        if (!(top instanceof LinkedHashSet<?>)) {
            throw refuse(Kind.MALFORMED, "ADDITEMS on a " + typeName(top));
        }
        return (Set<Object>) top;
    }

    /** Python hashes only immutable values; so does this reader, which keeps cycles out of hashing. */
    private static @Nullable Object hashable(@Nullable Object key) {
        if (!isHashable(key, 0)) {
            throw refuse(Kind.MALFORMED, "unhashable " + typeName(key) + " used as a dict key or set member");
        }
        return key instanceof Object[] tuple ? List.of(tuple) : key;
    }

    private static boolean isHashable(@Nullable Object v, int depth) {
        if (v == null || v instanceof String || v instanceof Number || v instanceof Boolean) {
            return true;
        }
        if (depth > 4) {
            return false;
        }
        if (v instanceof PickledObject o) {
            for (Object a : o.args()) {
                if (!isHashable(a, depth + 1)) {
                    return false;
                }
            }
            return true;
        }
        if (v instanceof Object[] tuple) {
            for (Object a : tuple) {
                if (a == null || !isHashable(a, depth + 1)) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    static String typeName(@Nullable Object v) {
        if (v == null) {
            return "None";
        }
        if (v instanceof Object[]) {
            return "tuple";
        }
        if (v instanceof PickledObject o) {
            return o.className();
        }
        if (v instanceof Map) {
            return "dict";
        }
        if (v instanceof List) {
            return "list";
        }
        if (v instanceof Set) {
            return "set";
        }
        return v.getClass().getSimpleName();
    }

    private static Refused refuse(Kind kind, String message) {
        return new Refused(new MultiworldFileException(kind, message));
    }

    /** Carries a typed refusal out of the library's dispatch loop, which declares only {@link PickleException}. */
    private static final class Refused extends PickleException {
        private static final long serialVersionUID = 1L;
        private final transient MultiworldFileException exception;

        Refused(MultiworldFileException exception) {
            super(exception.getMessage());
            this.exception = exception;
        }
    }
}
