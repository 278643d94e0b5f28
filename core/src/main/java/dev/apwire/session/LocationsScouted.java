package dev.apwire.session;

import dev.apwire.protocol.NetworkItem;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The server answered a {@code LocationScouts} ({@code LocationInfo}); each item's {@code player} is the receiving slot.
 *
 * @param requestId the correlation id of the matching request, or {@code null} when no pending request asked for exactly these locations
 * @param items the scouted items, in request order
 */
public record LocationsScouted(@Nullable String requestId, List<NetworkItem> items) implements SessionEvent {

    /**
     * Checks the fields and copies lists.
     *
     * @param requestId the correlation id of the matching request, or {@code null} when no pending request asked for exactly these locations
     * @param items the scouted items, in request order
     */
    public LocationsScouted {
        items = List.copyOf(items);
    }
}
