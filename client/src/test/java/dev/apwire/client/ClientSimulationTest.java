package dev.apwire.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apwire.json.JsonObject;
import dev.apwire.protocol.GameData;
import dev.apwire.protocol.LongList;
import dev.apwire.protocol.NameTable;
import dev.apwire.protocol.NetworkItem;
import dev.apwire.protocol.NetworkSlot;
import dev.apwire.protocol.NetworkVersion;
import dev.apwire.protocol.Permission;
import dev.apwire.protocol.SlotType;
import dev.apwire.server.Multiworld;
import dev.apwire.server.SlotWorld;
import dev.apwire.session.ReceivedItem;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The seeded simulation through the real client: a pure room behind the in-memory transport, Bob finding
 * Alice's items at random, Alice checking her locations, sockets dropped at random points (server-side drops
 * between frames, and frames lost in flight with their connection), failed reconnects, and game restarts (a
 * new client resumed from the file progress store). Asserted at the end: the game processed the server's item
 * list exactly, each item once and in order; every location Alice checked is checked on the server, and her
 * outbox is empty. Threads and timing vary between runs; the seed fixes what happens, not when.
 */
class ClientSimulationTest {

    static final int ALICE = 1;
    static final int BOB = 2;
    static final int ALICE_LOCATIONS = 40;
    static final int BOB_LOCATIONS = 80;
    static final int STEPS = 300;

    @TempDir
    Path dir;

