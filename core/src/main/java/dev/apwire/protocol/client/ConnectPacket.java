package dev.apwire.protocol.client;

import dev.apwire.json.JsonObject;
import dev.apwire.protocol.ItemsHandling;
import dev.apwire.protocol.NetworkVersion;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * {@code Connect}: authenticate as a slot.
 *
 * @param password the room password, or {@code null} (the key itself must be present)
 * @param game the game; empty or {@code null} for Tracker, TextOnly and HintGame clients
 * @param name the slot name
 * @param uuid an identifier of this client installation
 * @param version the Archipelago version the client speaks
 * @param itemsHandling which items the server should send
 * @param tags the client's tags (see {@link dev.apwire.protocol.ClientTags})
 * @param slotData whether {@code Connected} should carry {@code slot_data}; {@code null} when absent (meaning true)
 * @param extras the fields the protocol does not define, kept in order and written back unchanged
 */
public record ConnectPacket(
        @Nullable String password,
        @Nullable String game,
        String name,
        String uuid,
        NetworkVersion version,
        ItemsHandling itemsHandling,
        List<String> tags,
        @Nullable Boolean slotData,
        JsonObject extras) implements ClientPacket {

    /**
     * Checks every field and copies collections.
     *
     * @param password the room password, or {@code null} (the key itself must be present)
     * @param game the game; empty or {@code null} for Tracker, TextOnly and HintGame clients
     * @param name the slot name
     * @param uuid an identifier of this client installation
     * @param version the Archipelago version the client speaks
     * @param itemsHandling which items the server should send
     * @param tags the client's tags (see {@link dev.apwire.protocol.ClientTags})
     * @param slotData whether {@code Connected} should carry {@code slot_data}; {@code null} when absent (meaning true)
     * @param extras the fields the protocol does not define, kept in order and written back unchanged
     */
    public ConnectPacket {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(uuid, "uuid");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(itemsHandling, "itemsHandling");
        tags = List.copyOf(tags);
        Objects.requireNonNull(extras, "extras");
    }

    /**
     * Creates the record with no extra fields.
     *
     * @param password the room password, or {@code null} (the key itself must be present)
     * @param game the game; empty or {@code null} for Tracker, TextOnly and HintGame clients
     * @param name the slot name
     * @param uuid an identifier of this client installation
     * @param version the Archipelago version the client speaks
     * @param itemsHandling which items the server should send
     * @param tags the client's tags (see {@link dev.apwire.protocol.ClientTags})
     * @param slotData whether {@code Connected} should carry {@code slot_data}; {@code null} when absent (meaning true)
     */
    public ConnectPacket(@Nullable String password, @Nullable String game, String name, String uuid, NetworkVersion version, ItemsHandling itemsHandling, List<String> tags, @Nullable Boolean slotData) {
        this(password, game, name, uuid, version, itemsHandling, tags, slotData, JsonObject.EMPTY);
    }

    @Override
    public ClientCommand command() {
        return ClientCommand.CONNECT;
    }

    /** {@return whether {@code Connected} should carry {@code slot_data}: true unless explicitly false} */
    public boolean wantsSlotData() {
        return slotData == null || slotData;
    }
}
