package dev.apwire.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apwire.client.ArchipelagoClient;
import dev.apwire.codec.ArchipelagoCodec;
import dev.apwire.codec.CodecLimits;
import dev.apwire.codec.Decoded;
import dev.apwire.protocol.server.RetrievedPacket;
import dev.apwire.protocol.server.ServerPacket;
import dev.apwire.server.DirectoryRoomStore;
import dev.apwire.server.HostConfig;
import dev.apwire.server.MultiworldReader;
import dev.apwire.server.RoomConfig;
import dev.apwire.server.RoomId;
import dev.apwire.server.RoomStateSaveFormat;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code server --rooms} on loopback: many rooms on one port, the default room, invalid Joins, unload and reload. */
@Timeout(20)
class MultiRoomServerTest {

    /** The server's reader of multiworld files. */
    static final MultiworldReader READER = RoomsCommand.MULTIWORLD_READER;

    /** {@return the demo world's generator file (the jar's resource), copied into a directory} */
    static Path demoFile(Path dir) throws IOException {
        try (InputStream in = MultiRoomServerTest.class.getResourceAsStream(DemoWorld.RESOURCE)) {
            Path file = dir.resolve("pebble.archipelago");
            Files.copy(Objects.requireNonNull(in, DemoWorld.RESOURCE), file);
            return file;
        }
    }

    @TempDir
    Path dir;

    private DirectoryRoomStore store;
    private Path demoFile;
    private RoomId one;
    private RoomId two;
    private RoomId lobby;
    private MultiRoomServer server;

