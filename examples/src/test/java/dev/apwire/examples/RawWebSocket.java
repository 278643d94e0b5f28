package dev.apwire.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;

/**
 * A WebSocket client on a plain {@link Socket}, no WebSocket library in between, for tests that check the bytes a
 * server puts on the wire (RFC 6455). It does the HTTP upgrade and hands back the response head for the caller's own
 * assertions, sends masked text frames, and reads frames one at a time exactly as they arrive: nothing is inflated,
 * reassembled, answered or skipped, so pings, fragments and the RSV bits stay visible. The reader checks only what it
 * needs to read the next frame at all (a whole header, a payload within {@link #MAX_PAYLOAD}, all of it); whether the
 * server masked a frame or encoded its length minimally is reported on the {@link Frame}, for the tests that hold the
 * server to those rules.
 *
 * <p>Not thread-safe: one thread at a time may call {@link #nextFrame()} and one at a time {@link #sendText(String)}
 * (the two may be different threads); {@link #close()} may be called from any thread and ends a blocked read.
 */
final class RawWebSocket implements AutoCloseable {

    /** The largest payload a frame may declare (16 MiB); a longer one fails the read instead of being allocated. */
    static final long MAX_PAYLOAD = 16L << 20;

    /** The opcode of a continuation frame. */
    static final int CONTINUATION = 0;
    /** The opcode of a text frame. */
    static final int TEXT = 1;
    /** The opcode of a ping. */
    static final int PING = 9;

    /**
     * One frame as read from the wire.
     *
     * @param fin whether the frame ends its message
     * @param rsv the three RSV bits as a number, {@code RSV1} the highest ({@code 4}); zero without extensions
     * @param opcode the frame's opcode
     * @param masked whether the frame was masked (a server's frames must not be, RFC 6455 section 5.1); the payload
     *        is returned as it was sent, not unmasked
     * @param minimalLength whether the payload length was encoded in the fewest bytes (RFC 6455 section 5.2)
     * @param payload the payload bytes; the array is this frame's own, read once, and is not copied
     */
    record Frame(boolean fin, int rsv, int opcode, boolean masked, boolean minimalLength, byte[] payload) {

        /** {@return whether {@code RSV1} is set (permessage-deflate: the message is compressed, RFC 7692)} */
        boolean rsv1() {
            return (rsv & 4) != 0;
        }

        /** {@return whether this frame is a ping} */
        boolean isPing() {
            return opcode == PING;
        }
    }

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final String head;

    private RawWebSocket(Socket socket, String head) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
        this.head = head;
    }

    /**
     * Connects to the loopback address and upgrades: sends a {@code GET} with a random key, and reads the response
     * head up to its blank line. It asserts only that the head is complete; the status and the headers are the
     * caller's to check in {@link #head()}.
     *
     * @param port the server's port
     * @param path the request path, starting with {@code /}
     * @param extensions the {@code Sec-WebSocket-Extensions} offer, or {@code null} to offer none
     * @param readTimeout how long a read may block before it fails
     * @return the connected client, positioned at the first frame
     * @throws IOException if the connection fails or a read times out
     */
    static RawWebSocket connect(int port, String path, @Nullable String extensions, Duration readTimeout) throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
        try {
            socket.setSoTimeout(Math.toIntExact(readTimeout.toMillis()));
            byte[] key = new byte[16];
            ThreadLocalRandom.current().nextBytes(key);
            String request = "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Key: " + Base64.getEncoder().encodeToString(key) + "\r\nSec-WebSocket-Version: 13\r\n"
                    + (extensions == null ? "" : "Sec-WebSocket-Extensions: " + extensions + "\r\n") + "\r\n";
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
                int c = in.read();
                assertThat(c).as("the response goes on").isNotNegative();
                head.write(c);
                assertThat(head.size()).as("a response head within 16 KiB").isLessThanOrEqualTo(16 << 10);
            }
            return new RawWebSocket(socket, head.toString(StandardCharsets.ISO_8859_1));
        } catch (IOException | RuntimeException | Error e) {
            socket.close();
            throw e;
        }
    }

    /** {@return the upgrade response's head: the status line and the headers, up to and with the blank line} */
    String head() {
        return head;
    }

    /**
     * Sends one text message in one frame, masked with a random key and uncompressed (RFC 7692 lets a client send any
     * message uncompressed, whatever it negotiated).
     *
     * @param text the message
     * @throws IOException if the write fails
     */
    void sendText(String text) throws IOException {
        byte[] p = text.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream o = new ByteArrayOutputStream(p.length + 14);
        o.write(0x80 | TEXT);
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

    /**
     * Reads the next frame, whatever its opcode. A 16- or 64-bit extended length is read as sent and judged in
     * {@link Frame#minimalLength()}; a masking key, if the server sent one, is read and dropped.
     *
     * @return the frame
     * @throws IOException if a read fails or times out
     */
    Frame nextFrame() throws IOException {
        int b0 = in.read();
        int b1 = in.read();
        assertThat(b1).as("a frame header").isNotNegative();
        boolean masked = (b1 & 0x80) != 0;
        long n = b1 & 0x7f;
        boolean minimal = true;
        if (n == 126) {
            n = ByteBuffer.wrap(in.readNBytes(2)).getShort() & 0xffff;
            minimal = n >= 126;
        } else if (n == 127) {
            n = ByteBuffer.wrap(in.readNBytes(8)).getLong();
            minimal = n >= 65_536;
        }
        assertThat(n).as("a payload length within 16 MiB").isBetween(0L, MAX_PAYLOAD);
        if (masked) {
            in.readNBytes(4);
        }
        byte[] payload = in.readNBytes((int) n);
        assertThat(payload).as("the whole payload").hasSize((int) n);
        return new Frame((b0 & 0x80) != 0, (b0 & 0x70) >>> 4, b0 & 0x0f, masked, minimal, payload);
    }

    /** Closes the socket, without a close frame. */
    @Override
    public void close() throws IOException {
        socket.close();
    }
}
