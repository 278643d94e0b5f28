package dev.apwire.session;

/** The handshake a {@link ClientSession} performs when its transport opens. */
public enum ProtocolVersion {
    /** v1.0: the server sends {@code RoomInfo} first. */
    V1_0,
    /** v2.0: the client sends {@code Join{id}} first; {@code RoomInfo} answers it. */
    V2_0
}
