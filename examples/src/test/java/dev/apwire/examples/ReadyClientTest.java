package dev.apwire.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apwire.client.ArchipelagoClient;
import dev.apwire.client.ClientNotice;
import dev.apwire.client.JdkWebSocketTransport;
import dev.apwire.client.ConnectionRefusedException;
import dev.apwire.client.RequestFailedException;
import dev.apwire.json.JsonValue;
import dev.apwire.protocol.ConnectionRefusedError;
import dev.apwire.protocol.NetworkItem;
import dev.apwire.session.ReceivedItem;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The ready client on the JDK WebSocket against the example server (the demo multiworld) on loopback. */
@Timeout(30)
class ReadyClientTest {

    @TempDir
    Path dir;

    private ExampleServer server;
    private int port;
    private final List<ArchipelagoClient> clients = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        server = ExampleServer.start("127.0.0.1", 0, DemoWorld.load());
        port = server.port();
    }

    @AfterEach
    void stop() {
        for (ArchipelagoClient c : clients) {
            c.close();
        }
        server.close();
    }

    private ArchipelagoClient.Builder player(String name, String game) {
        return ArchipelagoClient.builder("ws://127.0.0.1:" + port, name, game)
                .password(DemoWorld.PASSWORD)
                .cacheDirectory(dir.resolve("cache"))
                .backoff(Duration.ofMillis(20), Duration.ofMillis(100))
                .random(new SplittableRandom(name.hashCode()));
    }

    private ArchipelagoClient open(ArchipelagoClient.Builder b) {
        ArchipelagoClient c = b.build();
        clients.add(c);
        return c;
    }

    static <T> T await(CompletableFuture<T> f) throws Exception {
        return f.get(10, TimeUnit.SECONDS);
    }

    static Throwable failure(CompletableFuture<?> f) throws Exception {
        try {
            f.get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            return e.getCause();
        }
        throw new AssertionError("the future completed normally");
    }

    static void eventually(BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("condition not met within 10 s");
            }
            Thread.sleep(10);
        }
    }

    @Test
    void twoPlayersLogInTradeItemsAndShareDataStorage() throws Exception {
        ArchipelagoClient alice = open(player("Alice", "Pebble Quest"));
        List<String> aliceGot = new CopyOnWriteArrayList<>();
        alice.onItemReceived(i -> aliceGot.add(alice.itemName(i.item().item()).orElse("?") + " from "
                + alice.playerAlias(i.item().player()).orElse("Archipelago")));
        ArchipelagoClient bob = open(player("Bob", "Lantern Run"));
        List<Long> bobSaw = new CopyOnWriteArrayList<>();
        bob.watch("pebbles", change -> bobSaw.add(change.value().asLong()));

        assertThat(await(alice.connect()).slot()).isEqualTo(DemoWorld.ALICE);
        assertThat(await(bob.connect()).slot()).isEqualTo(DemoWorld.BOB);
        eventually(() -> aliceGot.size() == 1);

        await(bob.check("Dark Hall"));
        eventually(() -> aliceGot.size() == 2);
        assertThat(aliceGot).containsExactly("Red Pebble from Archipelago", "Golden Key from Bob");

        await(alice.check("Pebble Cave"));
        assertThat(alice.missingLocations()).containsExactly(2002L, 2003L);
        List<NetworkItem> scouted = await(alice.scout(List.of(2002L, 2003L), 0));
        assertThat(scouted).extracting(NetworkItem::item).containsExactly(1002L, 3002L);

        assertThat(await(alice.storage("pebbles").add(3).commit()).value().asLong()).isEqualTo(3);
        assertThat(await(alice.storage("pebbles").get())).hasValue(JsonValue.of(3));
        eventually(() -> bobSaw.contains(3L));
        assertThat(alice.slotData().opt("goal").orElseThrow().asString()).isEqualTo("collect pebbles");
    }

    @Test
    void bigMessagesArriveReassembledAndAMessageOverTheLimitEndsTheConnection() throws Exception {
        ArchipelagoClient alice = open(player("Alice", "Pebble Quest"));
        await(alice.connect());
        String big = "pebble ".repeat(40_000); // 280 kB: the JDK hands it over in parts (its read buffer is 16 kB)
        assertThat(await(alice.storage("big").replace(JsonValue.of(big)).commit()).value().asString()).isEqualTo(big);

        try (JdkWebSocketTransport small = new JdkWebSocketTransport(Duration.ofSeconds(5), 100_000)) {
            ArchipelagoClient bob = open(player("Bob", "Lantern Run").transport(small));
            List<ClientNotice> notices = new CopyOnWriteArrayList<>();
            bob.onNotice(notices::add);
            await(bob.connect());
            RequestFailedException lost = (RequestFailedException) failure(bob.storage("big").get());
            assertThat(lost.reason()).isEqualTo(RequestFailedException.Reason.CONNECTION_LOST);
            eventually(() -> !notices.isEmpty());
            assertThat(notices.get(0).message()).contains("1009", "exceeded 100000 chars");
            bob.close();
        }
    }

    @Test
    void aRefusalIsTypedAndARetryLogsIn() throws Exception {
        ArchipelagoClient alice = open(player("Alice", "Pebble Quest").password("wrong"));
        ConnectionRefusedException refused = (ConnectionRefusedException) failure(alice.connect());
        assertThat(refused.errors()).containsExactly(ConnectionRefusedError.INVALID_PASSWORD);
        assertThat(await(alice.retry(DemoWorld.PASSWORD)).slot()).isEqualTo(DemoWorld.ALICE);
    }

    @Test
    void aServerRestartIsSurvivedWithoutRepeatedItemsOrLostChecks() throws Exception {
        // a short keep-alive: the JDK on Java 17 sometimes never reports a connection the stopped server dropped
        ArchipelagoClient alice = open(player("Alice", "Pebble Quest").keepAlive(Duration.ofMillis(200)));
        List<ReceivedItem> items = new CopyOnWriteArrayList<>();
        alice.onItemReceived(items::add);
        await(alice.connect());
        eventually(() -> items.size() == 1);

        server.close(); // every connection drops; the room and its state are gone
        eventually(() -> alice.state() == ArchipelagoClient.State.RECONNECTING);
        CompletableFuture<Void> check = alice.check(2002); // Pebble Hill, made while the server is down
        CompletableFuture<Void> chat = alice.say("anyone?");
        assertThat(((RequestFailedException) failure(chat)).reason()).isEqualTo(RequestFailedException.Reason.NOT_CONNECTED);
        server = ExampleServer.start("127.0.0.1", port, DemoWorld.load());

        await(check);
        eventually(() -> items.size() == 2); // the new room resends Red Pebble (not delivered again) and the Blue Pebble
        assertThat(items).extracting(i -> i.item().item()).containsExactly(1001L, 1002L);
        assertThat(items).extracting(ReceivedItem::index).containsExactly(0, 1);
        assertThat(alice.outbox()).isEmpty();
        assertThat(alice.lastProblem()).hasValueSatisfying(p -> assertThat(p).containsAnyOf("connection lost (", "could not connect to"));
    }

    @Test
    void requestsTimeOutAndNoThreadOutlivesClose() throws Exception {
        Set<String> before = threads();
        ArchipelagoClient alice = open(player("Alice", "Pebble Quest").requestTimeout(Duration.ofMillis(300)));
        await(alice.connect());
        // a scout for a location the demo world does not have: the reference answers nothing (no LocationInfo)
        Throwable late = failure(alice.scout(List.of(99_999L), 0));
        assertThat(((RequestFailedException) late).reason()).isEqualTo(RequestFailedException.Reason.TIMED_OUT);
        alice.close();
        alice.close();
        eventually(() -> threads().stream().noneMatch(t -> t.startsWith("apwire-")));
        // the JDK HttpClient's selector thread ends once the client is garbage (Java 17; closed on 21+)
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!before.containsAll(threads()) && System.nanoTime() < deadline) {
            System.gc();
            Thread.sleep(100);
        }
        assertThat(threads()).as("threads left after close()").isSubsetOf(before);
    }

    private static Set<String> threads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive)
                .filter(t -> !t.getName().startsWith("ForkJoinPool") && !t.getName().startsWith("qtp")
                        && !t.getName().startsWith("archipelago-room") && !t.getName().startsWith("Scheduler")
                        && !t.getName().startsWith("Connector"))
                .map(Thread::getName).collect(Collectors.toSet());
    }
}
