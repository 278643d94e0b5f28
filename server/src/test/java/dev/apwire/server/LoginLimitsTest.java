package dev.apwire.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apwire.codec.ArchipelagoCodec;
import dev.apwire.codec.Decoded;
import dev.apwire.protocol.client.ClientPacket;
import dev.apwire.storage.StorageLimits;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The room's bounds around login on a virtual clock: the pre-login allowance, the throttle of failed logins per
 * connection and per remote address, and the data storage refusals the room passes on. Leftover frames or closes
 * fail a test.
 */
class LoginLimitsTest {

    private static final ArchipelagoCodec CODEC = ArchipelagoCodec.create();
    private static final LoginLimits LIMITS = new LoginLimits(3, 0, 3, Duration.ofMillis(100), Duration.ofMillis(800), 2,
            Duration.ofMinutes(1), 100);

    private final ArchipelagoRoom<String> room = new ArchipelagoRoom<>(DemoMultiworld.create(),
            new RoomConfig(true, List.of("AP"), StorageLimits.DEFAULT.withSizes(1 << 20, 1 << 24, 64, 2, 200), LIMITS));
    private Instant now = Instant.parse("2026-11-27T12:00:00Z");
    private final Map<String, Deque<String>> frames = new HashMap<>();
    private final List<String> closed = new ArrayList<>();

    @AfterEach
    void nothingLeftOver() {
        frames.forEach((conn, queue) -> assertThat(queue).as("frames left for " + conn).isEmpty());
        assertThat(closed).as("closes left").isEmpty();
    }

    private void record(RoomStep<String> step) {
        for (RoomAction<String> a : step.actions()) {
            if (a instanceof RoomDelivery<String> d) {
                frames.computeIfAbsent(d.connection(), k -> new ArrayDeque<>()).add(CODEC.encodeServerFrame(d.frame()));
            } else {
                closed.add(a.connection());
            }
        }
    }

    private void open(String conn, String address) {
        record(room.open(conn, address, now));
        assertThat(next(conn)).contains("\"RoomInfo\"");
    }

    private void send(String conn, String frame) throws Exception {
        List<ClientPacket> packets = new ArrayList<>();
        for (Decoded<ClientPacket> d : CODEC.decodeClientFrame(frame)) {
            packets.add(((Decoded.Ok<ClientPacket>) d).packet());
        }
        record(room.receive(conn, packets, now));
    }

    /** Moves the virtual clock, running every room deadline on the way, as a driver's timer would. */
    private void advance(Duration d) {
        Instant end = now.plus(d);
        while (room.nextDeadline().isPresent() && !room.nextDeadline().get().isAfter(end)) {
            now = room.nextDeadline().get();
            record(room.onTimeout(now));
        }
        now = end;
    }

    private String next(String conn) {
        Deque<String> q = frames.get(conn);
        assertThat(q).as("a frame for " + conn).isNotNull().isNotEmpty();
        return q.poll();
    }

    private void nothingFor(String conn) {
        assertThat(frames.getOrDefault(conn, new ArrayDeque<>())).as("frames for " + conn).isEmpty();
    }

    private void assertClosed(String conn) {
        assertThat(closed).contains(conn);
        closed.remove(conn);
        assertThat(room.isOpen(conn)).isFalse();
    }

    private static String login(String password) {
        return "[{\"cmd\":\"Connect\",\"password\":\"" + password + "\",\"game\":\"Lantern Run\",\"name\":\"Bob\","
                + "\"uuid\":\"u\",\"version\":{\"major\":0,\"minor\":6,\"build\":3,\"class\":\"Version\"},"
                + "\"items_handling\":7,\"tags\":[]}]";
    }

    @Test
    void beforeLoginOnlyAFewCommandsBesidesConnectAreAllowed() throws Exception {
        open("a", "10.0.0.1");
        send("a", "[{\"cmd\":\"GetDataPackage\",\"games\":[\"Lantern Run\"]},{\"cmd\":\"Get\",\"keys\":[\"x\"]},"
                + "{\"cmd\":\"GetDataPackage\",\"games\":[\"Lantern Run\"]}]");
        assertThat(next("a")).contains("\"DataPackage\"");
        assertThat(next("a")).contains("\"DataPackage\"");
        nothingFor("a");
        send("a", "[{\"cmd\":\"GetDataPackage\",\"games\":[\"Lantern Run\"]}]");
        assertClosed("a");
        nothingFor("a");
    }