    @BeforeEach
    void rooms() throws Exception {
        Path rooms = Files.createDirectory(dir.resolve("rooms"));
        demoFile = demoFile(dir);
        store = new DirectoryRoomStore(rooms, READER, new RoomStateSaveFormat(SecureRandom::new));
        one = new RoomId("AAAA");
        two = new RoomId("BBBB");
        lobby = new RoomId("CCCC");
        for (RoomId id : List.of(one, two, lobby)) {
            assertThat(store.create(id, demoFile)).isTrue();
        }
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private void start(HostConfig config) throws Exception {
        server = MultiRoomServer.start("127.0.0.1", 0, store, config, RoomConfig.DEFAULT);
    }

    private void start(HostConfig config, ConnectionLimits limits) throws Exception {
        server = MultiRoomServer.start("127.0.0.1", 0, store, config, RoomConfig.DEFAULT, limits);
    }

    /** {@return the limits with options applied, as {@code --option value} pairs} */
    private static ConnectionLimits limits(String... optionsAndValues) {
        ConnectionLimits l = ConnectionLimits.DEFAULT;
        for (int i = 0; i < optionsAndValues.length; i += 2) {
            l = Objects.requireNonNull(l.with(optionsAndValues[i], optionsAndValues[i + 1]), optionsAndValues[i]);
        }
        return l;
    }

    private WsTestClient joined(RoomId room, String idAsTyped, String name, String game) throws Exception {
        WsTestClient c = WsTestClient.connect(server.port(), "v2.0");
        assertThat(c.subprotocol()).isEqualTo("v2.0");
        c.send("[{\"cmd\":\"Join\",\"id\":\"" + idAsTyped + "\"}]");
        c.await("\"cmd\":\"RoomInfo\"");
        c.send(WsTestClient.connect(name, game));
        c.await("\"cmd\":\"Connected\"");
        return c;
    }

    @Test
    void twoRoomsOnOnePortNeverSeeEachOthersTraffic() throws Exception {
        start(HostConfig.DEFAULT);
        try (WsTestClient aliceOne = joined(one, "aaaa", "Alice", "Pebble Quest");
                WsTestClient aliceTwo = joined(two, "BBBB", "Alice", "Pebble Quest");
                WsTestClient bobOne = joined(one, "AaAa", "Bob", "Lantern Run")) {
            aliceOne.await("Bob (Team #1) playing Lantern Run has joined");
            bobOne.send("[{\"cmd\":\"Say\",\"text\":\"hello room one\"},{\"cmd\":\"LocationChecks\",\"locations\":[4001]}]");
            aliceOne.await("hello room one");
            aliceOne.await("\"cmd\":\"ReceivedItems\",\"index\":1");
            aliceTwo.send("[{\"cmd\":\"Say\",\"text\":\"hello room two\"}]");
            aliceTwo.await("hello room two");
            // A round trip in room one after room two's chat: everything room two said would have arrived by now.
            bobOne.send("[{\"cmd\":\"Say\",\"text\":\"last\"}]");
            aliceOne.await("Bob: last");
            assertThat(String.join("", aliceTwo.frames)).doesNotContain("room one", "Bob (Team #1)", "\"index\":1");
            assertThat(String.join("", aliceOne.frames) + String.join("", bobOne.frames)).doesNotContain("room two");
            assertThat(server.loadedRooms()).containsExactly(one, two);
        }
    }

    /** {@return a frame of {@code Get}s for keys {@code prefix1 .. prefixN}, one command each} */
    private static String gets(String prefix, int n) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 1; i <= n; i++) {
            b.append(i == 1 ? "" : ",").append("{\"cmd\":\"Get\",\"keys\":[\"").append(prefix).append(i).append("\"]}");
        }
        return b.append(']').toString();
    }

    /** Asserts that one message holds the {@code Retrieved} answers for {@code prefix1 .. prefixN}, in order, and nothing else. */
    private static void assertAnswersInOrder(String message, String prefix, int n) throws Exception {
        List<Decoded<ServerPacket>> packets = ArchipelagoCodec.create(CodecLimits.CLIENT_FRAMES).decodeServerFrame(message);
        assertThat(packets).as(message).hasSize(n).allSatisfy(d -> assertThat(d).isInstanceOfSatisfying(
                Decoded.Ok.class, ok -> assertThat(ok.packet()).isInstanceOf(RetrievedPacket.class)));
        int at = -1;
        for (int i = 1; i <= n; i++) {
            int next = message.indexOf("\"" + prefix + i + "\"");
            assertThat(next).as("%s%d after %s%d in %s", prefix, i, prefix, i - 1, message).isGreaterThan(at);
            at = next;
        }
    }

    @Test
    void eachRoomCoalescesABurstsAnswersIntoOneMessageAndKeepsToItself() throws Exception {
        start(HostConfig.DEFAULT.withDefaultRoom(lobby));
        try (WsTestClient aliceOne = joined(one, "AAAA", "Alice", "Pebble Quest");
                WsTestClient aliceTwo = joined(two, "BBBB", "Alice", "Pebble Quest");
                WsTestClient v1 = WsTestClient.connect(server.port())) {
            v1.await("\"cmd\":\"RoomInfo\"");
            v1.send(WsTestClient.connect("Alice", "Pebble Quest"));
            v1.await("\"cmd\":\"Connected\"");
            // one frame of eight commands from each, in two rooms (v2.0) and the default room (v1.0) at once: each
            // room answers its burst in one message, in order, and only to its own connection
            aliceOne.send(gets("oneKey", 8));
            aliceTwo.send(gets("twoKey", 8));
            v1.send(gets("lobbyKey", 8));
            assertAnswersInOrder(aliceOne.await("\"oneKey1\""), "oneKey", 8);
            assertAnswersInOrder(aliceTwo.await("\"twoKey1\""), "twoKey", 8);
            assertAnswersInOrder(v1.await("\"lobbyKey1\""), "lobbyKey", 8);
            // a round trip in each room after the bursts: anything misrouted would have arrived by now
            for (WsTestClient c : List.of(aliceOne, aliceTwo, v1)) {
                c.send("[{\"cmd\":\"Say\",\"text\":\"done " + c.hashCode() + "\"}]");
                c.await("Alice: done " + c.hashCode());
            }
            assertThat(String.join("", aliceOne.frames)).doesNotContain("twoKey", "lobbyKey");
            assertThat(String.join("", aliceTwo.frames)).doesNotContain("oneKey", "lobbyKey");
            assertThat(String.join("", v1.frames)).doesNotContain("oneKey", "twoKey");
            assertThat(server.loadedRooms()).containsExactly(one, two, lobby);
        }
    }

    @Test
    void aSecondJoinIsClosedBehindTheAnswersToWhatCameBeforeIt() throws Exception {
        start(HostConfig.DEFAULT);
        try (WsTestClient c = joined(one, "AAAA", "Alice", "Pebble Quest")) {
            int before = c.frames.size();
            c.send(gets("key", 3).replace("]}]", "]},{\"cmd\":\"Join\",\"id\":\"BBBB\"},{\"cmd\":\"Get\",\"keys\":[\"late\"]}]"));
            assertThat(c.closed.get(5, TimeUnit.SECONDS)).isEqualTo(new WsTestClient.Close(1000, ""));
            List<String> after = c.frames.subList(before, c.frames.size());
            assertThat(after).as("the answers to the commands before the Join, as one message, then the close").hasSize(1);
            assertAnswersInOrder(after.get(0), "key", 3);
            assertThat(after.get(0)).doesNotContain("late");
        }
    }

    @Test
    void aV1ClientReachesTheDefaultRoomWithoutASubprotocol() throws Exception {
        start(HostConfig.DEFAULT.withDefaultRoom(lobby));
        try (WsTestClient v1 = WsTestClient.connect(server.port())) {
            assertThat(v1.subprotocol()).isEmpty();
            v1.await("\"cmd\":\"RoomInfo\"");
            v1.send(WsTestClient.connect("Alice", "Pebble Quest"));
            v1.await("\"cmd\":\"Connected\"");
            assertThat(server.loadedRooms()).containsExactly(lobby);
        }
    }

    @Test
    void withoutADefaultRoomAV1ClientIsClosed() throws Exception {
        start(HostConfig.DEFAULT);
        try (WsTestClient v1 = WsTestClient.connect(server.port())) {
            assertThat(v1.closed.get(5, TimeUnit.SECONDS).code()).isEqualTo(1000);
            assertThat(v1.frames).isEmpty();
        }
    }

    @Test
    void anInvalidJoinIsClosedWithNoInformation() throws Exception {
        start(HostConfig.DEFAULT.withDefaultRoom(lobby));
        for (String join : List.of("[{\"cmd\":\"Join\",\"id\":\"ZZZZ\"}]", "[{\"cmd\":\"Join\",\"id\":\"no such room\"}]",
                "[{\"cmd\":\"Join\"}]", "[{\"cmd\":\"Join\",\"id\":4}]", "not json")) {
            try (WsTestClient c = WsTestClient.connect(server.port(), "v2.0")) {
                c.send(join);
                assertThat(c.closed.get(5, TimeUnit.SECONDS)).as(join).isEqualTo(new WsTestClient.Close(1000, ""));
                assertThat(c.frames).as(join).isEmpty();
            }
        }
        // Strict: anything but Join first is illegal and closes; so does a second Join.
        try (WsTestClient c = WsTestClient.connect(server.port(), "v2.0")) {
            c.send(WsTestClient.connect("Alice", "Pebble Quest"));
            assertThat(c.closed.get(5, TimeUnit.SECONDS).code()).isEqualTo(1000);
            assertThat(c.frames).isEmpty();
        }
        try (WsTestClient c = joined(one, "AAAA", "Alice", "Pebble Quest")) {
            c.send("[{\"cmd\":\"Join\",\"id\":\"BBBB\"}]");
            assertThat(c.closed.get(5, TimeUnit.SECONDS).code()).isEqualTo(1000);
        }
        assertThat(server.loadedRooms()).doesNotContain(new RoomId("ZZZZ"));
    }

    @Test
    void lenientHostsIgnoreASecondJoin() throws Exception {
        start(HostConfig.DEFAULT.withStrict(false));
        try (WsTestClient c = joined(one, "AAAA", "Alice", "Pebble Quest")) {
            c.send("[{\"cmd\":\"Join\",\"id\":\"BBBB\"},{\"cmd\":\"Say\",\"text\":\"still here\"}]");
            c.await("Alice: still here");
            assertThat(c.closed).isNotDone();
        }
    }

    @Test
    void anIdleRoomIsUnloadedAndComesBackWithItsProgress() throws Exception {
        start(HostConfig.DEFAULT.withIdleTimeout(Duration.ofMillis(300)));
        try (WsTestClient bob = joined(one, "AAAA", "Bob", "Lantern Run")) {
            bob.send("[{\"cmd\":\"LocationChecks\",\"locations\":[4001]},{\"cmd\":\"Set\",\"key\":\"progress\",\"default\":0,"
                    + "\"want_reply\":true,\"operations\":[{\"operation\":\"add\",\"value\":7}]},"
                    + "{\"cmd\":\"LocationScouts\",\"locations\":[4002],\"create_as_hint\":2}]");
            bob.await("\"cmd\":\"SetReply\"");
            bob.await("\"cmd\":\"LocationInfo\"");
        }
        awaitUnloaded(one);
        assertThat(store.roomDirectory(one).resolve(DirectoryRoomStore.SAVE)).exists();
        assertThat(server.loadCount()).isEqualTo(1);
        try (WsTestClient alice = joined(one, "aaaa", "Alice", "Pebble Quest")) {
            // Alice receives the Golden Key Bob found before the unload.
            alice.await(f -> f.contains("\"cmd\":\"ReceivedItems\"") && f.contains("\"item\":1003"));
            alice.send("[{\"cmd\":\"Get\",\"keys\":[\"progress\",\"_read_hints_0_1\"]}]");
            String retrieved = alice.await("\"cmd\":\"Retrieved\"");
            assertThat(retrieved).contains("\"progress\":7").contains("\"location\":4002");
        }
        try (WsTestClient bob = joined(one, "AAAA", "Bob", "Lantern Run")) {
            assertThat(bob.frames.stream().filter(f -> f.contains("\"cmd\":\"Connected\"")).findFirst().orElseThrow())
                    .contains("\"checked_locations\":[4001]");
        }
        assertThat(server.loadCount()).isEqualTo(2);
    }

    @Test
    void eachRoomRunsItsOwnTimer() throws Exception {
        start(HostConfig.DEFAULT);
        try (WsTestClient alice = joined(one, "AAAA", "Alice", "Pebble Quest");
                WsTestClient other = joined(two, "BBBB", "Alice", "Pebble Quest")) {
            alice.send("[{\"cmd\":\"Say\",\"text\":\"!countdown 1\"}]");
            alice.await(f -> f.contains("\"type\":\"Countdown\"") && f.contains("\"countdown\":0"));
            other.send("[{\"cmd\":\"Say\",\"text\":\"after\"}]");
            other.await("Alice: after");
            assertThat(String.join("", other.frames)).doesNotContain("Countdown");
        }
    }

    @Test
    void aCorruptSaveIsNeverReplacedByAFreshRoom() throws Exception {
        Path save = store.roomDirectory(two).resolve(DirectoryRoomStore.SAVE);
        Files.writeString(save, "{\"format\":\"something else\"}");
        start(HostConfig.DEFAULT);
        try (WsTestClient c = WsTestClient.connect(server.port(), "v2.0")) {
            c.send("[{\"cmd\":\"Join\",\"id\":\"BBBB\"}]");
            assertThat(c.closed.get(5, TimeUnit.SECONDS).code()).isEqualTo(1000);
            assertThat(c.frames).isEmpty();
        }
        assertThat(Files.readString(save)).isEqualTo("{\"format\":\"something else\"}");
    }

    @Test
    void theTextClientJoinsARoomWithDashDashRoom() throws Exception {
        start(HostConfig.DEFAULT);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        TextClient.Options options = new TextClient.Options(URI.create("ws://127.0.0.1:" + server.port()), "Bob", "Lantern Run",
                "sesame", "bbbb", List.of("AP"), dir.resolve("cache"), Duration.ofSeconds(2), Duration.ofSeconds(3),
                Duration.ofMillis(50), Duration.ofMillis(200), 2);
        int status = new TextClient(options, new ByteArrayInputStream("/check Dark Hall\n".getBytes(StandardCharsets.UTF_8)),
                new PrintStream(bytes, true, StandardCharsets.UTF_8), Clock.systemUTC(), new SplittableRandom(7)).run();
        List<String> lines = Arrays.asList(bytes.toString(StandardCharsets.UTF_8).split("\\R"));
        assertThat(status).as(String.join("\n", lines)).isZero();
        assertThat(lines).containsSubsequence("Connected as Bob (slot 2, team 0)", "Checked Dark Hall");
        assertThat(server.loadedRooms()).containsExactly(two);
    }

    @Test
    void theReadyClientJoinsByRoomIdAndPlays() throws Exception {
        start(HostConfig.DEFAULT.withDefaultRoom(lobby));
        List<Long> aliceGot = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (ArchipelagoClient alice = readyClient("Alice", "Pebble Quest").room("aaaa").build();
                ArchipelagoClient bob = readyClient("Bob", "Lantern Run").room("AAAA").build();
                ArchipelagoClient v1 = readyClient("Bob", "Lantern Run").build()) {
            alice.onItemReceived(item -> aliceGot.add(item.item().item()));
            assertThat(alice.connect().get(10, TimeUnit.SECONDS).slot()).isEqualTo(1);
            assertThat(bob.connect().get(10, TimeUnit.SECONDS).slot()).isEqualTo(2);
            assertThat(v1.connect().get(10, TimeUnit.SECONDS).slot()).as("a v1.0 client in the default room").isEqualTo(2);
            bob.check("Dark Hall").get(10, TimeUnit.SECONDS);
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (!aliceGot.contains(1003L) && System.nanoTime() < end) {
                Thread.sleep(10);
            }
            assertThat(aliceGot).contains(1003L);
            assertThat(server.loadedRooms()).containsExactly(one, lobby);
        }
    }

    private ArchipelagoClient.Builder readyClient(String name, String game) {
        return ArchipelagoClient.builder("ws://127.0.0.1:" + server.port(), name, game).password("sesame")
                .cacheDirectory(dir.resolve("cache")).backoff(Duration.ofMillis(20), Duration.ofMillis(100))
                .random(new SplittableRandom(name.hashCode()));
    }

    @Test
    void theTextClientGivesUpOnARoomTheServerDoesNotHave() throws Exception {
        start(HostConfig.DEFAULT);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        TextClient.Options options = new TextClient.Options(URI.create("ws://127.0.0.1:" + server.port()), "Bob", "Lantern Run",
                "sesame", "ZZZZ", List.of("AP"), dir.resolve("cache"), Duration.ofSeconds(2), Duration.ofSeconds(3),
                Duration.ofMillis(50), Duration.ofMillis(200), 2);
        int status = new TextClient(options, new ByteArrayInputStream("hello\n".getBytes(StandardCharsets.UTF_8)),
                new PrintStream(bytes, true, StandardCharsets.UTF_8), Clock.systemUTC(), new SplittableRandom(7)).run();
        String printed = bytes.toString(StandardCharsets.UTF_8);
        assertThat(status).as(printed).isNotZero();
        assertThat(printed).doesNotContain("Connected as");
        assertThat(server.loadedRooms()).isEmpty();
    }

    @Test
    void createAddsARoomAndPrintsItsIdAloneOnTheLastLine() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = RoomsCommand.run(new String[] {"--rooms", store.directory().toString(), "--create", demoFile.toString()},
                READER, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
        String[] lines = out.toString(StandardCharsets.UTF_8).split("\\R");
        RoomId id = RoomId.parse(lines[lines.length - 1]).orElseThrow();
        assertThat(id.value()).isEqualTo(lines[lines.length - 1]).hasSize(6);
        assertThat(store.list()).contains(id).hasSize(4);
        assertThat(store.roomDirectory(id).resolve("multiworld.archipelago")).hasSameBinaryContentAs(demoFile);

        Path bad = Files.writeString(dir.resolve("bad.json"), "{}");
        int refused = RoomsCommand.run(new String[] {"--rooms", store.directory().toString(), "--create", bad.toString()},
                READER, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(refused).isEqualTo(1);
        assertThat(store.list()).hasSize(4);
    }

    @Test
    void parsesRoomsOptions() {
        RoomsCommand.Options o = RoomsCommand.parse(new String[] {"--rooms", "r", "--default-room", "k7pq", "--idle-minutes",
            "0.5", "--lenient", "--port", "0"});
        assertThat(o.defaultRoom()).isEqualTo(new RoomId("K7PQ"));
        assertThat(o.idle()).isEqualTo(Duration.ofSeconds(30));
        assertThat(o.strict()).isFalse();
        assertThat(o.port()).isZero();
        assertThatThrownBy(() -> RoomsCommand.parse(new String[] {"--default-room", "K7PQ"})).hasMessageContaining("--rooms");
        assertThatThrownBy(() -> RoomsCommand.parse(new String[] {"--rooms", "r", "--default-room", "l0l0"}))
                .hasMessageContaining("room id");
        assertThatThrownBy(() -> RoomsCommand.parse(new String[] {"--rooms", "r", "--idle-minutes", "-1"}))
                .hasMessageContaining("positive");
        assertThat(RoomsCommand.wanted(new String[] {"--port", "1", "--rooms", "r"})).isTrue();
        assertThat(RoomsCommand.wanted(new String[] {"--port", "1"})).isFalse();
    }

    @Test
    @Timeout(40)
    void aSlowReaderInOneRoomIsClosedWhileAnotherRoomIsAnswered() throws Exception {
        // Room A (the default room, v1.0 peers): one peer never reads while another chats; room B: a v2.0 canary.
        start(HostConfig.DEFAULT.withDefaultRoom(lobby), limits("--max-queued-bytes", "262144", "--commands-per-second", "100000",
                "--bytes-per-second", "67108864"));
        AttackPeers.Peer sleeper = inDefaultRoom("Bob", "Lantern Run");
        sleeper.keep = false;
        sleeper.reading = false;
        AttackPeers.Peer chatter = inDefaultRoom("Alice", "Pebble Quest");
        try (WsTestClient canary = joined(two, "BBBB", "Alice", "Pebble Quest")) {
            String frame = AttackPeers.frameOf("{\"cmd\":\"Say\",\"text\":\"" + "c".repeat(4000) + "\"}", 5);
            long worst = 0;
            int sent = 0;
            long echoes = 0;
            // The kernel buffers a few MB of what the sleeper does not read; 16 M characters of chat is far beyond
            // that and the 256 KiB bound, so the sleeper has been closed by then.
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (chatter.received.get() < 16_000_000 && System.nanoTime() < end) {
                assertThat(chatter.send(frame, Duration.ofSeconds(5))).as("the chatter is open: %s %s", chatter.closed.getNow(null),
                        chatter.closeReason).isTrue();
                if (++sent % 40 == 0) {
                    long t0 = System.nanoTime();
                    canary.send("[{\"cmd\":\"Say\",\"text\":\"canary " + sent + "\"}]");
                    canary.await("Alice: canary " + sent);
                    worst = Math.max(worst, System.nanoTime() - t0);
                }
                // stay at most 3 frames ahead of the echoes: the chatter is no slow reader
                while (echoes < (sent - 3L) * 5 && System.nanoTime() < end) {
                    String m = chatter.messages.poll(10, TimeUnit.MILLISECONDS);
                    if (m != null) {
                        // a room sends the echoes of one burst as one message (a JSON array of commands)
                        echoes += m.split("Alice: cccc", -1).length - 1;
                    }
                }
            }
            assertThat(chatter.received.get()).as("chat echoed to the chatter: %d frames, %d echoes", sent, echoes)
                    .isGreaterThanOrEqualTo(16_000_000);
            sleeper.resume();
            assertThat(sleeper.closed.get(10, TimeUnit.SECONDS)).as(sleeper.closeReason).isEqualTo(1008);
            assertThat(sleeper.closeReason).startsWith("reading too slowly: ").contains("limit 262144");
            assertThat(TimeUnit.NANOSECONDS.toMillis(worst)).as("the canary's slowest answer, ms").isLessThan(2_000);
            assertThat(chatter.closed).as("the chatter reads and stays").isNotDone();
            canary.send("[{\"cmd\":\"Say\",\"text\":\"after\"}]");
            canary.await("Alice: after");
            assertThat(String.join("", canary.frames)).doesNotContain("cccc");
        } finally {
            sleeper.abort();
            chatter.abort();
        }
    }

    /** {@return a v1.0 peer logged in to the default room (it waits for RoomInfo: the room may be loading)} */
    private AttackPeers.Peer inDefaultRoom(String name, String game) throws Exception {
        AttackPeers.Peer p = AttackPeers.Peer.open("ws://127.0.0.1:" + server.port());
        p.await(m -> m.contains("\"RoomInfo\""), Duration.ofSeconds(10));
        p.send(AttackPeers.connect(name, game, "sesame"));
        p.await(m -> m.contains("\"Connected\""), Duration.ofSeconds(10));
        return p;
    }

    @Test
    void aFrameOfMoreCommandsThanTheBurstBeforeJoinIsClosed() throws Exception {
        // Lenient, so that the host would ignore the commands one by one: the connection's bound closes it first.
        start(HostConfig.DEFAULT.withStrict(false), limits("--command-burst", "10"));
        String within = AttackPeers.frameOf("{\"cmd\":\"GetDataPackage\"}", 10);
        try (WsTestClient c = WsTestClient.connect(server.port(), "v2.0")) {
            c.send(within);
            c.send("[{\"cmd\":\"Join\",\"id\":\"AAAA\"}]");
            c.await("\"cmd\":\"RoomInfo\"");
            assertThat(c.frames).as("ignored before Join").hasSize(1);
        }
        try (WsTestClient c = WsTestClient.connect(server.port(), "v2.0")) {
            c.send(AttackPeers.frameOf("{\"cmd\":\"GetDataPackage\"}", 5000));
            assertThat(c.closed.get(5, TimeUnit.SECONDS))
                    .isEqualTo(new WsTestClient.Close(1008, "5000 commands in one frame, more than the limit of 10"));
            assertThat(c.frames).isEmpty();
        }
        assertThat(server.loadedRooms()).containsExactly(one);
    }

    @Test
    void theLoginDeadlineAppliesAfterJoin() throws Exception {
        start(HostConfig.DEFAULT, limits("--login-timeout-ms", "700"));
        try (WsTestClient idle = WsTestClient.connect(server.port(), "v2.0");
                WsTestClient player = joined(one, "AAAA", "Alice", "Pebble Quest")) {
            idle.send("[{\"cmd\":\"Join\",\"id\":\"AAAA\"}]");
            idle.await("\"cmd\":\"RoomInfo\"");
            assertThat(idle.closed.get(5, TimeUnit.SECONDS))
                    .isEqualTo(new WsTestClient.Close(1008, "no successful Connect within 700 ms"));
            // the logged-in player, joined at the same time, is past the deadline and still served
            player.send("[{\"cmd\":\"Say\",\"text\":\"still here\"}]");
            player.await("Alice: still here");
            assertThat(player.closed).isNotDone();
        }
    }

    @Test
    void roomsModeTakesTheSingleRoomServersLimitOptions() throws Exception {
        RoomsCommand.Options o = RoomsCommand.parse(new String[] {"--rooms", "r", "--max-queued-bytes", "1000",
            "--login-timeout-ms", "1500", "--storage-key-length", "7", "--prelogin-commands", "3"});
        assertThat(o.limits().connection().maxQueuedBytes()).isEqualTo(1000);
        assertThat(o.limits().connection().loginTimeout()).isEqualTo(Duration.ofMillis(1500));
        assertThat(o.limits().room().storageLimits().maxKeyLength()).isEqualTo(7);
        assertThat(o.limits().room().loginLimits().maxPreLoginCommands()).isEqualTo(3);
        assertThatThrownBy(() -> RoomsCommand.parse(new String[] {"--rooms", "r", "--max-queued-bytes", "0"}))
                .hasMessageContaining("positive");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(RoomsCommand.run(new String[] {"--rooms", "r", "--help"}, READER,
                new PrintStream(out, true, StandardCharsets.UTF_8), System.err)).isZero();
        String help = out.toString(StandardCharsets.UTF_8);
        assertThat(help).contains("--rooms DIR").endsWith(ServerLimits.help());
        assertThat(ExampleServerCommand.help()).endsWith(ServerLimits.help());
    }

    private void awaitUnloaded(RoomId id) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (server.loadedRooms().contains(id)) {
            assertThat(System.nanoTime()).as("room " + id + " unloaded within 5 s").isLessThan(end);
            Thread.sleep(20);
        }
    }
}
