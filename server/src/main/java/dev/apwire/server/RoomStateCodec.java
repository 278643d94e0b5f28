package dev.apwire.server;

import dev.apwire.codec.CodecLimits;
import dev.apwire.codec.JsonValues;
import dev.apwire.codec.MalformedFrameException;
import dev.apwire.json.JsonArray;
import dev.apwire.json.JsonBool;
import dev.apwire.json.JsonInt;
import dev.apwire.json.JsonNull;
import dev.apwire.json.JsonObject;
import dev.apwire.json.JsonString;
import dev.apwire.json.JsonValue;
import dev.apwire.protocol.Hint;
import dev.apwire.protocol.HintStatus;
import dev.apwire.protocol.LongList;
import dev.apwire.protocol.NetworkItem;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The room save format: a {@link RoomState} as one UTF-8 JSON document, versioned. Pure (bytes in, bytes out);
 * stateless and thread-safe.
 *
 * <pre>{@code
 * {"format": "apwire-room-save", "version": 1, "seed_name": "...", "slot_names": {"1": "Alice", ...},
 *  "options": {"hint_cost": 10, "location_check_points": 1, "server_password": null, "password": "sesame",
 *              "release_mode": "auto", "remaining_mode": "goal", "collect_mode": "auto",
 *              "countdown_mode": "auto", "item_cheat": false, "compatibility": 2},
 *  "slots": [{"team": 0, "slot": 1, "checked": [2001], "items": [[item, location, player, flags], ...],
 *             "items_from_others": [...], "hints_used": 0, "status": 5, "alias": null,
 *             "hints": [[receiving, finding, location, item, found, entrance, flags, status], ...]}, ...],
 *  "group_collected": {"3": [1, 2]},
 *  "data_storage": {"key": value, ...}}
 * }</pre>
 * Data storage values are plain JSON and round-trip unchanged (integers stay integers, floats floats).
 */
public final class RoomStateCodec {

    /** The value of the {@code format} field. */
    public static final String FORMAT = "apwire-room-save";
    private static final CodecLimits LIMITS = new CodecLimits(Integer.MAX_VALUE - 8, 256, 4300, Integer.MAX_VALUE - 8);

    private RoomStateCodec() {
    }

    /**
     * {@return the state as UTF-8 JSON}
     *
     * @param state the state
     */
    public static byte[] encode(RoomState state) {
        LinkedHashMap<String, JsonValue> root = new LinkedHashMap<>();
        root.put("format", new JsonString(FORMAT));
        root.put("version", JsonInt.of(state.version()));
        root.put("seed_name", new JsonString(state.seedName()));
        LinkedHashMap<String, JsonValue> names = new LinkedHashMap<>();
        state.slotNames().forEach((slot, name) -> names.put(String.valueOf(slot), new JsonString(name)));
        root.put("slot_names", JsonObject.of(names));
        LinkedHashMap<String, JsonValue> options = new LinkedHashMap<>();
        for (String name : RoomOptions.NAMES) {
            Object v = state.options().value(name);
            options.put(name, v == null ? JsonNull.INSTANCE : v instanceof Integer i ? JsonInt.of(i)
                    : v instanceof Boolean b ? JsonBool.of(b) : new JsonString((String) v));
        }
        root.put("options", JsonObject.of(options));
        List<JsonValue> slots = new ArrayList<>();
        for (SlotProgress p : state.slots()) {
            LinkedHashMap<String, JsonValue> s = new LinkedHashMap<>();
            s.put("team", JsonInt.of(p.key().team()));
            s.put("slot", JsonInt.of(p.key().slot()));
            List<JsonValue> checked = new ArrayList<>();
            for (long id : p.checked()) {
                checked.add(JsonInt.of(id));
            }
            s.put("checked", JsonArray.of(checked));
            s.put("items", items(p.items()));
            s.put("items_from_others", items(p.itemsFromOthers()));
            s.put("hints_used", JsonInt.of(p.hintsUsed()));
            s.put("status", JsonInt.of(p.status()));
            s.put("alias", p.alias() == null ? JsonNull.INSTANCE : new JsonString(p.alias()));
            List<JsonValue> hints = new ArrayList<>();
            for (Hint h : p.hints()) {
                hints.add(JsonArray.of(JsonInt.of(h.receivingPlayer()), JsonInt.of(h.findingPlayer()), JsonInt.of(h.location()),
                        JsonInt.of(h.item()), JsonBool.of(h.found()), new JsonString(h.entrance()), JsonInt.of(h.itemFlags()),
                        JsonInt.of(h.status().value())));
            }
            s.put("hints", JsonArray.of(hints));
            slots.add(JsonObject.of(s));
        }
        root.put("slots", JsonArray.of(slots));
        LinkedHashMap<String, JsonValue> groups = new LinkedHashMap<>();
        state.groupCollected().forEach((g, m) -> {
            List<JsonValue> members = new ArrayList<>();
            for (int x : m) {
                members.add(JsonInt.of(x));
            }
            groups.put(String.valueOf(g), JsonArray.of(members));
        });
        root.put("group_collected", JsonObject.of(groups));
        root.put("data_storage", state.dataStorage());
        return JsonValues.toJson(JsonObject.of(root)).getBytes(StandardCharsets.UTF_8);
    }

