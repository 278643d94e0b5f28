package dev.apwire.storage;

import dev.apwire.json.JsonArray;
import dev.apwire.json.JsonBool;
import dev.apwire.json.JsonFloat;
import dev.apwire.json.JsonInt;
import dev.apwire.json.JsonNull;
import dev.apwire.json.JsonObject;
import dev.apwire.json.JsonString;
import dev.apwire.json.JsonValue;
import java.util.Map;

/**
 * The encoded size of a value as {@link StorageLimits} counts it: its JSON with {@code ensure_ascii}, every
 * nested element and character included, with an early stop so that measuring a huge value (a list of a
 * million references to one large object) costs no more than the bound.
 *
 * <p>Stateless and thread-safe.
 */
final class JsonSize {

    private JsonSize() {
    }

    /**
     * {@return the encoded size of a value, or some number above {@code bound} as soon as it exceeds it}
     *
     * @param value the value
     * @param bound the size above which counting stops
     */
    static long of(JsonValue value, long bound) {
        if (value instanceof JsonNull) {
            return 4;
        } else if (value instanceof JsonBool b) {
            return b.value() ? 4 : 5;
        } else if (value instanceof JsonInt i) {
            return i.fitsLong() ? Long.toString(i.longValue()).length() : (long) (i.bigIntegerValue().bitLength() * 0.30103) + 2;
        } else if (value instanceof JsonFloat) {
            return 24;
        } else if (value instanceof JsonString s) {
            return string(s.value());
        } else if (value instanceof JsonArray a) {
            long size = 2;
            for (JsonValue e : a.elements()) {
                size += of(e, bound - size) + 2;
                if (size > bound) {
                    return size;
                }
            }
            return size;
        } else {
            long size = 2;
            for (Map.Entry<String, JsonValue> m : ((JsonObject) value).members().entrySet()) {
                size += string(m.getKey()) + 2;
                size += of(m.getValue(), bound - size) + 2;
                if (size > bound) {
                    return size;
                }
            }
            return size;
        }
    }

    /** {@return the encoded size of a string, quotes included: 6 for each character escaped as {@code \\uXXXX}} */
    static long string(String s) {
        long size = 2 + s.length();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                size += 5;
            }
        }
        return size;
    }
}
