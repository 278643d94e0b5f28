package dev.apwire.protocol;

import dev.apwire.json.JsonObject;
import java.util.List;
import java.util.Objects;

/**
 * What a slot is ({@code NetworkSlot}), as listed in {@code Connected.slot_info}.
 *
 * @param name the slot name
 * @param game the game
 * @param type the slot type
 * @param groupMembers the member slots when this is a group, else empty
 * @param extras the fields the protocol does not define, kept in order and written back unchanged
 */
public record NetworkSlot(
        String name,
        String game,
        SlotType type,
        List<Integer> groupMembers,
        JsonObject extras) {

    /**
     * Checks every field and copies collections.
     *
     * @param name the slot name
     * @param game the game
     * @param type the slot type
     * @param groupMembers the member slots when this is a group, else empty
     * @param extras the fields the protocol does not define, kept in order and written back unchanged
     */
    public NetworkSlot {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(game, "game");
        Objects.requireNonNull(type, "type");
        groupMembers = Checks.list(groupMembers);
        Objects.requireNonNull(extras, "extras");
    }

    /**
     * Creates the record with no extra fields.
     *
     * @param name the slot name
     * @param game the game
     * @param type the slot type
     * @param groupMembers the member slots when this is a group, else empty
     */
    public NetworkSlot(String name, String game, SlotType type, List<Integer> groupMembers) {
        this(name, game, type, groupMembers, JsonObject.EMPTY);
    }
}
