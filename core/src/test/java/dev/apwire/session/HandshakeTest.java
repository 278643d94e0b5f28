package dev.apwire.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apwire.protocol.ConnectionRefusedError;
import dev.apwire.protocol.ItemsHandling;
import dev.apwire.protocol.client.ConnectPacket;
import dev.apwire.protocol.client.GetDataPackagePacket;
import dev.apwire.protocol.client.JoinPacket;
import dev.apwire.protocol.server.ConnectionRefusedPacket;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The v1.0 and v2.0 handshakes, the data package cache, ConnectionRefused and retry. */
class HandshakeTest {

    private Conversation c;

    @AfterEach
    void drained() {
        c.assertDrained();
    }

    @Test
    void v1RoomInfoFirstThenGetDataPackageAndConnect() {
        c = new Conversation(Fixtures.alice().tags(List.of("AP", "DeathLink")).build());
        assertThat(c.apply(s -> s.connected(c.now)).isEmpty()).isTrue();
        assertThat(c.session.phase()).isEqualTo(Phase.AWAITING_ROOM_INFO);

        c.server(Fixtures.roomInfo());
        assertThat(c.event(RoomInfoReceived.class).packet().seedName()).isEqualTo("seed-1");
        assertThat(c.sent(GetDataPackagePacket.class).games()).containsExactly(Fixtures.PEBBLE, Fixtures.LANTERN);
        ConnectPacket connect = c.sent(ConnectPacket.class);
        assertThat(connect.name()).isEqualTo("Alice");
        assertThat(connect.game()).isEqualTo(Fixtures.PEBBLE);
        assertThat(connect.password()).isEqualTo("sesame");
        assertThat(connect.uuid()).isEqualTo("uuid-alice");
        assertThat(connect.itemsHandling()).isEqualTo(ItemsHandling.ALL);
        assertThat(connect.tags()).containsExactly("AP", "DeathLink");
        assertThat(connect.slotData()).isTrue();
        assertThat(c.session.phase()).isEqualTo(Phase.AWAITING_CONNECTED);

        // Connected may arrive before the DataPackage the Connect did not wait for
        c.server(Fixtures.connected(), Fixtures.dataPackage(Fixtures.PEBBLE, Fixtures.LANTERN));
        ConnectionAccepted accepted = c.event(ConnectionAccepted.class);
        assertThat(accepted.login().team()).isZero();
        assertThat(accepted.login().slot()).isEqualTo(1);
        assertThat(accepted.login().game()).isEqualTo(Fixtures.PEBBLE);
        assertThat(c.event(DataPackageUpdated.class).games()).containsExactly(Fixtures.PEBBLE, Fixtures.LANTERN);
        assertThat(c.session.phase()).isEqualTo(Phase.CONNECTED);
        assertThat(c.session.missingLocations()).containsExactly(2001L, 2002L, 2003L);
        assertThat(c.session.itemName(1003, 1)).contains("Golden Key");
        assertThat(c.session.locationName(4001, 2)).contains("Dark Cave");
    }

    @Test
    void v2SendsJoinFirstAndRoomInfoAnswersIt() {
        c = new Conversation(Fixtures.alice().protocol(ProtocolVersion.V2_0).roomId("ABCD").build());
        c.apply(s -> s.connected(c.now));
        assertThat(c.sent(JoinPacket.class).id()).isEqualTo("ABCD");
        c.server(Fixtures.roomInfo());
        c.event(RoomInfoReceived.class);
        c.sent(GetDataPackagePacket.class);
        c.sent(ConnectPacket.class);
    }

