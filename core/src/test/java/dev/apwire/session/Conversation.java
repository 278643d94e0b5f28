package dev.apwire.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apwire.protocol.client.ClientPacket;
import dev.apwire.protocol.server.ServerPacket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Function;

/**
 * A client session on a virtual clock with a log of everything it produced: sent packets, events
 * and close instructions. Tests take what they expect from the log; {@link #assertDrained()}
 * (called from {@code @AfterEach}) fails on anything left over, like okhttp's WebSocketRecorder.
 */
final class Conversation {

    final ClientSession session;
    Instant now = Instant.parse("2025-01-01T00:00:00Z");
    private final Deque<ClientPacket> sent = new ArrayDeque<>();
    private final Deque<SessionEvent> events = new ArrayDeque<>();
    private final Deque<Close> closes = new ArrayDeque<>();

    Conversation(ClientConfig config) {
        this.session = new ClientSession(config);
    }

    Step record(Step step) {
        sent.addAll(step.send());
        events.addAll(step.events());
        if (step.close() != null) {
            closes.add(step.close());
        }
        return step;
    }

    Step apply(Function<ClientSession, Step> input) {
        return record(input.apply(session));
    }

    Step server(ServerPacket... packets) {
        List<ClientPacket> s = new ArrayList<>();
        List<SessionEvent> e = new ArrayList<>();
        Close c = null;
        for (ServerPacket p : packets) {
            Step step = record(session.receive(p, now));
            s.addAll(step.send());
            e.addAll(step.events());
            c = c != null ? c : step.close();
        }
        return new Step(s, e, c);
    }

    void advance(Duration d) {
        now = now.plus(d);
    }

    <T extends ClientPacket> T sent(Class<T> type) {
        assertThat(sent).as("a sent packet was expected").isNotEmpty();
        ClientPacket p = sent.poll();
        assertThat(p).as("next sent packet").isInstanceOf(type);
        return type.cast(p);
    }

    <T extends SessionEvent> T event(Class<T> type) {
        assertThat(events).as("an event of type " + type.getSimpleName() + " was expected").isNotEmpty();
        SessionEvent e = events.poll();
        assertThat(e).as("next event").isInstanceOf(type);
        return type.cast(e);
    }

    Close close() {
        assertThat(closes).as("a close was expected").isNotEmpty();
        return closes.poll();
    }

    /** Opens the transport and completes a v1.0 login as Alice, asserting the standard exchange. */
    void login() {
        apply(s -> s.connected(now));
        server(Fixtures.roomInfo());
        event(RoomInfoReceived.class);
        if (sent.peek() instanceof dev.apwire.protocol.client.GetDataPackagePacket) {
            sent(dev.apwire.protocol.client.GetDataPackagePacket.class);
        }
        sent(dev.apwire.protocol.client.ConnectPacket.class);
        server(Fixtures.dataPackage(Fixtures.PEBBLE, Fixtures.LANTERN));
        event(DataPackageUpdated.class);
        server(Fixtures.connected());
        event(ConnectionAccepted.class);
    }

    void assertDrained() {
        assertThat(sent).as("unasserted sent packets").isEmpty();
        assertThat(events).as("unasserted events").isEmpty();
        assertThat(closes).as("unasserted closes").isEmpty();
    }
}
