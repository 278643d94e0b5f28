package dev.apwire.changes;

import java.util.List;

/**
 * What one hub call asks the driver to do: first send every delivery, in order, then perform every action,
 * in order.
 *
 * @param deliveries the packets to send, in order
 * @param actions the pings and closes, in order
 */
public record HubStep(List<Delivery> deliveries, List<Action> actions) {

    /** The step that does nothing. */
    public static final HubStep EMPTY = new HubStep(List.of(), List.of());

    /**
     * Copies the lists.
     *
     * @param deliveries the packets to send
     * @param actions the pings and closes
     */
    public HubStep {
        deliveries = List.copyOf(deliveries);
        actions = List.copyOf(actions);
    }

    /** {@return whether there is nothing to do} */
    public boolean isEmpty() {
        return deliveries.isEmpty() && actions.isEmpty();
    }
}
