package dev.apwire.server;

/**
 * The bounds {@link MultiworldFiles} reads a file within, so that a hostile file cannot exhaust memory: the
 * file's size, the size its zlib stream may inflate to (a zip bomb stops there), the number of pickle
 * operations (each builds at most one object, so memory stays within a small multiple of this), and the
 * nesting depth of values such as slot data.
 *
 * @param maxFileBytes the largest file (or stream) read, compressed
 * @param maxDecompressedBytes the largest pickle or JSON text a file may inflate to
 * @param maxPickleOperations the most pickle opcodes executed
 * @param maxDepth the deepest nesting of lists and dicts in a value
 */
public record MultiworldLimits(long maxFileBytes, long maxDecompressedBytes, long maxPickleOperations, int maxDepth) {

    /** 64 MiB files, 256 MiB inflated, 10 million pickle operations, depth 100: about ten times the largest
     * multiworlds generated today, and at most about a gigabyte of heap while loading. */
    public static final MultiworldLimits DEFAULT = new MultiworldLimits(64L << 20, 256L << 20, 10_000_000L, 100);

    /**
     * Checks every bound is positive and the inflated size fits an array.
     *
     * @param maxFileBytes the largest file
     * @param maxDecompressedBytes the largest inflated text
     * @param maxPickleOperations the most pickle opcodes
     * @param maxDepth the deepest nesting
     */
    public MultiworldLimits {
        if (maxFileBytes <= 0 || maxDecompressedBytes <= 0 || maxPickleOperations <= 0 || maxDepth <= 0) {
            throw new IllegalArgumentException("every multiworld limit must be positive");
        }
        if (maxFileBytes > Integer.MAX_VALUE - 8 || maxDecompressedBytes > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("sizes above 2 GiB are not supported");
        }
    }
}
