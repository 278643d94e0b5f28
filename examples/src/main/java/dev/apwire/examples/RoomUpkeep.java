package dev.apwire.examples;

import dev.apwire.server.ArchipelagoRoom;
import dev.apwire.server.RoomStateCodec;
import dev.apwire.server.RoomStep;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * What the example server does for its room between packets: saving, the room's timer, {@code /exit}.
 *
 * <p><b>Saving before acknowledging.</b> When a step follows a change of the room's saved state
 * ({@link ArchipelagoRoom#changes()} grew), its frames, and every later step's, are held back. A save task is
 * queued on the room thread at once ({@link #SAVE_DELAY} is zero), behind the work already queued there: it takes
 * a {@link ArchipelagoRoom#snapshot()} and encodes it; the saver thread writes it with {@link SaveFile#write}
 * (atomically, forced to disk); back on the room thread the frames held before that snapshot are sent, in order,
 * and the next save starts at once if more changes came meanwhile (a group commit). So a client never sees an
 * effect (its check's RoomUpdate, a SetReply, a hint) that a crash could lose, a burst of changes (everything
 * queued before the save, or made during a write) costs one write, and the room thread never waits for the disk.
 * {@code /save} starts a write at once. A failed write is reported; the held frames are sent anyway (the game
 * goes on) and the next change writes again. Without a save file nothing is held.
 *
 * <p><b>Timer.</b> After each step the room's {@link ArchipelagoRoom#nextDeadline()} is scheduled on the room
 * thread; when it fires, {@link ArchipelagoRoom#onTimeout} runs (countdowns).
 *
 * <p>Every method but {@link #finalSave} runs on the room thread, the one that calls the room; the saver
 * thread only writes bytes it is given, one write at a time.
 */
final class RoomUpkeep {

    /**
     * How long a change waits before its save is queued on the room thread: not at all, so an acknowledgement waits
     * only for the work queued before it and one write. (It was 100 ms; measured with {@code SAVE=1
     * bench/load/run.sh}, RUNS=3: a 100-socket login storm 295 -> 155 ms, checks 878 -> 1711 per second.)
     */
    static final Duration SAVE_DELAY = Duration.ZERO;

    private final ArchipelagoRoom<Long> room;
    private final @Nullable Path savePath;
    private final ScheduledExecutorService roomThread;
    private final ExecutorService saver;
    private final Consumer<RoomStep<Long>> send;
    private final Runnable exit;
    private final List<RoomStep<Long>> held = new ArrayList<>();
    private long saved;
    private boolean writing;
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
        this.saver = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "room-saver");
            t.setDaemon(true);
            return t;
        });
    }

    /** {@return whether the step is held back until a save (the caller then sends nothing now)} */
    boolean hold(RoomStep<Long> step) {
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
            startSave();
        } else if (saveTask == null && !writing) {
            saveTask = roomThread.schedule(this::startSave, SAVE_DELAY.toMillis(), TimeUnit.MILLISECONDS);
        }
        return true;
    }

    /** Snapshots and encodes on the room thread, then hands the bytes to the saver. */
    private void startSave() {
        if (saveTask != null) {
            saveTask.cancel(false);
            saveTask = null;
        }
        if (writing || savePath == null) {
            return; // finished() starts the next one
        }
        long at = room.changes();
        byte[] bytes = RoomStateCodec.encode(room.snapshot());
        int covered = held.size();
        writing = true;
        Path path = savePath;
        saver.execute(() -> {
            boolean ok = write(path, bytes);
            roomThread.execute(() -> finished(at, covered, ok));
        });
    }

    private void finished(long at, int covered, boolean ok) {
        writing = false;
        if (ok) {
            saved = Math.max(saved, at);
        }
        List<RoomStep<Long>> done = new ArrayList<>(held.subList(0, covered));
        held.subList(0, covered).clear();
        for (RoomStep<Long> step : done) {
            send.accept(step);
        }
        if (!held.isEmpty() || room.changes() != saved) {
            saveTask = roomThread.schedule(this::startSave, SAVE_DELAY.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private static boolean write(Path path, byte[] bytes) {
        try {
            SaveFile.write(path, bytes);
            return true;
        } catch (IOException | RuntimeException e) {
            System.err.println("server: could not save to " + path + ": " + e + " (the old save is kept)");
            return false;
        }
    }

    /**
     * The save at shutdown: called on any thread but the room thread; snapshots on the room thread, writes on the
     * saver (after any write in flight), sends what was held, and waits for all of it.
     */
    void finalSave() throws Exception {
        if (savePath == null) {
            return;
        }
        Path path = savePath;
        Future<Future<Boolean>> scheduled = roomThread.submit(() -> {
            byte[] bytes = RoomStateCodec.encode(room.snapshot());
            long at = room.changes();
            return saver.submit(() -> {
                boolean ok = write(path, bytes);
                roomThread.execute(() -> {
                    if (ok) {
                        saved = Math.max(saved, at);
                    }
                    List<RoomStep<Long>> done = new ArrayList<>(held);
                    held.clear();
                    done.forEach(send);
                });
                return ok;
            });
        });
        scheduled.get(10, TimeUnit.SECONDS).get(10, TimeUnit.SECONDS);
    }

    /** Stops the saver thread (after the final save). */
    void stop() {
        saver.shutdown();
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
