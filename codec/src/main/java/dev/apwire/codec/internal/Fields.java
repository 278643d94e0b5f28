package dev.apwire.codec.internal;

import dev.apwire.codec.MalformedFrameException;
import dev.apwire.json.JsonObject;
import dev.apwire.json.JsonValue;
import dev.apwire.protocol.Checks;
import dev.apwire.protocol.LongList;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * Typed reads of one field value at the parser's current token, each stating the rule it enforces.
 * A broken rule throws {@link Problem} naming the command and field.
 */
final class Fields {

    private Fields() {
    }

    static String where(String cmd, Object field) {
        return cmd + ": `" + field + "`";
    }


    static String string(JsonParser p, String cmd, Object field) {
        if (p.currentToken() != JsonToken.VALUE_STRING) {
            throw Problem.arguments(where(cmd, field) + " must be a string, got " + describe(p));
        }
        return p.getString();
    }

    static @Nullable String nullableString(JsonParser p, String cmd, Object field) {
        if (p.currentToken() == JsonToken.VALUE_NULL) {
            return null;
        }
        if (p.currentToken() != JsonToken.VALUE_STRING) {
            throw Problem.arguments(where(cmd, field) + " must be a string or null, got " + describe(p));
        }
        return p.getString();
    }

    static boolean bool(JsonParser p, String cmd, Object field) {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_TRUE) {
            return true;
        }
        if (t == JsonToken.VALUE_FALSE) {
            return false;
        }
        throw Problem.arguments(where(cmd, field) + " must be a boolean, got " + describe(p));
    }

    static int int32(JsonParser p, String cmd, Object field) {
        if (p.currentToken() != JsonToken.VALUE_NUMBER_INT || p.getNumberType() != JsonParser.NumberType.INT) {
            throw Problem.arguments(where(cmd, field) + " must be an integer within 32 bits, got " + describe(p));
        }
        return p.getIntValue();
    }

    static int nonNegative(JsonParser p, String cmd, Object field) {
        int v = int32(p, cmd, field);
        if (v < 0) {
            throw Problem.arguments(where(cmd, field) + " must be >= 0, got " + v);
        }
        return v;
    }

    static long id(JsonParser p, String cmd, Object field) {
        if (p.currentToken() != JsonToken.VALUE_NUMBER_INT || p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
            throw Problem.arguments(where(cmd, field) + " must be an integer id within +-(2^53-1), got " + describe(p));
        }
        long v = p.getLongValue();
        if (v > Checks.MAX_ID || v < -Checks.MAX_ID) {
            throw Problem.arguments(where(cmd, field) + " must be an integer id within +-(2^53-1), got " + v);
        }
        return v;
    }

    static double number(JsonParser p, String cmd, Object field) {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NUMBER_FLOAT || t == JsonToken.VALUE_NUMBER_INT) {
            double d = p.getDoubleValue();
            if (Double.isFinite(d)) {
                return d;
            }
        }
        throw Problem.arguments(where(cmd, field) + " must be a finite number, got " + describe(p));
    }

    static void startArray(JsonParser p, String cmd, Object field) {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            throw Problem.arguments(where(cmd, field) + " must be a list, got " + describe(p));
        }
    }

    static void startObject(JsonParser p, String cmd, Object field) {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            throw Problem.arguments(where(cmd, field) + " must be an object, got " + describe(p));
        }
    }

    static List<String> strings(JsonParser p, String cmd, Object field) {
        startArray(p, cmd, field);
        Scratch s = Scratch.get();
        int mark = s.mark();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                throw Problem.arguments(where(cmd, field) + " must be a list of strings, got an element " + describe(p));
            }
            s.push(p.getString());
        }
        return s.popList(mark);
    }

    static List<Integer> slots(JsonParser p, String cmd, Object field) {
        startArray(p, cmd, field);
        Scratch s = Scratch.get();
        int mark = s.mark();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            if (p.currentToken() != JsonToken.VALUE_NUMBER_INT || p.getNumberType() != JsonParser.NumberType.INT
                    || p.getIntValue() < 0) {
                throw Problem.arguments(where(cmd, field) + " must be a list of slot numbers (integers >= 0), got an element "
                        + describe(p));
            }
            s.push(p.getIntValue());
        }
        return s.popList(mark);
    }

    static LongList ids(JsonParser p, String cmd, Object field) {
        startArray(p, cmd, field);
        Scratch s = Scratch.get();
        int mark = s.markLongs();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            if (p.currentToken() != JsonToken.VALUE_NUMBER_INT || p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
                throw Problem.arguments(where(cmd, field) + " must be a list of integer ids, got an element " + describe(p));
            }
            long v = p.getLongValue();
            if (v > Checks.MAX_ID || v < -Checks.MAX_ID) {
                throw Problem.arguments(where(cmd, field) + " ids must be within +-(2^53-1), got " + v);
            }
            s.pushLong(v);
        }
        long[] ids = s.popLongs(mark);
        return ids.length == 0 ? LongList.EMPTY : LongList.adopt(ids, ids.length);
    }

    static JsonValue value(JsonParser p) throws MalformedFrameException {
        return dev.apwire.codec.JsonValues.read(p);
    }

    static LinkedHashMap<String, JsonValue> extra(@Nullable LinkedHashMap<String, JsonValue> extras, String name,
            JsonParser p) throws MalformedFrameException {
        LinkedHashMap<String, JsonValue> m = extras != null ? extras : new LinkedHashMap<>();
        m.put(name, value(p));
        return m;
    }

    static JsonObject extras(@Nullable LinkedHashMap<String, JsonValue> extras) {
        return extras == null ? JsonObject.EMPTY : JsonObject.adopt(extras);
    }

    static void require(boolean present, String cmd, Object field) {
        if (!present) {
            throw Problem.arguments(where(cmd, field) + " is required");
        }
    }

    /** A short description of the current token for messages: its JSON type and, for scalars, its value. */
    static String describe(JsonParser p) {
        JsonToken t = p.currentToken();
        if (t == null) {
            return "end of input";
        }
        switch (t) {
            case VALUE_STRING:
                String s = p.getString();
                return "string \"" + (s.length() > 40 ? s.substring(0, 40) + "..." : s) + "\"";
            case VALUE_NUMBER_INT:
                return "integer " + abbreviate(p.getString());
            case VALUE_NUMBER_FLOAT:
                return "float " + abbreviate(p.getString());
            case VALUE_TRUE:
                return "true";
            case VALUE_FALSE:
                return "false";
            case VALUE_NULL:
                return "null";
            case START_ARRAY:
                return "a list";
            case START_OBJECT:
                return "an object";
            default:
                return t.toString();
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 24 ? s.substring(0, 12) + "...(" + s.length() + " digits)" : s;
    }

    /** Reads one field's value at the parser's current token. */
    @FunctionalInterface
    interface Reader<V> {
        V read(JsonParser p, String cmd, Object field) throws MalformedFrameException;
    }

    /** Reads a list, each element with {@code element} at its path {@code field[i]}. */
    static <V> List<V> list(JsonParser p, String cmd, Object field, Reader<V> element) throws MalformedFrameException {
        startArray(p, cmd, field);
        Scratch s = Scratch.get();
        int mark = s.mark();
        Loc at = new Loc(field, 0, null);
        while (p.nextToken() != JsonToken.END_ARRAY) {
            s.push(element.read(p, cmd, at.at(s.size(mark))));
        }
        return s.popList(mark);
    }

    /** Reads an object whose keys are data, each value with {@code value} at its path {@code field.key}, in order. */
    static <V> LinkedHashMap<String, V> map(JsonParser p, String cmd, Object field, Reader<V> value)
            throws MalformedFrameException {
        startObject(p, cmd, field);
        LinkedHashMap<String, V> map = new LinkedHashMap<>();
        for (String k = p.nextName(); k != null; k = p.nextName()) {
            p.nextToken();
            map.put(k, value.read(p, cmd, new Loc(field, -1, k)));
        }
        return map;
    }

    /** Builds a packet from its one field and its extras. */
    @FunctionalInterface
    interface OneFieldPacket<V, P> {
        P build(V value, JsonObject extras);
    }

    /**
     * Reads a command object with one known field (the rest are extras): most commands are this shape.
     *
     * @param required whether a missing field is a problem (else the builder gets {@code null})
     */
    static <V, P> P oneField(JsonParser p, String cmd, String field, boolean required, Reader<V> reader,
            OneFieldPacket<@Nullable V, P> builder) throws MalformedFrameException {
        V value = null;
        LinkedHashMap<String, JsonValue> extras = null;
        for (String n = p.nextName(); n != null; n = p.nextName()) {
            p.nextToken();
            if (n.equals(field)) {
                value = reader.read(p, cmd, field);
            } else {
                extras = extra(extras, n, p);
            }
        }
        if (required) {
            require(value != null, cmd, field);
        }
        return builder.build(value, extras(extras));
    }
}
