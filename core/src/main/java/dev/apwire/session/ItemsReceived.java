package dev.apwire.session;

import java.util.List;
import java.util.Objects;

/**
 * Items reached the game, each exactly once and in server order: hand them to the game and persist the last index it processed.
 *
 * @param items the new items, in order of index
 */
public record ItemsReceived(List<ReceivedItem> items) implements SessionEvent {

    /**
     * Checks the fields and copies lists.
     *
     * @param items the new items, in order of index
     */
    public ItemsReceived {
        items = List.copyOf(items);
    }

    /** {@return the index of the last item, the value to persist once the game processed them all} */
    public int lastIndex() {
        return items.get(items.size() - 1).index();
    }
}
