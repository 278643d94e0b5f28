package dev.apwire.examples;

import dev.apwire.server.RoomState;
import dev.apwire.server.RoomStateCodec;
import dev.apwire.server.RoomStateException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * The example server's save file: a {@link RoomState} in {@link RoomStateCodec}'s JSON, written atomically (a
 * temporary file beside it, forced to disk, then renamed over it), so a crash leaves either the old save or
 * the new one, never a torn file. Stateless.
 */
final class SaveFile {

    private SaveFile() {
    }

    /**
     * Reads a save.
     *
     * @param path the file
     * @return the state, or empty when there is no file
     * @throws RoomStateException if the file exists but cannot be read as a save (the message says why)
     */
    static Optional<RoomState> read(Path path) throws RoomStateException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new RoomStateException("cannot read " + path + ": " + e, e);
        }
        return Optional.of(RoomStateCodec.decode(bytes));
    }

    /**
     * Writes a save atomically.
     *
     * @param path the file
     * @param state the state
     * @throws IOException if it cannot be written (the old save is then untouched)
     */
    static void write(Path path, RoomState state) throws IOException {
        write(path, RoomStateCodec.encode(state));
    }

    /**
     * Writes encoded save bytes atomically. Not for concurrent use on the same path (one temporary file).
     *
     * @param path the file
     * @param bytes the encoded state
     * @throws IOException if it cannot be written (the old save is then untouched)
     */
    static void write(Path path, byte[] bytes) throws IOException {
        Path abs = path.toAbsolutePath();
        Path tmp = abs.resolveSibling(abs.getFileName() + ".tmp");
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer buf = ByteBuffer.wrap(bytes);
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
            ch.force(true);
        }
        try {
            Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
