package dev.apwire.examples;

import dev.apwire.server.LoginLimits;
import dev.apwire.server.RoomConfig;
import dev.apwire.storage.StorageLimits;
import org.jspecify.annotations.Nullable;

/**
 * The limits both server modes take from the command line ({@code server} for one room, {@code server --rooms} for
 * many): the transport's {@link ConnectionLimits}, and the room configuration holding the data storage and login
 * limits ({@link LimitOptions}). One parser and one help text, so the two modes accept the same options.
 *
 * @param connection the connection limits
 * @param room the configuration of every room
 */
record ServerLimits(ConnectionLimits connection, RoomConfig room) {

    /** The defaults. */
    static final ServerLimits DEFAULT = new ServerLimits(ConnectionLimits.DEFAULT, RoomConfig.DEFAULT);

    /** {@return the {@code --help} lines of every limit option, with the defaults} */
    static String help() {
        return "connection limits (defaults in parentheses):\n" + ConnectionLimits.DEFAULT.help()
                + "data storage limits:\n" + LimitOptions.storageHelp(RoomConfig.DEFAULT.storageLimits())
                + "login limits:\n" + LimitOptions.loginHelp(RoomConfig.DEFAULT.loginLimits());
    }

    /**
     * {@return these limits with one option applied, or {@code null} when the option is not a limit}
     *
     * @param option the option name, such as {@code --max-queued-bytes}
     * @param value its value
     * @throws IllegalArgumentException if the value is not valid for the option
     */
    @Nullable ServerLimits with(String option, String value) {
        ConnectionLimits l = connection.with(option, value);
        if (l != null) {
            return new ServerLimits(l, room);
        }
        StorageLimits st = LimitOptions.storage(room.storageLimits(), option, value);
        if (st != null) {
            return new ServerLimits(connection, new RoomConfig(room.strict(), room.tags(), st, room.loginLimits()));
        }
        LoginLimits lo = LimitOptions.login(room.loginLimits(), option, value);
        if (lo != null) {
            return new ServerLimits(connection, new RoomConfig(room.strict(), room.tags(), room.storageLimits(), lo));
        }
        return null;
    }
}
