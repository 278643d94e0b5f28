package dev.apwire.changes;

import dev.apwire.json.JsonNull;
import dev.apwire.json.JsonObject;
import dev.apwire.json.JsonValue;
import java.util.Objects;

/**
 * A client-to-server packet: {@code {"to": ..., "type": ..., "data": ...}}.
 *
 * @param to where the packet goes
 * @param type the packet type, free-form except for the rules the hub enforces
 * @param data the payload, any JSON value; an absent {@code data} field reads as {@link JsonNull}
 * @param extras the other fields of the object, kept in order; never {@code to}, {@code type} or {@code data}
 */
public record ChangesClientPacket(Target to, String type, JsonValue data, JsonObject extras) {

    /**
     * Checks every field.
     *
     * @param to where the packet goes
     * @param type the packet type
     * @param data the payload
     * @param extras the other fields; must not hold {@code to}, {@code type} or {@code data}
     * @throws IllegalArgumentException if {@code extras} holds one of the packet's own fields
     */
    public ChangesClientPacket {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(extras, "extras");
        for (String own : new String[] {"to", "type", "data"}) {
            if (extras.members().containsKey(own)) {
                throw new IllegalArgumentException("extras must not hold the packet field '" + own + "'");
            }
        }
    }

    /**
     * {@return a packet with no extra fields}
     *
     * @param to where the packet goes
     * @param type the packet type
     * @param data the payload
     */
    public static ChangesClientPacket of(Target to, String type, JsonValue data) {
        return new ChangesClientPacket(to, type, data, JsonObject.EMPTY);
    }
}