    private static JsonArray items(List<NetworkItem> items) {
        List<JsonValue> out = new ArrayList<>(items.size());
        for (NetworkItem i : items) {
            out.add(JsonArray.of(JsonInt.of(i.item()), JsonInt.of(i.location()), JsonInt.of(i.player()), JsonInt.of(i.flags())));
        }
        return JsonArray.of(out);
    }

    /**
     * Reads a state.
     *
     * @param bytes the saved bytes
     * @return the state
     * @throws RoomStateException if the bytes are not a save of this format and a version this library reads
     */
    public static RoomState decode(byte[] bytes) throws RoomStateException {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new RoomStateException("not a room save: the file is not UTF-8 text", e);
        }
        JsonValue root;
        try {
            root = JsonValues.parse(text, LIMITS);
        } catch (MalformedFrameException e) {
            throw new RoomStateException("not a room save: " + e.getMessage(), e);
        }
        try {
            JsonObject o = object(root, "the document");
            if (!(o.members().get("format") instanceof JsonString f) || !f.value().equals(FORMAT)) {
                throw new RoomStateException("not a room save: no \"format\": \"" + FORMAT + "\"");
            }
            int version = integer(o, "version");
            if (version > RoomState.VERSION) {
                throw new RoomStateException("the save has format version " + version + "; this server reads up to version "
                        + RoomState.VERSION + " (This savegame is newer than the server.)");
            }
            String seed = string(o, "seed_name");
            Map<Integer, String> names = new TreeMap<>();
            for (Map.Entry<String, JsonValue> e : object(field(o, "slot_names"), "slot_names").members().entrySet()) {
                names.put(parseInt(e.getKey(), "slot_names"), text(e.getValue(), "slot_names." + e.getKey()));
            }
            JsonObject opts = object(field(o, "options"), "options");
            RoomOptions options = new RoomOptions(integer(opts, "hint_cost"), integer(opts, "location_check_points"),
                    nullableString(opts, "server_password"), nullableString(opts, "password"), string(opts, "release_mode"),
                    string(opts, "remaining_mode"), string(opts, "collect_mode"), string(opts, "countdown_mode"),
                    bool(opts, "item_cheat"), integer(opts, "compatibility"));
            List<SlotProgress> slots = new ArrayList<>();
            int n = 0;
            for (JsonValue v : array(field(o, "slots"), "slots").elements()) {
                String where = "slots[" + n++ + "]";
                JsonObject s = object(v, where);
                List<Long> checked = new ArrayList<>();
                for (JsonValue c : array(field(s, "checked"), where + ".checked").elements()) {
                    checked.add(longValue(c, where + ".checked"));
                }
                List<Hint> hints = new ArrayList<>();
                for (JsonValue hv : array(field(s, "hints"), where + ".hints").elements()) {
                    List<JsonValue> h = array(hv, where + ".hints").elements();
                    if (h.size() != 8 || !(h.get(4) instanceof JsonBool found)) {
                        throw new RoomStateException(where + ".hints: a hint is [receiving, finding, location, item, found, "
                                + "entrance, flags, status]");
                    }
                    hints.add(new Hint((int) longValue(h.get(0), where), (int) longValue(h.get(1), where), longValue(h.get(2), where),
                            longValue(h.get(3), where), found.value(), text(h.get(5), where), (int) longValue(h.get(6), where),
                            HintStatus.of((int) longValue(h.get(7), where))));
                }
                slots.add(new SlotProgress(new TeamSlot(integer(s, "team"), integer(s, "slot")), LongList.copyOf(checked),
                        items(field(s, "items"), where + ".items"), items(field(s, "items_from_others"), where + ".items_from_others"),
                        integer(s, "hints_used"), integer(s, "status"), nullableString(s, "alias"), hints));
            }
            Map<Integer, List<Integer>> groups = new TreeMap<>();
            for (Map.Entry<String, JsonValue> e : object(field(o, "group_collected"), "group_collected").members().entrySet()) {
                List<Integer> members = new ArrayList<>();
                for (JsonValue m : array(e.getValue(), "group_collected").elements()) {
                    members.add((int) longValue(m, "group_collected"));
                }
                groups.put(parseInt(e.getKey(), "group_collected"), members);
            }
            JsonObject storage = object(field(o, "data_storage"), "data_storage");
            return new RoomState(version, seed, names, options, slots, groups, storage);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new RoomStateException("the room save is inconsistent: " + e.getMessage(), e);
        }
    }

    private static List<NetworkItem> items(JsonValue v, String where) throws RoomStateException {
        List<NetworkItem> out = new ArrayList<>();
        for (JsonValue e : array(v, where).elements()) {
            List<JsonValue> i = array(e, where).elements();
            if (i.size() != 4) {
                throw new RoomStateException(where + ": an item is [item, location, player, flags]");
            }
            out.add(new NetworkItem(longValue(i.get(0), where), longValue(i.get(1), where), (int) longValue(i.get(2), where),
                    (int) longValue(i.get(3), where)));
        }
        return out;
    }

    private static JsonValue field(JsonObject o, String name) throws RoomStateException {
        JsonValue v = o.members().get(name);
        if (v == null) {
            throw new RoomStateException("the room save has no \"" + name + "\"");
        }
        return v;
    }

    private static JsonObject object(JsonValue v, String where) throws RoomStateException {
        if (v instanceof JsonObject o) {
            return o;
        }
        throw new RoomStateException(where + " must be an object");
    }

    private static JsonArray array(JsonValue v, String where) throws RoomStateException {
        if (v instanceof JsonArray a) {
            return a;
        }
        throw new RoomStateException(where + " must be an array");
    }

    private static long longValue(JsonValue v, String where) throws RoomStateException {
        if (v instanceof JsonInt i && i.fitsLong()) {
            return i.longValue();
        }
        throw new RoomStateException(where + ": expected an integer, got " + v);
    }

    private static int integer(JsonObject o, String name) throws RoomStateException {
        long v = longValue(field(o, name), name);
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            throw new RoomStateException(name + ": " + v + " is out of range");
        }
        return (int) v;
    }

    private static String text(JsonValue v, String where) throws RoomStateException {
        if (v instanceof JsonString s) {
            return s.value();
        }
        throw new RoomStateException(where + ": expected a string");
    }

    private static String string(JsonObject o, String name) throws RoomStateException {
        return text(field(o, name), name);
    }

    private static @Nullable String nullableString(JsonObject o, String name) throws RoomStateException {
        JsonValue v = field(o, name);
        return v instanceof JsonNull ? null : text(v, name);
    }

    private static boolean bool(JsonObject o, String name) throws RoomStateException {
        if (field(o, name) instanceof JsonBool b) {
            return b.value();
        }
        throw new RoomStateException(name + ": expected true or false");
    }

    private static int parseInt(String s, String where) throws RoomStateException {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw new RoomStateException(where + ": '" + s + "' is not a slot number", e);
        }
    }
}
