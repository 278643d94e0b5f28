package dev.apwire.server;

import dev.apwire.protocol.client.ClientCommand;
import java.util.Map;
import org.jspecify.annotations.Nullable;

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

    /**
     * The reference server's {@code InvalidPacket} text for a command whose arguments are malformed
     * (reference-server.md §2.3), which clients may show or match; the codec's own text is more precise but
     * the reference's is what clients know.
     */
    private static final Map<String, String> ARGUMENT_TEXTS = Map.of(
            "Connect", "Connect",
            "Get", "Retrieve",
            "Set", "Set",
            "SetNotify", "SetNotify",
            "Say", "Say",
            "UpdateHint", "UpdateHint",
            "LocationScouts", "Locations has to be a list of integers");

    private RoomRules() {
    }

    /** {@return the reference's text for malformed arguments of a command, or {@code null} for the codec's own} */
    static @Nullable String argumentsText(@Nullable String originalCmd) {
        return originalCmd == null ? null : ARGUMENT_TEXTS.get(originalCmd);
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
