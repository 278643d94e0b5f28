package dev.apwire.server;

/**
 * One thing a driver does for a room step: send a frame ({@link RoomDelivery}) or close a connection
 * ({@link RoomClose}).
 *
 * @param <C> the connection id type
 */
public sealed interface RoomAction<C> permits RoomDelivery, RoomClose {

    /** {@return the connection the action is for} */
    C connection();
}
