package dev.apwire.examples;

import dev.apwire.client.Transport;
import dev.apwire.server.ArchipelagoRoom;
import dev.apwire.server.RoomConfig;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * The example server's socket warm-up, after {@link Warmup}: before the real server listens, a throwaway server of a
 * throwaway room of the same multiworld is started on a loopback port chosen by the system, and a few hundred
 * WebSocket connections open to it (HTTP upgrade with permessage-deflate), each reading the room's
 * {@code RoomInfo} and closing. {@link Warmup} compiles the room, codec and compression; this compiles Jetty's
 * accept, HTTP parsing, upgrade and WebSocket setup, which otherwise run interpreted for the first couple of hundred
 * connections: measured on the 100-socket login storm, about a third of the server's CPU.
 *
 * <p>The throwaway server and its room are closed before the real server starts; the real room is never touched,
 * and no real port is opened. Best effort and bounded: at most {@link #SOCKETS} connections, {@link #BATCH} at a
 * time, stopped at {@link #BUDGET}; a failure ends the warm-up early and the server starts anyway. Called once, on
 * the thread starting the server; the connections' callbacks run on Jetty's threads.
 */
final class SocketWarmup {

    /** The most the socket warm-up takes. */
    static final Duration BUDGET = Duration.ofSeconds(3);
    /** Connections opened in all (Jetty's code is compiled after about two hundred uses). */
    static final int SOCKETS = 400;
    /** Connections open at once. */
    static final int BATCH = 50;

    private SocketWarmup() {
    }

    /**
     * Runs the socket warm-up.
     *
     * @param live the room the server will serve (read only: its multiworld and options)
     * @param limits the connection limits the real server will use
     * @return how many connections received their {@code RoomInfo}
     */
    static int run(ArchipelagoRoom<Long> live, ConnectionLimits limits) {
        long deadline = System.nanoTime() + BUDGET.toNanos();
        ArchipelagoRoom<Long> room = new ArchipelagoRoom<>(live.multiworld(), RoomConfig.DEFAULT, live.options(),
                new SplittableRandom(0));
        int received = 0;
        try (ExampleServer server = ExampleServer.start("127.0.0.1", 0, room, null, limits);
                JettyTransport client = new JettyTransport(limits.maxMessageBytes(), note -> { })) {
            URI uri = URI.create("ws://127.0.0.1:" + server.port() + "/");
            int opened = 0;
            while (opened < SOCKETS && System.nanoTime() < deadline) {
                List<CompletableFuture<Boolean>> batch = new ArrayList<>(BATCH);
                for (int i = 0; i < BATCH && opened < SOCKETS; i++, opened++) {
                    batch.add(roomInfo(client, uri));
                }
                CompletableFuture.allOf(batch.toArray(new CompletableFuture<?>[0]))
                        .get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                for (CompletableFuture<Boolean> f : batch) {
                    if (f.join()) {
                        received++;
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // best effort: a warm-up that could not finish only leaves more code to compile later
        }
        return received;
    }

    /** Opens one connection that closes after its first message; completes with whether one came. */
    private static CompletableFuture<Boolean> roomInfo(JettyTransport client, URI uri) {
        CompletableFuture<Boolean> done = new CompletableFuture<>();
        client.open(uri, List.of(), new Transport.Listener() {
            private Transport.@Nullable Connection connection;

            @Override
            public void onOpen(Transport.Connection c) {
                connection = c;
            }

            @Override
            public CompletionStage<?> onText(String message) {
                done.complete(true);
                Transport.Connection c = connection;
                if (c != null) {
                    c.close("warm-up");
                }
                return CompletableFuture.completedFuture(null);
            }

            @Override
            public void onClosed(int code, String reason) {
                done.complete(false);
            }
        }).whenComplete((c, e) -> {
            if (e != null) {
                done.complete(false);
            }
        });
        return done;
    }
}
