package dev.apwire.protocol.client;

import dev.apwire.json.JsonObject;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * {@code GetDataPackage}: ask for the data package of some games (allowed before {@code Connect}).
 *
 * @param games the games wanted, or {@code null} for every game
 * @param extras the fields the protocol does not define, kept in order and written back unchanged
 */
public record GetDataPackagePacket(
        @Nullable List<String> games,
        JsonObject extras) implements ClientPacket {

    /**
     * Checks every field and copies collections.
     *
     * @param games the games wanted, or {@code null} for every game
     * @param extras the fields the protocol does not define, kept in order and written back unchanged
     */
    public GetDataPackagePacket {
        if (games != null) {
            games = List.copyOf(games);
        }
        Objects.requireNonNull(extras, "extras");
    }

    /**
     * Creates the record with no extra fields.
     *
     * @param games the games wanted, or {@code null} for every game
     */
    public GetDataPackagePacket(@Nullable List<String> games) {
        this(games, JsonObject.EMPTY);
    }

    @Override
    public ClientCommand command() {
        return ClientCommand.GET_DATA_PACKAGE;
    }
}
