package dev.apwire.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apwire.json.JsonValue;
import dev.apwire.protocol.ClientStatus;
import dev.apwire.protocol.ConnectionRefusedError;
import dev.apwire.protocol.NetworkItem;
import dev.apwire.protocol.client.ClientCommand;
import dev.apwire.protocol.client.ConnectPacket;
import dev.apwire.protocol.client.JoinPacket;
import dev.apwire.protocol.client.LocationChecksPacket;
import dev.apwire.protocol.client.SetNotifyPacket;
import dev.apwire.server.Multiworld;
import dev.apwire.session.ItemsReceived;
import dev.apwire.session.LoginState;
import dev.apwire.session.ReceivedItem;
import dev.apwire.session.SessionEvent;
import dev.apwire.session.ValueChanged;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The ready client against the pure room through an in-memory transport. */
@Timeout(20)
class ArchipelagoClientTest {

    static final long RED_PEBBLE = 1001;
    static final long GOLDEN_KEY = 1003;

    @TempDir
    Path dir;

    private final Multiworld world = DemoMultiworld.create();
    private RoomTransport server;
    private final List<ArchipelagoClient> clients = new ArrayList<>();

    @BeforeEach
    void start() {
        server = new RoomTransport(world);
    }

    @AfterEach
    void stop() throws Exception {
        for (ArchipelagoClient c : clients) {
            c.close();
        }
        server.close();
    }

    private ArchipelagoClient.Builder alice() {
        return ArchipelagoClient.builder("ws://127.0.0.1:38281", "Alice", "Pebble Quest")
                .password("sesame")
                .transport(server)
                .cacheDirectory(dir.resolve("cache"))
                .backoff(Duration.ofMillis(10), Duration.ofMillis(40))
                .random(new SplittableRandom(1));
    }

    private ArchipelagoClient open(ArchipelagoClient.Builder b) {
        ArchipelagoClient c = b.build();
        clients.add(c);
        return c;
    }

    static <T> T await(CompletableFuture<T> f) throws Exception {
        return f.get(5, TimeUnit.SECONDS);
    }

