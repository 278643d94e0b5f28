package dev.apwire.codec;

/**
 * Limits on what the decoder reads, so that a hostile frame is a typed error instead of a memory
 * or CPU sink. A frame over any limit is a {@link MalformedFrameException}.
 *
 * @param maxFrameBytes the largest frame, in UTF-8 bytes
 * @param maxDepth the deepest nesting of arrays and objects
 * @param maxNumberLength the most characters in one number literal
 * @param maxStringLength the most characters in one string (or object key)
 */
public record CodecLimits(int maxFrameBytes, int maxDepth, int maxNumberLength, int maxStringLength) {

    /**
     * Defaults sized for real traffic: 64 MiB frames (a 100-game data package is about 10 MB),
     * depth 128, numbers of up to 4300 digits (the reference server's own integer limit) and strings
     * of up to 16 MiB characters.
     */
    public static final CodecLimits DEFAULT = new CodecLimits(64 << 20, 128, 4300, 16 << 20);

    /**
     * The limits a server should apply to what clients send: the reference server's WebSocket
     * library refuses messages over 1 MiB; depth 64.
     */
    public static final CodecLimits CLIENT_FRAMES = new CodecLimits(1 << 20, 64, 4300, 1 << 20);

    /**
     * Checks every limit is positive.
     *
     * @param maxFrameBytes the largest frame, in UTF-8 bytes
     * @param maxDepth the deepest nesting of arrays and objects
     * @param maxNumberLength the most characters in one number literal
     * @param maxStringLength the most characters in one string (or object key)
     */
    public CodecLimits {
        if (maxFrameBytes <= 0 || maxDepth <= 0 || maxNumberLength <= 0 || maxStringLength <= 0) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }
}
