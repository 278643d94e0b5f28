package dev.apwire.server.bench;

import dev.apwire.protocol.ClientTags;
import dev.apwire.protocol.ItemsHandling;
import dev.apwire.protocol.LongList;
import dev.apwire.protocol.NetworkVersion;
import dev.apwire.protocol.client.ConnectPacket;
import dev.apwire.protocol.client.LocationChecksPacket;
import dev.apwire.protocol.server.ServerCommand;
import dev.apwire.protocol.server.ServerPacket;
import dev.apwire.server.ArchipelagoRoom;
import dev.apwire.server.Multiworld;
import dev.apwire.server.RoomDelivery;
import dev.apwire.server.RoomStep;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The room's hot paths on the load generator's 100-slot world ({@link World100}), through the room's public
 * API only ({@code open}, {@code receive}, {@code close}): the work the example server's room thread does
 * per event, without sockets or encoding.
 *
 * <ul>
 *   <li>{@link #locationCheck}: one slot checks one location while all 100 slots are connected; the item goes
 *       to its receiver and, unless the clients are tagged {@code NoText}, an ItemSend text to all 100 (the
 *       load generator's {@code checks} and {@code checks --notext} scenarios). Slots check in turn, each its
 *       next location; when all 10,000 are checked the room is rebuilt (once per 10,000 operations), so the
 *       figure is the mean over a room filling from empty to full.
 *   <li>{@link #login}: a socket opens, logs into slot 1 and closes while the 99 other slots are connected
 *       (RoomInfo, Connected, ReceivedItems, the join and part texts to everyone).
 *   <li>{@link #loginStorm}: a fresh room (on the multiworld built once) and 100 sockets logging in one after
 *       the other (the {@code login} scenario's server-side work).
 * </ul>
 *
 * <p>Not part of the test run (surefire excludes {@code bench}); run it with the command in
 * {@code bench/README.md}. Each benchmark checks in its setup that the room answered as expected.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class RoomBenchmark {

    /** The clients' tags: {@code text} (ItemSend texts to everyone) or {@code notext} (tagged NoText). */
    @Param({"text", "notext"})
    public String tags;

    private static final NetworkVersion VERSION = new NetworkVersion(0, 6, 2);

    private final Instant now = Instant.parse("2026-01-01T00:00:00Z");
    private final Multiworld world = World100.create();
    private ArchipelagoRoom<Integer> room = new ArchipelagoRoom<>(world);
    private final Integer[] connections = new Integer[World100.SLOTS + 1];
    private int nextSlot;
    private final int[] nextLocation = new int[World100.SLOTS + 1];
    private int loginConnection = 1_000_000;

    /** Creates the benchmark's state; {@link #setUp} fills it. */
    public RoomBenchmark() {
    }

    private List<String> clientTags() {
        return tags.equals("notext") ? List.of(ClientTags.AP, ClientTags.NO_TEXT) : List.of(ClientTags.AP);
    }

    private ConnectPacket connect(int slot) {
        return new ConnectPacket(World100.PASSWORD, World100.game(slot), World100.name(slot), "bench-" + slot, VERSION,
                ItemsHandling.ALL, clientTags(), false);
    }

    /** Builds a fresh room with one connection per slot, every one logged in, and checks it answered. */
    @Setup(Level.Iteration)
    public void setUp() {
        room = new ArchipelagoRoom<>(world);
        for (int s = 1; s <= World100.SLOTS; s++) {
            connections[s] = 10_000 + s;
            room.open(connections[s], now);
            RoomStep<Integer> step = room.receive(connections[s], connect(s), now);
            requireSent(step, connections[s], ServerCommand.CONNECTED);
            nextLocation[s] = 0;
        }
        nextSlot = 1;
        // one check to see the fan-out: the receiver gets its item, and with text everyone gets the ItemSend
        RoomStep<Integer> step = check();
        int receiver = 2; // slot 1's first location holds an item for slot 2
        requireSent(step, connections[receiver], ServerCommand.RECEIVED_ITEMS);
        long texts = step.deliveries().stream()
                .filter(d -> d.frame().stream().anyMatch(p -> p.command() == ServerCommand.PRINT_JSON)).count();
        long expected = tags.equals("notext") ? 0 : World100.SLOTS;
        if (texts != expected) {
            throw new IllegalStateException("a check sent ItemSend to " + texts + " connections, expected " + expected);
        }
    }

    private static void requireSent(RoomStep<Integer> step, Integer connection, ServerCommand command) {
        for (RoomDelivery<Integer> d : step.deliveries()) {
            if (d.connection().equals(connection)) {
                for (ServerPacket p : d.frame()) {
                    if (p.command() == command) {
                        return;
                    }
                }
            }
        }
        throw new IllegalStateException("the room did not send " + command + " to " + connection + ": " + step);
    }

    private RoomStep<Integer> check() {
        int slot = nextSlot;
        if (nextLocation[slot] == World100.LOCATIONS) {
            setUp(); // every location checked: start over with a fresh room (once per 10,000 checks)
            slot = nextSlot;
        }
        long location = World100.location(slot, nextLocation[slot]++);
        nextSlot = slot == World100.SLOTS ? 1 : slot + 1;
        return room.receive(connections[slot], new LocationChecksPacket(LongList.of(location)), now);
    }

    /** {@return the room's step} One location check fanned out to the 100 connected slots. */
    @Benchmark
    public RoomStep<Integer> locationCheck() {
        return check();
    }

    /** {@return the last step} A socket opens, logs into slot 1 (whose other socket stays) and closes. */
    @Benchmark
    public RoomStep<Integer> login() {
        Integer c = loginConnection++;
        room.open(c, now);
        room.receive(c, connect(1), now);
        return room.close(c, now);
    }

    /** {@return the room} A fresh room and 100 logins, one per slot. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public ArchipelagoRoom<Integer> loginStorm() {
        ArchipelagoRoom<Integer> fresh = new ArchipelagoRoom<>(world);
        for (int s = 1; s <= World100.SLOTS; s++) {
            fresh.open(s, now);
            fresh.receive(s, connect(s), now);
        }
        return fresh;
    }
}
