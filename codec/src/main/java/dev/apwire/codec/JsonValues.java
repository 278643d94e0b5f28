package dev.apwire.codec;

import dev.apwire.codec.internal.Streams;
import dev.apwire.json.JsonArray;
import dev.apwire.json.JsonBool;
import dev.apwire.json.JsonFloat;
import dev.apwire.json.JsonInt;
import dev.apwire.json.JsonNull;
import dev.apwire.json.JsonObject;
import dev.apwire.json.JsonString;
import dev.apwire.json.JsonValue;
import dev.apwire.json.PythonText;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonEncoding;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/**
 * Reads and writes {@link JsonValue}s on Jackson's streaming API, keeping integers and floats apart
 * and writing floats as Python's {@code repr} does ({@code 1.0}, {@code 1e+16}).
 *
 * <p>Stateless and thread-safe.
 */
public final class JsonValues {

    private static final JsonFactory DEFAULT_FACTORY = Streams.factory(CodecLimits.DEFAULT);

    private JsonValues() {
    }

    /**
     * Reads the value starting at the parser's current token, leaving the parser on its last token.
     *
     * @param p a parser positioned on the first token of a value
     * @return the value
     * @throws MalformedFrameException if the input is not JSON, breaks a parser limit or holds a
     *     non-finite number
     */
    public static JsonValue read(JsonParser p) throws MalformedFrameException {
        try {
            return readValue(p);
        } catch (JacksonException e) {
            throw Streams.malformed(e);
        }
    }

    /**
     * Parses a whole JSON text into a value, under the default limits.
     *
     * @param json the text
     * @return the value
     * @throws MalformedFrameException if the text is not a single JSON value within the limits
     */
    public static JsonValue parse(String json) throws MalformedFrameException {
        return parse(json, DEFAULT_FACTORY);
    }

    /**
     * Parses a whole JSON text into a value, under the given limits.
     *
     * @param json the text
     * @param limits the limits
     * @return the value
     * @throws MalformedFrameException if the text is not a single JSON value within the limits
     */
    public static JsonValue parse(String json, CodecLimits limits) throws MalformedFrameException {
        return parse(json, limits == CodecLimits.DEFAULT ? DEFAULT_FACTORY : Streams.factory(limits));
    }

    private static JsonValue parse(String json, JsonFactory factory) throws MalformedFrameException {
        try (JsonParser p = factory.createParser(ObjectReadContext.empty(), json)) {
            if (p.nextToken() == null) {
                throw new MalformedFrameException(MalformedFrameException.Kind.NOT_JSON, "no JSON value");
            }
            JsonValue v = readValue(p);
            if (p.nextToken() != null) {
                throw new MalformedFrameException(MalformedFrameException.Kind.NOT_JSON, "trailing data after the JSON value");
            }
            return v;
        } catch (JacksonException e) {
            throw Streams.malformed(e);
        }
    }

    /**
     * {@return the compact JSON text of a value, as the reference server writes it (raw UTF-8, Python float repr)}
     *
     * @param value the value
     */
    public static String toJson(JsonValue value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = DEFAULT_FACTORY.createGenerator(ObjectWriteContext.empty(), out, JsonEncoding.UTF8)) {
            write(g, value);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /**
     * Writes a value.
     *
     * @param g the generator
     * @param value the value
     */
    public static void write(JsonGenerator g, JsonValue value) {
        switch (value.kind()) {
            case NULL:
                g.writeNull();
                break;
            case BOOLEAN:
                g.writeBoolean(((JsonBool) value).value());
                break;
            case INTEGER:
                JsonInt i = (JsonInt) value;
                if (i.fitsLong()) {
                    g.writeNumber(i.longValue());
                } else {
                    g.writeNumber(i.bigIntegerValue());
                }
                break;
            case FLOAT:
                g.writeNumber(PythonText.floatRepr(((JsonFloat) value).value()));
                break;
            case STRING:
                g.writeString(((JsonString) value).value());
                break;
            case ARRAY:
                JsonArray a = (JsonArray) value;
                g.writeStartArray(a, a.size());
                for (JsonValue e : a.elements()) {
                    write(g, e);
                }
                g.writeEndArray();
                break;
            case OBJECT:
                JsonObject o = (JsonObject) value;
                g.writeStartObject(o, o.size());
                for (Map.Entry<String, JsonValue> e : o.members().entrySet()) {
                    g.writeName(e.getKey());
                    write(g, e.getValue());
                }
                g.writeEndObject();
                break;
            default:
                throw new IllegalStateException("unknown kind " + value.kind());
        }
    }

    /** Reads a value; Jackson's exceptions propagate. */
    static JsonValue readValue(JsonParser p) throws MalformedFrameException {
        JsonToken t = p.currentToken();
        if (t == null) {
            throw new MalformedFrameException(MalformedFrameException.Kind.NOT_JSON, "unexpected end of input");
        }
        switch (t) {
            case VALUE_NULL:
                return JsonNull.INSTANCE;
            case VALUE_TRUE:
                return JsonBool.TRUE;
            case VALUE_FALSE:
                return JsonBool.FALSE;
            case VALUE_NUMBER_INT:
                return readInt(p);
            case VALUE_NUMBER_FLOAT:
                return readFloat(p);
            case VALUE_STRING:
                return new JsonString(p.getString());
            case START_ARRAY: {
                ArrayList<JsonValue> list = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    list.add(readValue(p));
                }
                return JsonArray.of(list);
            }
            case START_OBJECT: {
                LinkedHashMap<String, JsonValue> map = new LinkedHashMap<>();
                String name;
                while ((name = p.nextName()) != null) {
                    p.nextToken();
                    map.put(name, readValue(p));
                }
                return JsonObject.adopt(map);
            }
            default:
                throw new MalformedFrameException(MalformedFrameException.Kind.NOT_JSON, "unexpected token " + t);
        }
    }

    /**
     * {@return the integer at the parser's current {@code VALUE_NUMBER_INT} token, exact}
     *
     * @param p the parser
     */
    static JsonInt readInt(JsonParser p) {
        JsonParser.NumberType nt = p.getNumberType();
        if (nt == JsonParser.NumberType.BIG_INTEGER) {
            return JsonInt.of(p.getBigIntegerValue());
        }
        return JsonInt.of(p.getLongValue());
    }

    /** Reads the float at the current token, rejecting non-finite values. */
    static JsonFloat readFloat(JsonParser p) throws MalformedFrameException {
        if (p.isNaN()) {
            throw new MalformedFrameException(MalformedFrameException.Kind.NON_FINITE_NUMBER,
                    "non-finite number " + p.getString() + " is not JSON");
        }
        double d = p.getDoubleValue();
        if (!Double.isFinite(d)) {
            throw new MalformedFrameException(MalformedFrameException.Kind.NON_FINITE_NUMBER,
                    "number " + p.getString() + " is out of the range of a double");
        }
        return new JsonFloat(d);
    }
}
