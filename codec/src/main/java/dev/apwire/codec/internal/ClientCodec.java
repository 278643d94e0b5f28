package dev.apwire.codec.internal;

import dev.apwire.codec.JsonValues;
import dev.apwire.codec.MalformedFrameException;
import dev.apwire.json.JsonValue;
import dev.apwire.protocol.ClientStatus;
import dev.apwire.protocol.DataStorageOperation;
import dev.apwire.protocol.HintStatus;
import dev.apwire.protocol.ItemsHandling;
import dev.apwire.protocol.LongList;
import dev.apwire.protocol.NetworkVersion;
import dev.apwire.protocol.OperationType;
import dev.apwire.protocol.client.BouncePacket;
import dev.apwire.protocol.client.ClientCommand;
import dev.apwire.protocol.client.ClientPacket;
import dev.apwire.protocol.client.ConnectPacket;
import dev.apwire.protocol.client.ConnectUpdatePacket;
import dev.apwire.protocol.client.CreateHintsPacket;
import dev.apwire.protocol.client.GetDataPackagePacket;
import dev.apwire.protocol.client.GetPacket;
import dev.apwire.protocol.client.JoinPacket;
import dev.apwire.protocol.client.LocationChecksPacket;
import dev.apwire.protocol.client.LocationScoutsPacket;
import dev.apwire.protocol.client.SayPacket;
import dev.apwire.protocol.client.SetNotifyPacket;
import dev.apwire.protocol.client.SetPacket;
import dev.apwire.protocol.client.StatusUpdatePacket;
import dev.apwire.protocol.client.SyncPacket;
import dev.apwire.protocol.client.UnknownClientPacket;
import dev.apwire.protocol.client.UpdateHintPacket;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * The client command table: one reader and one writer per {@link ClientCommand}. Readers start
 * after {@code "cmd"} inside the command object and consume it to its {@code END_OBJECT}; writers
 * write the whole object, {@code cmd} first and extras after the known fields.
 */
public final class ClientCodec {

    private ClientCodec() {
    }

    static ClientPacket read(ClientCommand command, String cmd, JsonParser p) throws MalformedFrameException {
        switch (command) {
            case CONNECT:
                return connect(p);
            case CONNECT_UPDATE:
                return connectUpdate(p);
            case SYNC:
                return new SyncPacket(rest(p, null));
            case LOCATION_CHECKS:
                return locationChecks(p);
            case LOCATION_SCOUTS:
                return locationScouts(p);
            case CREATE_HINTS:
                return createHints(p);
            case UPDATE_HINT:
                return updateHint(p);
            case STATUS_UPDATE:
                return statusUpdate(p);
            case SAY:
                return say(p);
            case GET_DATA_PACKAGE:
                return getDataPackage(p);
            case BOUNCE:
                return bounce(p);
            case GET:
                return get(p);
            case SET:
                return set(p);
            case SET_NOTIFY:
                return setNotify(p);
            case JOIN:
                return join(p);
            case UNKNOWN:
            default:
                return new UnknownClientPacket(cmd, rest(p, null));
        }
    }

    /** Reads the remaining fields of an object as extras. */
    static dev.apwire.json.JsonObject rest(JsonParser p, @Nullable LinkedHashMap<String, JsonValue> extras) throws MalformedFrameException {
        for (String n = p.nextName(); n != null; n = p.nextName()) {
            p.nextToken();
            extras = Fields.extra(extras, n, p);
        }
        return Fields.extras(extras);
    }

    private static ConnectPacket connect(JsonParser p) throws MalformedFrameException {
        final String c = "Connect";
        String password = null;
        boolean hasPassword = false;
        String game = null;
        boolean hasGame = false;
        String name = null;
        String uuid = null;
        NetworkVersion version = null;
        ItemsHandling itemsHandling = null;
        List<String> tags = null;
        Boolean slotData = null;
        LinkedHashMap<String, JsonValue> extras = null;
        for (String n = p.nextName(); n != null; n = p.nextName()) {
            p.nextToken();
            switch (n) {
                case "password":
                    password = Fields.nullableString(p, c, n);
                    hasPassword = true;
                    break;
                case "game":
                    game = Fields.nullableString(p, c, n);
                    hasGame = true;
                    break;
                case "name":
                    name = Fields.string(p, c, n);
                    break;
                case "uuid":
                    uuid = Fields.string(p, c, n);
                    break;
                case "version":
                    version = Shared.version(p, c, n);
                    break;
                case "items_handling":
                    itemsHandling = new ItemsHandling(Fields.int32(p, c, n));
                    break;
                case "tags":
                    tags = Fields.strings(p, c, n);
                    break;
                case "slot_data":
                    slotData = Fields.bool(p, c, n);
                    break;
                default:
                    extras = Fields.extra(extras, n, p);
            }
        }
        Fields.require(hasPassword, c, "password");
        Fields.require(hasGame, c, "game");
        Fields.require(name != null, c, "name");
        Fields.require(uuid != null, c, "uuid");
        Fields.require(version != null, c, "version");
        Fields.require(itemsHandling != null, c, "items_handling");
        Fields.require(tags != null, c, "tags");
        return new ConnectPacket(password, game, name, uuid, version, itemsHandling, tags, slotData, Fields.extras(extras));
    }

