package dev.apwire.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apwire.codec.ArchipelagoCodec;
import dev.apwire.codec.Decoded;
import dev.apwire.protocol.ItemsHandling;
import dev.apwire.protocol.NetworkItem;
import dev.apwire.protocol.client.ClientPacket;
import dev.apwire.protocol.server.ServerPacket;
import dev.apwire.session.ClientConfig;
import dev.apwire.session.ClientSession;
import dev.apwire.session.InMemoryDataPackageCache;
import dev.apwire.session.ItemsReceived;
import dev.apwire.session.Phase;
import dev.apwire.session.ProtocolVersion;
import dev.apwire.session.ReceivedItem;
import dev.apwire.session.SessionEvent;
import dev.apwire.session.Step;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * The library's client state machine with protocol v2.0 against the v2.0 host and its rooms, over the codec, on a
 * virtual clock: {@code Join}, the room's {@code RoomInfo}, login, play, and an idle unload and reload in between.
 * The "store" keeps unloaded rooms in a map, as a driver's store would keep their saves.
 */
class HostClientPairTest {

    private static final ArchipelagoCodec CODEC = ArchipelagoCodec.create();
    private static final Duration IDLE = Duration.ofMinutes(5);
    private static final RoomId ONE = new RoomId("K7PQ");
    private static final RoomId TWO = new RoomId("M2ZD");

    /** One client with its session and connection. */
    private static final class Client {
        final String name;
        final String game;
        final RoomId room;
        ClientSession session;
        int connection;
        boolean closed;
        final List<NetworkItem> delivered = new ArrayList<>();

        Client(String name, String game, RoomId room) {
            this.name = name;
            this.game = game;
            this.room = room;
        }
    }

    private final RoomHost<Integer> host = new RoomHost<>(HostConfig.DEFAULT.withIdleTimeout(IDLE), new SplittableRandom(5));
    /** The store: every room, loaded or not (the object stands for its save). */
    private final Map<RoomId, ArchipelagoRoom<Integer>> stored = new HashMap<>(Map.of(
            ONE, new ArchipelagoRoom<>(DemoMultiworld.create()), TWO, new ArchipelagoRoom<>(DemoMultiworld.create())));
    private final Map<RoomId, ArchipelagoRoom<Integer>> loaded = new HashMap<>();
    private final Map<Integer, Client> byConnection = new HashMap<>();
    private final List<String> storeLog = new ArrayList<>();
    private Instant now = Instant.parse("2026-11-27T00:00:00Z");
    private int nextConnection = 1;

    private Client join(String name, String game, RoomId room, String idAsTyped) {
        Client c = new Client(name, game, room);
        c.session = new ClientSession(ClientConfig.builder(name, game, "uuid-" + name)
                .password(DemoMultiworld.PASSWORD)
                .protocol(ProtocolVersion.V2_0)
                .roomId(idAsTyped)
                .itemsHandling(ItemsHandling.ALL)
                .cache(new InMemoryDataPackageCache())
                .random(new SplittableRandom(name.hashCode()))
                .build());
        c.connection = nextConnection++;
        byConnection.put(c.connection, c);
        apply(host.open(c.connection, List.of("v2.0"), "v2.0", now), null);
        handle(c, c.session.connected(now));
        return c;
    }

    private void leave(Client c) {
        ArchipelagoRoom<Integer> room = host.roomOf(c.connection).map(loaded::get).orElse(null);
        if (room != null) {
            deliver(room.close(c.connection, now));
        }
        apply(host.close(c.connection, now), null);
        byConnection.remove(c.connection);
        c.closed = true;
    }

