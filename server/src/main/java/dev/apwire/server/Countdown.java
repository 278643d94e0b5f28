package dev.apwire.server;

import dev.apwire.protocol.JsonMessagePart;
import dev.apwire.protocol.PrintJsonType;
import dev.apwire.protocol.server.PrintJsonPacket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The countdown ({@code !countdown} / {@code /countdown}, server-features.md §8) on the room's clock: a start
 * message, then one message per second from the timer down to 1, then GO. A countdown started while one runs
 * only resets the running counter. Time comes in as {@code now}; the next tick goes out as {@link #deadline()}.
 *
 * @param <C> the connection id type
 */
final class Countdown<C> {

    private static final Duration TICK = Duration.ofSeconds(1);
    private final RoomCore<C> core;
    private int counter;
    private @Nullable Instant next;

    Countdown(RoomCore<C> core) {
        this.core = core;
    }

    void start(int timer, Instant now) {
        core.broadcastTextAll(message("[Server]: Starting countdown of " + timer + "s", timer));
        if (next != null) {
            counter = timer;
            return;
        }
        counter = timer;
        tick(now);
    }

    /** {@return when the next message is due, or {@code null} when no countdown runs} */
    @Nullable Instant deadline() {
        return next;
    }

    void onTimeout(Instant now) {
        while (next != null && !now.isBefore(next)) {
            tick(next);
        }
    }

    private void tick(Instant at) {
        if (counter > 0) {
            core.broadcastTextAll(message("[Server]: " + counter, counter));
            counter--;
            next = at.plus(TICK);
        } else {
            core.broadcastTextAll(message("[Server]: GO", 0));
            counter = 0;
            next = null;
        }
    }

    private static PrintJsonPacket message(String text, int countdown) {
        return new PrintJsonPacket(List.of(JsonMessagePart.text(text)), PrintJsonType.COUNTDOWN, null, null, null, null, null,
                null, null, countdown);
    }
}
