package dev.apwire.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A {@link RoomStore} in a directory: one sub-directory per room, named by its canonical (upper-case) id, holding
 * the multiworld file as it was added ({@code multiworld.archipelago} or {@code multiworld.json}) and the latest
 * save ({@code room.save}, written to {@code room.save.tmp} and renamed over it).
 *
 * <pre>
 * rooms/
 *   K7PQ3X/multiworld.archipelago
 *   K7PQ3X/room.save
 *   M2ZD9A/multiworld.json
 * </pre>
 *
 * Entries whose names are not canonical room ids, or without a multiworld file, are not rooms and are left
 * alone. The multiworld and the save are read and written through the given {@link MultiworldReader} and
 * {@link RoomSaveFormat}. This class does file I/O (it is for drivers, never called by the pure
 * {@link RoomHost}). Thread-safe for calls about different rooms.
 */
public final class DirectoryRoomStore implements RoomStore {

    /** The save file in a room's directory. */
    public static final String SAVE = "room.save";
    private static final String MULTIWORLD = "multiworld";
    private static final List<String> EXTENSIONS = List.of(".archipelago", ".json");

    private final Path dir;
    private final MultiworldReader reader;
    private final RoomSaveFormat format;

    /**
     * Creates a store on a directory, which must exist.
     *
     * @param dir the directory of rooms
     * @param reader reads the multiworld files
     * @param format writes and reads the saves
     * @throws IOException if {@code dir} is not a directory
     */
    public DirectoryRoomStore(Path dir, MultiworldReader reader, RoomSaveFormat format) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new NoSuchFileException(dir.toString(), null, "not a directory of rooms");
        }
        this.dir = dir;
        this.reader = Objects.requireNonNull(reader, "reader");
        this.format = Objects.requireNonNull(format, "format");
    }

    /** {@return the directory of rooms} */
    public Path directory() {
        return dir;
    }

    /** {@return a room's directory (which may not exist)}
     *
     * @param id the room
     */
    public Path roomDirectory(RoomId id) {
        return dir.resolve(id.value());
    }

    @Override
    public Set<RoomId> list() throws IOException {
        Set<RoomId> ids = new TreeSet<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path p : entries) {
                String name = p.getFileName().toString();
                Optional<RoomId> id = RoomId.parse(name);
                if (id.isPresent() && id.get().value().equals(name) && multiworldFile(id.get()).isPresent()) {
                    ids.add(id.get());
                }
            }
        }
        return ids;
    }

    @Override
    public boolean create(RoomId id, Path multiworldFile) throws IOException {
        String name = multiworldFile.getFileName().toString().toLowerCase(Locale.ROOT);
        String ext = EXTENSIONS.stream().filter(name::endsWith).findFirst()
                .orElseThrow(() -> new IOException("a multiworld file ends in " + String.join(" or ", EXTENSIONS) + ": "
                        + multiworldFile));
        reader.read(multiworldFile);
        Path room = roomDirectory(id);
        try {
            Files.createDirectory(room);
        } catch (FileAlreadyExistsException e) {
            return false;
        }
        Path tmp = room.resolve(MULTIWORLD + ext + ".tmp");
        Files.copy(multiworldFile, tmp);
        move(tmp, room.resolve(MULTIWORLD + ext));
        return true;
    }

    @Override
    public <C> Optional<ArchipelagoRoom<C>> load(RoomId id, RoomConfig config) throws IOException {
        Optional<Path> file = multiworldFile(id);
        if (file.isEmpty()) {
            return Optional.empty();
        }
        Multiworld world = reader.read(file.get());
        Path save = roomDirectory(id).resolve(SAVE);
        if (!Files.exists(save)) {
            return Optional.of(new ArchipelagoRoom<>(world, config));
        }
        try (InputStream in = Files.newInputStream(save)) {
            return Optional.of(format.read(world, config, in));
        } catch (IOException | RuntimeException e) {
            throw new IOException("the save of room " + id + " (" + save + ") cannot be read; it is left as it is: " + e.getMessage(),
                    e);
        }
    }

    @Override
    public void save(RoomId id, ArchipelagoRoom<?> room) throws IOException {
        Path roomDir = roomDirectory(id);
        if (!Files.isDirectory(roomDir)) {
            throw new NoSuchFileException(roomDir.toString(), null, "no such room");
        }
        Path tmp = roomDir.resolve(SAVE + ".tmp");
        try (OutputStream out = Files.newOutputStream(tmp)) {
            format.write(room, out);
        }
        move(tmp, roomDir.resolve(SAVE));
    }

    private Optional<Path> multiworldFile(RoomId id) {
        List<Path> found = new ArrayList<>();
        for (String ext : EXTENSIONS) {
            Path p = roomDirectory(id).resolve(MULTIWORLD + ext);
            if (Files.isRegularFile(p)) {
                found.add(p);
            }
        }
        return found.stream().findFirst();
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** {@return a short description for logs} */
    @Override
    public String toString() {
        return "DirectoryRoomStore[" + dir + "]";
    }
}