    @Test
    void theFirstFailureIsAnsweredAtOnceThenTheAddressWaitsLongerEachTime() throws Exception {
        open("a", "10.0.0.1");
        send("a", login("guess"));
        assertThat(next("a")).contains("\"ConnectionRefused\"", "InvalidPassword");
        send("a", login("guess"));
        nothingFor("a");
        advance(Duration.ofMillis(99));
        nothingFor("a");
        advance(Duration.ofMillis(1));
        assertThat(next("a")).contains("\"ConnectionRefused\"");
        send("a", login("guess"));
        advance(Duration.ofMillis(199));
        nothingFor("a");
        advance(Duration.ofMillis(1));
        // the third failure of the connection: the refusal, then the close
        assertThat(next("a")).contains("\"ConnectionRefused\"");
        assertClosed("a");
    }

    @Test
    void aCorrectLoginFromAnotherAddressIsNotSlowed() throws Exception {
        open("a", "10.0.0.1");
        send("a", login("guess"));
        next("a");
        open("b", "10.0.0.2");
        send("b", login("sesame"));
        assertThat(next("b")).contains("\"Connected\"");
        frames.get("b").clear();
        // while a correct login from the failing address waits its turn
        open("c", "10.0.0.1");
        send("c", login("sesame"));
        nothingFor("c");
        advance(Duration.ofMillis(100));
        assertThat(next("c")).contains("\"Connected\"");
        frames.values().forEach(Deque::clear);
    }

    @Test
    void connectsBeyondTheWaitingBoundOfAnAddressCloseUnanswered() throws Exception {
        open("a", "10.0.0.1");
        send("a", login("guess"));
        next("a");
        for (String c : List.of("b", "c")) {
            open(c, "10.0.0.1");
            send(c, login("guess"));
            nothingFor(c);
        }
        open("d", "10.0.0.1");
        send("d", login("guess"));
        assertClosed("d");
        // a second Connect on a connection already waiting closes it
        send("b", login("guess"));
        assertClosed("b");
        advance(Duration.ofMillis(100));
        assertThat(next("c")).contains("\"ConnectionRefused\"");
        // the address now has 2 failures: 200 ms
        send("c", login("guess"));
        advance(Duration.ofMillis(199));
        nothingFor("c");
        advance(Duration.ofMillis(1));
        assertThat(next("c")).contains("\"ConnectionRefused\"");
    }

    @Test
    void delaysDoubleUpToTheMaximumAndAreForgottenAfterAQuietTime() throws Exception {
        LoginGuard<String> guard = new LoginGuard<>(LIMITS);
        assertThat(guard.delay(1)).isEqualTo(Duration.ofMillis(100));
        assertThat(guard.delay(3)).isEqualTo(Duration.ofMillis(400));
        assertThat(guard.delay(10)).isEqualTo(Duration.ofMillis(800));
        open("a", "10.0.0.1");
        send("a", login("guess"));
        next("a");
        advance(Duration.ofMinutes(2));
        send("a", login("guess"));
        assertThat(next("a")).as("answered at once: the address was forgotten").contains("\"ConnectionRefused\"");
    }

    @Test
    void storageRefusalsReachTheSender() throws Exception {
        open("a", "10.0.0.1");
        send("a", login("sesame"));
        frames.get("a").clear();
        send("a", "[{\"cmd\":\"SetNotify\",\"keys\":[\"k1\",\"k2\",\"k3\"]}]");
        assertThat(next("a")).contains("\"InvalidPacket\"", "maxSubscriptions 2");
        send("a", "[{\"cmd\":\"Set\",\"key\":\"big\",\"default\":\"x\",\"operations\":[{\"operation\":\"mul\",\"value\":150}]},"
                + "{\"cmd\":\"Get\",\"keys\":[\"big\",\"big\"]},{\"cmd\":\"Get\",\"keys\":[\"big\"],\"pad\":\"" + "p".repeat(100) + "\"}]");
        assertThat(next("a")).contains("\"Retrieved\"");
        assertThat(next("a")).contains("\"InvalidPacket\"", "maxReplyBytes 200");
    }
}
