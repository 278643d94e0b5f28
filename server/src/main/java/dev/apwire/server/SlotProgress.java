package dev.apwire.server;

import dev.apwire.protocol.Hint;
import dev.apwire.protocol.LongList;
import dev.apwire.protocol.NetworkItem;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The saved progress of one (team, slot): what the reference's save keeps per player (server-features.md §13.1).
 *
 * @param key the team and slot
 * @param checked the checked locations, ascending
 * @param items every item received, in order ({@code received_items[t, s, True]})
 * @param itemsFromOthers the items received from other worlds, in order ({@code received_items[t, s, False]})
 * @param hintsUsed the paid hints
 * @param status the client status, as the client last sent it
 * @param alias the alias, or {@code null}
 * @param hints the hints the slot holds, in the order it gained them
 */
public record SlotProgress(TeamSlot key, LongList checked, List<NetworkItem> items, List<NetworkItem> itemsFromOthers,
        int hintsUsed, int status, @Nullable String alias, List<Hint> hints) {

    /**
     * Copies the lists.
     *
     * @param key the team and slot
     * @param checked the checked locations
     * @param items every item received
     * @param itemsFromOthers the items from other worlds
     * @param hintsUsed the paid hints
     * @param status the client status
     * @param alias the alias or {@code null}
     * @param hints the hints
     */
    public SlotProgress {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(checked, "checked");
        items = List.copyOf(items);
        itemsFromOthers = List.copyOf(itemsFromOthers);
        hints = List.copyOf(hints);
        if (hintsUsed < 0) {
            throw new IllegalArgumentException("hintsUsed must not be negative, got " + hintsUsed);
        }
    }
}
