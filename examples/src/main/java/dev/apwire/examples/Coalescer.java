package dev.apwire.examples;

import dev.apwire.codec.ArchipelagoCodec;
import dev.apwire.protocol.server.ServerPacket;
import dev.apwire.server.RoomAction;
import dev.apwire.server.RoomClose;
import dev.apwire.server.RoomDelivery;
import dev.apwire.server.RoomStep;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.eclipse.jetty.websocket.api.StatusCode;
import org.jspecify.annotations.Nullable;

/**
 * A room's outbound side on the thread that owns the room: collects the frames of the room steps made while that
 * thread has work queued, and sends each connection its share as few frames as the protocol allows. Both room
 * servers use it: {@link ExampleServer} has one on its room thread, {@link MultiRoomServer} one per loaded room on
 * that room's executor.
 *
 * <h2>Theory of operation</h2>
 * Owned by one state thread (the room thread of {@link ExampleServer}, or the {@link SerialExecutor} of one room of
 * {@link MultiRoomServer}); every method is called on it. {@link #add}
 * takes a step: each distinct frame is encoded once to bytes shared by all its recipients ({@link OutFrame}), and
 * each recipient's frames, and a close, are appended to that connection's pending list (the connection is looked
 * up at once, so a close in a later step cannot reorder anything). The first {@code add} after a flush queues one
 * {@link #flush} task on the state thread: it runs after every task already queued there, so the steps of a burst
 * (a login storm's {@code Connect}s, a run of checks) land in one batch, while a lone step is flushed as soon as
 * its task ends, with no timer and no added delay. A close the driver decides (a login deadline, an internal
 * error) goes through {@link #close}, behind the frames already pending for that connection.
 *
 * <p>{@link #flush} hands each connection its pending frames in one {@link PeerConnection#send} call, with runs
 * of consecutive frames merged into one frame ({@link OutFrame#concat}: the protocol's frames are JSON arrays of
 * commands, and a client handles {@code [a, b]} exactly as {@code [a]} then {@code [b]}), so the packets, their
 * order on each connection and their content are unchanged and only the number of WebSocket messages drops. A
 * merged frame is made once for all connections whose run is the same list of frames (in a storm of {@code N}
 * logins, every connection that was already in gets the same run of {@code Join}s), and so is its compressed
 * form. A merged frame grows to at most {@link OutFrame#MAX_COALESCED_BYTES} (or a single frame's size, if bigger).
 * The per-connection bounds are {@link PeerConnection}'s, on the bytes of each {@code send}, as before.
 *
 * <p>Not thread-safe: state-thread only. Several coalescers (one per room) may share the connection map if it is
 * thread-safe; each touches only the connections of its own room.
 */
final class Coalescer {

    /** One connection's pending share: its frames, in order, and the close that ends it, if any. */
    private static final class Pending {
        final List<OutFrame> frames = new ArrayList<>();
        int closeCode;
        String closeReason = "";
    }

    private final ArchipelagoCodec codec;
    private final Executor stateThread;
    private final Map<PeerConnection, Pending> pending = new LinkedHashMap<>();
    private final Map<List<ServerPacket>, OutFrame> encoded = new IdentityHashMap<>();
    private boolean flushQueued;

    /**
     * A coalescer.
     *
     * @param codec the codec that encodes the room's frames
     * @param stateThread the thread that owns the room and this coalescer (where {@link #flush} is queued)
     */
    Coalescer(ArchipelagoCodec codec, Executor stateThread) {
        this.codec = codec;
        this.stateThread = stateThread;
    }

    /**
     * Takes a room step: its frames and closes are pending until the next {@link #flush}. A connection the step
     * closes is removed from {@code connections} at once.
     *
     * @param step the step
     * @param connections the open connections by id (a connection not in it gets nothing)
     * @return the ids of the connections the step closes, in order (also those no longer in {@code connections})
     */
    List<Long> add(RoomStep<Long> step, Map<Long, PeerConnection> connections) {
        if (step.isEmpty()) {
            return List.of();
        }
        List<Long> closed = List.of();
        for (RoomAction<Long> a : step.actions()) {
            if (a instanceof RoomDelivery<Long> d) {
                PeerConnection c = connections.get(a.connection());
                if (c != null) {
                    share(c).frames.add(encoded.computeIfAbsent(d.frame(), f -> new OutFrame(codec.encodeServerFrameBytes(f))));
                }
            } else if (a instanceof RoomClose<Long> close) {
                if (closed.isEmpty()) {
                    closed = new ArrayList<>(1);
                }
                closed.add(a.connection());
                PeerConnection c = connections.remove(a.connection());
                if (c != null) {
                    close(c, StatusCode.NORMAL, close.reason());
                }
            }
        }
        return closed;
    }

    /**
     * Closes a connection after its pending frames (a close the driver decides, not the room).
     *
     * @param c the connection
     * @param code the close code
     * @param reason the close reason
     */
    void close(PeerConnection c, int code, String reason) {
        Pending p = share(c);
        if (p.closeCode == 0) {
            p.closeCode = code;
            p.closeReason = reason;
        }
    }

    private Pending share(PeerConnection c) {
        if (!flushQueued) {
            flushQueued = true;
            try {
                stateThread.execute(this::flush);
            } catch (RejectedExecutionException e) {
                flushQueued = false; // the server is stopping: nothing more is sent
            }
        }
        return pending.computeIfAbsent(c, k -> new Pending());
    }

    /** Sends everything pending: one {@link PeerConnection#send} per connection, consecutive frames merged. */
    void flush() {
        flushQueued = false;
        if (pending.isEmpty()) {
            return;
        }
        List<Map.Entry<PeerConnection, Pending>> batch = new ArrayList<>(pending.entrySet());
        pending.clear();
        encoded.clear();
        Map<List<OutFrame>, OutFrame> merged = new HashMap<>(); // OutFrame has identity equality
        for (Map.Entry<PeerConnection, Pending> e : batch) {
            Pending p = e.getValue();
            e.getKey().send(coalesce(p.frames, merged), p.closeCode, p.closeReason);
        }
    }

    /**
     * Merges runs of consecutive frames, each run up to {@link OutFrame#MAX_COALESCED_BYTES}.
     *
     * @param frames one connection's frames, in order
     * @param merged the merged frames made so far in this flush, by run
     * @return the frames to send, in order
     */
    static List<OutFrame> coalesce(List<OutFrame> frames, Map<List<OutFrame>, OutFrame> merged) {
        if (frames.size() < 2) {
            return frames;
        }
        List<OutFrame> out = new ArrayList<>();
        int start = 0;
        long bytes = 0;
        for (int i = 0; i <= frames.size(); i++) {
            @Nullable OutFrame f = i < frames.size() ? frames.get(i) : null;
            boolean fits = f != null && OutFrame.mergeable(f) && bytes + f.length() <= OutFrame.MAX_COALESCED_BYTES;
            if (fits) {
                bytes += f.length();
                continue;
            }
            if (i > start) {
                out.add(run(frames.subList(start, i), merged));
            }
            if (f == null) {
                break;
            }
            if (OutFrame.mergeable(f)) {
                start = i; // starts the next run
                bytes = f.length();
            } else {
                out.add(f); // goes alone
                start = i + 1;
                bytes = 0;
            }
        }
        return out;
    }

    private static OutFrame run(List<OutFrame> run, Map<List<OutFrame>, OutFrame> merged) {
        if (run.size() == 1) {
            return run.get(0);
        }
        OutFrame m = merged.get(run);
        if (m == null) {
            m = OutFrame.concat(run);
            merged.put(List.copyOf(run), m);
        }
        return m;
    }
}