    private static ConnectUpdatePacket connectUpdate(JsonParser p) throws MalformedFrameException {
        final String c = "ConnectUpdate";
        ItemsHandling itemsHandling = null;
        List<String> tags = null;
        LinkedHashMap<String, JsonValue> extras = null;
        for (String n = p.nextName(); n != null; n = p.nextName()) {
            p.nextToken();
            switch (n) {
                case "items_handling":
                    itemsHandling = new ItemsHandling(Fields.int32(p, c, n));
                    break;
                case "tags":
                    tags = Fields.strings(p, c, n);
                    break;
                default:
                    extras = Fields.extra(extras, n, p);
            }
        }
        return new ConnectUpdatePacket(itemsHandling, tags, Fields.extras(extras));
    }

    private static LocationChecksPacket locationChecks(JsonParser p) throws MalformedFrameException {
        return Fields.oneField(p, "LocationChecks", "locations", true, Fields::ids, LocationChecksPacket::new);
    }

    private static LocationScoutsPacket locationScouts(JsonParser p) throws MalformedFrameException {
        final String c = "LocationScouts";
        LongList locations = null;
        Integer createAsHint = null;
        LinkedHashMap<String, JsonValue> extras = null;
        for (String n = p.nextName(); n != null; n = p.nextName()) {
            p.nextToken();
            switch (n) {
                case "locations":
                    locations = Fields.ids(p, c, n);
                    break;
                case "create_as_hint":
                    createAsHint = Fields.int32(p, c, n);
                    break;
                default:
                    extras = Fields.extra(extras, n, p);
            }
        }
        Fields.require(locations != null, c, "locations");
        return new LocationScoutsPacket(locations, createAsHint, Fields.extras(extras));
    }

    private static CreateHintsPacket createHints(JsonParser p) throws MalformedFrameException {
        final String c = "CreateHints";
        LongList locations = null;
        Integer player = null;
        HintStatus status = null;
        LinkedHashMap<String, JsonValue> extras = null;
        for (String n = p.nextName(); n != null; n = p.nextName()) {
            p.nextToken();
            switch (n) {
                case "locations":
                    locations = Fields.ids(p, c, n);
                    break;
                case "player":
                    player = Fields.nonNegative(p, c, n);
                    break;
                case "status":
                    status = HintStatus.of(Fields.int32(p, c, n));
                    break;
                default:
                    extras = Fields.extra(extras, n, p);
            }
        }
        Fields.require(locations != null, c, "locations");
        if (locations.isEmpty()) {
            throw Problem.arguments("CreateHints: `locations` must not be empty");
        }
        return new CreateHintsPacket(locations, player, status, Fields.extras(extras));
    }

    private static UpdateHintPacket updateHint(JsonParser p) throws MalformedFrameException {
        final String c = "UpdateHint";
        int player = -1;
        long location = 0;
        boolean hasLocation = false;
        HintStatus status = null;
        boolean hasStatus = false;
        LinkedHashMap<String, JsonValue> extras = null;
        for (String n = p.nextName(); n != null; n = p.nextName()) {
            p.nextToken();
            switch (n) {
                case "player":
                    player = Fields.nonNegative(p, c, n);
                    break;
                case "location":
                    location = Fields.id(p, c, n);
                    hasLocation = true;
                    break;
                case "status":
                    status = p.currentToken() == JsonToken.VALUE_NULL ? null : HintStatus.of(Fields.int32(p, c, n));
                    hasStatus = true;
                    break;
                default:
                    extras = Fields.extra(extras, n, p);
            }
        }
        Fields.require(player >= 0, c, "player");
        Fields.require(hasLocation, c, "location");
        // The reference server closes the connection when `status` is missing; null is allowed.
        Fields.require(hasStatus, c, "status");
        return new UpdateHintPacket(player, location, status, Fields.extras(extras));
    }

    private static StatusUpdatePacket statusUpdate(JsonParser p) throws MalformedFrameException {
        return Fields.oneField(p, "StatusUpdate", "status", true, (q, c, f) -> ClientStatus.of(Fields.int32(q, c, f)),
                StatusUpdatePacket::new);
    }

    private static SayPacket say(JsonParser p) throws MalformedFrameException {
        return Fields.oneField(p, "Say", "text", true, Fields::string, SayPacket::new);
    }

