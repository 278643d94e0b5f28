package dev.apwire.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apwire.changes.HubConfig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The relay's bytes on the wire, read by raw sockets ({@link RawWebSocket}), no WebSocket library in between: a snapshot of about 200 KB of
 * 1- to 4-byte UTF-8 sequences sent unasked right after the {@code 101}, to twenty readers at once, and one large
 * multi-byte broadcast whose encoded bytes the relay shares across its recipients (the connection layer,
 * {@link PeerConnection}, is the Archipelago server's too). Every frame is well formed and
 * unmasked, every message strict UTF-8 with the exact text, the broadcast byte-identical for every recipient. This
 * is apwire's side of the "Invalid UTF-8" the JDK WebSocket client reported under load: the fault was the JDK's
 * (it loses socket reads that arrive during its hand-over from HTTP to WebSocket; see the client README).
 */
@Timeout(60)
class RelayWireBytesTest {

    private static final Pattern TOKEN = Pattern.compile("[0-9a-f]{32}");
    private RelayServer relay;

    @BeforeEach
    void start() throws Exception {
        relay = RelayServer.start("127.0.0.1", 0,
                new HubConfig(Duration.ofMillis(50), Duration.ofSeconds(20), 25, 64, 1000, 64, 64, 1000, 4L << 20));
    }

    @AfterEach
    void stop() throws Exception {
        relay.close();
    }

    /** {@return 1000 chars (UTF-16 units) of 1-, 2-, 3- and 4-byte UTF-8 sequences, starting with a tag} */
    private static String value(String tag) {
        StringBuilder b = new StringBuilder(tag);
        while (b.length() < 990) {
            b.append("a\u00e9\u6f22\ud83d\ude00");
        }
        String head = b.substring(0, Character.isHighSurrogate(b.charAt(989)) ? 989 : 990);
        return head + "0123456789X".substring(0, 1000 - head.length());
    }

    /** {@return how many of the values the text holds} */
    private static long held(String text, List<String> values) {
        return values.stream().filter(text::contains).count();
    }

    /** {@return a raw client on the relay, its upgrade checked: no extension, so every RSV bit must stay zero} */
    private static RawWebSocket open(int port) throws IOException {
        RawWebSocket peer = RawWebSocket.connect(port, "/ws", null, Duration.ofSeconds(20));
        assertThat(peer.head()).startsWith("HTTP/1.1 101 ").doesNotContainIgnoringCase("Sec-WebSocket-Extensions");
        return peer;
    }

    /** {@return the next text message: its frames checked, pings between them skipped} */
    private static byte[] nextBytes(RawWebSocket peer) throws IOException {
        ByteArrayOutputStream message = new ByteArrayOutputStream();
        boolean first = true;
        while (true) {
            RawWebSocket.Frame f = peer.nextFrame();
            assertThat(f.rsv()).as("RSV bits").isZero();
            assertThat(f.masked()).as("server frames are not masked").isFalse();
            assertThat(f.minimalLength()).as("minimal length").isTrue();
            if (f.isPing()) { // a ping between fragments or messages
                continue;
            }
            assertThat(f.opcode()).as("frame opcode").isEqualTo(first ? RawWebSocket.TEXT : RawWebSocket.CONTINUATION);
            first = false;
            message.writeBytes(f.payload());
            if (f.fin()) {
                return message.toByteArray();
            }
        }
    }

    /** {@return the next text message, its bytes decoded as strict UTF-8} */
    private static String next(RawWebSocket peer) throws IOException {
        byte[] bytes = nextBytes(peer);
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new AssertionError("a message that is not UTF-8: " + e, e);
        }
    }

    /** {@return a peer's token: the last one its snapshot opens} */
    private static String ownToken(String snapshot) {
        Matcher m = TOKEN.matcher(snapshot);
        String last = null;
        while (m.find()) {
            last = m.group();
        }
        assertThat(last).isNotNull();
        return last;
    }

    @Test
    void largeMultiByteSnapshotsAndSharedBroadcastsAreExactOnTheWire() throws Exception {
        List<RawWebSocket> peers = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<String> values = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                RawWebSocket writer = open(relay.port());
                peers.add(writer);
                next(writer);
                StringBuilder update = new StringBuilder("{\"to\":\"server\",\"type\":\"changes\",\"data\":{");
                for (int p = 0; p < 25; p++) {
                    String v = value("w" + w + "p" + p + ":");
                    values.add(v);
                    update.append(p == 0 ? "" : ",").append("\"p").append(p).append("\":\"").append(v).append('"');
                }
                writer.sendText(update.append("}}").toString());
            }
            // a newcomer's snapshot holds all 100 values once the relay applied the updates
            String probe = "";
            for (int i = 0; i < 100 && held(probe, values) < values.size(); i++) {
                Thread.sleep(50);
                try (RawWebSocket p = open(relay.port())) {
                    probe = next(p);
                }
            }
            assertThat(held(probe, values)).as("values in a newcomer's snapshot").isEqualTo(values.size());
            assertThat(probe.getBytes(StandardCharsets.UTF_8).length).as("snapshot bytes").isGreaterThan(190_000);

            List<Future<RawWebSocket>> joining = new ArrayList<>();
            List<String> snapshots = java.util.Collections.synchronizedList(new ArrayList<>());
            for (int r = 0; r < 20; r++) {
                joining.add(pool.submit(() -> {
                    RawWebSocket p = open(relay.port());
                    snapshots.add(next(p));
                    return p;
                }));
            }
            List<RawWebSocket> readers = new ArrayList<>();
            for (Future<RawWebSocket> f : joining) {
                readers.add(f.get(30, TimeUnit.SECONDS));
            }
            peers.addAll(readers);
            for (String s : snapshots) {
                assertThat(held(s, values)).as("values in a reader's snapshot").isEqualTo(values.size());
            }

            List<String> tokens = new ArrayList<>();
            for (String s : snapshots) {
                tokens.add(ownToken(s));
            }
            String blob = value("blob:").repeat(20);
            peers.get(0).sendText("{\"to\":[\"" + String.join("\",\"", tokens) + "\"],\"type\":\"blob\",\"data\":\"" + blob + "\"}");
            List<Future<byte[]>> received = new ArrayList<>();
            for (RawWebSocket reader : readers) {
                received.add(pool.submit(() -> {
                    while (true) {
                        byte[] m = nextBytes(reader);
                        String text = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(m)).toString();
                        if (text.contains("\"blob\"")) {
                            return m;
                        }
                    }
                }));
            }
            byte[] first = received.get(0).get(30, TimeUnit.SECONDS);
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(first)).toString();
            assertThat(text.contains(blob)).as("the broadcast holds the blob").isTrue();
            for (Future<byte[]> f : received) {
                assertThat(f.get(30, TimeUnit.SECONDS)).as("the broadcast's bytes, as every recipient read them").isEqualTo(first);
            }
        } finally {
            pool.shutdownNow();
            for (RawWebSocket p : peers) {
                p.close();
            }
        }
    }
}
