package dev.apwire.storage;

import dev.apwire.json.JsonArray;
import dev.apwire.json.JsonBool;
import dev.apwire.json.JsonFloat;
import dev.apwire.json.JsonInt;
import dev.apwire.json.JsonNull;
import dev.apwire.json.JsonObject;
import dev.apwire.json.JsonString;
import dev.apwire.json.JsonValue;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A tiny JSON reader and writer for the tests only (core has no parser; the codec lives elsewhere).
 * Keeps the int / float distinction: a number with a fraction or exponent is a float, any other is an
 * exact integer. The writer prints floats with {@link Double#toString}, so two values print the same
 * exactly when they have the same types, numbers and member order.
 */
final class TestJson {
    private final String s;
    private int i;

    private TestJson(String s) {
        this.s = s;
    }

    static JsonValue parse(String text) {
        TestJson p = new TestJson(text);
        JsonValue v = p.value();
        p.ws();
        if (p.i != text.length()) {
            throw new IllegalArgumentException("trailing data at " + p.i);
        }
        return v;
    }

    private void ws() {
        while (i < s.length() && " \t\r\n".indexOf(s.charAt(i)) >= 0) {
            i++;
        }
    }

    private JsonValue value() {
        ws();
        char c = s.charAt(i);
        switch (c) {
            case '{': {
                i++;
                LinkedHashMap<String, JsonValue> m = new LinkedHashMap<>();
                ws();
                if (s.charAt(i) == '}') {
                    i++;
                    return JsonObject.adopt(m);
                }
                while (true) {
                    ws();
                    String k = string();
                    ws();
                    expect(':');
                    m.put(k, value());
                    ws();
                    if (s.charAt(i) == ',') {
                        i++;
                    } else {
                        expect('}');
                        return JsonObject.adopt(m);
                    }
                }
            }
            case '[': {
                i++;
                List<JsonValue> l = new ArrayList<>();
                ws();
                if (s.charAt(i) == ']') {
                    i++;
                    return JsonArray.of(l);
                }
                while (true) {
                    l.add(value());
                    ws();
                    if (s.charAt(i) == ',') {
                        i++;
                    } else {
                        expect(']');
                        return JsonArray.of(l);
                    }
                }
            }
            case '"':
                return new JsonString(string());
            case 't':
                word("true");
                return JsonBool.TRUE;
            case 'f':
                word("false");
                return JsonBool.FALSE;
            case 'n':
                word("null");
                return JsonNull.INSTANCE;
            default:
                return number();
        }
    }

    private void expect(char c) {
        if (s.charAt(i) != c) {
            throw new IllegalArgumentException("expected " + c + " at " + i);
        }
        i++;
    }

    private void word(String w) {
        if (!s.startsWith(w, i)) {
            throw new IllegalArgumentException("expected " + w + " at " + i);
        }
        i += w.length();
    }

    private JsonValue number() {
        int start = i;
        boolean isFloat = false;
        while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) {
            char c = s.charAt(i);
            if (c == '.' || c == 'e' || c == 'E') {
                isFloat = true;
            }
            i++;
        }
        String t = s.substring(start, i);
        if (t.isEmpty()) {
            throw new IllegalArgumentException("unexpected character at " + i);
        }
        return isFloat ? new JsonFloat(Double.parseDouble(t)) : JsonInt.of(new BigInteger(t));
    }

    private String string() {
        expect('"');
        StringBuilder b = new StringBuilder();
        while (true) {
            char c = s.charAt(i++);
            if (c == '"') {
                return b.toString();
            }
            if (c != '\\') {
                b.append(c);
                continue;
            }
            char e = s.charAt(i++);
            switch (e) {
                case 'n': b.append('\n'); break;
                case 't': b.append('\t'); break;
                case 'r': b.append('\r'); break;
                case 'b': b.append('\b'); break;
                case 'f': b.append('\f'); break;
                case 'u':
                    b.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                    i += 4;
                    break;
                default: b.append(e);
            }
        }
    }

    static String write(JsonValue v) {
        StringBuilder b = new StringBuilder();
        write(v, b);
        return b.toString();
    }

    private static void write(JsonValue v, StringBuilder b) {
        if (v instanceof JsonString) {
            b.append('"');
            for (char c : ((JsonString) v).value().toCharArray()) {
                if (c == '"' || c == '\\') {
                    b.append('\\').append(c);
                } else if (c < 0x20 || c > 0x7e) {
                    b.append(String.format("\\u%04x", (int) c));
                } else {
                    b.append(c);
                }
            }
            b.append('"');
        } else if (v instanceof JsonArray) {
            b.append('[');
            String sep = "";
            for (JsonValue e : ((JsonArray) v).elements()) {
                b.append(sep);
                sep = ",";
                write(e, b);
            }
            b.append(']');
        } else if (v instanceof JsonObject) {
            b.append('{');
            String sep = "";
            for (Map.Entry<String, JsonValue> e : ((JsonObject) v).members().entrySet()) {
                b.append(sep);
                sep = ",";
                write(new JsonString(e.getKey()), b);
                b.append(':');
                write(e.getValue(), b);
            }
            b.append('}');
        } else {
            b.append(v);
        }
    }
}
