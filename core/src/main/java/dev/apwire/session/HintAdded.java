package dev.apwire.session;

import dev.apwire.protocol.Hint;
import java.util.Objects;

/**
 * A hint concerning the slot appeared in the tracked {@code _read_hints_{team}_{slot}} list.
 *
 * @param hint the hint
 */
public record HintAdded(Hint hint) implements SessionEvent {

    /**
     * Checks the fields and copies lists.
     *
     * @param hint the hint
     */
    public HintAdded {
        Objects.requireNonNull(hint, "hint");
    }
}
