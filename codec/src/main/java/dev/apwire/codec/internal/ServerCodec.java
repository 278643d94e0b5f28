package dev.apwire.codec.internal;

import dev.apwire.codec.JsonValues;
import dev.apwire.codec.MalformedFrameException;
import dev.apwire.json.JsonObject;
import dev.apwire.json.JsonValue;
import dev.apwire.json.PythonText;
import dev.apwire.protocol.ConnectionRefusedError;
import dev.apwire.protocol.DataPackageContents;
import dev.apwire.protocol.JsonMessagePart;
import dev.apwire.protocol.LongList;
import dev.apwire.protocol.NetworkItem;
import dev.apwire.protocol.NetworkPlayer;
import dev.apwire.protocol.NetworkSlot;
import dev.apwire.protocol.NetworkVersion;
import dev.apwire.protocol.PacketProblemType;
import dev.apwire.protocol.Permission;
import dev.apwire.protocol.PrintJsonType;
import dev.apwire.protocol.server.BouncedPacket;
import dev.apwire.protocol.server.ConnectedPacket;
import dev.apwire.protocol.server.ConnectionRefusedPacket;
import dev.apwire.protocol.server.DataPackagePacket;
import dev.apwire.protocol.server.InvalidPacket;
import dev.apwire.protocol.server.LocationInfoPacket;
import dev.apwire.protocol.server.PrintJsonPacket;
import dev.apwire.protocol.server.ReceivedItemsPacket;
import dev.apwire.protocol.server.RetrievedPacket;
import dev.apwire.protocol.server.RoomInfoPacket;
import dev.apwire.protocol.server.RoomUpdatePacket;
import dev.apwire.protocol.server.ServerCommand;
import dev.apwire.protocol.server.ServerPacket;
import dev.apwire.protocol.server.SetReplyPacket;
import dev.apwire.protocol.server.UnknownServerPacket;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * The server command table: one reader and one writer per {@link ServerCommand}. Writers emit the
 * fields in the reference server's order.
 */
public final class ServerCodec {

    private ServerCodec() {
    }

    static ServerPacket read(ServerCommand command, String cmd, JsonParser p) throws MalformedFrameException {
        switch (command) {
            case ROOM_INFO:
                return roomInfo(p);
            case CONNECTION_REFUSED:
                return connectionRefused(p);
            case CONNECTED:
                return connected(p);
            case RECEIVED_ITEMS:
                return receivedItems(p);
            case LOCATION_INFO:
                return locationInfo(p);
            case ROOM_UPDATE:
                return roomUpdate(p);
            case PRINT_JSON:
                return printJson(p);
            case DATA_PACKAGE:
                return dataPackage(p);
            case BOUNCED:
                return bounced(p);
            case INVALID_PACKET:
                return invalidPacket(p);
            case RETRIEVED:
                return retrieved(p);
            case SET_REPLY:
                return setReply(p);
            case UNKNOWN:
            default:
                return new UnknownServerPacket(cmd, ClientCodec.rest(p, null));
        }
    }

    /** The fields RoomInfo and RoomUpdate share; null means absent. */
    private static final class RoomFields {
        @Nullable Boolean password;
        @Nullable List<String> games;
        @Nullable List<String> tags;
        @Nullable NetworkVersion version;
        @Nullable NetworkVersion generatorVersion;
        @Nullable Map<String, Permission> permissions;
        @Nullable Integer hintCost;
        @Nullable Integer locationCheckPoints;
        @Nullable Map<String, String> checksums;
        @Nullable Map<String, Integer> versions;
        @Nullable String seedName;
        @Nullable Double time;

