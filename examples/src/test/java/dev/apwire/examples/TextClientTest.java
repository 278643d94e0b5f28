package dev.apwire.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apwire.protocol.client.ClientPacket;
import dev.apwire.protocol.client.ConnectPacket;
import dev.apwire.protocol.client.GetDataPackagePacket;
import dev.apwire.protocol.client.JoinPacket;
import dev.apwire.protocol.client.LocationChecksPacket;
import dev.apwire.protocol.client.SayPacket;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The text client against an in-process Archipelago server on loopback, with piped input. */
@Timeout(20)
class TextClientTest {

    private static final String PEBBLE_CHECKSUM = "be9d365063adf3d56f6caf1a9a13705f10185d2d";

    @TempDir
    Path cache;

    private FakeArchipelagoServer server;

    @BeforeEach
    void start() throws Exception {
        server = new FakeArchipelagoServer();
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    /** A finished run: its exit status and what it printed, line by line. */
    record Run(int status, List<String> lines) {
        String text() {
            return String.join("\n", lines);
        }

        long count(String line) {
            return lines.stream().filter(line::equals).count();
        }
    }

    private TextClient.Options options(String password, String room) {
        return new TextClient.Options(URI.create(server.url()), "Alice", "Pebble Quest", password, room, List.of("AP"),
                cache, Duration.ofSeconds(3), Duration.ofSeconds(3), Duration.ofMillis(50), Duration.ofMillis(200), 3);
    }

    private static Run run(TextClient.Options options, String input) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        int status = new TextClient(options, new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), out,
                Clock.systemUTC(), new SplittableRandom(7)).run();
        String text = bytes.toString(StandardCharsets.UTF_8);
        return new Run(status, Arrays.asList(text.split("\\R")));
    }

    @Test
    void logsInPrintsWithNamesAndRunsEveryCommand() throws Exception {
        Run run = run(options("sesame", null), String.join("\n",
                "/received", "/missing", "/check Pebble Cave", "/missing", "hello", "/hints", "/frobnicate", "/check Nowhere", ""));

        assertThat(run.status()).isZero();
        assertThat(run.lines()).containsSubsequence(
                "Connected as Alice (slot 1, team 0)",
                "Received Red Pebble (from Archipelago)",
                // /received
                "Red Pebble (from Archipelago)",
                // /missing
                "Pebble Cave", "Pebble Hill", "Pebble Lake",
                // /check Pebble Cave: confirmation, the server's ItemSend rendered with names, the RoomUpdate
                "Checking Pebble Cave (2001)",
                "Alice sent Lantern Oil to Bob (Pebble Cave)",
                "Checked Pebble Cave",
                // /missing after the RoomUpdate
                "Pebble Hill", "Pebble Lake",
                // /hints
                "Lantern Oil for Bob at Pebble Cave in Alice's world (unspecified)",
                "Blue Pebble for Alice at Pebble Hill in Alice's world (unspecified)",
                "unknown command /frobnicate; /help lists the commands",
                "unknown location 'Nowhere'");
        // the Join message and the chat echo (PrintJSON Chat) come whenever the server sends them
        assertThat(run.lines()).contains("Alice (Team #1) playing Pebble Quest has joined. Client(0.6.2), ['AP'].",
                "Alice: hello");
        int checkedAt = run.lines().indexOf("Checked Pebble Cave");
        assertThat(run.lines().subList(checkedAt, run.lines().size())).doesNotContain("Pebble Cave");
        assertThat(run.text()).doesNotContain("compression", "internal error");

        assertThat(server.packets(LocationChecksPacket.class)).singleElement()
                .satisfies(p -> assertThat(p.locations().toLongArray()).containsExactly(2001L));
        assertThat(server.packets(SayPacket.class)).singleElement().satisfies(p -> assertThat(p.text()).isEqualTo("hello"));
        assertThat(server.negotiated).singleElement().satisfies(n -> assertThat(n).contains("permessage-deflate"));
        assertThat(server.packets(GetDataPackagePacket.class)).singleElement()
                .satisfies(p -> assertThat(p.games()).containsExactlyInAnyOrder("Archipelago", "Pebble Quest", "Lantern Run"));

        Path file = cache.resolve("Archipelago/datapackage/Pebble Quest/" + PEBBLE_CHECKSUM + ".json");
        assertThat(file).isRegularFile();
        assertThat(Files.readString(file)).isEqualTo("{\"item_name_to_id\":{\"Red Pebble\":1001,\"Blue Pebble\":1002,"
                + "\"Golden Key\":1003,\"Pebble Trap\":1004},\"location_name_to_id\":{\"Pebble Cave\":2001,"
                + "\"Pebble Hill\":2002,\"Pebble Lake\":2003},\"checksum\":\"" + PEBBLE_CHECKSUM + "\"}");
        try (var files = Files.list(file.getParent())) {
            assertThat(files).as("no temporary file left behind").containsExactly(file);
        }
    }

    @Test
    void aSecondRunUsesTheCacheAndACorruptFileIsFetchedAgain() throws Exception {
        assertThat(run(options("sesame", null), "").status()).isZero();
        assertThat(server.packets(GetDataPackagePacket.class)).hasSize(1);

        Run second = run(options("sesame", null), "/missing\n");
        assertThat(second.status()).isZero();
        assertThat(server.packets(GetDataPackagePacket.class)).as("no GetDataPackage on the second run").hasSize(1);
        assertThat(second.lines()).containsSubsequence("Pebble Cave", "Pebble Hill", "Pebble Lake");

        Path file = cache.resolve("Archipelago/datapackage/Pebble Quest/" + PEBBLE_CHECKSUM + ".json");
        Files.writeString(file, "{\"item_name_to_id\":{\"Red Pebble\":");
        Run third = run(options("sesame", null), "/missing\n");
        assertThat(third.text()).contains("ignoring the cached data package " + file);
        assertThat(server.packets(GetDataPackagePacket.class)).hasSize(2);
        assertThat(server.packets(GetDataPackagePacket.class).get(1).games()).containsExactly("Pebble Quest");
        assertThat(third.lines()).containsSubsequence("Pebble Cave", "Pebble Hill", "Pebble Lake");
        assertThat(Files.readString(file)).contains("\"Pebble Cave\":2001");
    }

    @Test
    void aWrongPasswordIsARefusalInWords() throws Exception {
        Run run = run(options("nope", null), "hello\n");
        assertThat(run.status()).isEqualTo(TextClient.EXIT_REFUSED);
        assertThat(run.lines()).contains("Connection refused: the password is wrong");
        assertThat(server.packets(SayPacket.class)).isEmpty();

        Run none = run(options(null, null), "");
        assertThat(none.lines()).contains("Connection refused: the room needs a password (--password)");
    }

    @Test
    void reconnectsAfterTheServerDropsWithoutRepeatingItems() throws Exception {
        server.dropAfterLogin(1);
        Run run = run(options("sesame", null), "/check 2002\n/received\n");
        assertThat(run.status()).isZero();
        assertThat(run.lines()).anySatisfy(l -> assertThat(l).matches("connection lost \\(code 1001, going away\\); reconnecting in 0\\.\\d s"));
        assertThat(run.count("Connected as Alice (slot 1, team 0)")).isEqualTo(2);
        assertThat(run.count("Received Red Pebble (from Archipelago)")).as("the item is not printed twice").isEqualTo(1);
        assertThat(run.count("Red Pebble (from Archipelago)")).as("/received lists it once").isEqualTo(1);
        assertThat(run.lines()).contains("Checked Pebble Hill");
        assertThat(server.packets(ConnectPacket.class)).hasSize(2);
        assertThat(server.negotiated).hasSize(2);
    }

    @Test
    void givesUpWhenTheServerIsUnreachable() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        TextClient.Options o = new TextClient.Options(URI.create("ws://127.0.0.1:" + port + "/"), "Alice", "Pebble Quest",
                null, null, List.of("AP"), cache, Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofMillis(10), Duration.ofMillis(20), 2);
        Run run = run(o, "hello\n");
        assertThat(run.status()).isEqualTo(TextClient.EXIT_UNREACHABLE);
        assertThat(run.lines()).hasSize(2);
        assertThat(run.lines().get(0)).startsWith("could not connect to ws://127.0.0.1:" + port + "/").contains("reconnecting in");
        assertThat(run.lines().get(1)).endsWith("giving up after 2 attempts");
    }

    @Test
    void roomJoinsWithProtocolV2() throws Exception {
        Run run = run(options("sesame", "room-7"), "");
        assertThat(run.status()).isZero();
        assertThat(server.negotiated).singleElement().satisfies(n -> assertThat(n).contains("permessage-deflate", "subprotocol=v2.0"));
        List<ClientPacket> packets = server.packets;
        assertThat(packets.get(0)).isEqualTo(new JoinPacket("room-7"));
        assertThat(run.lines()).contains("Connected as Alice (slot 1, team 0)");
    }

    @Test
    void serverErrorsArePrintedInWords() throws Exception {
        Run run = run(options("sesame", null), "!misbehave\n");
        assertThat(run.status()).isZero();
        assertThat(run.lines()).contains("Alice: !misbehave", "The server rejected a packet (Get): Retrieve",
                "The server sent an unknown command Frobnicated; ignored");
        assertThat(run.lines()).anySatisfy(l -> assertThat(l).startsWith("the server sent a frame that is not valid ("));
        assertThat(run.lines()).anySatisfy(l -> assertThat(l).startsWith("the server sent a packet that is not valid (")
                .contains("index"));
    }

    @Test
    void aHintCommandAnsweredWithoutCommandResultDoesNotStall() throws Exception {
        Run run = run(options("sesame", null), "!hint Golden Key\nhello\n");
        assertThat(run.status()).isZero();
        assertThat(run.lines()).containsSubsequence("Alice: !hint Golden Key",
                "[Hint]: Alice's Golden Key is at Dark Hall in Bob's World.", "Alice: hello");
        assertThat(run.text()).as("the hint line answered the command").doesNotContain("end of input: stopping without");
        assertThat(server.packets(SayPacket.class)).extracting(SayPacket::text).containsExactly("!hint Golden Key", "hello");
    }

    @Test
    void endOfInputWaitsForAnswersAtMostTheTimeout() throws Exception {
        server.ignoreChecks();
        TextClient.Options o = options("sesame", null);
        o = new TextClient.Options(o.url(), o.name(), o.game(), o.password(), o.roomId(), o.tags(), o.cacheDir(),
                Duration.ofMillis(300), o.loginTimeout(), o.backoffMin(), o.backoffMax(), o.maxAttempts());
        long start = System.nanoTime();
        Run run = run(o, "/check Pebble Lake\n");
        assertThat(run.status()).isZero();
        assertThat(run.lines()).contains("Checking Pebble Lake (2003)",
                "end of input: stopping without 0 answers, 1 check confirmations, 0 chat echoes and 0 command results");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }

    @Test
    void aServerThatNeverSendsRoomInfoCountsAsAFailedAttempt() throws Exception {
        TextClient.Options o = options("sesame", "room-7"); // v2.0: the fake server waits for Join ...
        server.ignoreJoin(); // ... and ignores it
        o = new TextClient.Options(o.url(), o.name(), o.game(), o.password(), o.roomId(), o.tags(), o.cacheDir(),
                o.answerTimeout(), Duration.ofSeconds(1), o.backoffMin(), o.backoffMax(), 2);
        // One second, not less: the loopback handshake must finish inside it even on a starved machine, or the
        // attempt ends as "could not connect" instead (seen once with 200 ms under heavy parallel load).
        Run run = run(o, "hello\n");
        assertThat(run.status()).isEqualTo(TextClient.EXIT_UNREACHABLE);
        assertThat(run.lines()).hasSize(2);
        assertThat(run.lines().get(0)).matches("connection lost \\(no login within 1 s\\); reconnecting in 0\\.\\d s");
        assertThat(run.lines().get(1)).isEqualTo("connection lost (no login within 1 s); giving up after 2 attempts");
        assertThat(server.negotiated).hasSize(2);
    }

    @Test
    void exitCommandEndsAtOnce() throws Exception {
        Run run = run(options("sesame", null), "/exit\nhello\n");
        assertThat(run.status()).isZero();
        assertThat(server.packets(SayPacket.class)).isEmpty();
    }

    @Test
    void parsesOptions() {
        TextClient.Options o = TextClientCommand.parse(new String[] {"--url", "ws://h:38281", "--name", "Alice", "--game",
                "Pebble Quest"}, Map.of(), "/home/u");
        assertThat(o.cacheDir()).isEqualTo(Path.of("/home/u/.cache"));
        assertThat(o.tags()).containsExactly("AP");
        assertThat(o.roomId()).isNull();
        assertThat(o.maxAttempts()).isEqualTo(10);
        assertThat(o.answerTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(o.loginTimeout()).isEqualTo(Duration.ofSeconds(15));

        o = TextClientCommand.parse(new String[] {"--url", "localhost:38281", "--name", "A", "--game", "", "--tags",
                "AP,TextOnly", "--room", "r1", "--password", "p", "--answer-timeout", "0.5", "--max-attempts", "0"},
                Map.of("XDG_CACHE_HOME", "/xdg"), "/home/u");
        assertThat(o.url()).isEqualTo(URI.create("ws://localhost:38281"));
        assertThat(o.cacheDir()).isEqualTo(Path.of("/xdg"));
        assertThat(o.tags()).containsExactly("AP", "TextOnly");
        assertThat(o.roomId()).isEqualTo("r1");
        assertThat(o.answerTimeout()).isEqualTo(Duration.ofMillis(500));
        assertThat(o.maxAttempts()).isZero();

        assertThat(TextClientCommand.parse(new String[] {"--url", "ws://h:1", "--name", "A", "--game", "G",
                "--cache-dir", "/c"}, Map.of("XDG_CACHE_HOME", "relative"), "/home/u").cacheDir()).isEqualTo(Path.of("/c"));
        assertThatThrownBy(() -> TextClientCommand.parse(new String[] {"--url", "ws://h:1"}, Map.of(), "/h"))
                .hasMessageContaining("required");
        assertThatThrownBy(() -> TextClientCommand.parse(new String[] {"--url", "http://h:1", "--name", "A", "--game", "G"},
                Map.of(), "/h")).hasMessageContaining("ws://");
        assertThatThrownBy(() -> TextClientCommand.parse(new String[] {"--name"}, Map.of(), "/h"))
                .hasMessageContaining("missing value");
    }

    @Test
    void helpIsPrintedByTheJarEntryPoint() throws Exception {
        PrintStream saved = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            assertThat(Main.run(new String[] {"client", "--help"}, System.err)).isZero();
        } finally {
            System.setOut(saved);
        }
        assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("usage: java -jar apwire.jar client", "exit status");
    }
}
