package dev.apwire.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apwire.changes.HubConfig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The relay's bytes on the wire, read by raw sockets, no WebSocket library in between: a snapshot of about 200 KB of
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

    /** A WebSocket client on a plain socket: frames checked by hand, text decoded strictly. */
    private static final class RawPeer implements AutoCloseable {
        final Socket socket;
        final InputStream in;
        final OutputStream out;

        RawPeer(int port) throws IOException {
            socket = new Socket(InetAddress.getLoopbackAddress(), port);
            socket.setSoTimeout(20_000);
            in = socket.getInputStream();
            out = socket.getOutputStream();
            byte[] key = new byte[16];
            ThreadLocalRandom.current().nextBytes(key);
            out.write(("GET /ws HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Key: " + Base64.getEncoder().encodeToString(key) + "\r\nSec-WebSocket-Version: 13\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
                int c = in.read();
                assertThat(c).as("the response goes on").isNotNegative();
                head.write(c);
            }
            assertThat(head.toString(StandardCharsets.ISO_8859_1)).startsWith("HTTP/1.1 101 ")
                    .doesNotContainIgnoringCase("Sec-WebSocket-Extensions");
        }

        /** {@return the next text message: its frames checked, its bytes strict UTF-8} */
        byte[] nextBytes() throws IOException {
            ByteArrayOutputStream message = new ByteArrayOutputStream();
            boolean first = true;
            while (true) {
                int b0 = in.read();
                int b1 = in.read();
                assertThat(b1).as("a frame header").isNotNegative();
                int opcode = b0 & 0x0f;
                assertThat(b0 & 0x70).as("RSV bits").isZero();
                assertThat(b1 & 0x80).as("server frames are not masked").isZero();
                long n = b1 & 0x7f;
                if (n == 126) {
                    n = ByteBuffer.wrap(in.readNBytes(2)).getShort() & 0xffff;
                    assertThat(n).as("minimal length").isGreaterThanOrEqualTo(126);
                } else if (n == 127) {
                    n = ByteBuffer.wrap(in.readNBytes(8)).getLong();
                    assertThat(n).as("minimal length").isBetween(65_536L, 16L << 20);
                }
                byte[] payload = in.readNBytes((int) n);
                assertThat(payload).as("the whole payload").hasSize((int) n);
                if (opcode == 9) { // a ping between fragments or messages
                    continue;
                }
                assertThat(opcode).as("frame opcode").isEqualTo(first ? 1 : 0);
                first = false;
                message.writeBytes(payload);
                if ((b0 & 0x80) != 0) {
                    return message.toByteArray();
                }
            }
        }

        String next() throws IOException {
            byte[] bytes = nextBytes();
            try {
                return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            } catch (CharacterCodingException e) {
                throw new AssertionError("a message that is not UTF-8: " + e, e);
            }
        }

        /** Sends one masked text frame. */
        void send(String text) throws IOException {
            byte[] p = text.getBytes(StandardCharsets.UTF_8);
            ByteArrayOutputStream o = new ByteArrayOutputStream(p.length + 14);
            o.write(0x81);
            if (p.length < 126) {
                o.write(0x80 | p.length);
            } else if (p.length < 65_536) {
                o.write(0x80 | 126);
                o.write(p.length >>> 8);
                o.write(p.length & 0xff);
            } else {
                o.write(0x80 | 127);
                o.writeBytes(ByteBuffer.allocate(8).putLong(p.length).array());
            }
            byte[] mask = new byte[4];
            ThreadLocalRandom.current().nextBytes(mask);
            o.writeBytes(mask);
            for (int i = 0; i < p.length; i++) {
                o.write(p[i] ^ mask[i & 3]);
            }
            out.write(o.toByteArray());
            out.flush();
        }

        /** {@return this peer's token: the last one its snapshot opens} */
        static String ownToken(String snapshot) {
            Matcher m = TOKEN.matcher(snapshot);
            String last = null;
            while (m.find()) {
                last = m.group();
            }
            assertThat(last).isNotNull();
            return last;
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    @Test
    void largeMultiByteSnapshotsAndSharedBroadcastsAreExactOnTheWire() throws Exception {
        List<RawPeer> peers = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<String> values = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                RawPeer writer = new RawPeer(relay.port());
                peers.add(writer);
                writer.next();
                StringBuilder update = new StringBuilder("{\"to\":\"server\",\"type\":\"changes\",\"data\":{");
                for (int p = 0; p < 25; p++) {
                    String v = value("w" + w + "p" + p + ":");
                    values.add(v);
                    update.append(p == 0 ? "" : ",").append("\"p").append(p).append("\":\"").append(v).append('"');
                }
                writer.send(update.append("}}").toString());
            }
            // a newcomer's snapshot holds all 100 values once the relay applied the updates
            String probe = "";
            for (int i = 0; i < 100 && held(probe, values) < values.size(); i++) {
                Thread.sleep(50);
                try (RawPeer p = new RawPeer(relay.port())) {
                    probe = p.next();
                }
            }
            assertThat(held(probe, values)).as("values in a newcomer's snapshot").isEqualTo(values.size());
            assertThat(probe.getBytes(StandardCharsets.UTF_8).length).as("snapshot bytes").isGreaterThan(190_000);

            List<Future<RawPeer>> joining = new ArrayList<>();
            List<String> snapshots = java.util.Collections.synchronizedList(new ArrayList<>());
            for (int r = 0; r < 20; r++) {
                joining.add(pool.submit(() -> {
                    RawPeer p = new RawPeer(relay.port());
                    snapshots.add(p.next());
                    return p;
                }));
            }
            List<RawPeer> readers = new ArrayList<>();
            for (Future<RawPeer> f : joining) {
                readers.add(f.get(30, TimeUnit.SECONDS));
            }
            peers.addAll(readers);
            for (String s : snapshots) {
                assertThat(held(s, values)).as("values in a reader's snapshot").isEqualTo(values.size());
            }

            List<String> tokens = new ArrayList<>();
            for (String s : snapshots) {
                tokens.add(RawPeer.ownToken(s));
            }
            String blob = value("blob:").repeat(20);
            peers.get(0).send("{\"to\":[\"" + String.join("\",\"", tokens) + "\"],\"type\":\"blob\",\"data\":\"" + blob + "\"}");
            List<Future<byte[]>> received = new ArrayList<>();
            for (RawPeer reader : readers) {
                received.add(pool.submit(() -> {
                    while (true) {
                        byte[] m = reader.nextBytes();
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
            for (RawPeer p : peers) {
                p.close();
            }
        }
    }
}