    @Test
    void v2WithoutRoomIdIsAConfigurationError() {
        c = new Conversation(Fixtures.alice().build());
        assertThatThrownBy(() -> Fixtures.alice().protocol(ProtocolVersion.V2_0).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("roomId");
    }

    @Test
    void cachedGamesAreNotRequestedAgain() {
        InMemoryDataPackageCache cache = new InMemoryDataPackageCache();
        c = new Conversation(Fixtures.alice().cache(cache).build());
        c.login();
        assertThat(cache.size()).isEqualTo(2);
        c.apply(s -> s.disconnected(c.now));
        c.event(Disconnected.class);

        // a second session with the same cache asks for nothing
        Conversation second = new Conversation(Fixtures.alice().cache(cache).build());
        second.apply(s -> s.connected(second.now));
        second.server(Fixtures.roomInfo());
        second.event(RoomInfoReceived.class);
        second.sent(ConnectPacket.class);
        second.server(Fixtures.connected());
        second.event(ConnectionAccepted.class);
        assertThat(second.session.itemName(1001, 1)).contains("Red Pebble");
        second.assertDrained();
    }

    @Test
    void refusedConnectionStaysUsableForAnotherConnect() {
        c = new Conversation(Fixtures.alice().password("wrong").build());
        c.apply(s -> s.connected(c.now));
        c.server(Fixtures.roomInfo());
        c.event(RoomInfoReceived.class);
        c.sent(GetDataPackagePacket.class);
        assertThat(c.sent(ConnectPacket.class).password()).isEqualTo("wrong");

        c.server(new ConnectionRefusedPacket(List.of(ConnectionRefusedError.INVALID_PASSWORD)));
        assertThat(c.event(ConnectionRefused.class).errors()).containsExactly(ConnectionRefusedError.INVALID_PASSWORD);
        assertThat(c.session.phase()).isEqualTo(Phase.REFUSED);
        assertThatThrownBy(() -> c.session.say("hi", c.now)).isInstanceOf(IllegalStateException.class);

        // the data package may still arrive
        c.server(Fixtures.dataPackage(Fixtures.PEBBLE));
        c.event(DataPackageUpdated.class);

        c.apply(s -> s.connect("sesame", c.now));
        ConnectPacket retry = c.sent(ConnectPacket.class);
        assertThat(retry.password()).isEqualTo("sesame");
        assertThat(retry.uuid()).isEqualTo("uuid-alice");
        c.server(Fixtures.connected());
        c.event(ConnectionAccepted.class);
        assertThat(c.session.phase()).isEqualTo(Phase.CONNECTED);
    }

    @Test
    void connectOnlyAfterARefusal() {
        c = new Conversation(Fixtures.alice().build());
        c.login();
        String before = c.session.toString();
        assertThatThrownBy(() -> c.session.connect("x", c.now)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> c.session.connected(c.now)).isInstanceOf(IllegalStateException.class);
        assertThat(c.session.toString()).isEqualTo(before);
    }

    @Test
    void oldServerWithoutChecksumsGetsEveryGameRequested() {
        c = new Conversation(Fixtures.alice().build());
        c.apply(s -> s.connected(c.now));
        var info = Fixtures.roomInfo();
        c.server(new dev.apwire.protocol.server.RoomInfoPacket(info.password(), info.games(), info.tags(), info.version(),
                null, info.permissions(), 10, 1, null, null, "seed-1", 1.0));
        c.event(RoomInfoReceived.class);
        assertThat(c.sent(GetDataPackagePacket.class).games()).containsExactly("Archipelago", Fixtures.PEBBLE, Fixtures.LANTERN);
        c.sent(ConnectPacket.class);
    }

    @Test
    void disconnectWhileDisconnectedDoesNothing() {
        c = new Conversation(Fixtures.alice().build());
        assertThat(c.apply(s -> s.disconnected(c.now)).isEmpty()).isTrue();
        c.apply(s -> s.connected(c.now));
        c.apply(s -> s.disconnected(c.now));
        assertThat(c.event(Disconnected.class).from()).isEqualTo(Phase.AWAITING_ROOM_INFO);
        assertThat(c.session.phase()).isEqualTo(Phase.DISCONNECTED);
    }
}
