package dev.apwire.session;

import java.util.List;
import java.util.Objects;

/**
 * The server confirmed location checks (from {@code Connected} or {@code RoomUpdate}) that the session did not know as checked.
 *
 * @param locations the newly checked locations, in wire order
 */
public record LocationsChecked(List<Long> locations) implements SessionEvent {

    /**
     * Checks the fields and copies lists.
     *
     * @param locations the newly checked locations, in wire order
     */
    public LocationsChecked {
        locations = List.copyOf(locations);
    }
}
