package dev.apwire.examples;

import java.nio.ByteBuffer;
import java.util.zip.Inflater;

/**
 * The LZ77 window of one direction of a permessage-deflate connection with context takeover (RFC 7692 section
 * 7.2.1), kept as plain bytes between messages instead of in a live inflater: the last {@link #SIZE} bytes of the
 * decompressed messages, or all of them while there are fewer. An inflater reset and given these bytes as its
 * dictionary ({@link #preset}) continues the stream exactly where the previous inflater left it, because a raw
 * deflate stream's only state between messages (each ends with a sync flush, at a block boundary) is that window.
 *
 * <p>Memory: an array as long as what was decompressed, up to {@link #SIZE}, grown as needed and reused once full.
 * Not thread-safe: used by one connection's incoming frames, one at a time.
 */
final class InflateWindow {

    /** The largest window of permessage-deflate ({@code client_max_window_bits} 15): 32 KiB. */
    static final int SIZE = 1 << 15;

    private byte[] bytes = new byte[0];

    /** {@return the bytes kept} */
    int length() {
        return bytes.length;
    }

    /**
     * Appends decompressed bytes, keeping the last {@link #SIZE}.
     *
     * @param data the bytes (read from a duplicate; the buffer's position is unchanged)
     */
    void append(ByteBuffer data) {
        int n = data.remaining();
        if (n == 0) {
            return;
        }
        ByteBuffer in = data.duplicate();
        int keep = Math.min(SIZE, bytes.length + n);
        if (n >= keep) {
            // the new bytes alone fill the window
            byte[] w = keep == bytes.length ? bytes : new byte[keep];
            in.position(in.limit() - keep);
            in.get(w, 0, keep);
            bytes = w;
            return;
        }
        int old = keep - n; // bytes of the old window still in the new one
        byte[] w = keep == bytes.length ? bytes : new byte[keep];
        System.arraycopy(bytes, bytes.length - old, w, 0, old);
        in.get(w, old, n);
        bytes = w;
    }

    /**
     * Presets the window in an inflater fresh from its pool (reset, nothing inflated since).
     *
     * @param inflater a raw ({@code nowrap}) inflater
     */
    void preset(Inflater inflater) {
        if (bytes.length > 0) {
            inflater.setDictionary(bytes);
        }
    }

    /** {@return a copy of the bytes kept, oldest first} */
    byte[] bytes() {
        return bytes.clone();
    }
}
