package dev.apwire.protocol;

import dev.apwire.json.JsonFloat;
import dev.apwire.json.JsonObject;
import dev.apwire.json.JsonString;
import dev.apwire.json.JsonValue;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The data of a DeathLink {@code Bounce}: when, who, and why a player died.
 *
 * @param time the time of death in Unix seconds (a float on the wire)
 * @param source the name of the player who died
 * @param cause the cause, containing the player's name, or {@code null}
 * @param extras the fields the protocol does not define, kept in order and written back unchanged
 */
public record DeathLink(
        double time,
        String source,
        @Nullable String cause,
        JsonObject extras) {

    /**
     * Checks every field and copies collections.
     *
     * @param time the time of death in Unix seconds (a float on the wire)
     * @param source the name of the player who died
     * @param cause the cause, containing the player's name, or {@code null}
     * @param extras the fields the protocol does not define, kept in order and written back unchanged
     */
    public DeathLink {
        if (!Double.isFinite(time)) {
            throw new IllegalArgumentException("time must be finite, got " + time);
        }
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(extras, "extras");
    }

    /**
     * Creates the record with no extra fields.
     *
     * @param time the time of death in Unix seconds (a float on the wire)
     * @param source the name of the player who died
     * @param cause the cause, containing the player's name, or {@code null}
     */
    public DeathLink(double time, String source, @Nullable String cause) {
        this(time, source, cause, JsonObject.EMPTY);
    }

    /** The client tag and Bounce tag of the DeathLink mechanic. */
    public static final String TAG = "DeathLink";

    /** {@return the Bounce {@code data} object for this death: {@code time}, {@code cause} when set, {@code source}, extras} */
    public JsonObject toJson() {
        LinkedHashMap<String, JsonValue> m = new LinkedHashMap<>();
        m.put("time", new JsonFloat(time));
        if (cause != null) {
            m.put("cause", new JsonString(cause));
        }
        m.put("source", new JsonString(source));
        m.putAll(extras.members());
        return JsonObject.adopt(m);
    }

    /**
     * Reads the data of a DeathLink Bounce.
     *
     * @param data the {@code data} of a Bounce or Bounced
     * @return the death
     * @throws IllegalArgumentException if {@code data} is not an object with a numeric {@code time}
     *     and a string {@code source} ({@code cause}, when present, a string or null)
     */
    public static DeathLink fromJson(JsonValue data) {
        if (!(data instanceof JsonObject)) {
            throw new IllegalArgumentException("DeathLink data must be an object");
        }
        JsonObject o = (JsonObject) data;
        JsonValue t = o.get("time");
        double time;
        if (t instanceof JsonFloat) {
            time = ((JsonFloat) t).value();
        } else if (t instanceof dev.apwire.json.JsonInt) {
            time = ((dev.apwire.json.JsonInt) t).bigIntegerValue().doubleValue();
        } else {
            throw new IllegalArgumentException("DeathLink `time` must be a number");
        }
        JsonValue s = o.get("source");
        if (!(s instanceof JsonString)) {
            throw new IllegalArgumentException("DeathLink `source` must be a string");
        }
        JsonValue c = o.get("cause");
        String cause = null;
        if (c instanceof JsonString) {
            cause = ((JsonString) c).value();
        } else if (c != null && c != dev.apwire.json.JsonNull.INSTANCE) {
            throw new IllegalArgumentException("DeathLink `cause` must be a string or null");
        }
        LinkedHashMap<String, JsonValue> rest = new LinkedHashMap<>();
        for (Map.Entry<String, JsonValue> e : o.members().entrySet()) {
            String k = e.getKey();
            if (!k.equals("time") && !k.equals("source") && !k.equals("cause")) {
                rest.put(k, e.getValue());
            }
        }
        return new DeathLink(time, ((JsonString) s).value(), cause, JsonObject.adopt(rest));
    }
}
