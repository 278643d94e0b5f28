package dev.apwire.examples;

import dev.apwire.json.JsonArray;
import dev.apwire.json.JsonBool;
import dev.apwire.json.JsonFloat;
import dev.apwire.json.JsonInt;
import dev.apwire.json.JsonNull;
import dev.apwire.json.JsonObject;
import dev.apwire.json.JsonString;
import dev.apwire.json.JsonValue;
import java.io.StringWriter;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;

/**
 * One JSON document per line to and from core's {@link JsonValue}, on Jackson's streaming API.
 * Keeps integers exact (any size up to Python's 4300-digit limit) and apart from floats; rejects
 * {@code NaN}/{@code Infinity} tokens and trailing data. Stands in until the codec module is merged.
 */
final class JsonLines {
    static final int MAX_INTEGER_DIGITS = 4300;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNumberLength(MAX_INTEGER_DIGITS + 2).build())
            .build();

    private JsonLines() {
    }

    /** Thrown for a line that is not one valid JSON document. */
    static final class InvalidJson extends Exception {
        private static final long serialVersionUID = 1L;

        InvalidJson(String message) {
            super(message);
        }
    }

    static JsonValue parse(String line) throws InvalidJson {
        try (JsonParser p = FACTORY.createParser(ObjectReadContext.empty(), line)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                throw new InvalidJson("empty input");
            }
            JsonValue v = read(p, t);
            if (p.nextToken() != null) {
                throw new InvalidJson("trailing data after the JSON value");
            }
            return v;
        } catch (tools.jackson.core.JacksonException e) {
            throw new InvalidJson(e.getOriginalMessage());
        }
    }

    private static JsonValue read(JsonParser p, JsonToken t) throws InvalidJson {
        switch (t) {
            case START_OBJECT: {
                LinkedHashMap<String, JsonValue> m = new LinkedHashMap<>();
                for (JsonToken n = p.nextToken(); n != JsonToken.END_OBJECT; n = p.nextToken()) {
                    String name = p.currentName();
                    m.put(name, read(p, p.nextToken()));
                }
                return JsonObject.adopt(m);
            }
            case START_ARRAY: {
                List<JsonValue> l = new ArrayList<>();
                for (JsonToken n = p.nextToken(); n != JsonToken.END_ARRAY; n = p.nextToken()) {
                    l.add(read(p, n));
                }
                return JsonArray.of(l);
            }
            case VALUE_STRING:
                return new JsonString(p.getString());
            case VALUE_NUMBER_INT: {
                BigInteger v = p.getBigIntegerValue();
                if (v.abs().toString().length() > MAX_INTEGER_DIGITS) {
                    throw new InvalidJson("integer has more than " + MAX_INTEGER_DIGITS + " digits");
                }
                return JsonInt.of(v);
            }
            case VALUE_NUMBER_FLOAT: {
                double d = p.getDoubleValue();
                if (!Double.isFinite(d)) {
                    throw new InvalidJson("number out of range: " + p.getString());
                }
                return new JsonFloat(d);
            }
            case VALUE_TRUE:
                return JsonBool.TRUE;
            case VALUE_FALSE:
                return JsonBool.FALSE;
            case VALUE_NULL:
                return JsonNull.INSTANCE;
            default:
                throw new InvalidJson("unexpected token " + t);
        }
    }

    static String write(JsonValue value) {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = FACTORY.createGenerator(ObjectWriteContext.empty(), w)) {
            write(g, value);
        }
        return w.toString();
    }

    private static void write(JsonGenerator g, JsonValue v) {
        switch (v.kind()) {
            case NULL:
                g.writeNull();
                break;
            case BOOLEAN:
                g.writeBoolean(((JsonBool) v).value());
                break;
            case INTEGER: {
                JsonInt i = (JsonInt) v;
                if (i.fitsLong()) {
                    g.writeNumber(i.longValue());
                } else {
                    g.writeNumber(i.bigIntegerValue());
                }
                break;
            }
            case FLOAT:
                g.writeNumber(Double.toString(((JsonFloat) v).value()));
                break;
            case STRING:
                g.writeString(((JsonString) v).value());
                break;
            case ARRAY:
                g.writeStartArray();
                for (JsonValue e : ((JsonArray) v).elements()) {
                    write(g, e);
                }
                g.writeEndArray();
                break;
            case OBJECT:
                g.writeStartObject();
                for (Map.Entry<String, JsonValue> e : ((JsonObject) v).members().entrySet()) {
                    g.writeName(e.getKey());
                    write(g, e.getValue());
                }
                g.writeEndObject();
                break;
            default:
                throw new AssertionError(v.kind());
        }
    }
}
