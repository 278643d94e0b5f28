package dev.apwire.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The example server on loopback, end to end with two text clients (Alice and Bob of the demo multiworld). */
@Timeout(10)
class ExampleServerTest {

    @TempDir
    Path cache;

    private ExampleServer server;

    @BeforeEach
    void start() throws Exception {
        server = ExampleServer.start("127.0.0.1", 0, DemoWorld.load());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private TextClient.Options options(String name, String game, String password) {
        return new TextClient.Options(URI.create("ws://127.0.0.1:" + server.port()), name, game, password, null, List.of("AP"),
                cache, Duration.ofSeconds(2), Duration.ofSeconds(3), Duration.ofMillis(50), Duration.ofMillis(200), 2);
    }

    /** A client running on its own thread, printing into a buffer. */
    private static final class Client {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final CompletableFuture<Integer> status;

        Client(TextClient.Options options, InputStream input) {
            PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
            status = CompletableFuture.supplyAsync(() -> {
                try {
                    return new TextClient(options, input, out, Clock.systemUTC(), new SplittableRandom(7)).run();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
        }

        List<String> lines() {
            return Arrays.asList(bytes.toString(StandardCharsets.UTF_8).split("\\R"));
        }

        void awaitLine(Predicate<String> line) throws InterruptedException {
            while (lines().stream().noneMatch(line)) {
                assertThat(status).as("client still running; printed " + lines()).isNotDone();
                Thread.sleep(20);
            }
        }
    }

    @Test
    void bobsCheckReachesAliceWithNames() throws Exception {
        PipedOutputStream aliceInput = new PipedOutputStream();
        Client alice = new Client(options("Alice", "Pebble Quest", "sesame"), new PipedInputStream(aliceInput));
        alice.awaitLine("Received Red Pebble (from Archipelago)"::equals);

        Client bob = new Client(options("Bob", "Lantern Run", "sesame"),
                new ByteArrayInputStream("/check Dark Hall\n".getBytes(StandardCharsets.UTF_8)));
        assertThat(bob.status.get()).isZero();
        alice.awaitLine("Received Golden Key (from Bob)"::equals);
        alice.awaitLine(l -> l.startsWith("Bob (Team #1) has left the game.")); // Bob's client has ended
        aliceInput.close();
        assertThat(alice.status.get()).isZero();

        assertThat(alice.lines()).containsSubsequence("Connected as Alice (slot 1, team 0)",
                "Received Red Pebble (from Archipelago)");
        assertThat(alice.lines()).contains("Bob (Team #1) playing Lantern Run has joined. Client(0.6.2), ['AP'].",
                "Bob sent Golden Key to Alice (Dark Hall)", "Received Golden Key (from Bob)");
        assertThat(bob.lines()).containsSubsequence("Connected as Bob (slot 2, team 0)", "Checking Dark Hall (4001)",
                "Bob sent Golden Key to Alice (Dark Hall)", "Checked Dark Hall");
        assertThat(alice.lines()).anySatisfy(l -> assertThat(l).startsWith("Bob (Team #1) has left the game."));
        assertThat(String.join("\n", alice.lines()) + String.join("\n", bob.lines()))
                .doesNotContain("internal error", "not valid", "compression");
    }

    @Test
    void aWrongPasswordIsARefusalInWords() throws Exception {
        Client c = new Client(options("Alice", "Pebble Quest", "nope"),
                new ByteArrayInputStream("hello\n".getBytes(StandardCharsets.UTF_8)));
        assertThat(c.status.get()).isEqualTo(TextClient.EXIT_REFUSED);
        assertThat(c.lines()).contains("Connection refused: the password is wrong");
    }

    @Test
    void chatAndCommandsComeBack() throws Exception {
        Client c = new Client(options("Alice", "Pebble Quest", "sesame"),
                new ByteArrayInputStream("hello\n!missing\n".getBytes(StandardCharsets.UTF_8)));
        assertThat(c.status.get()).isZero();
        // The text client takes a command's first answer message as its end and may stop before the others of a
        // several-message answer (the room answers !missing line by line, as the reference): only the first is sure.
        assertThat(c.lines()).contains("Alice: hello", "Alice: !missing", "Missing: Pebble Cave");
    }

    @Test
    void parsesOptionsAndPrintsTheUrl() {
        assertThat(ExampleServerCommand.parse(new String[0])).isEqualTo(new ExampleServerCommand.Options("127.0.0.1", 38281));
        assertThat(ExampleServerCommand.parse(new String[] {"--port", "0", "--host", "0.0.0.0"}))
                .isEqualTo(new ExampleServerCommand.Options("0.0.0.0", 0));
        assertThatThrownBy(() -> ExampleServerCommand.parse(new String[] {"--port", "x"})).hasMessageContaining("--port");
        assertThatThrownBy(() -> ExampleServerCommand.parse(new String[] {"--frob", "1"})).hasMessageContaining("unknown");
        assertThat(ExampleServerCommand.startupLine("0.0.0.0", 38281, DemoWorld.load())).isEqualTo(
                "server: Archipelago room at ws://127.0.0.1:38281 (seed 48213906571023846519); slots: 1 Alice (Pebble Quest), "
                        + "2 Bob (Lantern Run); password: sesame");
        assertThat(ExampleServer.closeReason("x".repeat(300))).hasSize(120);
    }
}
