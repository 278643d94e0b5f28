package dev.apwire.codec.internal;

import dev.apwire.protocol.JsonMessagePartType;
import dev.apwire.protocol.OperationType;
import dev.apwire.protocol.PrintJsonType;
import dev.apwire.protocol.TextColor;
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

    private final String[] names;
    private final Object[] values;
    private final Function<String, T> of;

    private KnownNames(List<T> known, Function<T, String> name, Function<String, T> of) {
        this.names = new String[known.size()];
        this.values = known.toArray();
        for (int i = 0; i < names.length; i++) {
            names[i] = name.apply(known.get(i));
        }
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
        int i = indexOf(names, p);
        return i >= 0 ? (T) values[i] : of.apply(p.getString());
    }

    /**
     * {@return the index of the string at the parser's current {@code VALUE_STRING} in {@code names}, or -1}
     *
     * @param names the known strings
     * @param p the parser
     */
    static int indexOf(String[] names, JsonParser p) {
        char[] chars = p.getStringCharacters();
        int offset = p.getStringOffset();
        int length = p.getStringLength();
        for (int i = 0; i < names.length; i++) {
            String known = names[i];
            if (known.length() == length && matches(known, chars, offset)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean matches(String known, char[] chars, int offset) {
        for (int i = 0; i < known.length(); i++) {
            if (known.charAt(i) != chars[offset + i]) {
                return false;
            }
        }
        return true;
    }
}
