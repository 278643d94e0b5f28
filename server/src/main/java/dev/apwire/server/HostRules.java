package dev.apwire.server;

/**
 * The host's legality table: what a connection's phase does with each kind of input (the v2.0 document,
 * {@code shared/seeds/000}: "Join ... becomes illegal once the client has joined a Room"; "an illegal packet
 * should result in the connection being closed in strict compliance mode or simply ignored").
 *
 * <pre>
 * phase            protocol  Join          other packet, InvalidPacket   malformed frame
 * LOBBY            v2.0      JOIN          ILLEGAL                       CLOSE
 * WAITING          v2.0      ILLEGAL       ILLEGAL                       CLOSE
 * JOINED           v2.0      ILLEGAL       FORWARD                       FORWARD
 * DEFAULT_WAITING  v1.0      ILLEGAL       ILLEGAL                       CLOSE
 * DEFAULT_JOINED   v1.0      FORWARD       FORWARD                       FORWARD
 *
 * JOIN     a valid Join (a room id the store can load) attaches or waits; an invalid one closes silently
 * ILLEGAL  strict: close (no information); lenient: ignore
 * CLOSE    close (no information), as the reference closes on an unusable frame
 * FORWARD  the room handles it with the v1.0 rules (the room itself ignores a v1.0 client's Join, as the
 *          reference ignores any unknown command)
 * </pre>
 *
 * A {@code Join} the codec could not decode (no {@code id}, an {@code id} that is not a string) counts as a
 * {@code Join}: invalid in LOBBY, illegal elsewhere. WAITING is the time between a valid {@code Join} and the
 * room's {@code RoomInfo} while the room loads: the client has not seen {@code RoomInfo} yet, so it has nothing
 * to send.
 */
final class HostRules {

    /** A connection's phase. */
    enum Phase {
        /** A v2.0 connection that has not sent a valid {@code Join}. */
        LOBBY,
        /** A v2.0 connection whose {@code Join} was valid, waiting for its room to load. */
        WAITING,
        /** A v2.0 connection in its room. */
        JOINED,
        /** A v1.0 connection waiting for the default room to load. */
        DEFAULT_WAITING,
        /** A v1.0 connection in the default room. */
        DEFAULT_JOINED
    }

    /** The kind of input. */
    enum Input {
        /** A {@code Join}, decoded or not. */
        JOIN,
        /** Any other command, decoded or not. */
        OTHER,
        /** An unusable frame: invalid JSON, not an array, binary. */
        MALFORMED
    }

    /** What to do. */
    enum Outcome {
        /** Resolve the Join: attach, wait for the room, or close silently when invalid. */
        JOIN,
        /** Close in strict mode, ignore in lenient mode. */
        ILLEGAL,
        /** Close. */
        CLOSE,
        /** Hand the input to the connection's room. */
        FORWARD
    }

    private static final Outcome[][] TABLE = {
        //               JOIN             OTHER            MALFORMED
        /* LOBBY */           {Outcome.JOIN, Outcome.ILLEGAL, Outcome.CLOSE},
        /* WAITING */         {Outcome.ILLEGAL, Outcome.ILLEGAL, Outcome.CLOSE},
        /* JOINED */          {Outcome.ILLEGAL, Outcome.FORWARD, Outcome.FORWARD},
        /* DEFAULT_WAITING */ {Outcome.ILLEGAL, Outcome.ILLEGAL, Outcome.CLOSE},
        /* DEFAULT_JOINED */  {Outcome.FORWARD, Outcome.FORWARD, Outcome.FORWARD},
    };

    private HostRules() {
    }

    /** {@return what a connection in {@code phase} does with {@code input}} */
    static Outcome decide(Phase phase, Input input) {
        return TABLE[phase.ordinal()][input.ordinal()];
    }
}
