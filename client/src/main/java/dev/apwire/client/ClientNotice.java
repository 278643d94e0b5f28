package dev.apwire.client;

import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Something the {@link ArchipelagoClient} itself noticed, outside the protocol's events: a connection that
 * failed or was lost, giving up, a frame or packet from the server that was not valid and was ignored, a
 * cached data package that could not be read or written. For logs and status lines; nothing to act on.
 *
 * @param kind what happened
 * @param message the words, e.g. {@code "connection lost (code 1001, going away)"}
 * @param retryIn for {@link Kind#CONNECTION_LOST}: the delay before the next attempt
 */
public record ClientNotice(Kind kind, String message, @Nullable Duration retryIn) {

    /** What a notice is about. */
    public enum Kind {
        /** A connection failed to open, was lost, or reached no login in time; another attempt follows. */
        CONNECTION_LOST,
        /** The client stopped trying: too many failed attempts, or the v2.0 subprotocol was refused. */
        GAVE_UP,
        /** A frame from the server was not valid JSON or not a list of commands; it was ignored. */
        INVALID_FRAME,
        /** A command in a frame from the server broke the protocol's format; it was ignored. */
        INVALID_PACKET,
        /** A cached data package could not be read (it is fetched again) or written. */
        CACHE
    }

    /**
     * Checks the fields.
     *
     * @param kind what happened
     * @param message the words
     * @param retryIn the delay before the next attempt, or {@code null}
     */
    public ClientNotice {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
    }
}