        /** Reads a shared field; false when the name is not one of them. */
        boolean read(String n, JsonParser p, String c) throws MalformedFrameException {
            switch (n) {
                case "password":
                    password = Fields.bool(p, c, n);
                    return true;
                case "games":
                    games = Fields.strings(p, c, n);
                    return true;
                case "tags":
                    tags = Fields.strings(p, c, n);
                    return true;
                case "version":
                    version = Shared.version(p, c, n);
                    return true;
                case "generator_version":
                    generatorVersion = Shared.version(p, c, n);
                    return true;
                case "permissions":
                    permissions = Fields.map(p, c, n, (q, cmd, f) -> Permission.of(Fields.int32(q, cmd, f)));
                    return true;
                case "hint_cost":
                    hintCost = Fields.int32(p, c, n);
                    return true;
                case "location_check_points":
                    locationCheckPoints = Fields.int32(p, c, n);
                    return true;
                case "datapackage_checksums":
                    checksums = Fields.map(p, c, n, Fields::string);
                    return true;
                case "datapackage_versions":
                    versions = Fields.map(p, c, n, Fields::int32);
                    return true;
                case "seed_name":
                    seedName = Fields.string(p, c, n);
                    return true;
                case "time":
                    time = Fields.number(p, c, n);
                    return true;
                default:
                    return false;
            }
        }
    }

    private static RoomInfoPacket roomInfo(JsonParser p) throws MalformedFrameException {
        final String c = "RoomInfo";
        RoomFields f = new RoomFields();
        LinkedHashMap<String, JsonValue> extras = null;
        for (String n = p.nextName(); n != null; n = p.nextName()) {
            p.nextToken();
            if (!f.read(n, p, c)) {
                extras = Fields.extra(extras, n, p);
            }
        }
        Fields.require(f.password != null, c, "password");
        Fields.require(f.games != null, c, "games");
        Fields.require(f.tags != null, c, "tags");
        Fields.require(f.version != null, c, "version");
        Fields.require(f.permissions != null, c, "permissions");
        Fields.require(f.hintCost != null, c, "hint_cost");
        Fields.require(f.locationCheckPoints != null, c, "location_check_points");
        Fields.require(f.seedName != null, c, "seed_name");
        Fields.require(f.time != null, c, "time");
        return new RoomInfoPacket(f.password, f.games, f.tags, f.version, f.generatorVersion, f.permissions, f.hintCost,
                f.locationCheckPoints, f.checksums, f.versions, f.seedName, f.time, Fields.extras(extras));
    }

    private static RoomUpdatePacket roomUpdate(JsonParser p) throws MalformedFrameException {
        final String c = "RoomUpdate";
        RoomFields f = new RoomFields();
        Integer hintPoints = null;
        List<NetworkPlayer> players = null;
        LongList checked = null;
        LongList missing = null;
        LinkedHashMap<String, JsonValue> extras = null;
        for (String n = p.nextName(); n != null; n = p.nextName()) {
            p.nextToken();
            if (f.read(n, p, c)) {
                continue;
            }
            switch (n) {
                case "hint_points":
                    hintPoints = Fields.int32(p, c, n);
                    break;
                case "players":
                    players = Shared.players(p, c, n);
                    break;
                case "checked_locations":
                    checked = Fields.ids(p, c, n);
                    break;
                case "missing_locations":
                    missing = Fields.ids(p, c, n);
                    break;
                default:
                    extras = Fields.extra(extras, n, p);
            }
        }
        return new RoomUpdatePacket(f.password, f.games, f.tags, f.version, f.generatorVersion, f.permissions, f.hintCost,
                f.locationCheckPoints, f.checksums, f.versions, f.seedName, f.time, hintPoints, players, checked, missing,
                Fields.extras(extras));
    }

    private static ConnectionRefusedPacket connectionRefused(JsonParser p) throws MalformedFrameException {
        return Fields.oneField(p, "ConnectionRefused", "errors", false, (q, c, f) -> {
            List<String> names = Fields.strings(q, c, f);
            List<ConnectionRefusedError> errors = new ArrayList<>(names.size());
            for (String name : names) {
                errors.add(ConnectionRefusedError.of(name));
            }
            return errors;
        }, ConnectionRefusedPacket::new);
    }

