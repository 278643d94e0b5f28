package dev.apwire.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apwire.examples.AttackPeers.Child;
import dev.apwire.examples.AttackPeers.Peer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The relay's attacks of issue 10, scaled down, against the real relay in a child JVM with a 96 MB heap, while a
 * canary token relays a packet to itself every 100 ms: the canary answered at p99 under
 * {@link AttackSuiteTest#P99_BOUND_MS}, the heap back under {@link AttackSuiteTest#HEAP_BOUND} after GC, and no
 * {@code OutOfMemoryError} or stack trace printed.
 */
@Timeout(60)
class RelayAttackSuiteTest {

    private static final Pattern TOKEN = Pattern.compile("[0-9a-f]{32}");
    private static Child relay;

    @BeforeAll
    static void start() throws Exception {
        // snapshots stay under 64 KB: the relay sends a snapshot unasked right after the 101, and the JDK WebSocket
        // client of these peers can drop a socket read that arrives during its hand-over from HTTP/1.1 to WebSocket
        // (then "Invalid UTF-8 in frame TEXT" or a stall; the larger the first burst, the likelier). The fault is the
        // JDK's (client/README.md, "A JDK WebSocket fault"); raw-socket readers find the relay's bytes exact
        // (RelayWireBytesTest)
        relay = new Child("96m", "relay", "--port", "0", "--batch-ms", "50", "--max-queued-bytes", "524288",
                "--max-snapshot-bytes", "60000");
    }

    @AfterAll
    static void stop() {
        if (relay != null) {
            relay.close();
            assertThat(relay.err.toString()).doesNotContain("OutOfMemoryError").doesNotContain("Self-suppression")
                    .doesNotContain("\tat ");
        }
    }

    private static String url() {
        return "ws://127.0.0.1:" + relay.port + "/ws";
    }

    /** {@return a peer and its own token: the last token of its first snapshot} */
    private static Peer open(List<String> tokenOut) throws Exception {
        Peer p = Peer.open(url());
        String first;
        try {
            first = p.await(m -> m.contains("\"changes\""), Duration.ofSeconds(10));
        } catch (AssertionError e) {
            throw new AssertionError("no snapshot within 10 s; closed: " + p.closed.getNow(null) + " " + p.closeReason
                    + "; characters received: " + p.received.get());
        }
        Matcher m = TOKEN.matcher(first);
        String last = null;
        while (m.find()) {
            last = m.group();
        }
        tokenOut.add(last);
        return p;
    }

    /** A token relaying {@code {"n": i}} to itself every 100 ms and timing the echo. */
    private static final class RelayCanary extends AttackPeers.Probe {
        private final String token;

        RelayCanary() throws Exception {
            this(new ArrayList<>());
        }

        private RelayCanary(List<String> token) throws Exception {
            super(open(token), "echo", "relay-canary");
            this.token = token.get(0);
            start();
        }

        @Override
        String request(long n) {
            return "{\"to\":[\"" + token + "\"],\"type\":\"echo\",\"data\":{\"n\":" + n + "}}";
        }

        @Override
        boolean answers(long n, String frame) {
            return frame.contains("{\"n\":" + n + "}");
        }
    }

    private static void assertRecovered(RelayCanary canary) throws Exception {
        try {
            assertThat(canary.failures()).as("canary failures").isEmpty();
            assertThat(canary.p99()).as("canary p99 ms").isLessThan(AttackSuiteTest.P99_BOUND_MS);
            long heap = relay.heapAfterGc();
            System.out.printf("relay attack suite: canary p99 %d ms over %d echoes, heap after GC %.1f MB%n", canary.p99(),
                    canary.answers(), heap / 1048576.0);
            assertThat(heap).as("heap after GC").isLessThan(AttackSuiteTest.HEAP_BOUND);
            Peer fresh = open(new ArrayList<>());
            fresh.abort();
        } catch (Exception | AssertionError e) {
            System.err.println("relay stderr so far:\n" + relay.err);
            throw e;
        }
    }

    @Test
    void aTokenThatNeverReadsWhileEightSendersPostSixtyKilobyteMessagesToIt() throws Exception {
        ExecutorService pool = Executors.newCachedThreadPool();
        try (RelayCanary canary = new RelayCanary()) {
            List<String> tokens = new ArrayList<>();
            Peer sleeper = open(tokens);
            sleeper.keep = false;
            sleeper.reading = false;
            String packet = "{\"to\":[\"" + tokens.get(0) + "\"],\"type\":\"blob\",\"data\":\"" + "b".repeat(60_000) + "\"}";
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(4);
            List<Future<?>> senders = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                senders.add(pool.submit(() -> {
                    Peer p = open(new ArrayList<>());
                    p.keep = false;
                    while (System.nanoTime() < end && p.send(packet, Duration.ofSeconds(1))) {
                        // as fast as the socket takes them
                    }
                    p.abort();
                    return null;
                }));
            }
            for (Future<?> f : senders) {
                f.get(30, TimeUnit.SECONDS);
            }
            sleeper.resume();
            assertThat(sleeper.closed.get(15, TimeUnit.SECONDS)).as("the token that did not read is closed").isIn(1008, -1);
            sleeper.abort();
            assertRecovered(canary);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void manyTokensWithManyLargePropertiesCannotMakeSnapshotsQuadratic() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try (RelayCanary canary = new RelayCanary()) {
            StringBuilder props = new StringBuilder("{\"to\":\"server\",\"type\":\"changes\",\"data\":{");
            for (int i = 0; i < 25; i++) {
                props.append(i == 0 ? "" : ",").append("\"p").append(i).append("\":\"").append("v".repeat(1000)).append('"');
            }
            String update = props.append("}}").toString();
            AtomicInteger refused = new AtomicInteger();
            AtomicLong received = new AtomicLong();
            List<Peer> peers = Collections.synchronizedList(new ArrayList<>());
            List<Future<?>> joins = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                joins.add(pool.submit(() -> {
                    Peer p = open(new ArrayList<>());
                    peers.add(p);
                    p.send(update);
                    return null;
                }));
            }
            for (Future<?> f : joins) {
                f.get(30, TimeUnit.SECONDS);
            }
            Thread.sleep(1000);
            for (Peer p : peers) {
                received.addAndGet(p.received.get());
                for (String m : p.messages) {
                    if (m.contains("too_many_properties")) {
                        refused.incrementAndGet();
                    }
                }
                p.abort();
            }
            assertThat(refused.get()).as("updates refused by maxSnapshotBytes").isGreaterThan(90);
            // without the bound: 100 snapshots growing to 2.5 MB each, about 125 MB in all, and every update
            // broadcast to everyone
            assertThat(received.get()).as("characters the attackers received").isLessThan(20L << 20);
            assertRecovered(canary);
        } finally {
            pool.shutdownNow();
        }
    }
}
