package dev.apwire.examples;

import dev.apwire.server.ArchipelagoRoom;
import dev.apwire.server.RoomState;
import dev.apwire.server.RoomStep;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * What the example server does for its room between packets: saving, the room's timer, {@code /exit}.
 *
 * <p><b>Saving before acknowledging.</b> When a step follows a change of the room's saved state
 * ({@link ArchipelagoRoom#changes()} grew), its frames, and every later step's, are held back; within
 * {@link #SAVE_DELAY} the state is written with {@link SaveFile#write} (atomically, forced to disk) and only
 * then are the held frames sent, in order. So a client never sees an effect (its check's RoomUpdate, a
 * SetReply, a hint) that a crash could lose, and a burst of changes costs one write. {@code /save} writes at
 * once. Without a save file nothing is held.
 *
 * <p><b>Timer.</b> After each step the room's {@link ArchipelagoRoom#nextDeadline()} is scheduled on the room
 * thread; when it fires, {@link ArchipelagoRoom#onTimeout} runs (countdowns).
 *
 * <p>Not thread-safe: every method runs on the room thread, the one that calls the room.
 */
final class RoomUpkeep {

    /** The most a change waits before it is written (and its frames sent). */
    static final Duration SAVE_DELAY = Duration.ofMillis(100);

    private final ArchipelagoRoom<Long> room;
    private final @Nullable Path savePath;
    private final ScheduledExecutorService roomThread;
    private final Consumer<RoomStep<Long>> send;
    private final Runnable exit;
    private final List<RoomStep<Long>> held = new ArrayList<>();
    private long saved;
    private boolean flushing;
    private @Nullable ScheduledFuture<?> saveTask;
    private @Nullable ScheduledFuture<?> timer;
    private @Nullable Instant timerAt;

    RoomUpkeep(ArchipelagoRoom<Long> room, @Nullable Path savePath, ScheduledExecutorService roomThread,
            Consumer<RoomStep<Long>> send, Runnable exit) {
        this.room = room;
        this.savePath = savePath;
        this.roomThread = roomThread;
        this.send = send;
        this.exit = exit;
        this.saved = room.changes();
    }

    /** {@return whether the step is held back until the next save (the caller then sends nothing now)} */
    boolean hold(RoomStep<Long> step) {
        if (flushing) {
            return false;
        }
        afterStep();
        if (savePath == null) {
            return false;
        }
        boolean urgent = room.pollSaveRequest();
        if (room.changes() == saved && held.isEmpty() && !urgent) {
            return false;
        }
        held.add(step);
        if (urgent) {
            saveNow();
        } else if (saveTask == null) {
            saveTask = roomThread.schedule(this::saveNow, SAVE_DELAY.toMillis(), TimeUnit.MILLISECONDS);
        }
        return true;
    }

    /** Writes the state now, then sends what was held. A failed write is reported and retried on the next change. */
    void saveNow() {
        if (saveTask != null) {
            saveTask.cancel(false);
            saveTask = null;
        }
        if (savePath != null && (room.changes() != saved || !held.isEmpty())) {
            long at = room.changes();
            RoomState state = room.snapshot();
            try {
                SaveFile.write(savePath, state);
                saved = at;
            } catch (IOException e) {
                System.err.println("server: could not save to " + savePath + ": " + e + " (the old save is kept)");
            }
        }
        flushing = true;
        try {
            for (RoomStep<Long> step : held) {
                send.accept(step);
            }
        } finally {
            held.clear();
            flushing = false;
        }
    }

    private void afterStep() {
        if (room.exitRequested()) {
            roomThread.execute(exit);
        }
        Optional<Instant> next = room.nextDeadline();
        if (next.isPresent() && !next.get().equals(timerAt)) {
            if (timer != null) {
                timer.cancel(false);
            }
            timerAt = next.get();
            long delay = Math.max(0, Duration.between(Instant.now(), timerAt).toMillis());
            timer = roomThread.schedule(() -> {
                timer = null;
                timerAt = null;
                RoomStep<Long> step = room.onTimeout(Instant.now());
                if (!hold(step)) {
                    send.accept(step);
                }
            }, delay, TimeUnit.MILLISECONDS);
        }
    }
}
