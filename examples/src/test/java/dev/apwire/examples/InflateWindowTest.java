package dev.apwire.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import org.junit.jupiter.api.Test;

/**
 * {@link InflateWindow}: the client's compression context kept as bytes between messages, so that no inflater is
 * held by an idle connection ({@link SharedDeflateExtension}).
 */
class InflateWindowTest {

    private static final byte[] TAIL = {0x00, 0x00, (byte) 0xFF, (byte) 0xFF};

    /** Compresses messages as a permessage-deflate client with context takeover: one deflater, a sync flush each. */
    private static List<byte[]> compressWithContext(List<byte[]> messages) {
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        List<byte[]> out = new ArrayList<>();
        for (byte[] m : messages) {
            deflater.setInput(m);
            ByteArrayOutputStream o = new ByteArrayOutputStream();
            byte[] buf = new byte[4096];
            int n;
            do {
                n = deflater.deflate(buf, 0, buf.length, Deflater.SYNC_FLUSH);
                o.write(buf, 0, n);
            } while (n == buf.length || !deflater.needsInput());
            byte[] b = o.toByteArray();
            assertThat(Arrays.copyOfRange(b, b.length - 4, b.length)).isEqualTo(TAIL);
            out.add(Arrays.copyOf(b, b.length - 4)); // RFC 7692 section 7.2.1: the tail is removed
        }
        deflater.end();
        return out;
    }

    /** Inflates one message (the tail put back) with an inflater fresh from a pool, as Jetty's extension does. */
    private static byte[] inflate(Inflater inflater, byte[] payload) throws DataFormatException {
        inflater.setInput(ByteBuffer.allocate(payload.length + 4).put(payload).put(TAIL).flip());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        while (true) {
            int n = inflater.inflate(buf);
            out.write(buf, 0, n);
            if (n == 0 && inflater.needsInput()) {
                return out.toByteArray();
            }
        }
    }

    /** Messages that refer back to earlier ones: repeated commands, and a long one to push distances to 32 kB. */
    private static List<byte[]> messages() {
        SplittableRandom random = new SplittableRandom(7);
        StringBuilder big = new StringBuilder();
        while (big.length() < 50_000) {
            big.append("{\"cmd\":\"Set\",\"key\":\"k").append(random.nextInt(5000)).append("\",\"value\":").append(random.nextInt())
                    .append('}');
        }
        List<String> texts = List.of(
                "[{\"cmd\":\"Connect\",\"name\":\"Alice\",\"game\":\"Pebble Quest\",\"password\":\"sesame\"}]",
                "[{\"cmd\":\"Get\",\"keys\":[\"a\",\"b\"],\"tag\":\"t1\"}]",
                "[{\"cmd\":\"Get\",\"keys\":[\"a\",\"b\"],\"tag\":\"t2\"}]",
                big.toString(),
                "[{\"cmd\":\"Get\",\"keys\":[\"a\",\"b\"],\"tag\":\"t3\"}]",
                big.substring(20_000, 40_000),
                "[{\"cmd\":\"Say\",\"text\":\"é ü € 𝄞\"}]");
        List<byte[]> out = new ArrayList<>();
        for (String t : texts) {
            out.add(t.getBytes(StandardCharsets.UTF_8));
        }
        return out;
    }

    @Test
    void aFreshInflaterWithTheWindowReadsEveryMessageOfAStreamWithContextTakeover() throws Exception {
        List<byte[]> plain = messages();
        List<byte[]> compressed = compressWithContext(plain);
        InflateWindow window = new InflateWindow();
        for (int i = 0; i < plain.size(); i++) {
            Inflater inflater = new Inflater(true); // a different inflater for every message
            window.preset(inflater);
            byte[] got = inflate(inflater, compressed.get(i));
            inflater.end();
            assertThat(new String(got, StandardCharsets.UTF_8)).as("message %d", i)
                    .isEqualTo(new String(plain.get(i), StandardCharsets.UTF_8));
            // the extension appends each decompressed frame; here in two pieces
            window.append(ByteBuffer.wrap(got, 0, got.length / 3));
            window.append(ByteBuffer.wrap(got, got.length / 3, got.length - got.length / 3));
        }
        assertThat(window.length()).isEqualTo(InflateWindow.SIZE);
    }

    @Test
    void withoutTheWindowTheSameMessagesCannotBeRead() throws Exception {
        // the control case: the messages above really refer back to earlier ones
        List<byte[]> compressed = compressWithContext(messages());
        Inflater inflater = new Inflater(true);
        assertThatThrownBy(() -> inflate(inflater, compressed.get(2))).isInstanceOf(DataFormatException.class);
        inflater.end();
    }

    @Test
    void theWindowKeepsTheLastBytesAndIsOnlyAsLongAsWhatCame() {
        SplittableRandom random = new SplittableRandom(11);
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        InflateWindow window = new InflateWindow();
        assertThat(window.length()).isZero();
        for (int size : new int[] {0, 1, 300, 5000, 20_000, 7, 40_000, 32_768, 1, 12_345}) {
            byte[] chunk = new byte[size];
            random.nextBytes(chunk);
            ByteBuffer b = ByteBuffer.wrap(chunk);
            window.append(b);
            assertThat(b.remaining()).as("the buffer is only read").isEqualTo(size);
            all.write(chunk, 0, size);
            byte[] a = all.toByteArray();
            int keep = Math.min(InflateWindow.SIZE, a.length);
            assertThat(window.length()).isEqualTo(keep);
            assertThat(window.bytes()).isEqualTo(Arrays.copyOfRange(a, a.length - keep, a.length));
        }
    }

    @Test
    void anEmptyWindowPresetsNothing() throws Exception {
        Inflater inflater = new Inflater(true);
        new InflateWindow().preset(inflater);
        byte[] text = "[{\"cmd\":\"Sync\"}]".getBytes(StandardCharsets.UTF_8);
        assertThat(inflate(inflater, compressWithContext(List.of(text)).get(0))).isEqualTo(text);
        inflater.end();
    }
}
