package dev.apwire.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * The room's own save format for a {@link DirectoryRoomStore}: {@link ArchipelagoRoom#snapshot()} written with
 * {@link RoomStateCodec} (versioned JSON), and {@link ArchipelagoRoom#restore} from it. Everything the room keeps
 * survives: checks, items, hints and hint points, statuses, aliases, data storage, options changed by admins.
 * A save that cannot be read, or belongs to another multiworld, is an {@link IOException}, never a fresh room.
 * Stateless apart from the source of each restored room's randomness; thread-safe if that source is.
 */
public final class RoomStateSaveFormat implements RoomSaveFormat {

    /** The largest save read (far above what a 1,000-slot room writes). */
    static final int MAX_BYTES = 256 << 20;

    private final Supplier<? extends RandomGenerator> randoms;

    /**
     * Creates the format.
     *
     * @param randoms gives each restored room its source of randomness (hint choice, password masks)
     */
    public RoomStateSaveFormat(Supplier<? extends RandomGenerator> randoms) {
        this.randoms = Objects.requireNonNull(randoms, "randoms");
    }

    @Override
    public void write(ArchipelagoRoom<?> room, OutputStream out) throws IOException {
        out.write(RoomStateCodec.encode(room.snapshot()));
    }

    @Override
    public <C> ArchipelagoRoom<C> read(Multiworld world, RoomConfig config, InputStream in) throws IOException {
        byte[] bytes = in.readNBytes(MAX_BYTES + 1);
        if (bytes.length > MAX_BYTES) {
            throw new IOException("save larger than " + MAX_BYTES + " bytes");
        }
        try {
            return ArchipelagoRoom.restore(world, config, RoomStateCodec.decode(bytes), randoms.get());
        } catch (RoomStateException e) {
            throw new IOException(e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new IOException(e.getMessage(), e);
        }
    }
}
