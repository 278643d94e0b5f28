package dev.apwire.session;

import dev.apwire.json.JsonArray;
import dev.apwire.json.JsonBool;
import dev.apwire.json.JsonInt;
import dev.apwire.json.JsonObject;
import dev.apwire.json.JsonString;
import dev.apwire.json.JsonValue;
import dev.apwire.protocol.Hint;
import dev.apwire.protocol.HintStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The read-only data storage keys the server computes (reference-server §1.6), and a reader for
 * the hint lists they hold. Use the keys with {@link ClientSession#get(java.util.List, java.time.Instant)}
 * and {@link ClientSession#subscribe(java.util.List, java.time.Instant)}; they cannot be {@code Set}.
 */
public final class ReadKeys {

    /** The prefix of every computed key. */
    public static final String PREFIX = "_read_";

    /** {@code _read_race_mode}: 1 when the room runs in race mode, else 0. */
    public static final String RACE_MODE = "_read_race_mode";

    private ReadKeys() {
    }

    /**
     * {@return {@code _read_hints_{team}_{slot}}: the slot's hints, a list of Hint objects; notified on change}
     *
     * @param team the team
     * @param slot the slot
     */
    public static String hints(int team, int slot) {
        return "_read_hints_" + team + "_" + slot;
    }

    /**
     * {@return {@code _read_slot_data_{slot}}: the slot's slot data (no team in this key)}
     *
     * @param slot the slot
     */
    public static String slotData(int slot) {
        return "_read_slot_data_" + slot;
    }

    /**
     * {@return {@code _read_item_name_groups_{game}}: group name to item names}
     *
     * @param game the game
     */
    public static String itemNameGroups(String game) {
        return "_read_item_name_groups_" + game;
    }

    /**
     * {@return {@code _read_location_name_groups_{game}}: group name to location names}
     *
     * @param game the game
     */
    public static String locationNameGroups(String game) {
        return "_read_location_name_groups_" + game;
    }

    /**
     * {@return {@code _read_client_status_{team}_{slot}}: the slot's status as an int; notified on every status update}
     *
     * @param team the team
     * @param slot the slot
     */
    public static String clientStatus(int team, int slot) {
        return "_read_client_status_" + team + "_" + slot;
    }

    /**
     * Reads a hint list as the server sends it in {@code Retrieved} and {@code SetReply}. The
     * {@code class} marker is dropped; other unknown fields are kept in {@link Hint#extras()}.
     *
     * @param value the value of a {@code _read_hints_} key
     * @return the hints, in wire order; empty for {@code null}
     * @throws IllegalArgumentException when the value is not a list of hint objects
     */
    public static List<Hint> parseHints(JsonValue value) {
        if (value.kind() == JsonValue.Kind.NULL) {
            return List.of();
        }
        if (!(value instanceof JsonArray)) {
            throw new IllegalArgumentException("a hint list must be an array, got " + value.kind());
        }
        List<Hint> out = new ArrayList<>();
        for (JsonValue v : ((JsonArray) value).elements()) {
            out.add(parseHint(v));
        }
        return List.copyOf(out);
    }

    /**
     * Reads one hint object.
     *
     * @param value a Hint object
     * @return the hint
     * @throws IllegalArgumentException when a field is missing or of the wrong type
     */
    public static Hint parseHint(JsonValue value) {
        if (!(value instanceof JsonObject)) {
            throw new IllegalArgumentException("a hint must be an object, got " + value.kind());
        }
        JsonObject o = (JsonObject) value;
        LinkedHashMap<String, JsonValue> rest = new LinkedHashMap<>();
        for (Map.Entry<String, JsonValue> e : o.members().entrySet()) {
            switch (e.getKey()) {
                case "receiving_player": case "finding_player": case "location": case "item": case "found":
                case "entrance": case "item_flags": case "status": case "class":
                    break;
                default:
                    rest.put(e.getKey(), e.getValue());
            }
        }
        JsonValue entrance = o.get("entrance");
        JsonValue status = o.get("status");
        return new Hint(
                (int) integer(o, "receiving_player"),
                (int) integer(o, "finding_player"),
                integer(o, "location"),
                integer(o, "item"),
                bool(o, "found"),
                entrance instanceof JsonString ? ((JsonString) entrance).value() : "",
                o.get("item_flags") == null ? 0 : (int) integer(o, "item_flags"),
                status instanceof JsonInt ? HintStatus.of((int) ((JsonInt) status).longValue())
                        : (bool(o, "found") ? HintStatus.FOUND : HintStatus.UNSPECIFIED),
                JsonObject.adopt(rest));
    }

    private static long integer(JsonObject o, String key) {
        JsonValue v = o.get(key);
        if (!(v instanceof JsonInt) || !((JsonInt) v).fitsLong()) {
            throw new IllegalArgumentException("hint field `" + key + "` must be an integer");
        }
        return ((JsonInt) v).longValue();
    }

    private static boolean bool(JsonObject o, String key) {
        JsonValue v = o.get(key);
        if (!(v instanceof JsonBool)) {
            throw new IllegalArgumentException("hint field `" + key + "` must be a boolean");
        }
        return ((JsonBool) v).value();
    }
}
