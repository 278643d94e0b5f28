package dev.apwire.codec.internal;

import dev.apwire.codec.MalformedFrameException;
import dev.apwire.json.JsonObject;
import dev.apwire.json.JsonValue;
import dev.apwire.protocol.DataPackageContents;
import dev.apwire.protocol.GameData;
import dev.apwire.protocol.HintStatus;
import dev.apwire.protocol.JsonMessagePart;
import dev.apwire.protocol.JsonMessagePartType;
import dev.apwire.protocol.NameTable;
import dev.apwire.protocol.NetworkItem;
import dev.apwire.protocol.NetworkPlayer;
import dev.apwire.protocol.NetworkSlot;
import dev.apwire.protocol.NetworkVersion;
import dev.apwire.protocol.SlotType;
import dev.apwire.protocol.TextColor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * Readers and writers of the shared types. Writers follow the reference server: fields in
 * declaration order, extras, then {@code "class"} last. Readers accept {@code "class"} and do not
 * require it.
 */
final class Shared {

    private Shared() {
    }

    // ---- NetworkVersion -------------------------------------------------------------------------

    static NetworkVersion version(JsonParser p, String cmd, Object field) throws MalformedFrameException {
        Fields.startObject(p, cmd, field);
        int major = -1;
        int minor = -1;
        int build = -1;
        LinkedHashMap<String, JsonValue> extras = null;
        for (String n = p.nextName(); n != null; n = p.nextName()) {
            p.nextToken();
            // The reference server lower-cases the keys of a Version (.NET clients send "Major").
            switch (n.toLowerCase(Locale.ROOT)) {
                case "major":
                    major = Fields.nonNegative(p, cmd, new Loc(field, -1, "major"));
                    break;
                case "minor":
                    minor = Fields.nonNegative(p, cmd, new Loc(field, -1, "minor"));
                    break;
                case "build":
                    build = Fields.nonNegative(p, cmd, new Loc(field, -1, "build"));
                    break;
                case "class":
                    p.skipChildren();
                    break;
                default:
                    extras = Fields.extra(extras, n, p);
            }
        }
        Fields.require(major >= 0, cmd, new Loc(field, -1, "major"));
        Fields.require(minor >= 0, cmd, new Loc(field, -1, "minor"));
        Fields.require(build >= 0, cmd, new Loc(field, -1, "build"));
        return new NetworkVersion(major, minor, build, Fields.extras(extras));
    }

    static void write(JsonGenerator g, NetworkVersion v) {
        g.writeStartObject();
        g.writeNumberProperty("major", v.major());
        g.writeNumberProperty("minor", v.minor());
        g.writeNumberProperty("build", v.build());
        extras(g, v.extras());
        g.writeStringProperty("class", "Version");
        g.writeEndObject();
    }

    // ---- NetworkItem ----------------------------------------------------------------------------

    static NetworkItem item(JsonParser p, String cmd, Object field) throws MalformedFrameException {
        Fields.startObject(p, cmd, field);
        long item = 0;
        long location = 0;
        int player = 0;
        int flags = 0;
        boolean hasItem = false;
        boolean hasLocation = false;
        boolean hasPlayer = false;
        LinkedHashMap<String, JsonValue> extras = null;
        for (String n = p.nextName(); n != null; n = p.nextName()) {
            p.nextToken();
            switch (n) {
                case "item":
                    item = Fields.id(p, cmd, new Loc(field, -1, "item"));
                    hasItem = true;
                    break;
                case "location":
                    location = Fields.id(p, cmd, new Loc(field, -1, "location"));
                    hasLocation = true;
                    break;
                case "player":
                    player = Fields.nonNegative(p, cmd, new Loc(field, -1, "player"));
                    hasPlayer = true;
                    break;
                case "flags":
                    flags = Fields.int32(p, cmd, new Loc(field, -1, "flags"));
                    break;
                case "class":
                    p.skipChildren();
                    break;
                default:
                    extras = Fields.extra(extras, n, p);
            }
        }
        Fields.require(hasItem, cmd, new Loc(field, -1, "item"));
        Fields.require(hasLocation, cmd, new Loc(field, -1, "location"));
        Fields.require(hasPlayer, cmd, new Loc(field, -1, "player"));
        return new NetworkItem(item, location, player, flags, Fields.extras(extras));
    }

