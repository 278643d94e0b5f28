package dev.apwire.codec.internal;

import dev.apwire.json.JsonArray;
import dev.apwire.json.JsonBool;
import dev.apwire.json.JsonFloat;
import dev.apwire.json.JsonObject;
import dev.apwire.json.JsonString;
import dev.apwire.json.JsonValue;
import java.util.Map;

/**
 * Python's {@code repr} of a JSON value ({@code {'foo': 1}}, {@code True}, {@code None}), which the
 * reference server puts in some {@code InvalidPacket} texts. Output is capped in length.
 */
final class PyRepr {
    private static final int CAP = 200;

    private PyRepr() {
    }

    static String of(JsonValue v) {
        StringBuilder sb = new StringBuilder();
        append(sb, v);
        return sb.length() > CAP ? sb.substring(0, CAP) + "..." : sb.toString();
    }

    private static void append(StringBuilder sb, JsonValue v) {
        if (sb.length() > CAP) {
            return;
        }
        switch (v.kind()) {
            case NULL:
                sb.append("None");
                break;
            case BOOLEAN:
                sb.append(((JsonBool) v).value() ? "True" : "False");
                break;
            case INTEGER:
                sb.append(v);
                break;
            case FLOAT:
                sb.append(PyFloat.repr(((JsonFloat) v).value()));
                break;
            case STRING:
                string(sb, ((JsonString) v).value());
                break;
            case ARRAY: {
                sb.append('[');
                boolean first = true;
                for (JsonValue e : ((JsonArray) v).elements()) {
                    if (!first) {
                        sb.append(", ");
                    }
                    first = false;
                    append(sb, e);
                }
                sb.append(']');
                break;
            }
            case OBJECT: {
                sb.append('{');
                boolean first = true;
                for (Map.Entry<String, JsonValue> e : ((JsonObject) v).members().entrySet()) {
                    if (!first) {
                        sb.append(", ");
                    }
                    first = false;
                    string(sb, e.getKey());
                    sb.append(": ");
                    append(sb, e.getValue());
                }
                sb.append('}');
                break;
            }
            default:
                sb.append(v);
        }
    }

    private static void string(StringBuilder sb, String s) {
        char quote = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
        sb.append(quote);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == quote || c == '\\') {
                sb.append('\\').append(c);
            } else if (c == '\n') {
                sb.append("\\n");
            } else if (c == '\t') {
                sb.append("\\t");
            } else if (c == '\r') {
                sb.append("\\r");
            } else if (c < 0x20 || c == 0x7f) {
                sb.append(String.format("\\x%02x", (int) c));
            } else {
                sb.append(c);
            }
        }
        sb.append(quote);
    }

    /** Python's {@code <class 'int'>} name of a value's type, for "Command should be str" texts. */
    static String typeName(JsonValue v) {
        switch (v.kind()) {
            case NULL:
                return "NoneType";
            case BOOLEAN:
                return "bool";
            case INTEGER:
                return "int";
            case FLOAT:
                return "float";
            case STRING:
                return "str";
            case ARRAY:
                return "list";
            default:
                return "dict";
        }
    }
}
