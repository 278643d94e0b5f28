package dev.apwire.client;

import dev.apwire.codec.ArchipelagoCodec;
import dev.apwire.codec.Decoded;
import dev.apwire.codec.MalformedFrameException;
import dev.apwire.json.JsonObject;
import dev.apwire.json.JsonValue;
import dev.apwire.protocol.ItemsHandling;
import dev.apwire.protocol.LongList;
import dev.apwire.protocol.NetworkVersion;
import dev.apwire.protocol.client.ClientCommand;
import dev.apwire.protocol.client.ClientPacket;
import dev.apwire.protocol.client.ConnectPacket;
import dev.apwire.protocol.client.LocationChecksPacket;
import dev.apwire.protocol.client.SetPacket;
import dev.apwire.protocol.DataStorageOperation;
import dev.apwire.protocol.OperationType;
import dev.apwire.protocol.server.ServerPacket;
import dev.apwire.server.ArchipelagoRoom;
import dev.apwire.server.Multiworld;
import dev.apwire.server.RoomAction;
import dev.apwire.server.RoomClose;
import dev.apwire.server.RoomDelivery;
import dev.apwire.server.RoomStep;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A {@link Transport} whose far end is a pure {@link ArchipelagoRoom} in this JVM: frames go through the codec
 * both ways, on one "network" thread that owns the room. Knobs: refuse opens, refuse the v2.0 subprotocol,
 * swallow commands (no answer: timeouts), drop every connection from the server side, and a hook that sees
 * every frame the client sends (the simulation drops sockets there). A second player ("Bob") is a raw
 * connection driven by the test.
 */
final class RoomTransport implements Transport, AutoCloseable {

    final ArchipelagoRoom<Integer> room;
    final ExecutorService net = Executors.newSingleThreadExecutor(r -> new Thread(r, "fake-net"));
    private final ArchipelagoCodec codec = ArchipelagoCodec.create();
    private final Map<Integer, Conn> conns = new HashMap<>();
    private int nextId = 1;
    private int bob = -1;

    volatile int failOpens;
    volatile boolean answerPings = true;
    volatile boolean acceptV2 = true;
    final Set<ClientCommand> swallow = ConcurrentHashMap.newKeySet();
    final List<ClientPacket> received = new CopyOnWriteArrayList<>();
    final List<URI> opened = new CopyOnWriteArrayList<>();
    final List<List<String>> offered = new CopyOnWriteArrayList<>();
    /** Asked before each client frame is processed; {@code true} drops the connection and loses the frame. */
    volatile java.util.function.Predicate<Conn> dropOnFrame = c -> false;

    RoomTransport(Multiworld world) {
        this.room = new ArchipelagoRoom<>(world);
    }

    /** One connection seen from the server. */
    final class Conn implements Connection {
        final int id;
        final Transport.Listener listener;
        final String subprotocol;
        boolean ended;

        Conn(int id, Transport.Listener listener, String subprotocol) {
            this.id = id;
            this.listener = listener;
            this.subprotocol = subprotocol;
        }

        @Override
        public String subprotocol() {
            return subprotocol;
        }

        @Override
        public CompletionStage<?> sendText(String text) {
            CompletableFuture<Void> sent = new CompletableFuture<>();
            net.execute(() -> {
                if (ended) {
                    sent.completeExceptionally(new IOException("closed"));
                    return;
                }
                sent.complete(null);
                if (dropOnFrame.test(this)) {
                    end(1006, "dropped in flight");
                    return;
                }
                List<Decoded<ClientPacket>> packets;
                try {
                    packets = codec.decodeClientFrame(text);
                } catch (MalformedFrameException e) {
                    throw new AssertionError("the client sent a malformed frame: " + text, e);
                }
                for (Decoded<ClientPacket> d : packets) {
                    ClientPacket p = ((Decoded.Ok<ClientPacket>) d).packet();
                    received.add(p);
                    if (!ended && room.isOpen(id) && !swallow.contains(p.command())) {
                        apply(room.receive(id, p, Instant.now()));
                    }
                }
            });
            return sent;
        }

