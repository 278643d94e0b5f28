package dev.apwire.protocol.server;

import dev.apwire.json.JsonObject;

/**
 * A command the server sends to a client. The family is sealed: one record per command of
 * protocol v1.0, and {@link UnknownServerPacket} for anything else.
 */
public sealed interface ServerPacket permits RoomInfoPacket, ConnectionRefusedPacket, ConnectedPacket,
        ReceivedItemsPacket, LocationInfoPacket, RoomUpdatePacket, PrintJsonPacket, DataPackagePacket, BouncedPacket,
        InvalidPacket, RetrievedPacket, SetReplyPacket, UnknownServerPacket {

    /** {@return the command; {@link ServerCommand#UNKNOWN} for an unknown one} */
    ServerCommand command();

    /** {@return the {@code cmd} string on the wire} */
    default String cmd() {
        return command().wireName();
    }

    /** {@return the fields the protocol does not define for this command, in wire order} */
    JsonObject extras();
}