    static Throwable failure(CompletableFuture<?> f) throws Exception {
        try {
            f.get(5, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            return e.getCause();
        }
        throw new AssertionError("the future completed normally");
    }

    static void eventually(BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("condition not met within 5 s");
            }
            Thread.sleep(5);
        }
    }

    @Test
    void logsInReceivesItemsWithNamesAndChecksByName() throws Exception {
        ArchipelagoClient client = open(alice());
        List<String> received = new CopyOnWriteArrayList<>();
        List<String> threads = new CopyOnWriteArrayList<>();
        client.onItemReceived(item -> {
            threads.add(Thread.currentThread().getName());
            received.add(client.itemName(item.item().item()).orElse("?") + " from "
                    + client.playerAlias(item.item().player()).orElse("server"));
        });
        LoginState login = await(client.connect());
        assertThat(login.slot()).isEqualTo(DemoMultiworld.ALICE);
        assertThat(client.state()).isEqualTo(ArchipelagoClient.State.CONNECTED);
        assertThat(client.slotData().opt("pebbles_needed").orElseThrow().asLong()).isEqualTo(2);
        eventually(() -> received.size() == 1);
        assertThat(received).containsExactly("Red Pebble from server");
        assertThat(threads).allSatisfy(t -> assertThat(t).startsWith("apwire-client-events-"));

        await(client.check("Pebble Cave"));
        assertThat(client.checkedLocations()).containsExactly(2001L);
        assertThat(client.missingLocations()).containsExactly(2002L, 2003L);
        assertThat(server.room.checkedLocations(DemoMultiworld.ALICE).toLongArray()).containsExactly(2001L);

        server.loginBob(world, "Bob", "Lantern Run");
        server.bobChecks(4001);
        eventually(() -> received.size() == 2);
        assertThat(received.get(1)).isEqualTo("Golden Key from Bob");
        assertThat(client.receivedItems()).extracting(ReceivedItem::index).containsExactly(0, 1);
        assertThat(client.locationId("Pebble Hill")).hasValue(2002L);
        assertThat(client.playerName(2)).hasValue("Bob");
        assertThat(client.locationName(4001, 2)).hasValue("Dark Hall");
        assertThatThrownBy(() -> client.check("Nowhere")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void getSetAndScoutAreFutures() throws Exception {
        ArchipelagoClient client = open(alice());
        await(client.connect());
        StorageKey counter = client.storage("counter").withDefault(JsonValue.of(10));
        ValueChanged first = await(counter.add(5).commit());
        assertThat(first.originalValue()).isEqualTo(JsonValue.of(10));
        assertThat(first.value().asLong()).isEqualTo(15);
        assertThat(await(counter.mul(2).max(3).commit()).value().asLong()).isEqualTo(30);
        assertThat(await(counter.get())).hasValue(JsonValue.of(30));
        assertThat(await(client.storage("missing").get())).isEmpty();
        Map<String, JsonValue> both = await(client.get(List.of("counter", "missing")));
        assertThat(both).containsEntry("counter", JsonValue.of(30)).containsKey("missing");

        List<NetworkItem> scouted = await(client.scout(List.of(2002L, 2001L), 0));
        assertThat(scouted).extracting(NetworkItem::item).containsExactly(1002L, 3001L);
        assertThat((int) client.inspect(s -> s.pendingRequests())).isZero();
    }

    @Test
    void watchReportsChangesAndIsRenewedAfterAReconnect() throws Exception {
        ArchipelagoClient client = open(alice());
        List<Long> seen = new CopyOnWriteArrayList<>();
        client.storage("shared").watch(change -> seen.add(change.value().asLong()));
        await(client.connect());
        server.loginBob(world, "Bob", "Lantern Run");
        eventually(() -> !server.packets(SetNotifyPacket.class).isEmpty());
        server.bobSets("shared", JsonValue.of(1));
        eventually(() -> seen.size() == 1);

        server.drop();
        eventually(() -> server.packets(SetNotifyPacket.class).size() == 2 && server.openConnections() == 1);
        eventually(() -> client.state() == ArchipelagoClient.State.CONNECTED);
        server.bobSets("shared", JsonValue.of(2));
        eventually(() -> seen.size() == 2);
        assertThat(seen).containsExactly(1L, 2L);
        assertThat(server.packets(SetNotifyPacket.class)).allSatisfy(p -> assertThat(p.keys()).containsExactly("shared"));
    }

    @Test
    void aRefusalIsTypedAndRetryLogsIn() throws Exception {
        ArchipelagoClient client = open(alice().password("nope"));
        Throwable refused = failure(client.connect());
        assertThat(refused).isInstanceOf(ConnectionRefusedException.class).hasMessageContaining("InvalidPassword");
        assertThat(((ConnectionRefusedException) refused).errors()).containsExactly(ConnectionRefusedError.INVALID_PASSWORD);
        assertThat(client.state()).isEqualTo(ArchipelagoClient.State.REFUSED);
        assertThat(failure(client.say("hello"))).isInstanceOf(RequestFailedException.class)
                .extracting(e -> ((RequestFailedException) e).reason()).isEqualTo(RequestFailedException.Reason.NOT_CONNECTED);

        assertThat(await(client.retry("sesame")).slot()).isEqualTo(DemoMultiworld.ALICE);
        assertThat(server.packets(ConnectPacket.class)).extracting(ConnectPacket::password).containsExactly("nope", "sesame");
        assertThat(server.opened).as("the retry used the open connection").hasSize(1);
    }

    @Test
    void aServerSideDropResumesWithoutRepeatsAndSendsWhatWasQueued() throws Exception {
        ArchipelagoClient client = open(alice());
        List<Integer> indexes = new CopyOnWriteArrayList<>();
        client.onItemReceived(item -> indexes.add(item.index()));
        await(client.connect());
        eventually(() -> indexes.size() == 1);
        server.loginBob(world, "Bob", "Lantern Run");

        server.failOpens = 2; // the first two reconnects fail
        server.drop();
        eventually(() -> client.state() != ArchipelagoClient.State.CONNECTED);
        CompletableFuture<Void> status = client.statusUpdate(ClientStatus.PLAYING);
        CompletableFuture<Void> check = client.check(2002);
        CompletableFuture<Void> chat = client.say("hello?");
        server.bobChecks(4001, 4002);

        await(check);
        await(status);
        assertThat(failure(chat)).isInstanceOf(RequestFailedException.class)
                .extracting(e -> ((RequestFailedException) e).reason()).isEqualTo(RequestFailedException.Reason.NOT_CONNECTED);
        eventually(() -> indexes.size() == 4);
        assertThat(indexes).containsExactly(0, 1, 2, 3);
        assertThat(server.opened).hasSize(4);
        assertThat(client.outbox()).isEmpty();
        assertThat(server.room.clientStatus(DemoMultiworld.ALICE)).isEqualTo(ClientStatus.PLAYING);
        assertThat(client.lastProblem()).isPresent();
    }

    @Test
    void aSilentConnectionIsDroppedAfterTwoKeepAliveIntervalsAndAnAnsweringOneIsKept() throws Exception {
        ArchipelagoClient kept = open(alice().keepAlive(Duration.ofMillis(100)));
        await(kept.connect());
        Thread.sleep(1000); // ten pings, each answered by a pong
        assertThat(server.opened).hasSize(1);
        kept.close();

        server.answerPings = false;
        ArchipelagoClient dropped = open(alice().keepAlive(Duration.ofMillis(100)));
        await(dropped.connect());
        eventually(() -> server.opened.size() >= 3);
        assertThat(dropped.lastProblem()).hasValueSatisfying(p -> assertThat(p).contains("nothing heard from the server for"));
    }

    @Test
    void requestsFailOnTheirDeadlineAndOnDisconnect() throws Exception {
        ArchipelagoClient client = open(alice().requestTimeout(Duration.ofMillis(150)));
        await(client.connect());
        server.swallow.add(ClientCommand.GET);
        server.swallow.add(ClientCommand.LOCATION_SCOUTS);
        Throwable timedOut = failure(client.get(List.of("k")));
        assertThat(((RequestFailedException) timedOut).reason()).isEqualTo(RequestFailedException.Reason.TIMED_OUT);

        client.close();

        ArchipelagoClient patient = open(alice().requestTimeout(Duration.ofSeconds(30)));
        await(patient.connect());
        CompletableFuture<List<NetworkItem>> scout = patient.scout(List.of(2001L), 0);
        eventually(() -> patient.inspect(s -> s.pendingRequests()) == 1);
        server.drop();
        assertThat(((RequestFailedException) failure(scout)).reason()).isEqualTo(RequestFailedException.Reason.CONNECTION_LOST);
    }

    @Test
    void theIntentTableQueuesOrFailsBeforeTheFirstLogin() throws Exception {
        ArchipelagoClient client = open(alice());
        CompletableFuture<Void> goal = client.goal();
        CompletableFuture<ValueChanged> write = client.storage("k").replace(JsonValue.of("v")).commit();
        CompletableFuture<Void> check = client.check(2003);
        RequestFailedException read = (RequestFailedException) failure(client.get(List.of("k")));
        assertThat(read.reason()).isEqualTo(RequestFailedException.Reason.NOT_CONNECTED);
        assertThat(failure(client.sendDeathLink("fell"))).isInstanceOf(RequestFailedException.class);
        assertThat(failure(client.scout(List.of(2001L), 0))).isInstanceOf(RequestFailedException.class);

        await(client.connect());
        await(goal);
        assertThat(await(write).value()).isEqualTo(JsonValue.of("v"));
        await(check);
        assertThat(server.room.clientStatus(DemoMultiworld.ALICE)).isEqualTo(ClientStatus.GOAL);
        assertThat(server.packets(LocationChecksPacket.class)).singleElement()
                .satisfies(p -> assertThat(p.locations().toLongArray()).containsExactly(2003L));
        for (Intent i : Intent.values()) {
            assertThat(i.queuesWhileNotConnected()).isEqualTo(List.of(Intent.CHECK_LOCATIONS, Intent.STATUS_UPDATE,
                    Intent.STORAGE_WRITE, Intent.HINT_UPDATE, Intent.WATCH).contains(i));
        }
    }

    @Test
    void aSchemeLessAddressTriesWssThenWsWithTheDefaultPort() throws Exception {
        assertThat(ArchipelagoClient.addresses("archipelago.gg")).containsExactly(URI.create("wss://archipelago.gg:38281"),
                URI.create("ws://archipelago.gg:38281"));
        assertThat(ArchipelagoClient.addresses("localhost:4000")).containsExactly(URI.create("wss://localhost:4000"),
                URI.create("ws://localhost:4000"));
        assertThat(ArchipelagoClient.addresses("ws://h")).containsExactly(URI.create("ws://h:38281"));
        assertThat(ArchipelagoClient.addresses("wss://h:1/x")).containsExactly(URI.create("wss://h:1/x"));
        assertThatThrownBy(() -> ArchipelagoClient.addresses("http://h:1")).hasMessageContaining("ws://");
        assertThatThrownBy(() -> ArchipelagoClient.builder("", "A", "G")).isInstanceOf(IllegalArgumentException.class);

        server.failOpens = 1; // wss fails
        ArchipelagoClient client = open(ArchipelagoClient.builder("localhost:4000", "Alice", "Pebble Quest")
                .password("sesame").transport(server).cacheDirectory(dir).backoff(Duration.ofMillis(10), Duration.ofMillis(20)));
        await(client.connect());
        assertThat(server.opened).containsExactly(URI.create("wss://localhost:4000"), URI.create("ws://localhost:4000"));
        server.drop();
        eventually(() -> server.opened.size() == 3);
        assertThat(server.opened.get(2)).as("the scheme that worked is kept").isEqualTo(URI.create("ws://localhost:4000"));
    }

    @Test
    void anUnreachableServerFailsConnectAfterTheAttempts() throws Exception {
        server.failOpens = 100;
        ArchipelagoClient client = open(alice().maxConnectAttempts(3));
        Throwable e = failure(client.connect());
        assertThat(e).isExactlyInstanceOf(ArchipelagoClientException.class).hasMessageContaining("giving up after 3 attempts")
                .hasMessageContaining("Connection refused");
        assertThat(client.state()).isEqualTo(ArchipelagoClient.State.STOPPED);
        assertThat(server.opened).hasSize(3);
    }

    @Test
    void v2RoomNeverSendsJoinIntoAV1Session() throws Exception {
        server.acceptV2 = false;
        ArchipelagoClient strict = open(alice().room("room-7"));
        Throwable e = failure(strict.connect());
        assertThat(e).hasMessageContaining("subprotocol v2.0").hasMessageContaining("room-7");
        assertThat(server.offered).containsExactly(List.of("v2.0"));
        assertThat(server.packets(JoinPacket.class)).isEmpty();
        assertThat(strict.state()).isEqualTo(ArchipelagoClient.State.STOPPED);

        ArchipelagoClient lenient = open(alice().room("room-7").fallbackToV1(true));
        assertThat(await(lenient.connect()).slot()).isEqualTo(DemoMultiworld.ALICE);
        assertThat(server.packets(JoinPacket.class)).isEmpty();

        server.acceptV2 = true;
        ArchipelagoClient v2 = open(alice().room("room-7").maxConnectAttempts(1).loginTimeout(Duration.ofMillis(300)));
        CompletableFuture<LoginState> joining = v2.connect();
        eventually(() -> !server.packets(JoinPacket.class).isEmpty());
        assertThat(server.packets(JoinPacket.class)).containsExactly(new JoinPacket("room-7"));
        joining.cancel(true);
    }

    @Test
    void pollModeDeliversOnTheCallersThreadAndProgressSurvivesARestart() throws Exception {
        FileProgressStore store = new FileProgressStore(dir.resolve("save/progress.json"));
        ArchipelagoClient first = open(alice().pollMode().progressStore(store));
        assertThatThrownBy(() -> first.on(ItemsReceived.class, e -> { })).isInstanceOf(IllegalStateException.class);
        await(first.connect());
        List<SessionEvent> events = new ArrayList<>();
        eventually(() -> {
            events.addAll(first.poll());
            return events.stream().anyMatch(e -> e instanceof ItemsReceived);
        });
        first.poll(); // the items of the last poll are processed now
        assertThat(store.load().lastProcessedIndex()).isZero();
        server.swallow.add(ClientCommand.LOCATION_CHECKS);
        first.check(2002);
        eventually(() -> loadQuietly(store).outbox().equals(List.of(2002L)));
        first.close();
        first.close(); // idempotent
        assertThat(store.load()).isEqualTo(new Progress(0, List.of(2002L)));

        server.swallow.clear();
        server.loginBob(world, "Bob", "Lantern Run");
        server.bobChecks(4001);
        ArchipelagoClient second = open(alice().pollMode().progressStore(store));
        await(second.connect());
        List<ReceivedItem> items = new ArrayList<>();
        eventually(() -> {
            for (SessionEvent e : second.poll()) {
                if (e instanceof ItemsReceived r) {
                    items.addAll(r.items());
                }
            }
            return items.size() == 2 && second.outbox().isEmpty();
        });
        // Bob's Golden Key arrived while Alice was away; her resent check of Pebble Hill gives her Blue Pebble
        assertThat(items).extracting(i -> i.item().item()).containsExactly(GOLDEN_KEY, 1002L);
        assertThat(items).extracting(ReceivedItem::index).containsExactly(1, 2);
        assertThat(server.room.checkedLocations(DemoMultiworld.ALICE).toLongArray()).containsExactly(2002L);
        second.close();
        assertThat(store.load()).isEqualTo(new Progress(2, List.of()));
    }

    @Test
    void aFullPollQueueHoldsTheSocketUntilTheGamePolls() throws Exception {
        ArchipelagoClient client = open(alice().pollMode().maxBacklog(2));
        await(client.connect());
        server.loginBob(world, "Bob", "Lantern Run");
        server.bobChecks(4001);
        server.bobChecks(4002);
        server.bobChecks(4003);
        Thread.sleep(200); // the client reads until two events wait, then holds the next frame
        assertThat(client.receivedItems().size()).as("not all read while nobody polls").isLessThan(4);
        List<Long> items = new ArrayList<>();
        eventually(() -> {
            for (SessionEvent e : client.poll()) {
                if (e instanceof ItemsReceived r) {
                    r.items().forEach(i -> items.add(i.item().item()));
                }
            }
            return items.size() == 4;
        });
        assertThat(items).containsExactly(RED_PEBBLE, GOLDEN_KEY, RED_PEBBLE, 1004L); // start, Dark Hall, Stair Top, Crypt
    }

    private static Progress loadQuietly(FileProgressStore store) {
        try {
            return store.load();
        } catch (java.io.IOException e) {
            return Progress.NONE;
        }
    }

    @Test
    void listenersRunOnTheGivenExecutorInOrderAndNamesOutliveTheConnection() throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            ArchipelagoClient client = open(alice().executor(pool));
            List<String> order = new CopyOnWriteArrayList<>();
            client.on(SessionEvent.class, e -> order.add(e.getClass().getSimpleName()));
            await(client.connect());
            eventually(() -> order.contains("ItemsReceived"));
            assertThat(order).containsSubsequence("RoomInfoReceived", "ConnectionAccepted", "ItemsReceived");
            server.failOpens = 1000;
            server.drop();
            eventually(() -> order.contains("Disconnected"));
            assertThat(client.itemName(RED_PEBBLE)).hasValue("Red Pebble");
            assertThat(client.playerAlias(2)).hasValue("Bob");
            assertThat(client.locationId("Pebble Lake")).hasValue(2003L);
            client.close();
            assertThat(client.state()).isEqualTo(ArchipelagoClient.State.CLOSED);
            assertThat(client.itemName(RED_PEBBLE, 1)).hasValue("Red Pebble");
            assertThat(((RequestFailedException) failure(client.say("late"))).reason()).isEqualTo(RequestFailedException.Reason.CLOSED);
            assertThat(failure(client.connect())).hasMessageContaining("closed");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void closeFailsOpenFuturesAndLeavesNoThread() throws Exception {
        ArchipelagoClient client = open(alice().requestTimeout(Duration.ofSeconds(30)));
        await(client.connect());
        server.swallow.add(ClientCommand.GET);
        CompletableFuture<Map<String, JsonValue>> pending = client.get(List.of("k"));
        eventually(() -> client.inspect(s -> s.pendingRequests()) == 1);
        client.close();
        assertThat(((RequestFailedException) failure(pending)).reason()).isEqualTo(RequestFailedException.Reason.CLOSED);
        assertThat(server.openConnections()).isZero();
        for (ArchipelagoClient c : clients) {
            c.close();
        }
        eventually(() -> Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> t.isAlive() && t.getName().startsWith("apwire-client")));
        assertThat(Optional.of(client.state())).hasValue(ArchipelagoClient.State.CLOSED);
    }
}
