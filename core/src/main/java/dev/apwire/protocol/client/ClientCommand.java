package dev.apwire.protocol.client;

import org.jspecify.annotations.Nullable;

/** The client-to-server commands, with their wire names. */
public enum ClientCommand {
    /** {@code Connect}. */
    CONNECT("Connect"),
    /** {@code ConnectUpdate}. */
    CONNECT_UPDATE("ConnectUpdate"),
    /** {@code Sync}. */
    SYNC("Sync"),
    /** {@code LocationChecks}. */
    LOCATION_CHECKS("LocationChecks"),
    /** {@code LocationScouts}. */
    LOCATION_SCOUTS("LocationScouts"),
    /** {@code CreateHints}. */
    CREATE_HINTS("CreateHints"),
    /** {@code UpdateHint}. */
    UPDATE_HINT("UpdateHint"),
    /** {@code StatusUpdate}. */
    STATUS_UPDATE("StatusUpdate"),
    /** {@code Say}. */
    SAY("Say"),
    /** {@code GetDataPackage}. */
    GET_DATA_PACKAGE("GetDataPackage"),
    /** {@code Bounce}. */
    BOUNCE("Bounce"),
    /** {@code Get}. */
    GET("Get"),
    /** {@code Set}. */
    SET("Set"),
    /** {@code SetNotify}. */
    SET_NOTIFY("SetNotify"),
    /** {@code Join} (protocol v2.0). */
    JOIN("Join"),
    /** A command this library does not know; see {@link UnknownClientPacket}. */
    UNKNOWN("");

    private final String wireName;

    ClientCommand(String wireName) {
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
    public static @Nullable ClientCommand fromWireName(String wireName) {
        switch (wireName) {
            case "Connect": return CONNECT;
            case "ConnectUpdate": return CONNECT_UPDATE;
            case "Sync": return SYNC;
            case "LocationChecks": return LOCATION_CHECKS;
            case "LocationScouts": return LOCATION_SCOUTS;
            case "CreateHints": return CREATE_HINTS;
            case "UpdateHint": return UPDATE_HINT;
            case "StatusUpdate": return STATUS_UPDATE;
            case "Say": return SAY;
            case "GetDataPackage": return GET_DATA_PACKAGE;
            case "Bounce": return BOUNCE;
            case "Get": return GET;
            case "Set": return SET;
            case "SetNotify": return SET_NOTIFY;
            case "Join": return JOIN;
            default: return null;
        }
    }
}
