package dev.apwire.server;

import dev.apwire.json.JsonArray;
import dev.apwire.json.JsonBool;
import dev.apwire.json.JsonFloat;
import dev.apwire.json.JsonInt;
import dev.apwire.json.JsonNull;
import dev.apwire.json.JsonObject;
import dev.apwire.json.JsonString;
import dev.apwire.json.JsonValue;
import dev.apwire.json.PythonText;
import dev.apwire.protocol.GameData;
import dev.apwire.protocol.Hint;
import dev.apwire.protocol.HintStatus;
import dev.apwire.protocol.LongList;
import dev.apwire.protocol.NameTable;
import dev.apwire.protocol.NetworkItem;
import dev.apwire.protocol.NetworkSlot;
import dev.apwire.protocol.NetworkVersion;
import dev.apwire.protocol.Permission;
import dev.apwire.protocol.SlotType;
import dev.apwire.server.MultiworldFileException.Kind;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Maps the multidata dict ({@code Main.write_multidata}, server-features.md §11.3), as the restricted unpickler
 * or the JSON reader produced it, onto a {@link Multiworld}, checking every key the room relies on.
 *
 * <p>The input is plain values: maps (ordered), lists, {@code Object[]} tuples, sets, strings, integers
 * ({@code Integer}, {@code Long}, {@code BigInteger}), doubles, booleans, {@code null} and
 * {@link PickledObject}s. Dict keys may be integers (pickle) or decimal strings (JSON); named tuples may be
 * {@link PickledObject}s (pickle), or objects with the field names or arrays of the fields (JSON).
 *
 * <p>Not thread-safe: one instance maps one file.
 */
final class MultidataMapper {

    /** The version the room reports ({@code RoomInfo.version}), the reference version apwire follows. */
    static final NetworkVersion SERVER_VERSION = new NetworkVersion(0, 6, 2);
    private static final NetworkVersion GENERATOR_WITH_NEW_CLIENTS = new NetworkVersion(0, 6, 2);
    private static final String ARCHIPELAGO = "Archipelago";

    private final MultiworldLimits limits;
    private final long maxValues;
    private long budget;

    private MultidataMapper(MultiworldLimits limits, long maxValues) {
        this.limits = limits;
        this.maxValues = maxValues;
        this.budget = maxValues;
    }

    /**
     * Maps a multidata dict.
     *
     * @param root the dict
     * @param limits the bounds
     * @param maxValues the most values slot data and server options may expand to when copied out: a small
     *     multiple of the pickle's opcodes, so that a value shared through the memo many times cannot make the
     *     copy explode
     * @return the multiworld
     * @throws MultiworldFileException if the dict is not a consistent multiworld or expands too far
     */
    static Multiworld map(@Nullable Object root, MultiworldLimits limits, long maxValues) throws MultiworldFileException {
        return new MultidataMapper(limits, maxValues).multiworld(root);
    }

    private Multiworld multiworld(@Nullable Object rootValue) throws MultiworldFileException {
        Map<?, ?> root = dict(rootValue, "the multiworld");
        String seedName = string(required(root, "seed_name"), "seed_name");
        NetworkVersion generator = version(required(root, "version"), "version");
        NetworkVersion minimumClient = compare(generator, GENERATOR_WITH_NEW_CLIENTS) >= 0
                ? new NetworkVersion(0, 5, 0) : new NetworkVersion(0, 1, 6);

        Map<Integer, NetworkSlot> slots = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : dict(required(root, "slot_info"), "slot_info").entrySet()) {
            int slot = slotKey(e.getKey(), "slot_info");
            slots.put(slot, networkSlot(e.getValue(), "slot_info[" + slot + "]"));
        }
        Object connectNames = root.get("connect_names");
        if (connectNames != null) {
            checkConnectNames(dict(connectNames, "connect_names"), slots);
        }

        Map<Integer, NetworkVersion> slotMinimums = new LinkedHashMap<>();
        Object minimums = root.get("minimum_versions");
        if (minimums != null) {
            Map<?, ?> m = dict(minimums, "minimum_versions");
            Object server = m.get("server");
            if (server != null) {
                NetworkVersion needed = version(server, "minimum_versions.server");
                if (compare(needed, SERVER_VERSION) > 0) {
                    throw new MultiworldFileException(Kind.UNSUPPORTED_VERSION, "Supplied Multidata (.archipelago) requires"
                            + " a server of at least version " + text(needed) + ", however this server is of version "
                            + text(SERVER_VERSION));
                }
            }
            Object clients = m.get("clients");
            if (clients != null) {
                for (Map.Entry<?, ?> e : dict(clients, "minimum_versions.clients").entrySet()) {
                    int slot = knownSlot(e.getKey(), slots, "minimum_versions.clients");
                    slotMinimums.put(slot, version(e.getValue(), "minimum_versions.clients[" + slot + "]"));
                }
            }
        }

