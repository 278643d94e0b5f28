package dev.apwire.protocol.server;

import dev.apwire.json.JsonObject;
import dev.apwire.json.JsonValue;
import dev.apwire.protocol.Checks;
import dev.apwire.protocol.LongList;
import dev.apwire.protocol.NetworkPlayer;
import dev.apwire.protocol.NetworkSlot;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * {@code Connected}: the {@code Connect} succeeded.
 *
 * @param team the client's team
 * @param slot the client's slot
 * @param players every player of the multiworld
 * @param missingLocations the slot's locations not yet checked
 * @param checkedLocations the slot's checked locations
 * @param slotData the slot's data, or {@code null} when not asked for
 * @param slotInfo every slot by number, in wire order
 * @param hintPoints the slot's hint points, or {@code null} when absent
 * @param extras the fields the protocol does not define, kept in order and written back unchanged
 */
public record ConnectedPacket(
        int team,
        int slot,
        List<NetworkPlayer> players,
        LongList missingLocations,
        LongList checkedLocations,
        @Nullable JsonValue slotData,
        Map<Integer, NetworkSlot> slotInfo,
        @Nullable Integer hintPoints,
        JsonObject extras) implements ServerPacket {

    /**
     * Checks every field and copies collections.
     *
     * @param team the client's team
     * @param slot the client's slot
     * @param players every player of the multiworld
     * @param missingLocations the slot's locations not yet checked
     * @param checkedLocations the slot's checked locations
     * @param slotData the slot's data, or {@code null} when not asked for
     * @param slotInfo every slot by number, in wire order
     * @param hintPoints the slot's hint points, or {@code null} when absent
     * @param extras the fields the protocol does not define, kept in order and written back unchanged
     */
    public ConnectedPacket {
        Checks.nonNegative(team, "team");
        Checks.nonNegative(slot, "slot");
        players = List.copyOf(players);
        Objects.requireNonNull(missingLocations, "missingLocations");
        Objects.requireNonNull(checkedLocations, "checkedLocations");
        slotInfo = Checks.orderedMap(slotInfo);
        Objects.requireNonNull(extras, "extras");
    }

    /**
     * Creates the record with no extra fields.
     *
     * @param team the client's team
     * @param slot the client's slot
     * @param players every player of the multiworld
     * @param missingLocations the slot's locations not yet checked
     * @param checkedLocations the slot's checked locations
     * @param slotData the slot's data, or {@code null} when not asked for
     * @param slotInfo every slot by number, in wire order
     * @param hintPoints the slot's hint points, or {@code null} when absent
     */
    public ConnectedPacket(int team, int slot, List<NetworkPlayer> players, LongList missingLocations, LongList checkedLocations, @Nullable JsonValue slotData, Map<Integer, NetworkSlot> slotInfo, @Nullable Integer hintPoints) {
        this(team, slot, players, missingLocations, checkedLocations, slotData, slotInfo, hintPoints, JsonObject.EMPTY);
    }

    @Override
    public ServerCommand command() {
        return ServerCommand.CONNECTED;
    }
}