    static Multiworld world() {
        Map<String, Long> aliceItems = new LinkedHashMap<>();
        Map<String, Long> aliceLocations = new LinkedHashMap<>();
        Map<String, Long> bobItems = new LinkedHashMap<>();
        Map<String, Long> bobLocations = new LinkedHashMap<>();
        Map<Long, NetworkItem> alicePlaced = new LinkedHashMap<>();
        Map<Long, NetworkItem> bobPlaced = new LinkedHashMap<>();
        for (int i = 0; i < ALICE_LOCATIONS; i++) {
            long location = 10_000 + i;
            aliceLocations.put("A" + i, location);
            if (i % 4 == 0) { // some of her own items
                long item = 31_000 + i;
                aliceItems.put("Own " + i, item);
                alicePlaced.put(location, new NetworkItem(item, location, ALICE, 0));
            } else {
                long item = 40_000 + i;
                bobItems.put("B-item " + i, item);
                alicePlaced.put(location, new NetworkItem(item, location, BOB, 0));
            }
        }
        for (int i = 0; i < BOB_LOCATIONS; i++) {
            long location = 20_000 + i;
            long item = 30_000 + i;
            bobLocations.put("B" + i, location);
            aliceItems.put("Gift " + i, item);
            bobPlaced.put(location, new NetworkItem(item, location, ALICE, i % 2));
        }
        Map<Integer, NetworkSlot> slots = new LinkedHashMap<>();
        slots.put(ALICE, new NetworkSlot("Alice", "Sim A", SlotType.PLAYER, List.of()));
        slots.put(BOB, new NetworkSlot("Bob", "Sim B", SlotType.PLAYER, List.of()));
        Map<Integer, SlotWorld> worlds = new LinkedHashMap<>();
        worlds.put(ALICE, new SlotWorld(JsonObject.EMPTY, alicePlaced, LongList.EMPTY));
        worlds.put(BOB, new SlotWorld(JsonObject.EMPTY, bobPlaced, LongList.EMPTY));
        Map<String, GameData> packages = new LinkedHashMap<>();
        packages.put("Sim A", new GameData(NameTable.of(aliceItems), NameTable.of(aliceLocations), "sima1"));
        packages.put("Sim B", new GameData(NameTable.of(bobItems), NameTable.of(bobLocations), "simb1"));
        Map<String, Permission> permissions = new LinkedHashMap<>();
        permissions.put("release", Permission.AUTO);
        permissions.put("remaining", Permission.GOAL);
        permissions.put("collect", Permission.AUTO);
        NetworkVersion v = new NetworkVersion(0, 6, 2);
        return new Multiworld("sim", null, v, v, new NetworkVersion(0, 5, 0), 10, 1, permissions, 0, slots, worlds,
                packages, Map.of(), Map.of());
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4})
    @Timeout(30)
    void everyItemOnceInOrderAndNoCheckLost(long seed) throws Exception {
        Multiworld world = world();
        SplittableRandom rnd = new SplittableRandom(seed);
        FileProgressStore store = new FileProgressStore(dir.resolve("progress-" + seed + ".json"));
        List<ReceivedItem> processed = new CopyOnWriteArrayList<>();
        Set<Long> aliceChecked = new LinkedHashSet<>();
        List<Long> bobLeft = new ArrayList<>();
        for (int i = 0; i < BOB_LOCATIONS; i++) {
            bobLeft.add(20_000L + i);
        }
        AtomicInteger dropIn = new AtomicInteger(-1);
        try (RoomTransport server = new RoomTransport(world)) {
            server.loginBob(world, "Bob", "Sim B");
            server.dropOnFrame = c -> dropIn.get() > 0 && dropIn.decrementAndGet() == 0;
            ArchipelagoClient client = alice(server, store, seed, processed);
            client.connect();
            int restarts = 0;
            for (int step = 0; step < STEPS; step++) {
                double r = rnd.nextDouble();
                if (r < 0.35 && !bobLeft.isEmpty()) {
                    server.bobChecks(bobLeft.remove(rnd.nextInt(bobLeft.size())));
                } else if (r < 0.65) {
                    long location = 10_000 + rnd.nextInt(ALICE_LOCATIONS);
                    aliceChecked.add(location);
                    client.check(location);
                } else if (r < 0.72) {
                    server.drop();
                } else if (r < 0.80) {
                    dropIn.set(1 + rnd.nextInt(4)); // a socket dropped at a random frame, that frame lost
                } else if (r < 0.83) {
                    server.failOpens = rnd.nextInt(3);
                } else if (r < 0.86) {
                    client.close(); // the game restarts from its saved progress
                    restarts++;
                    client = alice(server, store, seed + restarts, processed);
                    client.connect();
                } else if (r < 0.93) {
                    Thread.sleep(rnd.nextInt(3));
                }
            }
            dropIn.set(-1);
            server.failOpens = 0;
            ArchipelagoClient last = client;
            int expected = world.worlds().get(BOB).locations().size() - bobLeft.size();
            long own = aliceChecked.stream().filter(l -> (l - 10_000) % 4 == 0).count();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
            while (!(processed.size() >= expected + own && last.outbox().isEmpty()
                    && last.state() == ArchipelagoClient.State.CONNECTED)) {
                assertThat(System.nanoTime()).as("settles; processed %s of %s, outbox %s, state %s", processed.size(),
                        expected + own, last.outbox(), last.state()).isLessThan(deadline);
                Thread.sleep(10);
            }
            last.close();
            assertThat(server.opened.size()).as("connections opened: drops happened").isGreaterThan(3);
            assertThat(restarts).as("the game restarted").isPositive();

            List<NetworkItem> truth = server.call(() -> server.room.receivedItems(ALICE));
            assertThat(truth).hasSize((int) (expected + own));
            List<Integer> indexes = new ArrayList<>();
            List<NetworkItem> items = new ArrayList<>();
            for (ReceivedItem i : processed) {
                indexes.add(i.index());
                items.add(i.item());
            }
            assertThat(items).as("every item once, in server order").isEqualTo(truth);
            for (int i = 0; i < indexes.size(); i++) {
                assertThat(indexes.get(i)).isEqualTo(i);
            }
            long[] checked = server.call(() -> server.room.checkedLocations(ALICE).toLongArray());
            Set<Long> onServer = new LinkedHashSet<>();
            for (long l : checked) {
                onServer.add(l);
            }
            assertThat(onServer).as("no check lost").containsAll(aliceChecked);
            assertThat(store.load().outbox()).isEmpty();
            assertThat(store.load().lastProcessedIndex()).isEqualTo(truth.size() - 1);
        }
    }

    private ArchipelagoClient alice(RoomTransport server, FileProgressStore store, long seed, List<ReceivedItem> processed) {
        ArchipelagoClient c = ArchipelagoClient.builder("ws://sim:1", "Alice", "Sim A")
                .transport(server)
                .cacheDirectory(dir.resolve("cache"))
                .progressStore(store)
                .backoff(Duration.ofMillis(1), Duration.ofMillis(8))
                .maxConnectAttempts(0)
                .random(new SplittableRandom(seed))
                .build();
        c.onItemReceived(processed::add);
        return c;
    }
}
