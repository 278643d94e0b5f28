package dev.apwire.protocol.server;

import org.jspecify.annotations.Nullable;

/** The server-to-client commands, with their wire names. */
public enum ServerCommand {
    /** {@code RoomInfo}. */
    ROOM_INFO("RoomInfo"),
    /** {@code ConnectionRefused}. */
    CONNECTION_REFUSED("ConnectionRefused"),
    /** {@code Connected}. */
    CONNECTED("Connected"),
    /** {@code ReceivedItems}. */
    RECEIVED_ITEMS("ReceivedItems"),
    /** {@code LocationInfo}. */
    LOCATION_INFO("LocationInfo"),
    /** {@code RoomUpdate}. */
    ROOM_UPDATE("RoomUpdate"),
    /** {@code PrintJSON}. */
    PRINT_JSON("PrintJSON"),
    /** {@code DataPackage}. */
    DATA_PACKAGE("DataPackage"),
    /** {@code Bounced}. */
    BOUNCED("Bounced"),
    /** {@code InvalidPacket}. */
    INVALID_PACKET("InvalidPacket"),
    /** {@code Retrieved}. */
    RETRIEVED("Retrieved"),
    /** {@code SetReply}. */
    SET_REPLY("SetReply"),
    /** A command this library does not know; see {@link UnknownServerPacket}. */
    UNKNOWN("");

    private final String wireName;

    ServerCommand(String wireName) {
        this.wireName = wireName;
    }

    /** {@return the {@code cmd} string on the wire (empty for {@link #UNKNOWN})} */
    public String wireName() {
        return wireName;
    }

    /**
     * {@return the command with a wire name, or {@code null} when none has it}
     *
     * @param wireName the {@code cmd} string
     */
    public static @Nullable ServerCommand fromWireName(String wireName) {
        switch (wireName) {
            case "RoomInfo": return ROOM_INFO;
            case "ConnectionRefused": return CONNECTION_REFUSED;
            case "Connected": return CONNECTED;
            case "ReceivedItems": return RECEIVED_ITEMS;
            case "LocationInfo": return LOCATION_INFO;
            case "RoomUpdate": return ROOM_UPDATE;
            case "PrintJSON": return PRINT_JSON;
            case "DataPackage": return DATA_PACKAGE;
            case "Bounced": return BOUNCED;
            case "InvalidPacket": return INVALID_PACKET;
            case "Retrieved": return RETRIEVED;
            case "SetReply": return SET_REPLY;
            default: return null;
        }
    }
}
