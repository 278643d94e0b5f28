package dev.apwire.server;

import dev.apwire.protocol.ClientStatus;
import dev.apwire.protocol.NetworkItem;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * The progress of one (team, slot) (server-features.md §9.1): its received items, checked locations, hints,
 * status and alias. Mutable; owned by the room's thread.
 */
final class SlotState {
    /** Every item received, in order (the reference's "remote" list, {@code received_items[t, s, True]}). */
    final List<NetworkItem> items = new ArrayList<>();
    /** The items whose sender is not this slot (or, for linked items, not the group) ({@code [t, s, False]}). */
    final List<NetworkItem> fromOthers = new ArrayList<>();
    /** Checked locations, ascending (the order Connected and full RoomUpdates send). */
    final TreeSet<Long> checked = new TreeSet<>();
    /** The hints this slot holds, by key into the team's hint table, in the order they were added. */
    final LinkedHashSet<HintKey> hints = new LinkedHashSet<>();
    int hintsUsed;
    ClientStatus status;
    @Nullable String alias;
    /** {@code /allow_release} given; not saved, as in the reference. */
    boolean allowRelease;

    SlotState(ClientStatus status) {
        this.status = status;
    }

    /** A hint's identity within its team: the finding slot and the location. */
    record HintKey(int finder, long location) {
    }
}
