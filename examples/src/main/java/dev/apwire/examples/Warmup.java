package dev.apwire.examples;

import dev.apwire.codec.ArchipelagoCodec;
import dev.apwire.codec.Decoded;
import dev.apwire.codec.MalformedFrameException;
import dev.apwire.protocol.ClientTags;
import dev.apwire.protocol.ItemsHandling;
import dev.apwire.protocol.LongList;
import dev.apwire.protocol.NetworkSlot;
import dev.apwire.protocol.NetworkVersion;
import dev.apwire.protocol.client.ClientPacket;
import dev.apwire.protocol.client.ConnectPacket;
import dev.apwire.protocol.client.LocationChecksPacket;
import dev.apwire.protocol.server.ServerPacket;
import dev.apwire.server.ArchipelagoRoom;
import dev.apwire.server.RoomConfig;
import dev.apwire.server.RoomDelivery;
import dev.apwire.server.RoomOptions;
import dev.apwire.server.RoomStep;
import dev.apwire.server.SlotWorld;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The example server's warm-up: before it listens, it plays a short game on a throwaway room of the same
 * multiworld, through the same codec, so that the JVM has loaded and compiled the hot path (decode, room,
 * encode, compression) before the first real client arrives. Without it the first seconds of a fresh server
 * (a login storm right after start) run interpreted code on a core shared with the JIT compiler.
 *
 * <p>The throwaway room is never reachable from a socket and is dropped afterwards; the real room is not touched.
 * Bounded: a few rounds of every slot logging in, checking a few locations, using data storage and chat, stopped
 * early at the time budget. Called once, on the thread starting the server; not thread-safe.
 */
final class Warmup {

    /** The most the warm-up takes. */
    static final Duration BUDGET = Duration.ofSeconds(3);
    /** Rounds of the whole game. */
    static final int ROUNDS = 3;

    private Warmup() {
    }

    /**
     * Runs the warm-up.
     *
     * @param live the room the server will serve (read only: its multiworld and options)
     * @param codec the server's codec
     * @return how many room steps were run
     */
    static int run(ArchipelagoRoom<Long> live, ArchipelagoCodec codec) {
        long deadline = System.nanoTime() + BUDGET.toNanos();
        RoomOptions options = live.options();
        Instant now = Instant.now();
        int steps = 0;
        long id = 1;
        for (int round = 0; round < ROUNDS && System.nanoTime() < deadline; round++) {
            ArchipelagoRoom<Long> room = new ArchipelagoRoom<>(live.multiworld(), RoomConfig.DEFAULT, options, new SplittableRandom(round));
            List<Long> open = new ArrayList<>();
            List<List<Long>> checks = new ArrayList<>();
            for (Map.Entry<Integer, NetworkSlot> e : live.multiworld().slots().entrySet()) {
                if (System.nanoTime() > deadline) {
                    break;
                }
                long c = id++;
                open.add(c);
                deliver(codec, room.open(c, "127.0.0.1", now));
                NetworkSlot slot = e.getValue();
                List<String> tags = round == 1 ? List.of(ClientTags.AP, ClientTags.NO_TEXT) : List.of(ClientTags.AP);
                ConnectPacket connect = new ConnectPacket(options.password(), slot.game(), slot.name(), "warmup-" + c,
                        new NetworkVersion(0, 6, 2), ItemsHandling.ALL, tags, false);
                deliver(codec, receive(codec, room, c, codec.encodeClientFrame(List.of(connect)), now));
                steps++;
                SlotWorld w = live.multiworld().worlds().get(e.getKey());
                List<Long> mine = new ArrayList<>();
                if (w != null) {
                    for (Long location : w.locations().keySet()) {
                        if (mine.size() == 3) {
                            break;
                        }
                        mine.add(location);
                    }
                }
                checks.add(mine);
            }
            for (int k = 0; k < 3; k++) {
                for (int i = 0; i < open.size() && System.nanoTime() < deadline; i++) {
                    long c = open.get(i);
                    List<Long> mine = checks.get(i);
                    if (k < mine.size()) {
                        LocationChecksPacket check = new LocationChecksPacket(LongList.of(mine.get(k)));
                        deliver(codec, receive(codec, room, c, codec.encodeClientFrame(List.of(check)), now));
                    }
                    deliver(codec, receive(codec, room, c, "[{\"cmd\":\"SetNotify\",\"keys\":[\"warmup\"]},"
                            + "{\"cmd\":\"Set\",\"key\":\"warmup\",\"default\":0,\"want_reply\":true,"
                            + "\"operations\":[{\"operation\":\"add\",\"value\":1}]},{\"cmd\":\"Get\",\"keys\":[\"warmup\"]}]", now));
                    if (i % 10 == 0) {
                        deliver(codec, receive(codec, room, c, "[{\"cmd\":\"Say\",\"text\":\"warming up\"}]", now));
                    }
                    steps += 2;
                }
            }
            for (long c : open) {
                deliver(codec, room.close(c, now));
            }
        }
        return steps;
    }

    private static RoomStep<Long> receive(ArchipelagoCodec codec, ArchipelagoRoom<Long> room, long c, String frame, Instant now) {
        List<Decoded<ClientPacket>> decoded;
        try {
            decoded = codec.decodeClientFrame(frame);
        } catch (MalformedFrameException e) {
            throw new IllegalStateException("the warm-up's own frame is malformed: " + frame, e);
        }
        List<ClientPacket> packets = new ArrayList<>();
        for (Decoded<ClientPacket> d : decoded) {
            if (d instanceof Decoded.Ok<ClientPacket> ok) {
                packets.add(ok.packet());
            }
        }
        return room.receive(c, packets, now);
    }

    /** Encodes (and compresses) each distinct frame once, as the server's delivery does. */
    private static void deliver(ArchipelagoCodec codec, RoomStep<Long> step) {
        Map<List<ServerPacket>, OutFrame> encoded = new IdentityHashMap<>();
        for (RoomDelivery<Long> d : step.deliveries()) {
            encoded.computeIfAbsent(d.frame(), f -> new OutFrame(codec.encodeServerFrameBytes(f))).deflated();
        }
    }
}
