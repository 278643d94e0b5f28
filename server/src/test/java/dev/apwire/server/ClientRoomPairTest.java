package dev.apwire.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apwire.codec.ArchipelagoCodec;
import dev.apwire.codec.Decoded;
import dev.apwire.json.JsonInt;
import dev.apwire.json.JsonObject;
import dev.apwire.protocol.DataStorageOperation;
import dev.apwire.protocol.ItemsHandling;
import dev.apwire.protocol.NetworkItem;
import dev.apwire.protocol.OperationType;
import dev.apwire.protocol.client.ClientPacket;
import dev.apwire.protocol.server.ServerPacket;
import dev.apwire.session.ClientConfig;
import dev.apwire.session.ClientSession;
import dev.apwire.session.ConnectionAccepted;
import dev.apwire.session.ConnectionRefused;
import dev.apwire.session.DataPackageCache;
import dev.apwire.session.DeathLinkReceived;
import dev.apwire.session.InMemoryDataPackageCache;
import dev.apwire.session.ItemsReceived;
import dev.apwire.session.Phase;
import dev.apwire.session.ReceivedItem;
import dev.apwire.session.SessionEvent;
import dev.apwire.session.Step;
import dev.apwire.session.ValuesRetrieved;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The library's client state machine against the library's server room, over the codec, on a
 * virtual clock: no socket, no thread, every byte through {@link ArchipelagoCodec} both ways (a
 * two-endpoint pair in the style of quinn-proto's test {@code Pair}).
 */
class ClientRoomPairTest {

    private static final ArchipelagoCodec CODEC = ArchipelagoCodec.create();

    /** One client: its session, its connection id, the events it produced. */
    private static final class Client {
        final String name;
        final String game;
        final DataPackageCache cache = new InMemoryDataPackageCache();
        ClientSession session;
        int connection;
        final List<SessionEvent> events = new ArrayList<>();
        final List<NetworkItem> delivered = new ArrayList<>();
        int lastIndex = -1;

        Client(String name, String game) {
            this.name = name;
            this.game = game;
        }
    }

    private final ArchipelagoRoom<Integer> room = new ArchipelagoRoom<>(DemoMultiworld.create());
    private final Map<Integer, Client> byConnection = new HashMap<>();
    private Instant now = Instant.parse("2026-11-24T00:00:00Z");
    private int nextConnection = 1;

    private Client client(String name, String game, String password) {
        Client c = new Client(name, game);
        start(c, password, List.of());
        return c;
    }

    /** A new session (a game restart) on a new connection, resuming from what the game persisted. */
    private void start(Client c, String password, List<Long> pendingChecks) {
        c.session = new ClientSession(ClientConfig.builder(c.name, c.game, "uuid-" + c.name)
                .password(password)
                .itemsHandling(ItemsHandling.ALL)
                .lastProcessedIndex(c.lastIndex)
                .pendingChecks(pendingChecks)
                .cache(c.cache)
                .random(new SplittableRandom(c.name.hashCode()))
                .requestTimeout(Duration.ofSeconds(5))
                .build());
        connect(c);
    }

    private void connect(Client c) {
        c.connection = nextConnection++;
        byConnection.put(c.connection, c);
        handle(c, c.session.connected(now));
        deliver(room.open(c.connection, now));
    }

    private void drop(Client c) {
        deliver(room.close(c.connection, now));
        byConnection.remove(c.connection);
        handle(c, c.session.disconnected(now));
    }

    /** Sends what a client step says through the codec into the room, and the room's answers back, until quiet. */
    private void handle(Client c, Step step) {
        c.events.addAll(step.events());
        for (SessionEvent e : step.events()) {
            if (e instanceof ItemsReceived) {
                for (ReceivedItem r : ((ItemsReceived) e).items()) {
                    assertThat(r.index()).as("%s: items arrive in order, once", c.name).isEqualTo(c.lastIndex + 1);
                    c.delivered.add(r.item());
                    c.lastIndex = r.index();
                }
            }
        }
        assertThat(step.close()).as("%s closes: %s", c.name, step.close()).isNull();
        if (step.send().isEmpty() || !byConnection.containsKey(c.connection)) {
            return;
        }
        List<ClientPacket> packets = new ArrayList<>();
        try {
            for (Decoded<ClientPacket> d : CODEC.decodeClientFrame(CODEC.encodeClientFrameBytes(step.send()))) {
                packets.add(((Decoded.Ok<ClientPacket>) d).packet());
            }
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        deliver(room.receive(c.connection, packets, now));
    }

    private void deliver(RoomStep<Integer> step) {
        assertThat(step.actions()).allMatch(a -> a instanceof RoomDelivery, "the room closes nobody");
        for (RoomDelivery<Integer> d : step.deliveries()) {
            Client c = byConnection.get(d.connection());
            if (c == null) {
                continue;
            }
            try {
                for (Decoded<ServerPacket> p : CODEC.decodeServerFrame(CODEC.encodeServerFrameBytes(d.frame()))) {
                    handle(c, c.session.receive(((Decoded.Ok<ServerPacket>) p).packet(), now));
                }
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }
    }

    private static <T extends SessionEvent> List<T> events(Client c, Class<T> type) {
        List<T> out = new ArrayList<>();
        for (SessionEvent e : c.events) {
            if (type.isInstance(e)) {
                out.add(type.cast(e));
            }
        }
        return out;
    }

    @Test
    void loginItemsChecksAndDataStorageEndToEnd() {
        Client alice = client("Alice", "Pebble Quest", DemoMultiworld.PASSWORD);
        Client bob = client("Bob", "Lantern Run", DemoMultiworld.PASSWORD);
        assertThat(alice.session.phase()).isEqualTo(Phase.CONNECTED);
        assertThat(bob.session.phase()).isEqualTo(Phase.CONNECTED);
        assertThat(events(alice, ConnectionAccepted.class)).hasSize(1);
        assertThat(alice.delivered).extracting(NetworkItem::item).containsExactly(1001L); // the starting Red Pebble
        assertThat(alice.session.itemName(1001, DemoMultiworld.ALICE)).contains("Red Pebble");

        handle(bob, bob.session.checkLocations(List.of(4001L), now));
        assertThat(alice.delivered).extracting(NetworkItem::item).containsExactly(1001L, 1003L); // + Golden Key
        assertThat(bob.session.checkedLocations()).contains(4001L);
        assertThat(room.checkedLocations(DemoMultiworld.BOB)).containsExactly(4001L);

        handle(alice, alice.session.set("energy", JsonInt.of(0), true,
                List.of(new DataStorageOperation(OperationType.ADD, JsonInt.of(5))), now));
        handle(bob, bob.session.get(List.of("energy", "missing"), now));
        List<ValuesRetrieved> got = events(bob, ValuesRetrieved.class);
        assertThat(got).hasSize(1);
        assertThat(got.get(0).values()).isEqualTo(JsonObject.of("energy", JsonInt.of(5), "missing", dev.apwire.json.JsonNull.INSTANCE));
    }

    @Test
    void aWrongPasswordIsRefusedAndTheSessionCanTryAgain() {
        Client alice = client("Alice", "Pebble Quest", "wrong");
        assertThat(events(alice, ConnectionRefused.class)).hasSize(1);
        assertThat(events(alice, ConnectionRefused.class).get(0).errors()).extracting(Object::toString)
                .containsExactly("InvalidPassword");
        handle(alice, alice.session.connect(DemoMultiworld.PASSWORD, now));
        assertThat(alice.session.phase()).isEqualTo(Phase.CONNECTED);
    }

    @Test
    void deathLinkReachesTheOtherPlayerAndNotTheSender() {
        Client alice = client("Alice", "Pebble Quest", DemoMultiworld.PASSWORD);
        Client bob = client("Bob", "Lantern Run", DemoMultiworld.PASSWORD);
        handle(alice, alice.session.setDeathLink(true, now));
        handle(bob, bob.session.setDeathLink(true, now));
        now = now.plusSeconds(30);
        handle(alice, alice.session.sendDeathLink("Alice slipped on a pebble", now));
        assertThat(events(bob, DeathLinkReceived.class)).singleElement()
                .satisfies(d -> assertThat(d.deathLink().cause()).isEqualTo("Alice slipped on a pebble"));
        assertThat(events(alice, DeathLinkReceived.class)).isEmpty();
    }

    @Test
    void seededSimulationDeliversEveryItemOnceAndLosesNoCheck() {
        for (long seed = 1; seed <= 20; seed++) {
            new ClientRoomPairTest().simulate(new SplittableRandom(seed));
        }
    }

    /** Random checks, drops, outages and game restarts on both sides; then every item once, in order, and no check lost. */
    private void simulate(SplittableRandom random) {
        Client alice = client("Alice", "Pebble Quest", DemoMultiworld.PASSWORD);
        Client bob = client("Bob", "Lantern Run", DemoMultiworld.PASSWORD);
        Map<Client, List<Long>> locations = Map.of(alice, List.of(2001L, 2002L, 2003L), bob, List.of(4001L, 4002L, 4003L));
        Map<Client, Set<Long>> checkedByGame = new HashMap<>();
        checkedByGame.put(alice, new LinkedHashSet<>());
        checkedByGame.put(bob, new LinkedHashSet<>());
        for (int step = 0; step < 300; step++) {
            Client c = random.nextBoolean() ? alice : bob;
            now = now.plusMillis(100 + random.nextInt(900));
            long loc = locations.get(c).get(random.nextInt(3));
            switch (random.nextInt(4)) {
                case 0: // the game checks a location (maybe again)
                    checkedByGame.get(c).add(loc);
                    handle(c, c.session.checkLocations(List.of(loc), now));
                    break;
                case 1: // the connection drops and comes back
                    drop(c);
                    connect(c);
                    break;
                case 2: // the game restarts: a new session from the persisted index and outbox
                    List<Long> outbox = c.session.outbox();
                    drop(c);
                    start(c, DemoMultiworld.PASSWORD, outbox);
                    break;
                default: // an outage during which the player checks a location
                    drop(c);
                    checkedByGame.get(c).add(loc);
                    handle(c, c.session.checkLocations(List.of(loc), now));
                    connect(c);
                    break;
            }
        }
        for (Client c : List.of(alice, bob)) {
            int slot = c == alice ? DemoMultiworld.ALICE : DemoMultiworld.BOB;
            List<NetworkItem> expected = new ArrayList<>();
            for (long item : room.multiworld().world(slot).startingInventory()) {
                expected.add(new NetworkItem(item, -2, 0, 0)); // items_handling 7 includes the starting inventory
            }
            expected.addAll(room.receivedItems(slot));
            assertThat(c.delivered).as("%s got every item once, in server order", c.name).isEqualTo(expected);
            assertThat(room.checkedLocations(slot)).as("%s lost no check", c.name).containsAll(checkedByGame.get(c));
            assertThat(c.session.outbox()).isEmpty();
        }
        assertThat(alice.delivered).hasSizeGreaterThan(1);
    }
}
