package dev.apwire.session;

import dev.apwire.json.JsonValue;
import dev.apwire.protocol.Checks;
import dev.apwire.protocol.NetworkPlayer;
import dev.apwire.protocol.NetworkSlot;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What exists only while a session is {@link Phase#CONNECTED}: the slot the server accepted and
 * the room's players. Replaced (never mutated) when a {@code RoomUpdate} changes players or hint points.
 *
 * @param team the client's team
 * @param slot the client's slot
 * @param players every player of the multiworld (aliases as last announced)
 * @param slotInfo every slot by number
 * @param slotData the slot's data, or {@code null} when not asked for
 * @param hintPoints the slot's hint points (0 when the server never said)
 */
public record LoginState(int team, int slot, List<NetworkPlayer> players, Map<Integer, NetworkSlot> slotInfo,
        @Nullable JsonValue slotData, int hintPoints) {

    /**
     * Copies the collections.
     *
     * @param team the client's team
     * @param slot the client's slot
     * @param players every player
     * @param slotInfo every slot by number
     * @param slotData the slot's data, or {@code null}
     * @param hintPoints the hint points
     */
    public LoginState {
        players = List.copyOf(players);
        slotInfo = Checks.orderedMap(slotInfo);
    }

    /** {@return the game this client's slot plays, or the empty string when slot_info lacks it} */
    public String game() {
        NetworkSlot s = slotInfo.get(slot);
        return s == null ? "" : s.game();
    }

    /**
     * {@return the player at a team and slot, or {@code null}}
     *
     * @param team the team
     * @param slot the slot
     */
    public @Nullable NetworkPlayer player(int team, int slot) {
        for (NetworkPlayer p : players) {
            if (p.team() == team && p.slot() == slot) {
                return p;
            }
        }
        return null;
    }

    LoginState withPlayers(List<NetworkPlayer> newPlayers) {
        return new LoginState(team, slot, newPlayers, slotInfo, slotData, hintPoints);
    }

    LoginState withHintPoints(int points) {
        return new LoginState(team, slot, players, slotInfo, slotData, points);
    }

    @Override
    public String toString() {
        return "LoginState[team=" + team + ", slot=" + slot + ", players=" + players.size() + ", slots="
                + slotInfo.size() + ", hintPoints=" + hintPoints + "]";
    }
}