    private static ConnectedPacket connected(JsonParser p) throws MalformedFrameException {
        final String c = "Connected";
        int team = -1;
        int slot = -1;
        List<NetworkPlayer> players = null;
        LongList missing = null;
        LongList checked = null;
        JsonValue slotData = null;
        Map<Integer, NetworkSlot> slotInfo = null;
        Integer hintPoints = null;
        LinkedHashMap<String, JsonValue> extras = null;
        for (String n = p.nextName(); n != null; n = p.nextName()) {
            p.nextToken();
            switch (n) {
                case "team":
                    team = Fields.nonNegative(p, c, n);
                    break;
                case "slot":
                    slot = Fields.nonNegative(p, c, n);
                    break;
                case "players":
                    players = Shared.players(p, c, n);
                    break;
                case "missing_locations":
                    missing = Fields.ids(p, c, n);
                    break;
                case "checked_locations":
                    checked = Fields.ids(p, c, n);
                    break;
                case "slot_data":
                    slotData = Fields.value(p);
                    break;
                case "slot_info": {
                    Fields.startObject(p, c, n);
                    LinkedHashMap<Integer, NetworkSlot> m = new LinkedHashMap<>();
                    for (String k = p.nextName(); k != null; k = p.nextName()) {
                        p.nextToken();
                        m.put(slotKey(k, c), Shared.slot(p, c, new Loc(n, -1, k)));
                    }
                    slotInfo = m;
                    break;
                }
                case "hint_points":
                    hintPoints = Fields.int32(p, c, n);
                    break;
                default:
                    extras = Fields.extra(extras, n, p);
            }
        }
        Fields.require(team >= 0, c, "team");
        Fields.require(slot >= 0, c, "slot");
        Fields.require(players != null, c, "players");
        Fields.require(missing != null, c, "missing_locations");
        Fields.require(checked != null, c, "checked_locations");
        Fields.require(slotInfo != null, c, "slot_info");
        return new ConnectedPacket(team, slot, players, missing, checked, slotData, slotInfo, hintPoints,
                Fields.extras(extras));
    }

    private static int slotKey(String k, String c) {
        int v = -1;
        if (!k.isEmpty() && k.length() <= 9) {
            v = 0;
            for (int i = 0; i < k.length(); i++) {
                char ch = k.charAt(i);
                if (ch < '0' || ch > '9') {
                    v = -1;
                    break;
                }
                v = v * 10 + (ch - '0');
            }
        }
        if (v < 0) {
            throw Problem.arguments(c + ": `slot_info` keys must be slot numbers, got \"" + k + "\"");
        }
        return v;
    }

    private static ReceivedItemsPacket receivedItems(JsonParser p) throws MalformedFrameException {
        final String c = "ReceivedItems";
        int index = -1;
        List<NetworkItem> items = null;
        LinkedHashMap<String, JsonValue> extras = null;
        for (String n = p.nextName(); n != null; n = p.nextName()) {
            p.nextToken();
            switch (n) {
                case "index":
                    index = Fields.nonNegative(p, c, n);
                    break;
                case "items":
                    items = Shared.items(p, c, n);
                    break;
                default:
                    extras = Fields.extra(extras, n, p);
            }
        }
        Fields.require(index >= 0, c, "index");
        Fields.require(items != null, c, "items");
        return new ReceivedItemsPacket(index, items, Fields.extras(extras));
    }

    private static LocationInfoPacket locationInfo(JsonParser p) throws MalformedFrameException {
        return Fields.oneField(p, "LocationInfo", "locations", true, Shared::items, LocationInfoPacket::new);
    }

