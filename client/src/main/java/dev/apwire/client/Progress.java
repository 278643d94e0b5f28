package dev.apwire.client;

import java.util.List;

/**
 * What a game must keep across restarts so that no item is given twice and no check is lost: the index of
 * the last item processed and the checks the server has not confirmed (the session's outbox).
 *
 * @param lastProcessedIndex the index of the last item processed, {@code -1} for none
 * @param outbox the unconfirmed checks, in the order made
 */
public record Progress(int lastProcessedIndex, List<Long> outbox) {

    /** Nothing processed, nothing pending. */
    public static final Progress NONE = new Progress(-1, List.of());

    /**
     * Checks the index and copies the outbox.
     *
     * @param lastProcessedIndex the index of the last item processed, {@code -1} for none
     * @param outbox the unconfirmed checks
     */
    public Progress {
        if (lastProcessedIndex < -1) {
            throw new IllegalArgumentException("lastProcessedIndex must be >= -1, got " + lastProcessedIndex);
        }
        outbox = List.copyOf(outbox);
    }
}