    /** Sends a client step's packets through the codec to the host, which forwards them to the room. */
    private void handle(Client c, Step step) {
        for (SessionEvent e : step.events()) {
            if (e instanceof ItemsReceived items) {
                for (ReceivedItem r : items.items()) {
                    c.delivered.add(r.item());
                }
            }
        }
        if (step.send().isEmpty() || c.closed) {
            return;
        }
        try {
            for (Decoded<ClientPacket> d : CODEC.decodeClientFrame(CODEC.encodeClientFrameBytes(step.send()))) {
                ClientPacket p = ((Decoded.Ok<ClientPacket>) d).packet();
                apply(host.receive(c.connection, p, now), p);
            }
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** Carries out a host step as a driver would, with the store answering at once. */
    private void apply(HostStep<Integer> step, @Nullable ClientPacket input) {
        for (HostAction<Integer> a : step.actions()) {
            if (a instanceof HostLoad<Integer> load) {
                storeLog.add("load " + load.room());
                ArchipelagoRoom<Integer> room = stored.get(load.room());
                if (room == null) {
                    apply(host.roomLoadFailed(load.room(), now), null);
                } else {
                    loaded.put(load.room(), room);
                    apply(host.roomLoaded(load.room(), now), null);
                }
            } else if (a instanceof HostUnload<Integer> unload) {
                storeLog.add("save " + unload.room());
                loaded.remove(unload.room());
                apply(host.roomUnloaded(unload.room(), now), null);
            } else if (a instanceof HostAttach<Integer> attach) {
                deliver(loaded.get(attach.room()).open(attach.connection(), now));
            } else if (a instanceof HostForward<Integer> forward) {
                deliver(loaded.get(forward.room()).receive(forward.connection(), input, now));
            } else if (a instanceof HostClose<Integer> close) {
                Client c = byConnection.remove(close.connection());
                if (c != null) {
                    c.closed = true;
                }
            }
        }
    }

    private void deliver(RoomStep<Integer> step) {
        assertThat(step.actions()).allMatch(a -> a instanceof RoomDelivery, "the rooms close nobody");
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

    @Test
    void clientsJoinTheirRoomsByIdAndPlayThereOnly() {
        Client aliceOne = join("Alice", "Pebble Quest", ONE, "k7pq");
        Client bobOne = join("Bob", "Lantern Run", ONE, "K7PQ");
        Client aliceTwo = join("Alice", "Pebble Quest", TWO, "m2zd");
        assertThat(List.of(aliceOne, bobOne, aliceTwo)).allSatisfy(c -> assertThat(c.session.phase()).isEqualTo(Phase.CONNECTED));
        assertThat(storeLog).containsExactly("load K7PQ", "load M2ZD");
        assertThat(host.roomOf(bobOne.connection)).contains(ONE);

        handle(bobOne, bobOne.session.checkLocations(List.of(4001L), now));
        assertThat(aliceOne.delivered).extracting(NetworkItem::item).containsExactly(1001L, 1003L);
        assertThat(aliceTwo.delivered).extracting(NetworkItem::item).as("room two is another game").containsExactly(1001L);
        assertThat(stored.get(ONE).checkedLocations(DemoMultiworld.BOB)).containsExactly(4001L);
        assertThat(stored.get(TWO).checkedLocations(DemoMultiworld.BOB)).isEmpty();
    }

    @Test
    void aRoomUnloadedWhileIdleComesBackWithItsProgress() {
        Client bob = join("Bob", "Lantern Run", ONE, "K7PQ");
        handle(bob, bob.session.checkLocations(List.of(4001L), now));
        leave(bob);
        assertThat(host.nextDeadline()).contains(now.plus(IDLE));
        now = now.plus(IDLE);
        apply(host.onTimeout(now), null);
        assertThat(storeLog).containsExactly("load K7PQ", "save K7PQ");
        assertThat(loaded).isEmpty();

        now = now.plusSeconds(60);
        Client alice = join("Alice", "Pebble Quest", ONE, "k7pq");
        assertThat(alice.session.phase()).isEqualTo(Phase.CONNECTED);
        assertThat(storeLog).containsExactly("load K7PQ", "save K7PQ", "load K7PQ");
        assertThat(alice.delivered).extracting(NetworkItem::item).containsExactly(1001L, 1003L);
    }

    @Test
    void aJoinOfAnUnknownRoomLeavesTheSessionWithoutRoomInfo() {
        Client lost = join("Alice", "Pebble Quest", ONE, "ZZZZ");
        assertThat(lost.closed).isTrue();
        assertThat(lost.session.phase()).isNotEqualTo(Phase.CONNECTED);
        assertThat(storeLog).containsExactly("load ZZZZ");
        assertThat(host.loadedRooms()).isEmpty();
    }
}
