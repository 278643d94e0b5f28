package dev.apwire.session;

import dev.apwire.protocol.Hint;
import java.util.Objects;

/**
 * A tracked hint changed (its status, or it was found).
 *
 * @param previous the hint as it was
 * @param hint the hint as it is now
 */
public record HintUpdated(Hint previous, Hint hint) implements SessionEvent {

    /**
     * Checks the fields and copies lists.
     *
     * @param previous the hint as it was
     * @param hint the hint as it is now
     */
    public HintUpdated {
        Objects.requireNonNull(previous, "previous");
        Objects.requireNonNull(hint, "hint");
    }
}
