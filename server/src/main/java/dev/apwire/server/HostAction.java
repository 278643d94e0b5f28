package dev.apwire.server;

/**
 * One thing a driver does for a {@link RoomHost} step. Connection actions: {@link HostAttach} (open the
 * connection in a loaded room, which sends its {@code RoomInfo}), {@link HostForward} (give the connection's
 * input to its room), {@link HostClose}. Room actions: {@link HostLoad} and {@link HostUnload}, which the
 * driver carries out with its {@link RoomStore} and answers with {@link RoomHost#roomLoaded},
 * {@link RoomHost#roomLoadFailed}, {@link RoomHost#roomUnloaded} or {@link RoomHost#roomUnloadFailed}.
 *
 * @param <C> the connection id type
 */
public sealed interface HostAction<C> permits HostAttach, HostForward, HostClose, HostLoad, HostUnload {
}
