package dev.apwire.server;

import dev.apwire.protocol.client.ClientCommand;

/**
 * The room's legality table: which client commands a connection's phase processes (reference-server.md §2.2).
 * Everything not accepted is ignored without a reply, as the reference server does.
 *
 * <pre>
 * command              OPENED     AUTHENTICATED
 * Connect              process    process (same slot: Connected again; another slot: InvalidPacket)
 * GetDataPackage       process    process
 * every other command  ignore     process
 * Join (v2), unknown   ignore     ignore
 * </pre>
 */
final class RoomRules {

    /** A connection's phase. */
    enum Phase {
        /** The socket is open and got RoomInfo; no Connect has succeeded. */
        OPENED,
        /** A Connect succeeded: the socket belongs to a slot. */
        AUTHENTICATED
    }

    private RoomRules() {
    }

    /** {@return whether a connection in {@code phase} processes {@code command}} */
    static boolean accepts(Phase phase, ClientCommand command) {
        switch (command) {
            case CONNECT:
            case GET_DATA_PACKAGE:
                return true;
            case JOIN:
            case UNKNOWN:
                return false;
            default:
                return phase == Phase.AUTHENTICATED;
        }
    }
}
