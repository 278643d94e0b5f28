package dev.apwire.storage;

import dev.apwire.protocol.server.InvalidPacket;
import java.util.Objects;

/**
 * A {@code Set} that changed nothing: the {@code InvalidPacket} to send to the sender only
 * ({@code type} {@code arguments}, {@code original_cmd} {@code Set}, the error message as text),
 * and the error behind it. The connection stays open.
 *
 * @param invalid the packet for the sender
 * @param error why the {@code Set} failed
 * @param <C> the connection id type of the {@link DataStore}
 */
public record Rejection<C>(InvalidPacket invalid, StorageException error) implements SetResult<C> {

    /**
     * Checks the fields.
     *
     * @param invalid the packet for the sender
     * @param error why the {@code Set} failed
     */
    public Rejection {
        Objects.requireNonNull(invalid, "invalid");
        Objects.requireNonNull(error, "error");
    }
}
