package dev.apwire.session;

import java.util.Objects;

/**
 * The transport closed; pending requests failed and the session waits for {@link ClientSession#connected(java.time.Instant)} to resume.
 *
 * @param from the phase the session was in
 */
public record Disconnected(Phase from) implements SessionEvent {

    /**
     * Checks the fields and copies lists.
     *
     * @param from the phase the session was in
     */
    public Disconnected {
        Objects.requireNonNull(from, "from");
    }
}
