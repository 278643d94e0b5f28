package dev.apwire.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apwire.codec.ArchipelagoCodec;
import dev.apwire.codec.CodecLimits;
import dev.apwire.codec.Decoded;
import dev.apwire.protocol.server.ConnectedPacket;
import dev.apwire.protocol.server.ReceivedItemsPacket;
import dev.apwire.protocol.server.RetrievedPacket;
import dev.apwire.protocol.server.ServerPacket;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.Inflater;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The room server's outbound frames as a client sees them on the wire ({@link Coalescer}, {@link OutFrame},
 * {@link SharedDeflateExtension}): read by a raw socket ({@link RawWebSocket}) that negotiates permessage-deflate, so each frame's
 * {@code RSV1} bit and payload are visible. Small messages go out uncompressed, large ones compressed; the answers
 * of one frame's commands arrive as one message holding every packet, in order.
 */
@Timeout(30)
class CoalescedFramesTest {

    private static final ArchipelagoCodec CODEC = ArchipelagoCodec.create(CodecLimits.CLIENT_FRAMES);

    /** One message as read: whether it was compressed, and its text. */
    private record Message(boolean compressed, int payloadBytes, String text) {
    }

    /** {@return a raw client that offered permessage-deflate, its upgrade checked: accepted without context takeover} */
    private static RawWebSocket open(int port) throws IOException {
        RawWebSocket peer = RawWebSocket.connect(port, "/", "permessage-deflate; client_max_window_bits", Duration.ofSeconds(10));
        assertThat(peer.head()).startsWith("HTTP/1.1 101 ")
                .containsIgnoringCase("permessage-deflate").contains("server_no_context_takeover");
        return peer;
    }

    /** {@return the next text message, unfragmented, inflated if it was compressed; pings skipped} */
    private static Message next(RawWebSocket peer) throws Exception {
        while (true) {
            RawWebSocket.Frame f = peer.nextFrame();
            if (f.isPing()) {
                continue;
            }
            assertThat(f.opcode()).as("a text message").isEqualTo(RawWebSocket.TEXT);
            assertThat(f.fin()).as("in one frame (FIN)").isTrue();
            assertThat(f.rsv() & 3).as("RSV2, RSV3").isZero();
            byte[] payload = f.payload();
            String text = f.rsv1() ? inflate(payload) : new String(payload, StandardCharsets.UTF_8);
            return new Message(f.rsv1(), payload.length, text);
        }
    }

    /** Inflates one message compressed on its own (the server negotiated no context takeover). */
    private static String inflate(byte[] payload) throws Exception {
        Inflater inflater = new Inflater(true);
        try {
            byte[] in = new byte[payload.length + 4];
            System.arraycopy(payload, 0, in, 0, payload.length);
            in[payload.length + 2] = (byte) 0xff;
            in[payload.length + 3] = (byte) 0xff;
            inflater.setInput(in);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[4096];
            while (true) {
                int k = inflater.inflate(buf);
                out.write(buf, 0, k);
                if (k == 0 && (inflater.needsInput() || inflater.finished())) {
                    break;
                }
            }
            return out.toString(StandardCharsets.UTF_8);
        } finally {
            inflater.end();
        }
    }

    private static List<ServerPacket> packets(String text) throws Exception {
        List<ServerPacket> out = new ArrayList<>();
        for (Decoded<ServerPacket> d : CODEC.decodeServerFrame(text)) {
            assertThat(d).isInstanceOf(Decoded.Ok.class);
            out.add(((Decoded.Ok<ServerPacket>) d).packet());
        }
        return out;
    }

