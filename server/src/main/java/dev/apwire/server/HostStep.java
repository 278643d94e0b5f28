package dev.apwire.server;

import java.util.List;

/**
 * What one {@link RoomHost} call asks the driver to do: every action, in order.
 *
 * @param actions the actions, in order
 * @param <C> the connection id type
 */
public record HostStep<C>(List<HostAction<C>> actions) {

    /**
     * Copies the list.
     *
     * @param actions the actions
     */
    public HostStep {
        actions = List.copyOf(actions);
    }

    /** {@return whether there is nothing to do} */
    public boolean isEmpty() {
        return actions.isEmpty();
    }
}