    private static PrintJsonPacket printJson(JsonParser p) throws MalformedFrameException {
        final String c = "PrintJSON";
        List<JsonMessagePart> data = null;
        PrintJsonType type = null;
        Integer receiving = null;
        NetworkItem item = null;
        Boolean found = null;
        Integer team = null;
        Integer slot = null;
        String message = null;
        List<String> tags = null;
        Integer countdown = null;
        LinkedHashMap<String, JsonValue> extras = null;
        for (String n = p.nextName(); n != null; n = p.nextName()) {
            p.nextToken();
            switch (n) {
                case "data":
                    data = Shared.parts(p, c, n);
                    break;
                case "type":
                    type = KnownNames.PRINT_JSON_TYPES.read(p, c, n);
                    break;
                case "receiving":
                    receiving = Fields.nonNegative(p, c, n);
                    break;
                case "item":
                    item = Shared.item(p, c, n);
                    break;
                case "found":
                    found = Fields.bool(p, c, n);
                    break;
                case "team":
                    team = Fields.nonNegative(p, c, n);
                    break;
                case "slot":
                    slot = Fields.nonNegative(p, c, n);
                    break;
                case "message":
                    message = Fields.string(p, c, n);
                    break;
                case "tags":
                    tags = Fields.strings(p, c, n);
                    break;
                case "countdown":
                    countdown = Fields.int32(p, c, n);
                    break;
                default:
                    extras = Fields.extra(extras, n, p);
            }
        }
        Fields.require(data != null, c, "data");
        return new PrintJsonPacket(data, type, receiving, item, found, team, slot, message, tags, countdown,
                Fields.extras(extras));
    }

    private static DataPackagePacket dataPackage(JsonParser p) throws MalformedFrameException {
        return Fields.oneField(p, "DataPackage", "data", true, Shared::dataPackage, DataPackagePacket::new);
    }

    private static BouncedPacket bounced(JsonParser p) throws MalformedFrameException {
        return ClientCodec.bounceFields(p, "Bounced", BouncedPacket::new);
    }

    private static InvalidPacket invalidPacket(JsonParser p) throws MalformedFrameException {
        final String c = "InvalidPacket";
        String type = null;
        String originalCmd = null;
        String text = null;
        LinkedHashMap<String, JsonValue> extras = null;
        for (String n = p.nextName(); n != null; n = p.nextName()) {
            p.nextToken();
            switch (n) {
                case "type":
                    type = Fields.string(p, c, n);
                    break;
                case "original_cmd":
                    originalCmd = Fields.nullableString(p, c, n);
                    break;
                case "text":
                    text = Fields.string(p, c, n);
                    break;
                default:
                    extras = Fields.extra(extras, n, p);
            }
        }
        Fields.require(type != null, c, "type");
        Fields.require(text != null, c, "text");
        return new InvalidPacket(PacketProblemType.of(type), originalCmd, text, Fields.extras(extras));
    }

    private static RetrievedPacket retrieved(JsonParser p) throws MalformedFrameException {
        return Fields.oneField(p, "Retrieved", "keys", true, (q, c, f) -> {
            Fields.startObject(q, c, f);
            return (JsonObject) Fields.value(q);
        }, RetrievedPacket::new);
    }

    private static SetReplyPacket setReply(JsonParser p) throws MalformedFrameException {
        final String c = "SetReply";
        String key = null;
        JsonValue value = null;
        JsonValue original = null;
        Integer slot = null;
        LinkedHashMap<String, JsonValue> extras = null;
        for (String n = p.nextName(); n != null; n = p.nextName()) {
            p.nextToken();
            switch (n) {
                case "key":
                    key = Fields.string(p, c, n);
                    break;
                case "value":
                    value = Fields.value(p);
                    break;
                case "original_value":
                    original = Fields.value(p);
                    break;
                case "slot":
                    slot = Fields.nonNegative(p, c, n);
                    break;
                default:
                    extras = Fields.extra(extras, n, p);
            }
        }
        Fields.require(key != null, c, "key");
        Fields.require(value != null, c, "value");
        return new SetReplyPacket(key, value, original, slot, Fields.extras(extras));
    }

    // ---- writers --------------------------------------------------------------------------------