        @Override
        public CompletionStage<?> ping() {
            CompletableFuture<Void> sent = new CompletableFuture<>();
            net.execute(() -> {
                sent.complete(null);
                if (answerPings && !ended) {
                    listener.onPong();
                }
            });
            return sent;
        }

        @Override
        public void close(String reason) {
            net.execute(() -> end(1000, reason));
        }

        @Override
        public void abort() {
            net.execute(() -> end(1006, "aborted"));
        }

        /** Ends the connection (on the network thread). */
        void end(int code, String reason) {
            if (ended) {
                return;
            }
            ended = true;
            conns.remove(id);
            apply(room.close(id, Instant.now()));
            listener.onClosed(code, reason);
        }
    }

    @Override
    public CompletableFuture<Connection> open(URI uri, List<String> subprotocols, Transport.Listener listener) {
        CompletableFuture<Connection> f = new CompletableFuture<>();
        net.execute(() -> {
            opened.add(uri);
            offered.add(List.copyOf(subprotocols));
            if (failOpens > 0) {
                failOpens--;
                f.completeExceptionally(new IOException("Connection refused: " + uri));
                return;
            }
            int id = nextId++;
            Conn c = new Conn(id, listener, acceptV2 && subprotocols.contains("v2.0") ? "v2.0" : "");
            conns.put(id, c);
            listener.onOpen(c);
            f.complete(c);
            apply(room.open(id, Instant.now()));
        });
        return f;
    }

    private void apply(RoomStep<Integer> step) {
        for (RoomAction<Integer> a : step.actions()) {
            Conn c = conns.get(a.connection());
            if (a instanceof RoomDelivery<Integer> d) {
                if (c != null && !c.ended) {
                    c.listener.onText(codec.encodeServerFrame(d.frame()));
                }
            } else if (a instanceof RoomClose<Integer> && c != null) {
                c.end(1000, ((RoomClose<Integer>) a).reason());
            }
        }
    }

    /** Drops every client connection from the server side (code 1001), as a server restart would. */
    void drop() {
        call(() -> {
            for (Conn c : List.copyOf(conns.values())) {
                c.end(1001, "going away");
            }
            return null;
        });
    }

    /** {@return how many client connections are open} */
    int openConnections() {
        return call(() -> conns.size());
    }

    /** Logs Bob (slot 2) in on a raw connection whose deliveries are dropped. */
    void loginBob(Multiworld world, String name, String game) {
        call(() -> {
            bob = 10_000;
            room.open(bob, Instant.now());
            RoomStep<Integer> s = room.receive(bob, new ConnectPacket(world.password(), game, name, "bob-uuid",
                    new NetworkVersion(0, 6, 2), ItemsHandling.ALL, List.of("AP"), false, JsonObject.EMPTY), Instant.now());
            apply(s);
            return null;
        });
    }

    /** Bob checks locations of his world. */
    void bobChecks(long... locations) {
        call(() -> {
            apply(room.receive(bob, new LocationChecksPacket(LongList.of(locations)), Instant.now()));
            return null;
        });
    }

    /** Bob replaces a data storage key. */
    void bobSets(String key, JsonValue value) {
        call(() -> {
            apply(room.receive(bob, new SetPacket(key, JsonValue.of(0), JsonValue.of(false),
                    List.of(new DataStorageOperation(OperationType.REPLACE, value)), JsonObject.EMPTY), Instant.now()));
            return null;
        });
    }

    /** {@return a value computed on the network thread} */
    <T> T call(java.util.concurrent.Callable<T> task) {
        try {
            return net.submit(task).get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** {@return the packets of one type the client sent} */
    <P extends ClientPacket> List<P> packets(Class<P> type) {
        List<P> out = new ArrayList<>();
        for (ClientPacket p : received) {
            if (type.isInstance(p)) {
                out.add(type.cast(p));
            }
        }
        return out;
    }

    @Override
    public void close() {
        net.shutdownNow();
        try {
            net.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
