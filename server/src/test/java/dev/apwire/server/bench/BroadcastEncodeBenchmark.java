package dev.apwire.server.bench;

import dev.apwire.codec.ArchipelagoCodec;
import dev.apwire.protocol.ClientTags;
import dev.apwire.protocol.ItemsHandling;
import dev.apwire.protocol.LongList;
import dev.apwire.protocol.NetworkVersion;
import dev.apwire.protocol.client.ConnectPacket;
import dev.apwire.protocol.client.LocationChecksPacket;
import dev.apwire.protocol.server.ServerPacket;
import dev.apwire.server.ArchipelagoRoom;
import dev.apwire.server.RoomDelivery;
import dev.apwire.server.RoomStep;
import java.time.Instant;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Encoding one room step of a location check fanned out to 100 connections ({@link World100}, ItemSend texts
 * to everyone; 102 deliveries, 3 distinct frames): a driver that encodes each recipient's frame
 * ({@link #encodePerRecipient}) against one that encodes each distinct frame once and shares the bytes, finding
 * the recipients of one frame by identity ({@link #encodeOncePerFrameByIdentity}: the room hands every recipient
 * of a broadcast the same list) or by value ({@link #encodeOncePerFrameByValue}: what a driver must do if a room
 * built a frame per recipient; hashing deep records is not free). The difference is what encoding a broadcast
 * once saves per check. Not part of the test run.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class BroadcastEncodeBenchmark {

    private final ArchipelagoCodec codec = ArchipelagoCodec.create();
    private List<RoomDelivery<Integer>> deliveries = List.of();

    /** Creates the benchmark's state; {@link #setUp} fills it. */
    public BroadcastEncodeBenchmark() {
    }

    /** Logs 100 slots in and keeps the deliveries of one check, checking it reached everyone. */
    @Setup
    public void setUp() {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        ArchipelagoRoom<Integer> room = new ArchipelagoRoom<>(World100.create());
        for (int s = 1; s <= World100.SLOTS; s++) {
            room.open(s, now);
            room.receive(s, new ConnectPacket(World100.PASSWORD, World100.game(s), World100.name(s), "bench-" + s,
                    new NetworkVersion(0, 6, 2), ItemsHandling.ALL, List.of(ClientTags.AP), false), now);
        }
        RoomStep<Integer> step = room.receive(1, new LocationChecksPacket(LongList.of(World100.location(1, 0))), now);
        deliveries = step.deliveries();
        if (deliveries.size() < World100.SLOTS) {
            throw new IllegalStateException("a check reached " + deliveries.size() + " connections, expected all 100");
        }
    }

    /**
     * Every recipient's frame encoded on its own.
     *
     * @param bh the sink
     */
    @Benchmark
    public void encodePerRecipient(Blackhole bh) {
        for (RoomDelivery<Integer> d : deliveries) {
            bh.consume(codec.encodeServerFrameBytes(d.frame()));
        }
    }

    /**
     * Each frame instance encoded once, its bytes shared by the recipients of the same instance.
     *
     * @param bh the sink
     */
    @Benchmark
    public void encodeOncePerFrameByIdentity(Blackhole bh) {
        Map<List<ServerPacket>, byte[]> encoded = new IdentityHashMap<>();
        for (RoomDelivery<Integer> d : deliveries) {
            bh.consume(encoded.computeIfAbsent(d.frame(), codec::encodeServerFrameBytes));
        }
    }

    /**
     * Each distinct frame encoded once, its bytes shared by the recipients of an equal frame.
     *
     * @param bh the sink
     */
    @Benchmark
    public void encodeOncePerFrameByValue(Blackhole bh) {
        Map<List<ServerPacket>, byte[]> encoded = new HashMap<>();
        for (RoomDelivery<Integer> d : deliveries) {
            bh.consume(encoded.computeIfAbsent(d.frame(), codec::encodeServerFrameBytes));
        }
    }
}
