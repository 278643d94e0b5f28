package dev.apwire.session;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The harness itself: leftovers fail, and taking the wrong thing fails. */
class ConversationTest {

    @Test
    void unassertedEventsFail() {
        Conversation c = new Conversation(Fixtures.alice().build());
        c.login();
        c.apply(s -> s.get(List.of("k"), c.now));
        c.sent(dev.apwire.protocol.client.GetPacket.class);
        assertThatThrownBy(c::assertDrained).isInstanceOf(AssertionError.class).hasMessageContaining("unasserted events");
    }

    @Test
    void unassertedSentPacketsFail() {
        Conversation c = new Conversation(Fixtures.alice().build());
        c.login();
        c.apply(s -> s.say("hi", c.now));
        assertThatThrownBy(c::assertDrained).isInstanceOf(AssertionError.class).hasMessageContaining("unasserted sent packets");
    }

    @Test
    void unassertedClosesFail() {
        Conversation c = new Conversation(Fixtures.alice().build());
        c.server(Fixtures.roomInfo());
        c.event(ProtocolViolated.class);
        assertThatThrownBy(c::assertDrained).isInstanceOf(AssertionError.class).hasMessageContaining("unasserted closes");
    }

    @Test
    void takingTheWrongEventFails() {
        Conversation c = new Conversation(Fixtures.alice().build());
        c.apply(s -> s.connected(c.now));
        c.server(Fixtures.roomInfo());
        assertThatThrownBy(() -> c.event(ConnectionAccepted.class)).isInstanceOf(AssertionError.class);
    }
}
