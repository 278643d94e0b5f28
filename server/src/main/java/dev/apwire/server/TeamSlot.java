package dev.apwire.server;

import dev.apwire.protocol.Checks;

/**
 * A player's key in a room: the protocol keys all progress by (team, slot) (server-features.md §9.1). Slot 0
 * is the server itself; the multiworlds the generator writes today have team 0 only.
 *
 * @param team the team, from 0
 * @param slot the slot, from 1
 */
public record TeamSlot(int team, int slot) implements Comparable<TeamSlot> {

    /**
     * Checks the numbers.
     *
     * @param team the team
     * @param slot the slot
     */
    public TeamSlot {
        Checks.nonNegative(team, "team");
        if (slot < 1) {
            throw new IllegalArgumentException("slot numbers start at 1, got " + slot);
        }
    }

    /** {@return a key on team 0, the only team a generated multiworld has}
     *
     * @param slot the slot
     */
    public static TeamSlot of(int slot) {
        return new TeamSlot(0, slot);
    }

    @Override
    public int compareTo(TeamSlot o) {
        return team != o.team ? Integer.compare(team, o.team) : Integer.compare(slot, o.slot);
    }
}
