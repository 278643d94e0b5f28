package dev.apwire.protocol;

import dev.apwire.json.JsonObject;
import java.util.Objects;

/**
 * A player ({@code NetworkPlayer}): team, slot, current alias and original name.
 *
 * @param team the team, &gt;= 0
 * @param slot the slot, &gt;= 0
 * @param alias the name shown now
 * @param name the name the slot was generated with
 * @param extras the fields the protocol does not define, kept in order and written back unchanged
 */
public record NetworkPlayer(
        int team,
        int slot,
        String alias,
        String name,
        JsonObject extras) {

    /**
     * Checks every field and copies collections.
     *
     * @param team the team, &gt;= 0
     * @param slot the slot, &gt;= 0
     * @param alias the name shown now
     * @param name the name the slot was generated with
     * @param extras the fields the protocol does not define, kept in order and written back unchanged
     */
    public NetworkPlayer {
        Checks.nonNegative(team, "team");
        Checks.nonNegative(slot, "slot");
        Objects.requireNonNull(alias, "alias");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(extras, "extras");
    }

    /**
     * Creates the record with no extra fields.
     *
     * @param team the team, &gt;= 0
     * @param slot the slot, &gt;= 0
     * @param alias the name shown now
     * @param name the name the slot was generated with
     */
    public NetworkPlayer(int team, int slot, String alias, String name) {
        this(team, slot, alias, name, JsonObject.EMPTY);
    }
}
