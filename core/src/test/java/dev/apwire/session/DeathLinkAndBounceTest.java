package dev.apwire.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apwire.json.JsonObject;
import dev.apwire.json.JsonValue;
import dev.apwire.protocol.ClientStatus;
import dev.apwire.protocol.DeathLink;
import dev.apwire.protocol.ItemsHandling;
import dev.apwire.protocol.client.BouncePacket;
import dev.apwire.protocol.client.ConnectUpdatePacket;
import dev.apwire.protocol.client.SayPacket;
import dev.apwire.protocol.client.StatusUpdatePacket;
import dev.apwire.protocol.server.BouncedPacket;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** DeathLink (tags, send, echo, receive, debounce), Bounce with custom tags, StatusUpdate, ConnectUpdate, Say. */
class DeathLinkAndBounceTest {

    private Conversation c;

    @AfterEach
    void drained() {
        c.assertDrained();
    }

    private static BouncedPacket bounced(BouncePacket b) {
        return new BouncedPacket(b.games(), b.slots(), b.tags(), b.data(), b.extras());
    }

    @Test
    void enablingSendingEchoAndReceiving() {
        c = new Conversation(Fixtures.alice().deathLinkDebounce(Duration.ofSeconds(3)).build());
        c.login();
        c.apply(s -> s.setDeathLink(true, c.now));
        assertThat(c.sent(ConnectUpdatePacket.class).tags()).containsExactly("AP", "DeathLink");

        c.apply(s -> s.sendDeathLink("fell", c.now));
        BouncePacket sent = c.sent(BouncePacket.class);
        assertThat(sent.tags()).containsExactly("DeathLink");
        DeathLink mine = DeathLink.fromJson(sent.data());
        assertThat(mine.source()).isEqualTo("Alice");
        assertThat(mine.cause()).isEqualTo("fell");
        assertThat(mine.time()).isEqualTo(c.now.getEpochSecond() + c.now.getNano() / 1e9);

        c.server(bounced(sent)); // our own echo: dropped

        c.advance(Duration.ofSeconds(1));
        BouncedPacket bob = new BouncedPacket(List.of(), List.of(), List.of("DeathLink"),
                new DeathLink(1700000000.5, "Bob", "fell").toJson());
        c.server(bob); // inside the debounce window of our own death: dropped
        c.advance(Duration.ofSeconds(3));
        c.server(bob);
        DeathLinkReceived r = c.event(DeathLinkReceived.class);
        assertThat(r.deathLink().source()).isEqualTo("Bob");
        c.server(new BouncedPacket(null, null, List.of("DeathLink"),
                new DeathLink(1700000001.5, "Carol", null).toJson())); // same instant: debounced
        c.advance(Duration.ofSeconds(5));
        c.server(new BouncedPacket(null, null, List.of("DeathLink"),
                new DeathLink(1700000009.5, "Carol", null).toJson()));
        assertThat(c.event(DeathLinkReceived.class).deathLink().cause()).isNull();

        c.apply(s -> s.setDeathLink(false, c.now));
        assertThat(c.sent(ConnectUpdatePacket.class).tags()).containsExactly("AP");
    }

    @Test
    void customBounceAndMalformedDeathLinkAreBounces() {
        c = new Conversation(Fixtures.alice().build());
        c.login();
        JsonObject ring = JsonObject.of("amount", JsonValue.of(3), "source", JsonValue.of(7));
        c.apply(s -> s.bounce(null, null, List.of("RingLink"), ring, c.now));
        BouncePacket b = c.sent(BouncePacket.class);
        assertThat(b.tags()).containsExactly("RingLink");
        c.server(bounced(b));
        assertThat(c.event(BounceReceived.class).packet().data()).isEqualTo(ring);
        c.server(new BouncedPacket(null, null, List.of("DeathLink"), JsonValue.of("nonsense")));
        c.event(BounceReceived.class);
    }

    @Test
    void statusGoalConnectUpdateAndSay() {
        c = new Conversation(Fixtures.alice().build());
        c.login();
        c.apply(s -> s.statusUpdate(ClientStatus.PLAYING, c.now));
        assertThat(c.sent(StatusUpdatePacket.class).status()).isEqualTo(ClientStatus.PLAYING);
        c.apply(s -> s.goal(c.now));
        assertThat(c.sent(StatusUpdatePacket.class).status()).isEqualTo(ClientStatus.GOAL);
        c.apply(s -> s.setItemsHandling(ItemsHandling.REMOTE_ONLY, c.now));
        assertThat(c.sent(ConnectUpdatePacket.class).itemsHandling()).isEqualTo(ItemsHandling.REMOTE_ONLY);
        c.apply(s -> s.say("!hint Golden Key", c.now));
        assertThat(c.sent(SayPacket.class).text()).isEqualTo("!hint Golden Key");
    }

    @Test
    void tagsAndItemsHandlingChangedOfflineGoIntoTheNextConnect() {
        c = new Conversation(Fixtures.alice().build());
        assertThat(c.apply(s -> s.setDeathLink(true, c.now)).isEmpty()).isTrue();
        assertThat(c.apply(s -> s.setItemsHandling(new ItemsHandling(3), c.now)).isEmpty()).isTrue();
        c.apply(s -> s.connected(c.now));
        c.server(Fixtures.roomInfo());
        c.event(RoomInfoReceived.class);
        c.sent(dev.apwire.protocol.client.GetDataPackagePacket.class);
        var connect = c.sent(dev.apwire.protocol.client.ConnectPacket.class);
        assertThat(connect.tags()).containsExactly("AP", "DeathLink");
        assertThat(connect.itemsHandling().value()).isEqualTo(3);
    }
}