    private static GetDataPackagePacket getDataPackage(JsonParser p) throws MalformedFrameException {
        return Fields.oneField(p, "GetDataPackage", "games", false, Fields::strings, GetDataPackagePacket::new);
    }

    private static BouncePacket bounce(JsonParser p) throws MalformedFrameException {
        return bounceFields(p, "Bounce", BouncePacket::new);
    }

    /** Builds a Bounce or Bounced from its fields. */
    @FunctionalInterface
    interface BounceBuilder<T> {
        T build(@Nullable List<String> games, @Nullable List<Integer> slots, @Nullable List<String> tags,
                @Nullable JsonValue data, dev.apwire.json.JsonObject extras);
    }

    /** Reads the fields Bounce and Bounced share (Bounced is the Bounce copied). */
    static <T> T bounceFields(JsonParser p, String c, BounceBuilder<T> builder) throws MalformedFrameException {
        List<String> games = null;
        List<Integer> slots = null;
        List<String> tags = null;
        JsonValue data = null;
        LinkedHashMap<String, JsonValue> extras = null;
        for (String n = p.nextName(); n != null; n = p.nextName()) {
            p.nextToken();
            switch (n) {
                case "games":
                    games = Fields.strings(p, c, n);
                    break;
                case "slots":
                    slots = Fields.slots(p, c, n);
                    break;
                case "tags":
                    tags = Fields.strings(p, c, n);
                    break;
                case "data":
                    data = Fields.value(p);
                    break;
                default:
                    extras = Fields.extra(extras, n, p);
            }
        }
        return builder.build(games, slots, tags, data, Fields.extras(extras));
    }

    private static GetPacket get(JsonParser p) throws MalformedFrameException {
        return Fields.oneField(p, "Get", "keys", true, Fields::strings, GetPacket::new);
    }

    private static SetNotifyPacket setNotify(JsonParser p) throws MalformedFrameException {
        return Fields.oneField(p, "SetNotify", "keys", true, Fields::strings, SetNotifyPacket::new);
    }

    private static SetPacket set(JsonParser p) throws MalformedFrameException {
        final String c = "Set";
        String key = null;
        JsonValue defaultValue = null;
        JsonValue wantReply = null;
        List<DataStorageOperation> operations = null;
        LinkedHashMap<String, JsonValue> extras = null;
        for (String n = p.nextName(); n != null; n = p.nextName()) {
            p.nextToken();
            switch (n) {
                case "key":
                    key = Fields.string(p, c, n);
                    break;
                case "default":
                    defaultValue = Fields.value(p);
                    break;
                case "want_reply":
                    wantReply = Fields.value(p);
                    break;
                case "operations":
                    operations = operations(p);
                    break;
                default:
                    extras = Fields.extra(extras, n, p);
            }
        }
        Fields.require(key != null, c, "key");
        Fields.require(operations != null, c, "operations");
        return new SetPacket(key, defaultValue, wantReply, operations, Fields.extras(extras));
    }

    private static List<DataStorageOperation> operations(JsonParser p) throws MalformedFrameException {
        final String c = "Set";
        Fields.startArray(p, c, "operations");
        Scratch s = Scratch.get();
        int mark = s.mark();
        Loc field = new Loc("operations", 0, null);
        Loc operationField = new Loc(field, -1, "operation"); // both follow field's index
        Loc valueField = new Loc(field, -1, "value");
        while (p.nextToken() != JsonToken.END_ARRAY) {
            field.at(s.size(mark));
            Fields.startObject(p, c, field);
            OperationType operation = null;
            JsonValue value = null;
            LinkedHashMap<String, JsonValue> extras = null;
            for (String n = p.nextName(); n != null; n = p.nextName()) {
                p.nextToken();
                switch (n) {
                    case "operation":
                        operation = KnownNames.OPERATIONS.read(p, c, operationField);
                        break;
                    case "value":
                        value = Fields.value(p);
                        break;
                    default:
                        extras = Fields.extra(extras, n, p);
                }
            }
            Fields.require(operation != null, c, operationField);
            Fields.require(value != null, c, valueField);
            s.push(new DataStorageOperation(operation, value, Fields.extras(extras)));
        }
        return s.popList(mark);
    }

    private static JoinPacket join(JsonParser p) throws MalformedFrameException {
        return Fields.oneField(p, "Join", "id", true, Fields::string, JoinPacket::new);
    }

    // ---- writers --------------------------------------------------------------------------------

