package dev.apwire.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apwire.protocol.Hint;
import dev.apwire.protocol.ItemsHandling;
import dev.apwire.protocol.LongList;
import dev.apwire.protocol.NetworkItem;
import dev.apwire.protocol.NetworkVersion;
import dev.apwire.protocol.client.ConnectPacket;
import dev.apwire.protocol.client.LocationChecksPacket;
import dev.apwire.protocol.client.LocationScoutsPacket;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The directory room store: layout, ids, create without overwriting, atomic saves, unreadable saves kept. */
class DirectoryRoomStoreTest {

    /** A file holding {@code demo} is the demo world. */
    private static final MultiworldReader READER = file -> {
        if (!Files.readString(file).strip().equals("demo")) {
            throw new IOException("not a test multiworld");
        }
        return DemoMultiworld.create();
    };

    /** Saves the number of checked locations of slot 2 as text; restores by checking that many of slot 2's first locations. */
    private static final RoomSaveFormat FORMAT = new RoomSaveFormat() {
        @Override
        public void write(ArchipelagoRoom<?> room, OutputStream out) throws IOException {
            out.write(("checked " + room.checkedLocations(2)).getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public <C> ArchipelagoRoom<C> read(Multiworld world, RoomConfig config, InputStream in) throws IOException {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            if (!text.startsWith("checked ")) {
                throw new IOException("not a test save");
            }
            return new ArchipelagoRoom<>(world, config);
        }
    };

    @TempDir
    Path dir;

    private DirectoryRoomStore store;
    private Path demo;

    @BeforeEach
    void store() throws IOException {
        store = new DirectoryRoomStore(dir, READER, FORMAT);
        demo = Files.writeString(dir.resolveSibling(dir.getFileName() + "-demo.archipelago"), "demo");
    }

    @Test
    void aCreatedRoomIsListedAndLoadsFresh() throws IOException {
        RoomId id = new RoomId("K7PQ");
        assertThat(store.create(id, demo)).isTrue();
        assertThat(dir.resolve("K7PQ/multiworld.archipelago")).hasContent("demo");
        assertThat(store.list()).containsExactly(id);
        Optional<ArchipelagoRoom<String>> room = store.load(id, RoomConfig.DEFAULT);
        assertThat(room).isPresent();
        assertThat(room.get().checkedLocations(2)).isEmpty();
        assertThat(store.load(new RoomId("ZZZZ"), RoomConfig.DEFAULT)).isEmpty();
    }

    @Test
    void createNeverOverwritesARoomAndRefusesWhatIsNotAMultiworld() throws IOException {
        RoomId id = new RoomId("K7PQ");
        assertThat(store.create(id, demo)).isTrue();
        store.save(id, new ArchipelagoRoom<String>(DemoMultiworld.create()));
        assertThat(store.create(id, demo)).isFalse();
        assertThat(dir.resolve("K7PQ/room.save")).exists();
        Path bad = Files.writeString(dir.resolveSibling(dir.getFileName() + "-bad.json"), "{}");
        assertThatThrownBy(() -> store.create(new RoomId("M2ZD"), bad)).isInstanceOf(IOException.class);
        Path txt = Files.writeString(dir.resolveSibling(dir.getFileName() + "-demo.txt"), "demo");
        assertThatThrownBy(() -> store.create(new RoomId("M2ZD"), txt)).hasMessageContaining(".archipelago or .json");
        assertThat(store.list()).containsExactly(id);
    }

    @Test
    void entriesThatAreNotRoomsAreLeftAlone() throws IOException {
        Files.createDirectories(dir.resolve("notes"));
        Files.createDirectories(dir.resolve("k7pq"));
        Files.writeString(dir.resolve("k7pq/multiworld.json"), "demo");
        Files.createDirectories(dir.resolve("ABCD"));
        Files.writeString(dir.resolve("README"), "x");
        assertThat(store.list()).as("lower case, no multiworld, not a directory").isEmpty();
    }

    @Test
    void savesAreAtomicAndAnUnreadableSaveIsAnErrorNotAFreshRoom() throws IOException {
        RoomId id = new RoomId("K7PQ");
        store.create(id, demo);
        store.save(id, new ArchipelagoRoom<String>(DemoMultiworld.create()));
        assertThat(dir.resolve("K7PQ/room.save")).hasContent("checked []");
        assertThat(dir.resolve("K7PQ/room.save.tmp")).doesNotExist();
        Files.writeString(dir.resolve("K7PQ/room.save"), "garbage");
        assertThatThrownBy(() -> store.load(id, RoomConfig.DEFAULT)).isInstanceOf(IOException.class)
                .hasMessageContaining("K7PQ").hasMessageContaining("left as it is");
        assertThat(dir.resolve("K7PQ/room.save")).hasContent("garbage");
        assertThatThrownBy(() -> store.save(new RoomId("ZZZZ"), new ArchipelagoRoom<String>(DemoMultiworld.create())))
                .isInstanceOf(IOException.class);
    }

    @Test
    void theRoomsOwnSaveFormatKeepsChecksItemsAndHints() throws IOException {
        Path rooms = Files.createDirectory(dir.resolve("real"));
        Path file = rooms.resolveSibling("pebble.archipelago");
        try (InputStream in = getClass().getResourceAsStream("/multiworlds/pebble.archipelago")) {
            Files.copy(Objects.requireNonNull(in), file);
        }
        DirectoryRoomStore real = new DirectoryRoomStore(rooms, MultiworldFiles::read,
                new RoomStateSaveFormat(() -> new SplittableRandom(1)));
        RoomId id = new RoomId("K7PQ");
        assertThat(real.create(id, file)).isTrue();
        ArchipelagoRoom<String> room = real.<String>load(id, RoomConfig.DEFAULT).orElseThrow();
        java.time.Instant now = Instant.parse("2026-11-27T00:00:00Z");
        room.open("bob", now);
        room.receive("bob", new ConnectPacket("sesame", "Lantern Run", "Bob", "u",
                new NetworkVersion(0, 6, 2), ItemsHandling.ALL, List.of(), false),
                now);
        room.receive("bob", new LocationChecksPacket(LongList.of(4001)), now);
        room.receive("bob", new LocationScoutsPacket(LongList.of(4002), 2), now);
        room.close("bob", now);
        real.save(id, room);
        ArchipelagoRoom<String> back = real.<String>load(id, RoomConfig.DEFAULT).orElseThrow();
        assertThat(back.checkedLocations(2)).containsExactly(4001L);
        assertThat(back.receivedItems(1)).extracting(NetworkItem::item).contains(1003L);
        assertThat(back.hints(2)).extracting(Hint::location).containsExactly(4002L);
        Files.writeString(rooms.resolve("K7PQ/room.save"), "{\"format\":\"apwire-room-save\",\"version\":99}");
        assertThatThrownBy(() -> real.load(id, RoomConfig.DEFAULT)).isInstanceOf(IOException.class);
    }

    @Test
    void theDirectoryMustExist() {
        assertThatThrownBy(() -> new DirectoryRoomStore(dir.resolve("missing"), READER, FORMAT)).isInstanceOf(IOException.class);
    }
}
