package dev.apwire.session;

/** What a {@link ClientSession} does with an illegal packet from the server. Either way its state does not change. */
public enum Compliance {
    /** A {@link ProtocolViolated} event and a {@link Step#close()} action. */
    STRICT,
    /** A {@link ProtocolViolated} event and nothing else. */
    LENIENT
}
