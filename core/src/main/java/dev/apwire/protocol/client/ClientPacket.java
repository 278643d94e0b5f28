package dev.apwire.protocol.client;

import dev.apwire.json.JsonObject;

/**
 * A command a client sends to the server. The family is sealed: one record per command of
 * protocol v1.0, {@link JoinPacket} for v2.0, and {@link UnknownClientPacket} for anything else.
 */
public sealed interface ClientPacket permits ConnectPacket, ConnectUpdatePacket, SyncPacket, LocationChecksPacket,
        LocationScoutsPacket, CreateHintsPacket, UpdateHintPacket, StatusUpdatePacket, SayPacket, GetDataPackagePacket,
        BouncePacket, GetPacket, SetPacket, SetNotifyPacket, JoinPacket, UnknownClientPacket {

    /** {@return the command; {@link ClientCommand#UNKNOWN} for an unknown one} */
    ClientCommand command();

    /** {@return the {@code cmd} string on the wire} */
    default String cmd() {
        return command().wireName();
    }

    /** {@return the fields the protocol does not define for this command, in wire order} */
    JsonObject extras();
}
