package dev.apwire.changes;

import dev.apwire.json.JsonObject;
import dev.apwire.json.JsonValue;
import java.util.Objects;

/**
 * A server-to-client packet: {@code {"from": ..., "type": ..., "data": ...}}. {@code from} is
 * {@value #FROM_SERVER} for the hub's own packets ({@code changes}, {@code error}) or the sender's token for a
 * relayed packet.
 *
 * @param from {@value #FROM_SERVER} or the sender's token
 * @param type the packet type
 * @param data the payload
 * @param extras other fields, kept in order (a relayed packet carries the sender's extra fields); never
 *     {@code from}, {@code type} or {@code data}
 */
public record ChangesServerPacket(String from, String type, JsonValue data, JsonObject extras) {

    /** The {@code from} of the hub's own packets. */
    public static final String FROM_SERVER = "server";

    /**
     * Checks every field.
     *
     * @param from {@value #FROM_SERVER} or the sender's token
     * @param type the packet type
     * @param data the payload
     * @param extras other fields; must not hold {@code from}, {@code type} or {@code data}
     * @throws IllegalArgumentException if {@code extras} holds one of the packet's own fields
     */
    public ChangesServerPacket {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(extras, "extras");
        for (String own : new String[] {"from", "type", "data"}) {
            if (extras.members().containsKey(own)) {
                throw new IllegalArgumentException("extras must not hold the packet field '" + own + "'");
            }
        }
    }

    /**
     * {@return a packet with no extra fields}
     *
     * @param from {@value #FROM_SERVER} or the sender's token
     * @param type the packet type
     * @param data the payload
     */
    public static ChangesServerPacket of(String from, String type, JsonValue data) {
        return new ChangesServerPacket(from, type, data, JsonObject.EMPTY);
    }

    /** {@return whether the hub itself sent this packet} */
    public boolean fromServer() {
        return from.equals(FROM_SERVER);
    }
}
