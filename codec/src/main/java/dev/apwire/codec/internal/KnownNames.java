package dev.apwire.codec.internal;

import dev.apwire.protocol.JsonMessagePartType;
import dev.apwire.protocol.OperationType;
import dev.apwire.protocol.PrintJsonType;
import dev.apwire.protocol.TextColor;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * The known values of an open enumeration, matched in the parser's character buffer: a known wire string
 * (a PrintJSON type, a part type, a colour, an operation) decodes to its constant without a string being
 * made for it; an unknown one is read as a string and kept as a value ({@code of}), as before.
 * Immutable and thread-safe.
 *
 * @param <T> the enumeration's type
 */
final class KnownNames<T> {

    static final KnownNames<PrintJsonType> PRINT_JSON_TYPES =
            new KnownNames<>(PrintJsonType.known(), PrintJsonType::name, PrintJsonType::of);
    static final KnownNames<JsonMessagePartType> PART_TYPES =
            new KnownNames<>(JsonMessagePartType.known(), JsonMessagePartType::name, JsonMessagePartType::of);
    static final KnownNames<TextColor> COLORS = new KnownNames<>(TextColor.known(), TextColor::name, TextColor::of);
    static final KnownNames<OperationType> OPERATIONS =
            new KnownNames<>(OperationType.known(), OperationType::name, OperationType::of);

    private final Table table;
    private final Object[] values;
    private final Function<String, T> of;

    private KnownNames(List<T> known, Function<T, String> name, Function<String, T> of) {
        String[] names = new String[known.size()];
        for (int i = 0; i < names.length; i++) {
            names[i] = name.apply(known.get(i));
        }
        this.table = new Table(names);
        this.values = known.toArray();
        this.of = of;
    }

    /**
     * {@return the value of the string at the parser's current token}
     *
     * @param p the parser
     * @param cmd the command, for a problem's text
     * @param field the field, for a problem's text
     * @throws Problem when the token is not a string (the text of {@link Fields#string})
     */
    @SuppressWarnings("unchecked")
    T read(JsonParser p, String cmd, Object field) {
        if (p.currentToken() != JsonToken.VALUE_STRING) {
            Fields.string(p, cmd, field); // throws the rule's problem
        }
        int i = table.indexOf(p);
        return i >= 0 ? (T) values[i] : of.apply(p.getString());
    }

    /**
     * Known strings hashed for lookup in a parser's character buffer: the buffer's characters are hashed as
     * {@link String#hashCode} would, probed in an open-addressing table, and the one candidate compared.
     * Immutable and thread-safe.
     */
    static final class Table {
        private final char[][] names;
        private final int[] slots; // index + 1 of the name in each slot, 0 for an empty slot
        private final int mask;

        Table(String[] names) {
            this.names = new char[names.length][];
            int size = Integer.highestOneBit(Math.max(4, names.length * 4) - 1) << 1;
            this.slots = new int[size];
            this.mask = size - 1;
            for (int i = 0; i < names.length; i++) {
                this.names[i] = names[i].toCharArray();
                int slot = spread(names[i].hashCode()) & mask;
                while (slots[slot] != 0) {
                    slot = (slot + 1) & mask;
                }
                slots[slot] = i + 1;
            }
        }

        /**
         * {@return the index of the string at the parser's current {@code VALUE_STRING}, or -1}
         *
         * @param p the parser
         */
        int indexOf(JsonParser p) {
            char[] chars = p.getStringCharacters();
            int offset = p.getStringOffset();
            int length = p.getStringLength();
            int h = 0;
            for (int i = offset, end = offset + length; i < end; i++) {
                h = 31 * h + chars[i];
            }
            for (int slot = spread(h) & mask; slots[slot] != 0; slot = (slot + 1) & mask) {
                char[] known = names[slots[slot] - 1];
                if (known.length == length && Arrays.equals(known, 0, length, chars, offset, offset + length)) {
                    return slots[slot] - 1;
                }
            }
            return -1;
        }

        private static int spread(int h) {
            return h ^ (h >>> 16);
        }
    }
}
