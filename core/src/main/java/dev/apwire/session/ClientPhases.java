package dev.apwire.session;

import dev.apwire.protocol.client.ClientCommand;
import dev.apwire.protocol.server.ServerCommand;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The client's transition table: for each {@link Phase}, the server commands that may arrive and
 * the client commands that may leave. {@link ClientSession} consults it before anything else: a
 * packet not in the receive column is a protocol violation (state unchanged); an intent whose
 * command is not in the send column throws {@link IllegalStateException} (state unchanged).
 * Packets the session sends on its own are checked against the phase it has just entered:
 * {@code Join} on entering AWAITING_ROOM_INFO (v2.0), {@code GetDataPackage} and {@code Connect}
 * on entering AWAITING_CONNECTED, the outbox, subscriptions and hint tracking on entering CONNECTED.
 * Intents that only queue ({@code checkLocations}, {@code subscribe}, {@code setTags},
 * {@code setItemsHandling}) are allowed in every phase and send when the phase allows.
 *
 * <p>Sources: the v2.0 handshake ({@code Join} first, {@code RoomInfo} answers it); reference-server
 * §2.1 (RoomInfo first on v1.0), §2.2 (only Connect and GetDataPackage before authentication),
 * §3.4-3.7 ({@code Connected} then {@code ReceivedItems}), §4.11 (who receives what). Unknown
 * commands and {@code InvalidPacket} are legal wherever the server is listening.
 *
 * <p>Stateless and immutable; thread-safe.
 */
final class ClientPhases {

    private static final Map<Phase, Set<ServerCommand>> RECEIVE = new EnumMap<>(Phase.class);
    private static final Map<Phase, Set<ClientCommand>> SEND = new EnumMap<>(Phase.class);

    static {
        //   phase                  may receive                                              may send
        row(Phase.DISCONNECTED,
                EnumSet.noneOf(ServerCommand.class),
                EnumSet.noneOf(ClientCommand.class));
        row(Phase.AWAITING_ROOM_INFO,
                EnumSet.of(ServerCommand.ROOM_INFO, ServerCommand.INVALID_PACKET, ServerCommand.UNKNOWN),
                EnumSet.of(ClientCommand.JOIN));
        row(Phase.AWAITING_CONNECTED,
                EnumSet.of(ServerCommand.CONNECTED, ServerCommand.CONNECTION_REFUSED, ServerCommand.DATA_PACKAGE,
                        ServerCommand.INVALID_PACKET, ServerCommand.UNKNOWN),
                EnumSet.of(ClientCommand.CONNECT, ClientCommand.GET_DATA_PACKAGE));
        row(Phase.REFUSED,
                EnumSet.of(ServerCommand.DATA_PACKAGE, ServerCommand.INVALID_PACKET, ServerCommand.UNKNOWN),
                EnumSet.of(ClientCommand.CONNECT));
        row(Phase.CONNECTED,
                EnumSet.of(ServerCommand.RECEIVED_ITEMS, ServerCommand.LOCATION_INFO, ServerCommand.ROOM_UPDATE,
                        ServerCommand.PRINT_JSON, ServerCommand.DATA_PACKAGE, ServerCommand.BOUNCED,
                        ServerCommand.INVALID_PACKET, ServerCommand.RETRIEVED, ServerCommand.SET_REPLY,
                        ServerCommand.UNKNOWN),
                EnumSet.of(ClientCommand.CONNECT_UPDATE, ClientCommand.SYNC, ClientCommand.LOCATION_CHECKS,
                        ClientCommand.LOCATION_SCOUTS, ClientCommand.CREATE_HINTS, ClientCommand.UPDATE_HINT,
                        ClientCommand.STATUS_UPDATE, ClientCommand.SAY, ClientCommand.GET_DATA_PACKAGE,
                        ClientCommand.BOUNCE, ClientCommand.GET, ClientCommand.SET, ClientCommand.SET_NOTIFY));
    }

    private ClientPhases() {
    }

    private static void row(Phase phase, Set<ServerCommand> receive, Set<ClientCommand> send) {
        RECEIVE.put(phase, receive);
        SEND.put(phase, send);
    }

    /** {@return whether a server command may arrive in a phase} */
    static boolean mayReceive(Phase phase, ServerCommand command) {
        return RECEIVE.get(phase).contains(command);
    }

    /** {@return whether the client may send a command in a phase} */
    static boolean maySend(Phase phase, ClientCommand command) {
        return SEND.get(phase).contains(command);
    }

    /** {@return the rule an illegal arrival breaks, for the violation event} */
    static String receiveRule(Phase phase, ServerCommand command) {
        return command.wireName() + " may not be received in phase " + phase + " (allowed: " + RECEIVE.get(phase) + ")";
    }

    /** {@return the rule an illegal intent breaks, for the exception} */
    static String sendRule(Phase phase, ClientCommand command) {
        return command.wireName() + " may not be sent in phase " + phase + " (allowed: " + SEND.get(phase) + ")";
    }
}