    @Test
    void smallMessagesGoUncompressedAndLargeOnesCompressed() throws Exception {
        try (ExampleServer server = ExampleServer.start("127.0.0.1", 0, DemoWorld.load());
                RawWebSocket peer = open(server.port())) {
            Message roomInfo = next(peer);
            assertThat(roomInfo.text()).startsWith("[{\"cmd\":\"RoomInfo\"");
            int roomInfoBytes = roomInfo.text().getBytes(StandardCharsets.UTF_8).length;
            assertThat(roomInfoBytes).isLessThan(OutFrame.COMPRESS_MIN_BYTES);
            assertThat(roomInfo.compressed()).as("a small message is sent as it is").isFalse();
            assertThat(roomInfo.payloadBytes()).isEqualTo(roomInfoBytes);

            peer.sendText("[{\"cmd\":\"GetDataPackage\"}]");
            Message one = next(peer);
            assertThat(one.text()).startsWith("[{\"cmd\":\"DataPackage\"").contains("Red Pebble", "Lantern Run");
            int oneBytes = one.text().getBytes(StandardCharsets.UTF_8).length;
            assertThat(oneBytes).isLessThan(OutFrame.COMPRESS_MIN_BYTES);
            assertThat(one.compressed()).isFalse();

            // two answers of one frame: one message, over the threshold, so compressed
            peer.sendText("[{\"cmd\":\"GetDataPackage\"},{\"cmd\":\"GetDataPackage\"}]");
            Message two = next(peer);
            int twoBytes = two.text().getBytes(StandardCharsets.UTF_8).length;
            assertThat(twoBytes).isEqualTo(2 * oneBytes - 1).isGreaterThanOrEqualTo(OutFrame.COMPRESS_MIN_BYTES);
            assertThat(two.compressed()).as("a large message is compressed").isTrue();
            assertThat(two.payloadBytes()).isLessThan(twoBytes);
            assertThat(two.text()).isEqualTo(one.text().substring(0, one.text().length() - 1) + "," + one.text().substring(1));
            assertThat(packets(two.text())).hasSize(2);

            // and a small one again: compression is per message, the two kinds mix on one connection
            peer.sendText("[{\"cmd\":\"GetDataPackage\"}]");
            Message again = next(peer);
            assertThat(again.compressed()).isFalse();
            assertThat(again.text()).isEqualTo(one.text());
        }
    }

    @Test
    void theAnswersOfOneBurstArriveAsOneMessageInOrder() throws Exception {
        try (ExampleServer server = ExampleServer.start("127.0.0.1", 0, DemoWorld.load());
                RawWebSocket peer = open(server.port())) {
            assertThat(next(peer).text()).startsWith("[{\"cmd\":\"RoomInfo\"");
            peer.sendText(AttackPeers.connect("Alice", "Pebble Quest", "sesame"));
            // the login's packets (Connected, the start inventory, then the Join and the rest) in one message
            List<ServerPacket> login = packets(next(peer).text());
            assertThat(login.size()).isGreaterThanOrEqualTo(3);
            assertThat(login.get(0)).isInstanceOf(ConnectedPacket.class);
            assertThat(login.get(1)).isInstanceOf(ReceivedItemsPacket.class);

            StringBuilder gets = new StringBuilder("[");
            for (int i = 1; i <= 6; i++) {
                gets.append(i == 1 ? "" : ",").append("{\"cmd\":\"Get\",\"keys\":[\"key").append(i).append("\"],\"n\":").append(i).append('}');
            }
            peer.sendText(gets.append(']').toString());
            Message answers = next(peer);
            List<ServerPacket> retrieved = packets(answers.text());
            assertThat(retrieved).hasSize(6).allSatisfy(p -> assertThat(p).isInstanceOf(RetrievedPacket.class));
            int at = -1;
            for (int i = 1; i <= 6; i++) {
                int next = answers.text().indexOf("\"key" + i + "\"");
                assertThat(next).as("key%d after key%d", i, i - 1).isGreaterThan(at);
                at = next;
            }
            assertThat(answers.compressed()).isFalse(); // six small answers are still a small message
        }
    }

