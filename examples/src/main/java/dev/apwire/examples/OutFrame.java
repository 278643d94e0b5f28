package dev.apwire.examples;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.zip.Deflater;
import org.jspecify.annotations.Nullable;

/**
 * One encoded text frame as a driver hands it to its {@link PeerConnection}s: the UTF-8 bytes, shared by every
 * recipient of a broadcast, and, made on first need and then shared too, the same message compressed for
 * permessage-deflate without context takeover (RFC 7692 section 7.1.1.1: each message compressed on its own, so
 * one compressed form is valid on every connection that negotiated {@code server_no_context_takeover}; see
 * {@link SharedDeflateExtension}).
 *
 * <p>Thread-safe: the bytes are never modified (readers get duplicates); the compressed form is made once under
 * this object's lock, with one deflater shared by all frames under its own lock.
 */
final class OutFrame {

    /**
     * Messages shorter than this many bytes of UTF-8 go out uncompressed (RSV1 clear), also on a connection that
     * negotiated permessage-deflate (RFC 7692 section 6: compression is per message and optional): a small frame
     * (a {@code Join}, an {@code ItemSend}, a chat line) compresses to little, and its reader is spared an
     * inflate (with {@code server_no_context_takeover}, also a fresh inflate context). Node's {@code ws} uses the
     * same default threshold for what it sends.
     */
    static final int COMPRESS_MIN_BYTES = 1024;

    /**
     * Coalesced frames ({@link #concat}) stop growing at this many bytes: a merged frame is never bigger than this
     * or than the biggest of its parts, so no client meets a bigger message than it would have without merging.
     */
    static final int MAX_COALESCED_BYTES = 64 * 1024;

    /** The deflater of every compressed form: raw deflate (no zlib header), Jetty's default level. */
    private static final Deflater DEFLATER = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
    /** RFC 7692 section 7.2.1: the empty block a sync flush ends with is removed from the message. */
    private static final byte[] TAIL = {0x00, 0x00, (byte) 0xFF, (byte) 0xFF};

    private final ByteBuffer text;
    // guarded by this
    private @Nullable ByteBuffer deflated;

    /**
     * A frame of UTF-8 text.
     *
     * @param utf8 the text's bytes (kept; not modified afterwards)
     */
    OutFrame(byte[] utf8) {
        this.text = ByteBuffer.wrap(utf8).asReadOnlyBuffer();
    }

    /** {@return the frame's length in bytes of UTF-8, what the outbound queue bound counts} */
    int length() {
        return text.remaining();
    }

    /** {@return whether the frame goes out compressed on a permessage-deflate connection} */
    boolean compressed() {
        return text.remaining() >= COMPRESS_MIN_BYTES;
    }

    /** {@return the UTF-8 bytes, as a fresh view} */
    ByteBuffer text() {
        return text.duplicate();
    }

    /** {@return the message compressed on its own (permessage-deflate payload of one frame), as a fresh view} */
    synchronized ByteBuffer deflated() {
        ByteBuffer d = deflated;
        if (d == null) {
            d = ByteBuffer.wrap(deflate(text.duplicate())).asReadOnlyBuffer();
            deflated = d;
        }
        return d.duplicate();
    }

    /**
     * Whether a frame is a JSON array as the codec writes it ({@code [} first, {@code ]} last, no padding), so
     * that its commands can be merged with another's.
     *
     * @param f the frame
     * @return whether {@link #concat} may take it
     */
    static boolean mergeable(OutFrame f) {
        ByteBuffer t = f.text;
        int n = t.remaining();
        return n >= 2 && t.get(t.position()) == '[' && t.get(t.position() + n - 1) == ']';
    }

    /**
     * One frame holding the commands of several, in order: the protocol's frames are arrays of commands, and a
     * client handles {@code [a, b]} exactly as {@code [a]} followed by {@code [b]}.
     *
     * @param parts {@link #mergeable} frames, in order
     * @return the merged frame
     */
    static OutFrame concat(java.util.List<OutFrame> parts) {
        int size = 1; // the opening bracket
        for (OutFrame f : parts) {
            size += f.length() - 1; // its commands, and a comma or the closing bracket
        }
        byte[] out = new byte[size];
        int n = 0;
        out[n++] = '[';
        for (OutFrame f : parts) {
            int inner = f.length() - 2;
            if (inner == 0) {
                continue; // "[]": nothing to add
            }
            if (n > 1) {
                out[n++] = ',';
            }
            ByteBuffer t = f.text();
            t.position(t.position() + 1);
            t.get(out, n, inner);
            n += inner;
        }
        out[n++] = ']';
        return new OutFrame(n == out.length ? out : Arrays.copyOf(out, n));
    }

    /**
     * Compresses one whole message with a fresh context, as permessage-deflate does with no context takeover.
     *
     * @param in the message
     * @return the compressed payload, without the trailing {@code 00 00 FF FF}
     */
    static byte[] deflate(ByteBuffer in) {
        synchronized (DEFLATER) {
            DEFLATER.reset();
            DEFLATER.setInput(in);
            byte[] out = new byte[in.remaining() / 2 + 64];
            int n = 0;
            while (true) {
                n += DEFLATER.deflate(out, n, out.length - n, Deflater.SYNC_FLUSH);
                if (n < out.length) {
                    break; // room left after a sync flush: everything is out
                }
                out = Arrays.copyOf(out, out.length * 2);
            }
            if (n >= TAIL.length && Arrays.equals(out, n - TAIL.length, n, TAIL, 0, TAIL.length)) {
                n -= TAIL.length;
            }
            if (n == 0) {
                return new byte[] {0x00}; // RFC 7692 section 7.2.3.6: an empty message
            }
            return Arrays.copyOf(out, n);
        }
    }
}
