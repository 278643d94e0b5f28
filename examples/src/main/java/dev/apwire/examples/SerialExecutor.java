package dev.apwire.examples;

import java.util.ArrayDeque;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * Runs tasks one at a time, in submission order, on a shared pool: a room's own "single thread" without a
 * platform thread per room (1,000 loaded rooms share the pool's few threads). Each task happens-before the next,
 * so the state it touches needs no lock. After {@link #BATCH} tasks in a row it yields the pool thread to other
 * rooms. Thread-safe.
 */
final class SerialExecutor implements Executor {

    /** Tasks run in a row before the executor goes to the back of the pool's queue. */
    static final int BATCH = 64;

    private final Executor pool;
    private final String name;
    private final ArrayDeque<Runnable> tasks = new ArrayDeque<>();
    private boolean scheduled;

    SerialExecutor(Executor pool, String name) {
        this.pool = pool;
        this.name = name;
    }

    @Override
    public void execute(Runnable task) {
        synchronized (tasks) {
            tasks.add(task);
            if (scheduled) {
                return;
            }
            scheduled = true;
        }
        schedule();
    }

    private void schedule() {
        try {
            pool.execute(this::drain);
        } catch (RejectedExecutionException e) {
            synchronized (tasks) {
                tasks.clear();
                scheduled = false;
            }
        }
    }

    private void drain() {
        for (int i = 0; i < BATCH; i++) {
            Runnable next;
            synchronized (tasks) {
                next = tasks.poll();
                if (next == null) {
                    scheduled = false;
                    return;
                }
            }
            try {
                next.run();
            } catch (RuntimeException e) {
                System.err.println("server: " + name + ": " + e);
            }
        }
        schedule();
    }
}