        Map<Integer, Map<Long, NetworkItem>> placements = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : dict(required(root, "locations"), "locations").entrySet()) {
            int slot = knownSlot(e.getKey(), slots, "locations");
            String where = "locations[" + slot + "]";
            if (slots.get(slot).type().equals(SlotType.GROUP)) {
                throw invalid(where + " belongs to a group: only players have locations");
            }
            Map<Long, NetworkItem> placed = new LinkedHashMap<>();
            for (Map.Entry<?, ?> p : dict(e.getValue(), where).entrySet()) {
                long location = idKey(p.getKey(), where);
                NetworkItem item = placement(p.getValue(), location, where + "[" + location + "]");
                if (!slots.containsKey(item.player())) {
                    throw invalid(where + "[" + location + "] is received by unknown slot " + item.player());
                }
                placed.put(location, item);
            }
            placements.put(slot, placed);
        }

        Map<Integer, JsonObject> slotData = new LinkedHashMap<>();
        Object slotDataValue = root.get("slot_data");
        if (slotDataValue != null) {
            for (Map.Entry<?, ?> e : dict(slotDataValue, "slot_data").entrySet()) {
                int slot = knownSlot(e.getKey(), slots, "slot_data");
                JsonValue data = json(e.getValue(), 0, "slot_data[" + slot + "]");
                if (!(data instanceof JsonObject object)) {
                    throw invalid("slot_data[" + slot + "] is not a dict");
                }
                slotData.put(slot, object);
            }
        }

        Map<Integer, LongList> starting = new LinkedHashMap<>();
        Object precollected = root.get("precollected_items");
        if (precollected != null) {
            for (Map.Entry<?, ?> e : dict(precollected, "precollected_items").entrySet()) {
                int slot = knownSlot(e.getKey(), slots, "precollected_items");
                List<Long> items = new ArrayList<>();
                for (Object item : sequence(e.getValue(), "precollected_items[" + slot + "]")) {
                    items.add(id(item, "precollected_items[" + slot + "]"));
                }
                starting.put(slot, LongList.copyOf(items));
            }
        }

        Map<Integer, List<Hint>> hints = new LinkedHashMap<>();
        Object precollectedHints = root.get("precollected_hints");
        if (precollectedHints != null) {
            for (Map.Entry<?, ?> e : dict(precollectedHints, "precollected_hints").entrySet()) {
                int slot = knownSlot(e.getKey(), slots, "precollected_hints");
                List<Hint> list = new ArrayList<>();
                for (Object h : sequence(e.getValue(), "precollected_hints[" + slot + "]")) {
                    Hint hint = hint(h, "precollected_hints[" + slot + "]");
                    if (!slots.containsKey(hint.findingPlayer()) || !slots.containsKey(hint.receivingPlayer())) {
                        throw invalid("precollected_hints[" + slot + "] names an unknown slot");
                    }
                    list.add(hint);
                }
                hints.put(slot, list);
            }
        }

        Map<Integer, Map<Long, String>> entrances = new LinkedHashMap<>();
        Object erHintData = root.get("er_hint_data");
        if (erHintData != null) {
            for (Map.Entry<?, ?> e : dict(erHintData, "er_hint_data").entrySet()) {
                int slot = knownSlot(e.getKey(), slots, "er_hint_data");
                Map<Long, String> map = new LinkedHashMap<>();
                for (Map.Entry<?, ?> l : dict(e.getValue(), "er_hint_data[" + slot + "]").entrySet()) {
                    map.put(idKey(l.getKey(), "er_hint_data[" + slot + "]"),
                            string(l.getValue(), "er_hint_data[" + slot + "]"));
                }
                entrances.put(slot, map);
            }
        }

        Map<Integer, SlotWorld> worlds = new LinkedHashMap<>();
        for (int slot : slots.keySet()) {
            SlotWorld world = new SlotWorld(slotData.getOrDefault(slot, JsonObject.EMPTY),
                    placements.getOrDefault(slot, Map.of()), starting.getOrDefault(slot, LongList.EMPTY),
                    entrances.getOrDefault(slot, Map.of()), hints.getOrDefault(slot, List.of()), slotMinimums.get(slot));
            if (!world.equals(SlotWorld.EMPTY)) {
                worlds.put(slot, world);
            }
        }

        JsonObject options = JsonObject.EMPTY;
        Object serverOptions = root.get("server_options");
        if (serverOptions != null) {
            if (!(json(serverOptions, 0, "server_options") instanceof JsonObject o)) {
                throw invalid("server_options is not a dict");
            }
            options = o;
        }
        String password = null;
        JsonValue pw = options.get("password");
        if (pw instanceof JsonString s && !s.value().isEmpty()) {
            password = s.value();
        } else if (pw != null && !(pw instanceof JsonNull) && !(pw instanceof JsonString)) {
            throw invalid("server_options.password is not a string");
        }
        int hintCost = intOption(options, "hint_cost", 10);
        int checkPoints = intOption(options, "location_check_points", 1);
        Map<String, Permission> permissions = new LinkedHashMap<>();
        permissions.put("release", permission(options, options.get("release_mode") != null ? "release_mode" : "forfeit_mode", "auto"));
        permissions.put("remaining", permission(options, "remaining_mode", "goal"));
        permissions.put("collect", permission(options, "collect_mode", "auto"));
        int raceMode = 0;
        Object race = root.get("race_mode");
        if (race != null) {
            raceMode = (int) integer(race, "race_mode");
            if (raceMode != 0 && raceMode != 1) {
                throw invalid("race_mode must be 0 or 1, got " + raceMode);
            }
        }

        List<Map<Integer, Set<Long>>> spheres = new ArrayList<>();
        Object sphereValue = root.get("spheres");
        if (sphereValue != null) {
            for (Object sphere : sequence(sphereValue, "spheres")) {
                Map<Integer, Set<Long>> s = new LinkedHashMap<>();
                for (Map.Entry<?, ?> e : dict(sphere, "spheres[" + spheres.size() + "]").entrySet()) {
                    int slot = knownSlot(e.getKey(), slots, "spheres");
                    Set<Long> locations = new LinkedHashSet<>();
                    for (Object l : sequence(e.getValue(), "spheres")) {
                        locations.add(id(l, "spheres"));
                    }
                    s.put(slot, locations);
                }
                spheres.add(s);
            }
        }

        Map<String, GameData> packages = new LinkedHashMap<>();
        Map<String, JsonObject> itemGroups = new LinkedHashMap<>();
        Map<String, JsonObject> locationGroups = new LinkedHashMap<>();
        Map<?, ?> datapackage = dict(required(root, "datapackage"), "datapackage");
        if (!datapackage.containsKey(ARCHIPELAGO)) {
            // The reference server has the Archipelago package installed; the generator may leave it out.
            packages.put(ARCHIPELAGO, new GameData(NameTable.of(Map.of("Nothing", -1L)),
                    NameTable.of(orderedOf("Cheat Console", -1L, "Server", -2L)), null));
            itemGroups.put(ARCHIPELAGO, JsonObject.of("Everything", JsonArray.of(new JsonString("Nothing"))));
            locationGroups.put(ARCHIPELAGO, JsonObject.of("Everywhere",
                    JsonArray.of(new JsonString("Cheat Console"), new JsonString("Server"))));
        }
        for (Map.Entry<?, ?> e : datapackage.entrySet()) {
            String game = string(e.getKey(), "datapackage");
            String where = "datapackage[" + game + "]";
            Map<?, ?> pkg = dict(e.getValue(), where);
            NameTable items = nameTable(required(pkg, "item_name_to_id", where), where + ".item_name_to_id");
            NameTable locations = nameTable(required(pkg, "location_name_to_id", where), where + ".location_name_to_id");
            Object checksum = pkg.get("checksum");
            packages.put(game, new GameData(items, locations, checksum == null ? null : string(checksum, where + ".checksum")));
            itemGroups.put(game, groups(pkg.get("item_name_groups"), where + ".item_name_groups"));
            locationGroups.put(game, groups(pkg.get("location_name_groups"), where + ".location_name_groups"));
        }
        if (!packages.keySet().iterator().next().equals(ARCHIPELAGO)) {
            LinkedHashMap<String, GameData> reordered = new LinkedHashMap<>();
            reordered.put(ARCHIPELAGO, packages.get(ARCHIPELAGO));
            reordered.putAll(packages);
            packages = reordered;
        }

        try {
            return new Multiworld(seedName, password, SERVER_VERSION, generator, minimumClient, hintCost, checkPoints,
                    permissions, raceMode, slots, worlds, packages, itemGroups, locationGroups, spheres, options);
        } catch (IllegalArgumentException e) {
            throw new MultiworldFileException(Kind.INVALID, e.getMessage(), e);
        }
    }

    private static void checkConnectNames(Map<?, ?> names, Map<Integer, NetworkSlot> slots) throws MultiworldFileException {
        for (Map.Entry<?, ?> e : names.entrySet()) {
            String name = string(e.getKey(), "connect_names");
            List<?> teamSlot = sequence(e.getValue(), "connect_names[" + name + "]");
            if (teamSlot.size() != 2) {
                throw invalid("connect_names[" + name + "] is not a (team, slot) pair");
            }
            long team = integer(teamSlot.get(0), "connect_names[" + name + "]");
            if (team != 0) {
                throw invalid("connect_names[" + name + "] is on team " + team
                        + ": the generator writes team 0 only, and so does apwire read");
            }
            int slot = knownSlot(teamSlot.get(1), slots, "connect_names[" + name + "]");
            if (!slots.get(slot).name().equals(name)) {
                throw invalid("connect_names maps '" + name + "' to slot " + slot + ", which slot_info names '"
                        + slots.get(slot).name() + "'");
            }
        }
    }

    private NetworkSlot networkSlot(@Nullable Object value, String where) throws MultiworldFileException {
        List<?> fields = fields(value, "NetUtils.NetworkSlot", List.of("name", "game", "type", "group_members"), 3, where);
        String name = string(fields.get(0), where + ".name");
        String game = string(fields.get(1), where + ".game");
        SlotType type = slotType(fields.get(2), where + ".type");
        List<Integer> members = new ArrayList<>();
        if (fields.size() > 3 && fields.get(3) != null) {
            for (Object m : sequence(fields.get(3), where + ".group_members")) {
                members.add(slotKey(m, where + ".group_members"));
            }
        }
        if (!type.equals(SlotType.GROUP) && !members.isEmpty()) {
            throw invalid(where + " has group members but is not a group");
        }
        return new NetworkSlot(name, game, type, members);
    }

    private static SlotType slotType(@Nullable Object value, String where) throws MultiworldFileException {
        if (value instanceof PickledObject o && o.className().equals("NetUtils.SlotType")) {
            value = o.args().get(0);
        }
        if (value instanceof String s) {
            switch (s.toLowerCase(Locale.ROOT)) {
                case "spectator" -> {
                    return SlotType.SPECTATOR;
                }
                case "player" -> {
                    return SlotType.PLAYER;
                }
                case "group" -> {
                    return SlotType.GROUP;
                }
                default -> throw invalid(where + " is '" + s + "', not spectator, player or group");
            }
        }
        SlotType type = SlotType.of((int) integer(value, where));
        if (!type.isKnown()) {
            throw invalid(where + " is " + type.value() + ", not 0 (spectator), 1 (player) or 2 (group)");
        }
        return type;
    }

    private static NetworkItem placement(@Nullable Object value, long location, String where) throws MultiworldFileException {
        try {
            if (value instanceof PickledObject o) {
                if (!o.className().equals("NetUtils.NetworkItem")) {
                    throw invalid(where + " is a " + o.className() + ", not an (item, slot, flags) tuple");
                }
                long at = integer(o.args().get(1), where);
                if (at != location) {
                    throw invalid(where + " holds a NetworkItem for location " + at);
                }
                return new NetworkItem(integer(o.args().get(0), where), location, (int) slotInt(o.args().get(2), where),
                        (int) integer(o.args().get(3), where));
            }
            List<?> t = sequence(value, where);
            if (t.size() != 3) {
                throw invalid(where + " is not an (item, receiving slot, flags) tuple");
            }
            return new NetworkItem(integer(t.get(0), where), location, (int) slotInt(t.get(1), where),
                    (int) integer(t.get(2), where));
        } catch (IllegalArgumentException e) {
            throw invalid(where + ": " + e.getMessage());
        }
    }

    private Hint hint(@Nullable Object value, String where) throws MultiworldFileException {
        List<?> f = fields(value, "NetUtils.Hint", List.of("receiving_player", "finding_player", "location", "item",
                "found", "entrance", "item_flags", "status"), 5, where);
        HintStatus status = HintStatus.UNSPECIFIED;
        if (f.size() > 7 && f.get(7) != null) {
            Object s = f.get(7);
            if (s instanceof PickledObject o && o.className().equals("NetUtils.HintStatus")) {
                s = o.args().get(0);
            }
            status = HintStatus.of((int) integer(s, where + ".status"));
        }
        try {
            return new Hint((int) slotInt(f.get(0), where), (int) slotInt(f.get(1), where), integer(f.get(2), where),
                    integer(f.get(3), where), bool(f.get(4), where + ".found"),
                    f.size() > 5 && f.get(5) != null ? string(f.get(5), where + ".entrance") : "",
                    f.size() > 6 && f.get(6) != null ? (int) integer(f.get(6), where + ".item_flags") : 0, status);
        } catch (IllegalArgumentException e) {
            throw invalid(where + ": " + e.getMessage());
        }
    }

    /** The fields of a named tuple written as a pickled object, a JSON object with its field names, or a list. */
    private static List<?> fields(@Nullable Object value, String className, List<String> names, int required, String where)
            throws MultiworldFileException {
        List<?> fields;
        if (value instanceof PickledObject o) {
            if (!o.className().equals(className)) {
                throw invalid(where + " is a " + o.className() + ", not a " + className);
            }
            fields = o.args();
        } else if (value instanceof Map<?, ?> m) {
            List<Object> list = new ArrayList<>();
            for (String name : names) {
                list.add(m.get(name));
            }
            for (Object k : m.keySet()) {
                if (!names.contains(k) && !"class".equals(k)) {
                    throw invalid(where + " has an unknown field '" + k + "'");
                }
            }
            fields = list;
        } else {
            fields = sequence(value, where);
        }
        if (fields.size() < required || fields.size() > names.size()) {
            throw invalid(where + " has " + fields.size() + " fields, not " + required + ".." + names.size());
        }
        for (int i = 0; i < required; i++) {
            if (fields.get(i) == null) {
                throw invalid(where + " lacks " + names.get(i));
            }
        }
        return fields;
    }

    private static NameTable nameTable(@Nullable Object value, String where) throws MultiworldFileException {
        Map<?, ?> map = dict(value, where);
        String[] names = new String[map.size()];
        long[] ids = new long[map.size()];
        int i = 0;
        for (Map.Entry<?, ?> e : map.entrySet()) {
            names[i] = string(e.getKey(), where);
            ids[i] = id(e.getValue(), where + "[" + names[i] + "]");
            i++;
        }
        return NameTable.adopt(names, ids, i);
    }

    private static JsonObject groups(@Nullable Object value, String where) throws MultiworldFileException {
        if (value == null) {
            return JsonObject.EMPTY;
        }
        LinkedHashMap<String, JsonValue> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : dict(value, where).entrySet()) {
            String group = string(e.getKey(), where);
            List<JsonValue> members = new ArrayList<>();
            for (Object m : sequence(e.getValue(), where + "[" + group + "]")) {
                members.add(new JsonString(string(m, where + "[" + group + "]")));
            }
            out.put(group, JsonArray.of(members));
        }
        return JsonObject.adopt(out);
    }

    private static int intOption(JsonObject options, String key, int fallback) throws MultiworldFileException {
        JsonValue v = options.get(key);
        if (v == null || v instanceof JsonNull) {
            return fallback;
        }
        if (v instanceof JsonInt i && i.fitsLong() && i.longValue() >= 0 && i.longValue() <= Integer.MAX_VALUE) {
            return (int) i.longValue();
        }
        if (v instanceof JsonString s && s.value().matches("[0-9]{1,9}")) {
            return Integer.parseInt(s.value());
        }
        throw invalid("server_options." + key + " is " + v + ", not a non-negative integer");
    }

    private static Permission permission(JsonObject options, String key, String fallback) throws MultiworldFileException {
        JsonValue v = options.get(key);
        if (v == null || v instanceof JsonNull) {
            return Permission.fromText(fallback);
        }
        if (v instanceof JsonString s) {
            return Permission.fromText(s.value());
        }
        if (v instanceof JsonBool b) {
            // The reference coerces a bool with str(): "True" and "False" contain no mode name.
            return Permission.fromText(b.value() ? "True" : "False");
        }
        throw invalid("server_options." + key + " is " + v + ", not a mode name");
    }

    /** Python values to JSON as the reference's encoder writes them (dict keys as text, named tuples as objects
     * with {@code class}, enums as their value), within the depth and value budget. */
    private JsonValue json(@Nullable Object v, int depth, String where) throws MultiworldFileException {
        if (--budget < 0) {
            throw new MultiworldFileException(Kind.TOO_LARGE, where + " expands to more than " + maxValues
                    + " values: more than the file holds, through values shared many times");
        }
        if (depth > limits.maxDepth()) {
            throw new MultiworldFileException(Kind.TOO_LARGE, where + " is nested deeper than " + limits.maxDepth());
        }
        if (v == null) {
            return JsonNull.INSTANCE;
        }
        if (v instanceof Boolean b) {
            return JsonBool.of(b);
        }
        if (v instanceof Integer || v instanceof Long) {
            return JsonInt.of(((Number) v).longValue());
        }
        if (v instanceof BigInteger b) {
            return JsonInt.of(b);
        }
        if (v instanceof Double d) {
            try {
                return new JsonFloat(d);
            } catch (IllegalArgumentException e) {
                throw invalid(where + " holds the float " + d + ", which JSON cannot carry");
            }
        }
        if (v instanceof String s) {
            return new JsonString(s);
        }
        if (v instanceof Map<?, ?> m) {
            LinkedHashMap<String, JsonValue> out = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                out.put(jsonKey(e.getKey(), where), json(e.getValue(), depth + 1, where));
            }
            return JsonObject.adopt(out);
        }
        if (v instanceof PickledObject o) {
            String simple = o.className().substring(o.className().lastIndexOf('.') + 1);
            if (o.args().size() == 1 && !o.className().equals("NetUtils.NetworkSlot")
                    && !o.className().equals("NetUtils.NetworkItem") && !o.className().equals("NetUtils.Hint")) {
                return json(o.args().get(0), depth + 1, where);
            }
            List<String> names = switch (simple) {
                case "NetworkItem" -> List.of("item", "location", "player", "flags");
                case "NetworkSlot" -> List.of("name", "game", "type", "group_members");
                default -> List.of("receiving_player", "finding_player", "location", "item", "found", "entrance",
                        "item_flags", "status");
            };
            LinkedHashMap<String, JsonValue> out = new LinkedHashMap<>();
            for (int i = 0; i < o.args().size(); i++) {
                out.put(names.get(i), json(o.args().get(i), depth + 1, where));
            }
            out.put("class", new JsonString(simple));
            return JsonObject.adopt(out);
        }
        if (v instanceof List<?> || v instanceof Object[] || v instanceof Set<?>) {
            List<JsonValue> out = new ArrayList<>();
            for (Object e : sequence(v, where)) {
                out.add(json(e, depth + 1, where));
            }
            return JsonArray.of(out);
        }
        throw invalid(where + " holds a " + RestrictedUnpickler.typeName(v) + ", which JSON cannot carry");
    }

    private static String jsonKey(@Nullable Object key, String where) throws MultiworldFileException {
        if (key instanceof String s) {
            return s;
        }
        if (key == null) {
            return "null";
        }
        if (key instanceof Boolean b) {
            return b ? "true" : "false";
        }
        if (key instanceof Integer || key instanceof Long || key instanceof BigInteger) {
            return key.toString();
        }
        if (key instanceof Double d) {
            return Double.isNaN(d) ? "NaN" : d.isInfinite() ? (d > 0 ? "Infinity" : "-Infinity") : PythonText.floatRepr(d);
        }
        throw invalid(where + " has a " + RestrictedUnpickler.typeName(key) + " key, which JSON cannot carry");
    }

    // ---------------------------------------------------------------- scalar readers

    private static @Nullable Object required(Map<?, ?> map, String key) throws MultiworldFileException {
        return required(map, key, "the multiworld");
    }

    private static @Nullable Object required(Map<?, ?> map, String key, String where) throws MultiworldFileException {
        if (!map.containsKey(key)) {
            throw invalid(where + " has no '" + key + "'");
        }
        return map.get(key);
    }

    private static Map<?, ?> dict(@Nullable Object v, String where) throws MultiworldFileException {
        if (v instanceof Map<?, ?> m) {
            return m;
        }
        throw invalid(where + " is a " + RestrictedUnpickler.typeName(v) + ", not a dict");
    }

    private static List<?> sequence(@Nullable Object v, String where) throws MultiworldFileException {
        if (v instanceof List<?> l) {
            return l;
        }
        if (v instanceof Object[] t) {
            return Arrays.asList(t);
        }
        if (v instanceof Collection<?> c) {
            return new ArrayList<>(c);
        }
        throw invalid(where + " is a " + RestrictedUnpickler.typeName(v) + ", not a list, tuple or set");
    }

    private static String string(@Nullable Object v, String where) throws MultiworldFileException {
        if (v instanceof String s) {
            return s;
        }
        throw invalid(where + " is a " + RestrictedUnpickler.typeName(v) + ", not a str");
    }

    private static boolean bool(@Nullable Object v, String where) throws MultiworldFileException {
        if (v instanceof Boolean b) {
            return b;
        }
        throw invalid(where + " is a " + RestrictedUnpickler.typeName(v) + ", not a bool");
    }

    private static long integer(@Nullable Object v, String where) throws MultiworldFileException {
        if (v instanceof Integer || v instanceof Long) {
            return ((Number) v).longValue();
        }
        if (v instanceof BigInteger b && b.bitLength() < 64) {
            return b.longValue();
        }
        throw invalid(where + " is " + (v instanceof BigInteger ? "too large" : "a " + RestrictedUnpickler.typeName(v))
                + ", not an int");
    }

    /** An item or location id: within +-(2^53-1). */
    private static long id(@Nullable Object v, String where) throws MultiworldFileException {
        long id = integer(v, where);
        if (Math.abs(id) > (1L << 53) - 1) {
            throw invalid(where + " is " + id + ", outside +-(2^53-1)");
        }
        return id;
    }

    private static long slotInt(@Nullable Object v, String where) throws MultiworldFileException {
        long slot = integer(v, where);
        if (slot < 0 || slot > 1_000_000) {
            throw invalid(where + " names slot " + slot + ", outside 0..1000000");
        }
        return slot;
    }

    /** A dict key that is an id: an int, or (JSON) its decimal text. */
    private static long idKey(@Nullable Object key, String where) throws MultiworldFileException {
        if (key instanceof String s) {
            try {
                return id(Long.parseLong(s.strip()), where);
            } catch (NumberFormatException e) {
                throw invalid(where + " has the key '" + s + "', not an int");
            }
        }
        return id(key, where);
    }

    private static int slotKey(@Nullable Object key, String where) throws MultiworldFileException {
        long slot = key instanceof String ? idKey(key, where) : integer(key, where);
        if (slot < 1 || slot > 1_000_000) {
            throw invalid(where + " names slot " + slot + ", outside 1..1000000");
        }
        return (int) slot;
    }

    private static int knownSlot(@Nullable Object key, Map<Integer, NetworkSlot> slots, String where)
            throws MultiworldFileException {
        int slot = slotKey(key, where);
        if (!slots.containsKey(slot)) {
            throw invalid(where + " names slot " + slot + ", which slot_info does not list");
        }
        return slot;
    }

    private static NetworkVersion version(@Nullable Object v, String where) throws MultiworldFileException {
        if (v instanceof Map<?, ?> m) {
            return version(Arrays.asList(m.get("major"), m.get("minor"), m.get("build")), where);
        }
        List<?> parts = sequence(v, where);
        if (parts.size() != 3) {
            throw invalid(where + " is not a (major, minor, build) tuple");
        }
        try {
            return new NetworkVersion((int) integer(parts.get(0), where), (int) integer(parts.get(1), where),
                    (int) integer(parts.get(2), where));
        } catch (IllegalArgumentException e) {
            throw invalid(where + ": " + e.getMessage());
        }
    }

    private static int compare(NetworkVersion a, NetworkVersion b) {
        int c = Integer.compare(a.major(), b.major());
        if (c == 0) {
            c = Integer.compare(a.minor(), b.minor());
        }
        return c != 0 ? c : Integer.compare(a.build(), b.build());
    }

    private static String text(NetworkVersion v) {
        return v.major() + "." + v.minor() + "." + v.build();
    }

    private static Map<String, Long> orderedOf(String a, long idA, String b, long idB) {
        LinkedHashMap<String, Long> m = new LinkedHashMap<>();
        m.put(a, idA);
        m.put(b, idB);
        return m;
    }

    private static MultiworldFileException invalid(String message) {
        return new MultiworldFileException(Kind.INVALID, message);
    }
}
