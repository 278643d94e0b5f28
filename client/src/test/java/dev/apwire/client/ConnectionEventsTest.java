package dev.apwire.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The once-only rules {@link ConnectionEvents} keeps for transports. */
class ConnectionEventsTest {

    /** A listener that records every call. */
    private static final class Recorder implements Transport.Listener {
        final List<String> calls = new ArrayList<>();

        @Override
        public void onOpen(Transport.Connection connection) {
            calls.add("open");
        }

        @Override
        public CompletionStage<?> onText(String message) {
            calls.add("text " + message);
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void onPong() {
            calls.add("pong");
        }

        @Override
        public void onClosed(int code, String reason) {
            calls.add("closed " + code + " " + reason);
        }
    }

    /** A connection that does nothing. */
    private static final class Quiet implements Transport.Connection {
        @Override
        public String subprotocol() {
            return "";
        }

        @Override
        public CompletionStage<?> sendText(String text) {
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void close(String reason) {
        }

        @Override
        public void abort() {
        }
    }

    @Test
    void opensOnceAndEndsOnceWhateverTheLibraryReports() {
        Recorder r = new Recorder();
        ConnectionEvents events = new ConnectionEvents(r);
        AtomicInteger made = new AtomicInteger();
        Transport.Connection first = events.connection(() -> {
            made.incrementAndGet();
            return new Quiet();
        });
        Transport.Connection again = events.connection(() -> {
            made.incrementAndGet();
            return new Quiet();
        });
        assertThat(again).isSameAs(first);
        assertThat(made).hasValue(1);

        events.opened(first);
        events.opened(first);
        events.text("[]");
        events.pong();
        events.ended(1000, "closed by the client");
        events.ended(1006, "an error after the close");
        events.ended(1006, "aborted by the client");

        assertThat(r.calls).containsExactly("open", "text []", "pong", "closed 1000 closed by the client");
    }

    @Test
    void aConnectionThatNeverOpenedIsNotReportedAsClosed() {
        Recorder r = new Recorder();
        ConnectionEvents events = new ConnectionEvents(r);
        events.ended(1006, "connection refused");
        assertThat(r.calls).isEmpty();
        events.opened(events.connection(Quiet::new));
        events.ended(1001, "going away");
        assertThat(r.calls).containsExactly("open", "closed 1001 going away");
    }
}
