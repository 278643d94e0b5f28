package dev.apwire.session;

/**
 * A {@code ReceivedItems} skipped items (its index was past the count the session holds); the session sent {@code Sync} and {@code LocationChecks} of every check and ignored the packet's items.
 *
 * @param expected the index the session expected
 * @param got the index the packet carried
 */
public record ItemsOutOfSync(int expected, int got) implements SessionEvent {
}
