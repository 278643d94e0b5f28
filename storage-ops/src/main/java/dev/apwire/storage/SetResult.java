package dev.apwire.storage;

/**
 * What a {@code Set} came to: a {@link Delivery} of the {@code SetReply} (the value was stored), or a
 * {@link Rejection} with the {@code InvalidPacket} for the sender (nothing changed).
 *
 * @param <C> the connection id type of the {@link DataStore}
 */
public sealed interface SetResult<C> permits Delivery, Rejection {
}