    private static OutFrame frame(String text) {
        return new OutFrame(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String text(OutFrame f) {
        return StandardCharsets.UTF_8.decode(f.text()).toString();
    }

    private static List<String> texts(List<OutFrame> frames) {
        return frames.stream().map(CoalescedFramesTest::text).toList();
    }

    @Test
    void runsOfFramesMergeInOrderWithinTheBound() {
        OutFrame a = frame("[{\"cmd\":\"A\"}]");
        OutFrame b = frame("[{\"cmd\":\"B\"},{\"cmd\":\"B2\"}]");
        OutFrame empty = frame("[]");
        OutFrame c = frame("[{\"cmd\":\"C\",\"t\":\"é𝄞\"}]");
        OutFrame odd = frame("{\"not\":\"an array\"}");
        String big = "[{\"cmd\":\"Big\",\"t\":\"" + "x".repeat(30_000) + "\"}]";
        OutFrame big1 = frame(big);
        OutFrame big2 = frame(big);
        OutFrame big3 = frame(big);
        OutFrame huge = frame("[{\"cmd\":\"Huge\",\"t\":\"" + "y".repeat(OutFrame.MAX_COALESCED_BYTES) + "\"}]");

        Map<List<OutFrame>, OutFrame> merged = new HashMap<>();
        assertThat(Coalescer.coalesce(List.of(a), merged)).containsExactly(a);
        assertThat(texts(Coalescer.coalesce(List.of(a, b, empty, c), merged)))
                .containsExactly("[{\"cmd\":\"A\"},{\"cmd\":\"B\"},{\"cmd\":\"B2\"},{\"cmd\":\"C\",\"t\":\"é𝄞\"}]");
        assertThat(texts(Coalescer.coalesce(List.of(empty, a), merged))).containsExactly("[{\"cmd\":\"A\"}]");
        assertThat(texts(Coalescer.coalesce(List.of(empty, empty), merged))).containsExactly("[]");
        // a frame that is not an array as the codec writes it goes alone, in its place
        assertThat(Coalescer.coalesce(List.of(a, b, odd, c, a), merged))
                .hasSize(3).satisfies(l -> {
                    assertThat(text(l.get(0))).isEqualTo("[{\"cmd\":\"A\"},{\"cmd\":\"B\"},{\"cmd\":\"B2\"}]");
                    assertThat(l.get(1)).isSameAs(odd);
                    assertThat(text(l.get(2))).isEqualTo("[{\"cmd\":\"C\",\"t\":\"é𝄞\"},{\"cmd\":\"A\"}]");
                });
        // the bound: two 30 kB frames merge, a third starts the next message; a frame over the bound goes alone
        List<OutFrame> bounded = Coalescer.coalesce(List.of(big1, big2, big3, a, huge, b), merged);
        assertThat(bounded).hasSize(4);
        assertThat(bounded.get(0).length()).isEqualTo(2 * big1.length() - 1).isLessThanOrEqualTo(OutFrame.MAX_COALESCED_BYTES);
        assertThat(text(bounded.get(1))).isEqualTo(big.substring(0, big.length() - 1) + ",{\"cmd\":\"A\"}]");
        assertThat(bounded.get(2)).isSameAs(huge);
        assertThat(bounded.get(3)).isSameAs(b);
        for (OutFrame f : bounded) {
            assertThat(f.length()).isLessThanOrEqualTo(Math.max(OutFrame.MAX_COALESCED_BYTES, huge.length()));
        }
    }

    @Test
    void recipientsOfTheSameRunShareOneMergedFrame() {
        OutFrame join1 = frame("[{\"cmd\":\"PrintJSON\",\"type\":\"Join\",\"slot\":1}]");
        OutFrame join2 = frame("[{\"cmd\":\"PrintJSON\",\"type\":\"Join\",\"slot\":2}]");
        OutFrame connected = frame("[{\"cmd\":\"Connected\"}]");
        Map<List<OutFrame>, OutFrame> merged = new HashMap<>();
        List<OutFrame> first = Coalescer.coalesce(new ArrayList<>(List.of(join1, join2)), merged);
        List<OutFrame> second = Coalescer.coalesce(new ArrayList<>(List.of(join1, join2)), merged);
        assertThat(first).hasSize(1);
        assertThat(second).hasSize(1);
        assertThat(second.get(0)).as("one merged frame for every recipient of the run").isSameAs(first.get(0));
        assertThat(first.get(0).deflated()).isEqualTo(second.get(0).deflated());
        // a different run (a logging-in connection's own packets first) is its own frame
        List<OutFrame> own = Coalescer.coalesce(List.of(connected, join1, join2), merged);
        assertThat(own).hasSize(1);
        assertThat(own.get(0)).isNotSameAs(first.get(0));
        assertThat(text(own.get(0))).isEqualTo("[{\"cmd\":\"Connected\"},{\"cmd\":\"PrintJSON\",\"type\":\"Join\",\"slot\":1},"
                + "{\"cmd\":\"PrintJSON\",\"type\":\"Join\",\"slot\":2}]");
        // equal bytes in different frame objects are not the same run (sharing is by frame, as encoded once)
        OutFrame join1Again = frame(text(join1));
        assertThat(Coalescer.coalesce(List.of(join1Again, join2), merged).get(0)).isNotSameAs(first.get(0));
    }
}
