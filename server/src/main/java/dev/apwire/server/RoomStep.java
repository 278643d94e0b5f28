package dev.apwire.server;

import java.util.ArrayList;
import java.util.List;

/**
 * What one room call asks the driver to do: every action, in order (frames to send and connections to
 * close). Frames for one connection must be sent in the order they appear.
 *
 * @param actions the deliveries and closes, in order
 * @param <C> the connection id type
 */
public record RoomStep<C>(List<RoomAction<C>> actions) {

    /**
     * Copies the list.
     *
     * @param actions the actions
     */
    public RoomStep {
        actions = List.copyOf(actions);
    }

    /** {@return whether there is nothing to do} */
    public boolean isEmpty() {
        return actions.isEmpty();
    }

    /** {@return the deliveries only, in order} */
    public List<RoomDelivery<C>> deliveries() {
        List<RoomDelivery<C>> out = new ArrayList<>();
        for (RoomAction<C> a : actions) {
            if (a instanceof RoomDelivery) {
                out.add((RoomDelivery<C>) a);
            }
        }
        return out;
    }
}
