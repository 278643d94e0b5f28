package dev.apwire.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example server as a real process: progress a client saw acknowledged survives the process being killed
 * (SIGKILL, no shutdown hook), and a save that cannot be read stops the server without touching the file.
 */
@Timeout(90)
class ServerRestartTest {

    private static final Pattern URL = Pattern.compile("Archipelago room at (ws://[^ ]+) ");

    @TempDir
    Path dir;

    private final List<Process> processes = new ArrayList<>();

    @AfterEach
    void killAll() throws InterruptedException {
        for (Process p : processes) {
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** A server child JVM and the lines it prints. */
    private final class Child {
        final Process process;
        final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        final List<String> seen = new ArrayList<>();

        Child(String... args) throws IOException {
            List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), Main.class.getName(), "server"));
            cmd.addAll(List.of(args));
            process = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            processes.add(process);
            Thread reader = new Thread(() -> {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    String l;
                    while ((l = in.readLine()) != null) {
                        lines.add(l);
                    }
                } catch (IOException e) {
                    lines.add("read error: " + e);
                }
            });
            reader.setDaemon(true);
            reader.start();
        }

        String awaitLine(String containing) throws InterruptedException {
            while (true) {
                String l = lines.poll(30, TimeUnit.SECONDS);
                assertThat(l).as("a line containing '" + containing + "'; so far " + seen).isNotNull();
                seen.add(l);
                if (l.contains(containing)) {
                    return l;
                }
            }
        }

        URI url() throws InterruptedException {
            Matcher m = URL.matcher(awaitLine("Archipelago room at"));
            assertThat(m.find()).isTrue();
            return URI.create(m.group(1));
        }
    }

    /** A raw WebSocket client collecting whole text frames. */
    private static final class Socket implements WebSocket.Listener {
        final BlockingQueue<String> frames = new LinkedBlockingQueue<>();
        private final StringBuilder partial = new StringBuilder();
        final WebSocket ws;

        Socket(URI uri) throws Exception {
            ws = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(uri, this).get(10, TimeUnit.SECONDS);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                frames.add(partial.toString());
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        void send(String frame) throws Exception {
            ws.sendText(frame, true).get(10, TimeUnit.SECONDS);
        }

        String await(String containing) throws InterruptedException {
            while (true) {
                String f = frames.poll(20, TimeUnit.SECONDS);
                assertThat(f).as("a frame containing " + containing).isNotNull();
                if (f.contains(containing)) {
                    return f;
                }
            }
        }

        String login() throws Exception {
            await("\"cmd\":\"RoomInfo\"");
            send("[{\"cmd\":\"Connect\",\"password\":\"sesame\",\"game\":\"Pebble Quest\",\"name\":\"Alice\",\"uuid\":\"u\","
                    + "\"version\":{\"major\":0,\"minor\":6,\"build\":2,\"class\":\"Version\"},\"items_handling\":7,\"tags\":[]}]");
            return await("\"cmd\":\"Connected\"");
        }
    }

    @Test
    void acknowledgedProgressSurvivesAKilledProcess() throws Exception {
        Path save = dir.resolve("room.apwsave");
        Child first = new Child("--port", "0", "--save", save.toString());
        first.awaitLine("no save at");
        Socket alice = new Socket(first.url());
        assertThat(alice.login()).contains("\"checked_locations\":[]");
        alice.send("[{\"cmd\":\"LocationChecks\",\"locations\":[2002]}]");
        alice.await("\"checked_locations\":[2002]");
        alice.send("[{\"cmd\":\"Set\",\"key\":\"coins\",\"default\":0,\"want_reply\":true,"
                + "\"operations\":[{\"operation\":\"add\",\"value\":7}]}]");
        alice.await("\"cmd\":\"SetReply\"");
        alice.send("[{\"cmd\":\"Say\",\"text\":\"!alias Queenie\"}]");
        alice.await("Hello, Queenie");
        alice.send("[{\"cmd\":\"LocationChecks\",\"locations\":[2001]}]");
        alice.await("\"checked_locations\":[2001]");
        // the last acknowledgement is in: kill at once, no shutdown hook runs
        first.process.destroyForcibly();
        assertThat(first.process.waitFor(20, TimeUnit.SECONDS)).isTrue();

        Child second = new Child("--port", "0", "--save", save.toString());
        assertThat(second.awaitLine("restored")).contains("2 checked locations");
        Socket again = new Socket(second.url());
        String connected = again.login();
        assertThat(connected).contains("\"checked_locations\":[2001,2002]", "\"alias\":\"Queenie (Alice)\"");
        again.send("[{\"cmd\":\"Get\",\"keys\":[\"coins\"]}]");
        assertThat(again.await("\"cmd\":\"Retrieved\"")).contains("\"coins\":7");
        // console: the admin commands on stdin
        second.process.getOutputStream().write("/players\n".getBytes(StandardCharsets.UTF_8));
        second.process.getOutputStream().flush();
        assertThat(second.awaitLine("players of")).isEqualTo("1 players of 2 connected :: Team #1: Alice (Bob)");
        // /exit saves and stops the process
        second.process.getOutputStream().write("/exit\n".getBytes(StandardCharsets.UTF_8));
        second.process.getOutputStream().flush();
        assertThat(second.process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(Files.readString(save)).contains("\"Queenie\"");
    }

    /** What {@code server --port 0 --save FILE} returned and printed on standard error, run in this JVM. */
    private record Run(int status, String err) {
    }

    private static Run runWithSave(Path save) throws Exception {
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        int status;
        try {
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            status = ExampleServerCommand.run(new String[] {"--port", "0", "--save", save.toString()});
        } finally {
            System.setErr(err);
        }
        return new Run(status, captured.toString(StandardCharsets.UTF_8));
    }

    @Test
    void anUnreadableSaveStopsTheServerAndIsKept() throws Exception {
        Path save = dir.resolve("broken.apwsave");
        Files.writeString(save, "{\"format\":\"apwire-room-save\",\"version\":1,");
        Run run = runWithSave(save);
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err()).contains("server: cannot restore the save: not a room save",
                "server: not starting; the save is left as it is");
        assertThat(Files.readString(save)).isEqualTo("{\"format\":\"apwire-room-save\",\"version\":1,");
    }

    @Test
    void anUnwritableSaveStopsTheServerBeforeAnyonePlays() throws Exception {
        Path save = dir.resolve("no-such-dir").resolve("room.apwsave");
        Run run = runWithSave(save);
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err()).contains("server: cannot write the save " + save);
    }

    @Test
    void theWarmupOptionChoosesTheWarmUpsAndTheServerServesTheSame() throws Exception {
        Child full = new Child("--port", "0", "--disable-save");
        URI fullUrl = full.url();
        Child room = new Child("--port", "0", "--disable-save", "--warmup", "room");
        URI roomUrl = room.url();
        Child none = new Child("--port", "0", "--disable-save", "--warmup", "none");
        URI noneUrl = none.url();
        assertThat(full.seen).anyMatch(l -> l.startsWith("server: warmed up in"))
                .anyMatch(l -> l.startsWith("server: warmed up Jetty in"));
        assertThat(room.seen).anyMatch(l -> l.startsWith("server: warmed up in"))
                .noneMatch(l -> l.startsWith("server: warmed up Jetty"));
        assertThat(none.seen).noneMatch(l -> l.contains("warmed up"));
        String a = new Socket(fullUrl).login();
        assertThat(new Socket(roomUrl).login()).isEqualTo(a);
        assertThat(new Socket(noneUrl).login()).isEqualTo(a);

        Child bad = new Child("--port", "0", "--warmup", "sometimes");
        assertThat(bad.process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(bad.process.exitValue()).isEqualTo(2);
        assertThat(bad.awaitLine("--warmup")).isEqualTo("server: --warmup is one of full, room, none");
    }
}