    /**
     * Writes one server command object in the reference server's field order.
     *
     * @param g the generator
     * @param packet the packet
     */
    public static void write(JsonGenerator g, ServerPacket packet) {
        g.writeStartObject();
        g.writeStringProperty("cmd", packet.cmd());
        switch (packet.command()) {
            case ROOM_INFO: {
                RoomInfoPacket x = (RoomInfoPacket) packet;
                writeRoom(g, x.password(), x.games(), x.tags(), x.version(), x.generatorVersion(), x.permissions(),
                        x.hintCost(), x.locationCheckPoints(), x.datapackageChecksums(), x.datapackageVersions(),
                        x.seedName(), x.time());
                break;
            }
            case ROOM_UPDATE: {
                RoomUpdatePacket x = (RoomUpdatePacket) packet;
                writeRoom(g, x.password(), x.games(), x.tags(), x.version(), x.generatorVersion(), x.permissions(),
                        x.hintCost(), x.locationCheckPoints(), x.datapackageChecksums(), x.datapackageVersions(),
                        x.seedName(), x.time());
                if (x.hintPoints() != null) {
                    g.writeNumberProperty("hint_points", x.hintPoints());
                }
                if (x.players() != null) {
                    g.writeName("players");
                    Shared.writePlayers(g, x.players());
                }
                if (x.checkedLocations() != null) {
                    g.writeName("checked_locations");
                    Shared.writeIds(g, x.checkedLocations());
                }
                if (x.missingLocations() != null) {
                    g.writeName("missing_locations");
                    Shared.writeIds(g, x.missingLocations());
                }
                break;
            }
            case CONNECTION_REFUSED: {
                ConnectionRefusedPacket x = (ConnectionRefusedPacket) packet;
                if (x.errors() != null) {
                    g.writeName("errors");
                    g.writeStartArray(x.errors(), x.errors().size());
                    for (ConnectionRefusedError e : x.errors()) {
                        g.writeString(e.name());
                    }
                    g.writeEndArray();
                }
                break;
            }
            case CONNECTED: {
                ConnectedPacket x = (ConnectedPacket) packet;
                g.writeNumberProperty("team", x.team());
                g.writeNumberProperty("slot", x.slot());
                g.writeName("players");
                Shared.writePlayers(g, x.players());
                g.writeName("missing_locations");
                Shared.writeIds(g, x.missingLocations());
                g.writeName("checked_locations");
                Shared.writeIds(g, x.checkedLocations());
                g.writeName("slot_info");
                g.writeStartObject();
                for (Map.Entry<Integer, NetworkSlot> e : x.slotInfo().entrySet()) {
                    g.writeName(Integer.toString(e.getKey()));
                    Shared.write(g, e.getValue());
                }
                g.writeEndObject();
                if (x.hintPoints() != null) {
                    g.writeNumberProperty("hint_points", x.hintPoints());
                }
                if (x.slotData() != null) {
                    g.writeName("slot_data");
                    JsonValues.write(g, x.slotData());
                }
                break;
            }
            case RECEIVED_ITEMS: {
                ReceivedItemsPacket x = (ReceivedItemsPacket) packet;
                g.writeNumberProperty("index", x.index());
                g.writeName("items");
                Shared.writeItems(g, x.items());
                break;
            }
            case LOCATION_INFO:
                g.writeName("locations");
                Shared.writeItems(g, ((LocationInfoPacket) packet).locations());
                break;
            case PRINT_JSON: {
                PrintJsonPacket x = (PrintJsonPacket) packet;
                g.writeName("data");
                Shared.writeParts(g, x.data());
                if (x.type() != null) {
                    g.writeStringProperty("type", x.type().name());
                }
                if (x.receiving() != null) {
                    g.writeNumberProperty("receiving", x.receiving());
                }
                if (x.item() != null) {
                    g.writeName("item");
                    Shared.write(g, x.item());
                }
                if (x.found() != null) {
                    g.writeBooleanProperty("found", x.found());
                }
                if (x.team() != null) {
                    g.writeNumberProperty("team", x.team());
                }
                if (x.slot() != null) {
                    g.writeNumberProperty("slot", x.slot());
                }
                if (x.message() != null) {
                    g.writeStringProperty("message", x.message());
                }
                Shared.writeOptionalStrings(g, "tags", x.tags());
                if (x.countdown() != null) {
                    g.writeNumberProperty("countdown", x.countdown());
                }
                break;
            }
            case DATA_PACKAGE:
                g.writeName("data");
                Shared.write(g, ((DataPackagePacket) packet).data());
                break;
            case BOUNCED: {
                BouncedPacket x = (BouncedPacket) packet;
                Shared.writeOptionalStrings(g, "tags", x.tags());
                Shared.writeOptionalStrings(g, "games", x.games());
                if (x.slots() != null) {
                    g.writeName("slots");
                    Shared.writeInts(g, x.slots());
                }
                if (x.data() != null) {
                    g.writeName("data");
                    JsonValues.write(g, x.data());
                }
                break;
            }
            case INVALID_PACKET: {
                InvalidPacket x = (InvalidPacket) packet;
                // The reference server writes `cmd` problems as type, original_cmd, text and
                // `arguments` problems as type, text, original_cmd.
                g.writeStringProperty("type", x.type().name());
                boolean textFirst = !x.type().equals(PacketProblemType.CMD);
                if (textFirst) {
                    g.writeStringProperty("text", x.text());
                }
                if (x.originalCmd() == null) {
                    g.writeNullProperty("original_cmd");
                } else {
                    g.writeStringProperty("original_cmd", x.originalCmd());
                }
                if (!textFirst) {
                    g.writeStringProperty("text", x.text());
                }
                break;
            }
            case RETRIEVED:
                g.writeName("keys");
                JsonValues.write(g, ((RetrievedPacket) packet).keys());
                break;
            case SET_REPLY: {
                // The reference server echoes the Set's fields, then adds original_value, slot, value.
                SetReplyPacket x = (SetReplyPacket) packet;
                g.writeStringProperty("key", x.key());
                Shared.extras(g, x.extras());
                if (x.originalValue() != null) {
                    g.writeName("original_value");
                    JsonValues.write(g, x.originalValue());
                }
                if (x.slot() != null) {
                    g.writeNumberProperty("slot", x.slot());
                }
                g.writeName("value");
                JsonValues.write(g, x.value());
                g.writeEndObject();
                return;
            }
            case UNKNOWN:
                break;
            default:
                throw new IllegalStateException("no writer for " + packet.command());
        }
        Shared.extras(g, packet.extras());
        g.writeEndObject();
    }