    static List<NetworkItem> items(JsonParser p, String cmd, Object field) throws MalformedFrameException {
        return Fields.list(p, cmd, field, Shared::item);
    }

    static void write(JsonGenerator g, NetworkItem i) {
        g.writeStartObject();
        g.writeNumberProperty("item", i.item());
        g.writeNumberProperty("location", i.location());
        g.writeNumberProperty("player", i.player());
        g.writeNumberProperty("flags", i.flags());
        extras(g, i.extras());
        g.writeStringProperty("class", "NetworkItem");
        g.writeEndObject();
    }

    static void writeItems(JsonGenerator g, List<NetworkItem> items) {
        g.writeStartArray(items, items.size());
        for (NetworkItem i : items) {
            write(g, i);
        }
        g.writeEndArray();
    }

    // ---- NetworkPlayer --------------------------------------------------------------------------

    static NetworkPlayer player(JsonParser p, String cmd, Object field) throws MalformedFrameException {
        Fields.startObject(p, cmd, field);
        int team = -1;
        int slot = -1;
        String alias = null;
        String name = null;
        LinkedHashMap<String, JsonValue> extras = null;
        for (String n = p.nextName(); n != null; n = p.nextName()) {
            p.nextToken();
            switch (n) {
                case "team":
                    team = Fields.nonNegative(p, cmd, new Loc(field, -1, "team"));
                    break;
                case "slot":
                    slot = Fields.nonNegative(p, cmd, new Loc(field, -1, "slot"));
                    break;
                case "alias":
                    alias = Fields.string(p, cmd, new Loc(field, -1, "alias"));
                    break;
                case "name":
                    name = Fields.string(p, cmd, new Loc(field, -1, "name"));
                    break;
                case "class":
                    p.skipChildren();
                    break;
                default:
                    extras = Fields.extra(extras, n, p);
            }
        }
        Fields.require(team >= 0, cmd, new Loc(field, -1, "team"));
        Fields.require(slot >= 0, cmd, new Loc(field, -1, "slot"));
        Fields.require(alias != null, cmd, new Loc(field, -1, "alias"));
        Fields.require(name != null, cmd, new Loc(field, -1, "name"));
        return new NetworkPlayer(team, slot, alias, name, Fields.extras(extras));
    }

    static List<NetworkPlayer> players(JsonParser p, String cmd, Object field) throws MalformedFrameException {
        return Fields.list(p, cmd, field, Shared::player);
    }

