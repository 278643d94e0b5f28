package dev.apwire.client;

/**
 * The intents of an {@link ArchipelagoClient} and the one rule for each while the client is not logged in
 * (connecting, reconnecting, refused): it either <b>queues</b> and goes out, in order, right after the next
 * {@code Connected}, or its future <b>fails</b> at once with {@link RequestFailedException.Reason#NOT_CONNECTED}.
 * No intent throws at the caller for such ordinary life events; only {@link ArchipelagoClient#close()} ends
 * them all ({@link RequestFailedException.Reason#CLOSED}).
 *
 * <pre>
 * intent            while not connected   why
 * CHECK_LOCATIONS   queue                 the session's outbox; persisted by the progress store
 * STATUS_UPDATE     queue                 a state of the slot (the last one wins)
 * STORAGE_WRITE     queue                 a Set changes shared state; its reply future waits too
 * HINT_UPDATE       queue                 CreateHints and UpdateHint change shared state
 * WATCH             queue                 SetNotify: subscriptions are re-sent after every login
 * SAY               fail                  a chat line is about now; the caller may show "not sent"
 * BOUNCE            fail                  DeathLink and Bounce are about now
 * STORAGE_READ      fail                  Get: the answer is wanted now
 * SCOUT             fail                  LocationScouts: the answer is wanted now
 * </pre>
 *
 * <p>Queued intents are bounded ({@link ArchipelagoClient.Builder#maxQueuedIntents(int)}); past the bound
 * the newest fails with {@code NOT_CONNECTED}.
 */
public enum Intent {
    /** {@code LocationChecks}. */
    CHECK_LOCATIONS(true),
    /** {@code StatusUpdate}. */
    STATUS_UPDATE(true),
    /** {@code Set}. */
    STORAGE_WRITE(true),
    /** {@code CreateHints}, {@code UpdateHint}. */
    HINT_UPDATE(true),
    /** {@code SetNotify}. */
    WATCH(true),
    /** {@code Say}. */
    SAY(false),
    /** {@code Bounce}, DeathLink. */
    BOUNCE(false),
    /** {@code Get}. */
    STORAGE_READ(false),
    /** {@code LocationScouts}. */
    SCOUT(false);

    private final boolean queues;

    Intent(boolean queues) {
        this.queues = queues;
    }

    /** {@return whether this intent waits for the next login (else it fails while not connected)} */
    public boolean queuesWhileNotConnected() {
        return queues;
    }
}
