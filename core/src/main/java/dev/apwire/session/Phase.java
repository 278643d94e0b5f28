package dev.apwire.session;

/**
 * The phases of a {@link ClientSession}. What may be received and sent in each is one table,
 * in {@code ClientPhases}; the class documentation of {@link ClientSession} reproduces it.
 */
public enum Phase {
    /** No transport: before {@link ClientSession#connected(java.time.Instant)} or after {@link ClientSession#disconnected(java.time.Instant)}. */
    DISCONNECTED,
    /** Transport open, waiting for {@code RoomInfo} (v2.0: the {@code Join} went out first). */
    AWAITING_ROOM_INFO,
    /** {@code Connect} sent, waiting for {@code Connected} or {@code ConnectionRefused}. */
    AWAITING_CONNECTED,
    /** The {@code Connect} was refused; another may be sent with {@link ClientSession#connect(String, java.time.Instant)}. */
    REFUSED,
    /** Authenticated: items, checks, data storage, messages. */
    CONNECTED
}
