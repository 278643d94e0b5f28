package dev.apwire.changes;

import dev.apwire.json.JsonArray;
import dev.apwire.json.JsonObject;
import dev.apwire.json.JsonString;
import dev.apwire.json.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * The hub's {@code changes} packet, {@code {"from": "server", "type": "changes", "data": [change, ...]}}, as
 * typed changes. {@link #toServerPacket()} and {@link #from(ChangesServerPacket)} convert to and from the
 * generic packet the codec reads and writes.
 *
 * @param changes the changes, in order
 */
public record ChangesPacket(List<Change> changes) {

    /** The packet type. */
    public static final String TYPE = "changes";

    /**
     * Copies the changes.
     *
     * @param changes the changes, in order
     */
    public ChangesPacket {
        changes = List.copyOf(changes);
    }

    /** {@return the generic server packet carrying these changes} */
    public ChangesServerPacket toServerPacket() {
        List<JsonValue> data = new ArrayList<>(changes.size());
        for (Change c : changes) {
            LinkedHashMap<String, JsonValue> m = new LinkedHashMap<>();
            if (c instanceof UnknownChange) {
                m.put("type", new JsonString(((UnknownChange) c).type()));
                m.put("token", new JsonString(c.token()));
                m.putAll(((UnknownChange) c).fields().members());
            } else {
                m.put("type", new JsonString(c.kind().wireName()));
                m.put("token", new JsonString(c.token()));
            }
            if (c instanceof PropertiesChange) {
                m.put("properties", ((PropertiesChange) c).properties());
            }
            data.add(JsonObject.adopt(m));
        }
        return ChangesServerPacket.of(ChangesServerPacket.FROM_SERVER, TYPE, JsonArray.of(data));
    }

    /**
     * {@return the typed changes of a server packet of type {@value #TYPE} from the server}
     *
     * @param packet the packet
     * @throws IllegalArgumentException if the packet is not a {@code changes} packet from the server, or a
     *     change has a bad shape (a change of an unknown type is kept as an {@link UnknownChange})
     */
    public static ChangesPacket from(ChangesServerPacket packet) {
        if (!packet.fromServer() || !packet.type().equals(TYPE)) {
            throw new IllegalArgumentException("not a changes packet from the server: from=" + packet.from()
                    + ", type=" + packet.type());
        }
        if (!(packet.data() instanceof JsonArray)) {
            throw new IllegalArgumentException("changes data must be an array, got " + packet.data().kind());
        }
        List<Change> out = new ArrayList<>();
        for (JsonValue v : ((JsonArray) packet.data()).elements()) {
            if (!(v instanceof JsonObject)) {
                throw new IllegalArgumentException("a change must be an object, got " + v.kind());
            }
            JsonObject o = (JsonObject) v;
            JsonValue type = o.get("type");
            JsonValue token = o.get("token");
            if (!(type instanceof JsonString) || !(token instanceof JsonString)) {
                throw new IllegalArgumentException("a change needs string 'type' and 'token': " + o);
            }
            String t = ((JsonString) token).value();
            ChangeKind kind = ChangeKind.fromWire(((JsonString) type).value());
            if (kind == null) {
                LinkedHashMap<String, JsonValue> rest = new LinkedHashMap<>(o.members());
                rest.remove("type");
                rest.remove("token");
                out.add(new UnknownChange(((JsonString) type).value(), t, JsonObject.adopt(rest)));
                continue;
            }
            switch (kind) {
                case OPEN:
                    out.add(new OpenChange(t));
                    break;
                case CLOSE:
                    out.add(new CloseChange(t));
                    break;
                case METADATA:
                    out.add(new MetadataChange(t));
                    break;
                case PROPERTIES:
                    JsonValue props = o.get("properties");
                    if (!(props instanceof JsonObject)) {
                        throw new IllegalArgumentException("a properties change needs an object 'properties'");
                    }
                    out.add(new PropertiesChange(t, (JsonObject) props));
                    break;
                default:
                    throw new IllegalStateException("unhandled change kind " + kind);
            }
        }
        return new ChangesPacket(out);
    }
}
