package dev.apwire.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apwire.protocol.LongList;
import dev.apwire.protocol.client.LocationChecksPacket;
import dev.apwire.protocol.server.RoomUpdatePacket;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Checked and missing sets, the outbox, and checks never sent twice. */
class LocationsTest {

    private Conversation c;

    @AfterEach
    void drained() {
        c.assertDrained();
    }

    @Test
    void checksMadeWhileDisconnectedAreSentAfterConnected() {
        c = new Conversation(Fixtures.alice().build());
        assertThat(c.apply(s -> s.checkLocations(List.of(2001L, 2002L), c.now)).isEmpty()).isTrue();
        assertThat(c.session.outbox()).containsExactly(2001L, 2002L);
        c.login();
        assertThat(c.sent(LocationChecksPacket.class).locations()).containsExactly(2001L, 2002L);
        c.server(RoomUpdatePacket.builder().hintPoints(2).checkedLocations(LongList.of(2002, 2001)).build());
        c.event(RoomUpdated.class);
        assertThat(c.event(LocationsChecked.class).locations()).containsExactly(2002L, 2001L);
        assertThat(c.session.outbox()).isEmpty();
        assertThat(c.session.missingLocations()).containsExactly(2003L);
        assertThat(c.session.login().orElseThrow().hintPoints()).isEqualTo(2);
    }

    @Test
    void aCheckInFlightOrKnownIsNotSentTwice() {
        c = new Conversation(Fixtures.alice().build());
        c.login();
        c.apply(s -> s.checkLocations(List.of(2001L), c.now));
        c.sent(LocationChecksPacket.class);
        assertThat(c.apply(s -> s.checkLocations(List.of(2001L), c.now)).isEmpty()).isTrue();
        c.server(RoomUpdatePacket.builder().checkedLocations(LongList.of(2001)).build());
        c.event(RoomUpdated.class);
        c.event(LocationsChecked.class);
        assertThat(c.apply(s -> s.checkLocations(List.of(2001L), c.now)).isEmpty()).isTrue();
        c.apply(s -> s.checkLocations(List.of(2001L, 2002L, 2002L), c.now));
        assertThat(c.sent(LocationChecksPacket.class).locations()).containsExactly(2002L);
    }

    @Test
    void anUnconfirmedCheckIsResentAfterReconnectAndPersistedOutboxToo() {
        c = new Conversation(Fixtures.alice().build());
        c.login();
        c.apply(s -> s.checkLocations(List.of(2003L), c.now));
        c.sent(LocationChecksPacket.class);
        c.apply(s -> s.disconnected(c.now));
        c.event(Disconnected.class);
        c.login();
        assertThat(c.sent(LocationChecksPacket.class).locations()).containsExactly(2003L);

        Conversation next = new Conversation(Fixtures.alice().pendingChecks(c.session.outbox()).build());
        next.login();
        assertThat(next.sent(LocationChecksPacket.class).locations()).containsExactly(2003L);
        next.assertDrained();
    }

    @Test
    void connectedReportsAlreadyCheckedLocationsAndClearsThemFromTheOutbox() {
        c = new Conversation(Fixtures.alice().pendingChecks(List.of(2001L, 2002L)).build());
        c.apply(s -> s.connected(c.now));
        c.server(Fixtures.roomInfo());
        c.event(RoomInfoReceived.class);
        c.sent(dev.apwire.protocol.client.GetDataPackagePacket.class);
        c.sent(dev.apwire.protocol.client.ConnectPacket.class);
        c.server(Fixtures.connected(new long[] {2002, 2003}, new long[] {2001}));
        c.event(ConnectionAccepted.class);
        assertThat(c.event(LocationsChecked.class).locations()).containsExactly(2001L);
        assertThat(c.sent(LocationChecksPacket.class).locations()).containsExactly(2002L);
        assertThat(c.session.checkedLocations()).containsExactly(2001L);
    }
}