    private static void writeRoom(JsonGenerator g, @Nullable Boolean password, @Nullable List<String> games,
            @Nullable List<String> tags, @Nullable NetworkVersion version, @Nullable NetworkVersion generatorVersion,
            @Nullable Map<String, Permission> permissions, @Nullable Integer hintCost,
            @Nullable Integer locationCheckPoints, @Nullable Map<String, String> checksums,
            @Nullable Map<String, Integer> versions, @Nullable String seedName, @Nullable Double time) {
        if (password != null) {
            g.writeBooleanProperty("password", password);
        }
        Shared.writeOptionalStrings(g, "games", games);
        Shared.writeOptionalStrings(g, "tags", tags);
        if (version != null) {
            g.writeName("version");
            Shared.write(g, version);
        }
        if (generatorVersion != null) {
            g.writeName("generator_version");
            Shared.write(g, generatorVersion);
        }
        if (permissions != null) {
            g.writeName("permissions");
            g.writeStartObject();
            for (Map.Entry<String, Permission> e : permissions.entrySet()) {
                g.writeNumberProperty(e.getKey(), e.getValue().value());
            }
            g.writeEndObject();
        }
        if (hintCost != null) {
            g.writeNumberProperty("hint_cost", hintCost);
        }
        if (locationCheckPoints != null) {
            g.writeNumberProperty("location_check_points", locationCheckPoints);
        }
        if (checksums != null) {
            g.writeName("datapackage_checksums");
            g.writeStartObject();
            for (Map.Entry<String, String> e : checksums.entrySet()) {
                g.writeStringProperty(e.getKey(), e.getValue());
            }
            g.writeEndObject();
        }
        if (versions != null) {
            g.writeName("datapackage_versions");
            g.writeStartObject();
            for (Map.Entry<String, Integer> e : versions.entrySet()) {
                g.writeNumberProperty(e.getKey(), e.getValue());
            }
            g.writeEndObject();
        }
        if (seedName != null) {
            g.writeStringProperty("seed_name", seedName);
        }
        if (time != null) {
            g.writeName("time");
            g.writeNumber(PythonText.floatRepr(time));
        }
    }
}