    /**
     * Writes one client command object.
     *
     * @param g the generator
     * @param packet the packet
     */
    public static void write(JsonGenerator g, ClientPacket packet) {
        g.writeStartObject();
        g.writeStringProperty("cmd", packet.cmd());
        switch (packet.command()) {
            case CONNECT: {
                ConnectPacket x = (ConnectPacket) packet;
                nullableString(g, "password", x.password());
                nullableString(g, "game", x.game());
                g.writeStringProperty("name", x.name());
                g.writeStringProperty("uuid", x.uuid());
                g.writeName("version");
                Shared.write(g, x.version());
                g.writeNumberProperty("items_handling", x.itemsHandling().value());
                g.writeName("tags");
                Shared.writeStrings(g, x.tags());
                if (x.slotData() != null) {
                    g.writeBooleanProperty("slot_data", x.slotData());
                }
                break;
            }
            case CONNECT_UPDATE: {
                ConnectUpdatePacket x = (ConnectUpdatePacket) packet;
                if (x.itemsHandling() != null) {
                    g.writeNumberProperty("items_handling", x.itemsHandling().value());
                }
                Shared.writeOptionalStrings(g, "tags", x.tags());
                break;
            }
            case SYNC:
            case UNKNOWN:
                break;
            case LOCATION_CHECKS:
                g.writeName("locations");
                Shared.writeIds(g, ((LocationChecksPacket) packet).locations());
                break;
            case LOCATION_SCOUTS: {
                LocationScoutsPacket x = (LocationScoutsPacket) packet;
                g.writeName("locations");
                Shared.writeIds(g, x.locations());
                if (x.createAsHint() != null) {
                    g.writeNumberProperty("create_as_hint", x.createAsHint());
                }
                break;
            }
            case CREATE_HINTS: {
                CreateHintsPacket x = (CreateHintsPacket) packet;
                g.writeName("locations");
                Shared.writeIds(g, x.locations());
                if (x.player() != null) {
                    g.writeNumberProperty("player", x.player());
                }
                if (x.status() != null) {
                    g.writeNumberProperty("status", x.status().value());
                }
                break;
            }
            case UPDATE_HINT: {
                UpdateHintPacket x = (UpdateHintPacket) packet;
                g.writeNumberProperty("player", x.player());
                g.writeNumberProperty("location", x.location());
                // The reference server requires the key; null leaves the status unchanged.
                if (x.status() != null) {
                    g.writeNumberProperty("status", x.status().value());
                } else {
                    g.writeNullProperty("status");
                }
                break;
            }
            case STATUS_UPDATE:
                g.writeNumberProperty("status", ((StatusUpdatePacket) packet).status().value());
                break;
            case SAY:
                g.writeStringProperty("text", ((SayPacket) packet).text());
                break;
            case GET_DATA_PACKAGE:
                Shared.writeOptionalStrings(g, "games", ((GetDataPackagePacket) packet).games());
                break;
            case BOUNCE: {
                BouncePacket x = (BouncePacket) packet;
                Shared.writeOptionalStrings(g, "games", x.games());
                if (x.slots() != null) {
                    g.writeName("slots");
                    Shared.writeInts(g, x.slots());
                }
                Shared.writeOptionalStrings(g, "tags", x.tags());
                if (x.data() != null) {
                    g.writeName("data");
                    JsonValues.write(g, x.data());
                }
                break;
            }
            case GET:
                g.writeName("keys");
                Shared.writeStrings(g, ((GetPacket) packet).keys());
                break;
            case SET: {
                SetPacket x = (SetPacket) packet;
                g.writeStringProperty("key", x.key());
                if (x.defaultValue() != null) {
                    g.writeName("default");
                    JsonValues.write(g, x.defaultValue());
                }
                if (x.wantReply() != null) {
                    g.writeName("want_reply");
                    JsonValues.write(g, x.wantReply());
                }
                g.writeName("operations");
                writeOperations(g, x.operations());
                break;
            }
            case SET_NOTIFY:
                g.writeName("keys");
                Shared.writeStrings(g, ((SetNotifyPacket) packet).keys());
                break;
            case JOIN:
                g.writeStringProperty("id", ((JoinPacket) packet).id());
                break;
            default:
                throw new IllegalStateException("no writer for " + packet.command());
        }
        Shared.extras(g, packet.extras());
        g.writeEndObject();
    }

    /**
     * Writes data storage operations as the wire's list of {@code {"operation","value"}} objects.
     *
     * @param g the generator
     * @param operations the operations
     */
    public static void writeOperations(JsonGenerator g, List<DataStorageOperation> operations) {
        g.writeStartArray(operations, operations.size());
        for (DataStorageOperation op : operations) {
            g.writeStartObject();
            g.writeStringProperty("operation", op.operation().name());
            g.writeName("value");
            JsonValues.write(g, op.value());
            Shared.extras(g, op.extras());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void nullableString(JsonGenerator g, String name, @Nullable String value) {
        if (value == null) {
            g.writeNullProperty(name);
        } else {
            g.writeStringProperty(name, value);
        }
    }
}