    static void writePlayers(JsonGenerator g, List<NetworkPlayer> players) {
        g.writeStartArray(players, players.size());
        for (NetworkPlayer np : players) {
            g.writeStartObject();
            g.writeNumberProperty("team", np.team());
            g.writeNumberProperty("slot", np.slot());
            g.writeStringProperty("alias", np.alias());
            g.writeStringProperty("name", np.name());
            extras(g, np.extras());
            g.writeStringProperty("class", "NetworkPlayer");
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    // ---- NetworkSlot ----------------------------------------------------------------------------

    static NetworkSlot slot(JsonParser p, String cmd, Object field) throws MalformedFrameException {
        Fields.startObject(p, cmd, field);
        String name = null;
        String game = null;
        SlotType type = null;
        List<Integer> members = List.of();
        LinkedHashMap<String, JsonValue> extras = null;
        for (String n = p.nextName(); n != null; n = p.nextName()) {
            p.nextToken();
            switch (n) {
                case "name":
                    name = Fields.string(p, cmd, new Loc(field, -1, "name"));
                    break;
                case "game":
                    game = Fields.string(p, cmd, new Loc(field, -1, "game"));
                    break;
                case "type":
                    type = SlotType.of(Fields.int32(p, cmd, new Loc(field, -1, "type")));
                    break;
                case "group_members":
                    members = Fields.slots(p, cmd, new Loc(field, -1, "group_members"));
                    break;
                case "class":
                    p.skipChildren();
                    break;
                default:
                    extras = Fields.extra(extras, n, p);
            }
        }
        Fields.require(name != null, cmd, new Loc(field, -1, "name"));
        Fields.require(game != null, cmd, new Loc(field, -1, "game"));
        Fields.require(type != null, cmd, new Loc(field, -1, "type"));
        return new NetworkSlot(name, game, type, members, Fields.extras(extras));
    }

    static void write(JsonGenerator g, NetworkSlot s) {
        g.writeStartObject();
        g.writeStringProperty("name", s.name());
        g.writeStringProperty("game", s.game());
        g.writeNumberProperty("type", s.type().value());
        g.writeName("group_members");
        writeInts(g, s.groupMembers());
        extras(g, s.extras());
        g.writeStringProperty("class", "NetworkSlot");
        g.writeEndObject();
    }

    // ---- JSONMessagePart ------------------------------------------------------------------------

    static List<JsonMessagePart> parts(JsonParser p, String cmd, Object field) throws MalformedFrameException {
        return Fields.list(p, cmd, field, Shared::part);
    }

    static JsonMessagePart part(JsonParser p, String cmd, Object field) throws MalformedFrameException {
        Fields.startObject(p, cmd, field);
        String text = null;
        JsonMessagePartType type = null;
        TextColor color = null;
        Integer flags = null;
        Integer player = null;
        HintStatus status = null;
        LinkedHashMap<String, JsonValue> extras = null;
        for (String n = p.nextName(); n != null; n = p.nextName()) {
            p.nextToken();
            switch (n) {
                case "text":
                    text = Fields.string(p, cmd, new Loc(field, -1, "text"));
                    break;
                case "type":
                    type = KnownNames.PART_TYPES.read(p, cmd, new Loc(field, -1, "type"));
                    break;
                case "color":
                    color = KnownNames.COLORS.read(p, cmd, new Loc(field, -1, "color"));
                    break;
                case "flags":
                    flags = Fields.int32(p, cmd, new Loc(field, -1, "flags"));
                    break;
                case "player":
                    player = Fields.nonNegative(p, cmd, new Loc(field, -1, "player"));
                    break;
                case "hint_status":
                    status = HintStatus.of(Fields.int32(p, cmd, new Loc(field, -1, "hint_status")));
                    break;
                default:
                    extras = Fields.extra(extras, n, p);
            }
        }
        return new JsonMessagePart(text, type, color, flags, player, status, Fields.extras(extras));
    }

    static void writeParts(JsonGenerator g, List<JsonMessagePart> parts) {
        g.writeStartArray(parts, parts.size());
        for (JsonMessagePart part : parts) {
            g.writeStartObject();
            if (part.text() != null) {
                g.writeStringProperty("text", part.text());
            }
            if (part.player() != null) {
                g.writeNumberProperty("player", part.player());
            }
            if (part.flags() != null) {
                g.writeNumberProperty("flags", part.flags());
            }
            if (part.hintStatus() != null) {
                g.writeNumberProperty("hint_status", part.hintStatus().value());
            }
            if (part.type() != null) {
                g.writeStringProperty("type", part.type().name());
            }
            if (part.color() != null) {
                g.writeStringProperty("color", part.color().name());
            }
            extras(g, part.extras());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    // ---- DataPackage contents -------------------------------------------------------------------

    static DataPackageContents dataPackage(JsonParser p, String cmd, Object field) throws MalformedFrameException {
        Fields.startObject(p, cmd, field);
        Map<String, GameData> games = null;
        LinkedHashMap<String, JsonValue> extras = null;
        for (String n = p.nextName(); n != null; n = p.nextName()) {
            p.nextToken();
            if (n.equals("games")) {
                Fields.startObject(p, cmd, new Loc(field, -1, "games"));
                games = new LinkedHashMap<>();
                for (String game = p.nextName(); game != null; game = p.nextName()) {
                    p.nextToken();
                    games.put(game, game(p, cmd, new Loc(new Loc(field, -1, "games"), -1, game)));
                }
            } else {
                extras = Fields.extra(extras, n, p);
            }
        }
        Fields.require(games != null, cmd, new Loc(field, -1, "games"));
        return new DataPackageContents(games, Fields.extras(extras));
    }

    private static GameData game(JsonParser p, String cmd, Object field) throws MalformedFrameException {
        Fields.startObject(p, cmd, field);
        NameTable items = null;
        NameTable locations = null;
        String checksum = null;
        LinkedHashMap<String, JsonValue> extras = null;
        for (String n = p.nextName(); n != null; n = p.nextName()) {
            p.nextToken();
            switch (n) {
                case "item_name_to_id":
                    items = table(p, cmd, new Loc(field, -1, "item_name_to_id"));
                    break;
                case "location_name_to_id":
                    locations = table(p, cmd, new Loc(field, -1, "location_name_to_id"));
                    break;
                case "checksum":
                    checksum = Fields.string(p, cmd, new Loc(field, -1, "checksum"));
                    break;
                default:
                    extras = Fields.extra(extras, n, p);
            }
        }
        Fields.require(items != null, cmd, new Loc(field, -1, "item_name_to_id"));
        Fields.require(locations != null, cmd, new Loc(field, -1, "location_name_to_id"));
        return new GameData(items, locations, checksum, Fields.extras(extras));
    }

    private static NameTable table(JsonParser p, String cmd, Object field) {
        Fields.startObject(p, cmd, field);
        String[] names = new String[64];
        long[] ids = new long[64];
        int n = 0;
        for (String name = p.nextName(); name != null; name = p.nextName()) {
            p.nextToken();
            if (n == names.length) {
                names = Arrays.copyOf(names, n * 2);
                ids = Arrays.copyOf(ids, n * 2);
            }
            names[n] = name;
            ids[n] = Fields.id(p, cmd, new Loc(field, -1, name));
            n++;
        }
        return NameTable.adopt(names, ids, n);
    }

    static void write(JsonGenerator g, DataPackageContents data) {
        g.writeStartObject();
        g.writeName("games");
        g.writeStartObject();
        for (Map.Entry<String, GameData> e : data.games().entrySet()) {
            g.writeName(e.getKey());
            GameData game = e.getValue();
            g.writeStartObject();
            g.writeName("item_name_to_id");
            writeTable(g, game.itemNameToId());
            g.writeName("location_name_to_id");
            writeTable(g, game.locationNameToId());
            if (game.checksum() != null) {
                g.writeStringProperty("checksum", game.checksum());
            }
            extras(g, game.extras());
            g.writeEndObject();
        }
        g.writeEndObject();
        extras(g, data.extras());
        g.writeEndObject();
    }

    private static void writeTable(JsonGenerator g, NameTable t) {
        g.writeStartObject();
        for (int i = 0, n = t.size(); i < n; i++) {
            g.writeName(t.nameAt(i));
            g.writeNumber(t.idAt(i));
        }
        g.writeEndObject();
    }

    // ---- plain helpers --------------------------------------------------------------------------

    static void extras(JsonGenerator g, JsonObject extras) {
        if (extras.isEmpty()) {
            return;
        }
        for (Map.Entry<String, JsonValue> e : extras.members().entrySet()) {
            g.writeName(e.getKey());
            dev.apwire.codec.JsonValues.write(g, e.getValue());
        }
    }

    static void writeStrings(JsonGenerator g, List<String> list) {
        g.writeStartArray(list, list.size());
        for (String s : list) {
            g.writeString(s);
        }
        g.writeEndArray();
    }

    static void writeInts(JsonGenerator g, List<Integer> list) {
        g.writeStartArray(list, list.size());
        for (Integer i : list) {
            g.writeNumber(i);
        }
        g.writeEndArray();
    }

    static void writeIds(JsonGenerator g, dev.apwire.protocol.LongList list) {
        g.writeStartArray(list, list.size());
        for (int i = 0, n = list.size(); i < n; i++) {
            g.writeNumber(list.getLong(i));
        }
        g.writeEndArray();
    }

    static void writeOptionalStrings(JsonGenerator g, String name, @Nullable List<String> list) {
        if (list != null) {
            g.writeName(name);
            writeStrings(g, list);
        }
    }
}
