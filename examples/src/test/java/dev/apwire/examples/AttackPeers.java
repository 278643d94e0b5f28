package dev.apwire.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** The pieces of the attack suite: a server in a child JVM, WebSocket peers on the JDK client, and a canary. */
final class AttackPeers {

    private AttackPeers() {
    }

    static final HttpClient HTTP = HttpClient.newHttpClient();

    /**
     * {@code apwire.jar} in a child JVM with a small heap: its port from the first line it prints, its standard
     * error kept, its heap after a full GC read with {@code jcmd}.
     */
    static final class Child implements AutoCloseable {
        final Process process;
        final int port;
        final StringBuffer err = new StringBuffer();

        Child(String heap, String... args) throws IOException {
            List<String> command = new ArrayList<>(List.of(javaTool("java"), "-Xmx" + heap, "-XX:+UseSerialGC",
                    "-Dslf4j.internal.verbosity=ERROR", "-cp", System.getProperty("java.class.path"),
                    "dev.apwire.examples.Main"));
            command.addAll(List.of(args));
            process = new ProcessBuilder(command).start();
            Thread errPump = new Thread(() -> pump(new BufferedReader(new InputStreamReader(process.getErrorStream(),
                    StandardCharsets.UTF_8)), err), "child-stderr");
            errPump.setDaemon(true);
            errPump.start();
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            Pattern address = Pattern.compile("127\\.0\\.0\\.1:(\\d+)");
            Matcher m = null;
            for (int i = 0; i < 20 && (m == null || !m.find()); i++) {
                String line = out.readLine();
                assertThat(line).as("the child's line with its address (stderr: %s)", err).isNotNull();
                m = address.matcher(line);
            }
            assertThat(m).isNotNull();
            port = Integer.parseInt(m.group(1));
            Thread outPump = new Thread(() -> pump(out, new StringBuffer()), "child-stdout");
            outPump.setDaemon(true);
            outPump.start();
        }

        private static void pump(BufferedReader in, StringBuffer into) {
            try {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    into.append(line).append('\n');
                }
            } catch (IOException e) {
                // the child ended
            }
        }

        /** {@return the child's heap in use after a full GC, in bytes} */
        long heapAfterGc() throws Exception {
            jcmd("GC.run");
            String info = jcmd("GC.heap_info");
            long used = 0;
            Matcher m = Pattern.compile("(?m)^\\s*(def new generation|tenured generation).*?used (\\d+)K").matcher(info);
            while (m.find()) {
                used += Long.parseLong(m.group(2)) * 1024;
            }
            assertThat(used).as(info).isPositive();
            return used;
        }

        private String jcmd(String what) throws Exception {
            Process p = new ProcessBuilder(javaTool("jcmd"), Long.toString(process.pid()), what).redirectErrorStream(true).start();
            String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
            return text;
        }

        private static String javaTool(String name) {
            return Path.of(System.getProperty("java.home"), "bin", name).toString();
        }

        @Override
        public void close() {
            process.destroy();
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    /** A WebSocket peer on the JDK client: every text message queued; it can stop reading. */
    static final class Peer implements WebSocket.Listener {
        final BlockingQueue<String> messages = new LinkedBlockingQueue<>();
        final CompletableFuture<Integer> closed = new CompletableFuture<>();
        final AtomicLong received = new AtomicLong();
        volatile boolean reading = true;
        volatile boolean keep = true;
        volatile String closeReason = "";
        private StringBuilder part = new StringBuilder();
        WebSocket ws;

        static Peer open(String url) throws Exception {
            Peer p = new Peer();
            // one HttpClient per peer: the JDK WebSocket (17 and 25) can drop a socket read that arrives right after
            // the 101, while it hands the connection from its HTTP/1.1 reader to the WebSocket; it then reads a later
            // frame header as text ("Invalid UTF-8 in frame TEXT") or stalls. A busy shared client widens that window
            // (client/README.md, "A JDK WebSocket fault"; reproduced without apwire in JdkWebSocketTransportTest).
            // apwire's frames are exact on the wire (RelayWireBytesTest reads them with raw sockets).
            p.ws = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5)).buildAsync(URI.create(url), p)
                    .get(10, TimeUnit.SECONDS);
            return p;
        }

        @Override
        public void onOpen(WebSocket webSocket) {
            webSocket.request(1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            received.addAndGet(data.length());
            if (keep) {
                part.append(data);
                if (last) {
                    messages.add(part.toString());
                    part = new StringBuilder();
                }
            }
            if (reading) {
                webSocket.request(1);
            }
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closeReason = reason;
            closed.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closeReason = error + " cause " + error.getCause();
            closed.complete(-1);
        }

        /** Starts reading again after {@code reading = false}. */
        void resume() {
            reading = true;
            ws.request(Long.MAX_VALUE / 2);
        }

        /** Sends a message, waiting at most the timeout for the socket to take it; false when it did not. */
        boolean send(String text, Duration timeout) {
            try {
                ws.sendText(text, true).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                return true;
            } catch (Exception e) {
                return false;
            }
        }

        void send(String text) {
            assertThat(send(text, Duration.ofSeconds(5))).as("sent " + text.substring(0, Math.min(80, text.length()))).isTrue();
        }

        /** {@return the next message matching, waiting up to the timeout; others are dropped} */
        String await(Predicate<String> match, Duration timeout) throws InterruptedException {
            long end = System.nanoTime() + timeout.toNanos();
            while (true) {
                long left = end - System.nanoTime();
                String m = left <= 0 ? null : messages.poll(left, TimeUnit.NANOSECONDS);
                if (m == null) {
                    throw new AssertionError("no matching message within " + timeout);
                }
                if (match.test(m)) {
                    return m;
                }
            }
        }

        void abort() {
            ws.abort();
        }
    }

    static String connect(String name, String game, String password) {
        return "[{\"cmd\":\"Connect\",\"password\":\"" + password + "\",\"game\":\"" + game + "\",\"name\":\"" + name
                + "\",\"uuid\":\"attack-suite\",\"version\":{\"major\":0,\"minor\":6,\"build\":2,\"class\":\"Version\"},"
                + "\"items_handling\":7,\"tags\":[\"AP\"],\"slot_data\":false}]";
    }

    /** Opens a peer and logs in as Bob (slot 2); several peers may share a slot. */
    static Peer loggedIn(int port, String name, String game) throws Exception {
        Peer p = Peer.open("ws://127.0.0.1:" + port);
        p.send(connect(name, game, "sesame"));
        p.await(m -> m.contains("\"Connected\""), Duration.ofSeconds(10));
        return p;
    }

    /** {@return a JSON array of {@code count} copies of one command} */
    static String frameOf(String command, int count) {
        return "[" + String.join(",", Collections.nCopies(count, command)) + "]";
    }

    /**
     * A peer asking the server something every 100 ms on its own thread and timing each answer: the canary of the
     * attack suites. A subclass says what request {@code n} is, how its answer is recognised and what the answer must
     * hold; it calls {@link #start()} at the end of its constructor.
     */
    abstract static class Probe implements AutoCloseable {
        final Peer peer;
        private final String what;
        private final List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        private final List<String> failures = Collections.synchronizedList(new ArrayList<>());
        private final Thread thread;
        private volatile boolean stop;

        /**
         * A probe, not started.
         *
         * @param peer the peer it asks through
         * @param what what one request is called in failures ("request", "echo")
         * @param threadName the name of its thread
         */
        Probe(Peer peer, String what, String threadName) {
            this.peer = peer;
            this.what = what;
            this.thread = new Thread(this::run, threadName);
            thread.setDaemon(true);
        }

        /** {@return request {@code n}, a whole frame} */
        abstract String request(long n);

        /** {@return whether a frame is the answer to request {@code n}} */
        abstract boolean answers(long n, String frame);

        /** {@return what is wrong with the answer to request {@code n}, or {@code null}} */
        @Nullable String check(long n, String answer) {
            return null;
        }

        /** Starts asking. */
        final void start() {
            thread.start();
        }

        private void run() {
            long n = 0;
            while (!stop) {
                n++;
                long start = System.nanoTime();
                try {
                    long k = n;
                    if (!peer.send(request(k), Duration.ofSeconds(3))) {
                        failures.add(what + " " + n + " not sent within 3 s (closed: " + peer.closed.getNow(null) + " "
                                + peer.closeReason + ")");
                    } else {
                        String answer = peer.await(m -> answers(k, m), Duration.ofSeconds(3));
                        latencies.add((System.nanoTime() - start) / 1_000_000);
                        String wrong = check(k, answer);
                        if (wrong != null) {
                            failures.add(what + " " + n + ": " + wrong);
                        }
                    }
                    Thread.sleep(100);
                } catch (AssertionError e) {
                    failures.add(what + " " + n + ": " + e.getMessage());
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        /** Forgets what was measured so far. */
        void reset() {
            latencies.clear();
            failures.clear();
        }

        /** {@return the 99th percentile of the answer times so far, in ms} */
        long p99() {
            List<Long> sorted;
            synchronized (latencies) {
                sorted = new ArrayList<>(latencies);
            }
            Collections.sort(sorted);
            assertThat(sorted).as("canary answers").isNotEmpty();
            return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(sorted.size() * 0.99) - 1));
        }

        List<String> failures() {
            synchronized (failures) {
                return new ArrayList<>(failures);
            }
        }

        int answers() {
            return latencies.size();
        }

        @Override
        public void close() {
            stop = true;
            try {
                thread.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            peer.abort();
        }
    }

    /**
     * A logged-in client asking every 100 ms for a key it stored at the start and timing the answers; each answer
     * must carry the stored value.
     */
    static final class Canary extends Probe {
        private final String value;

        Canary(int port, String value) throws Exception {
            super(loggedIn(port, "Alice", "Pebble Quest"), "request", "canary");
            this.value = value;
            peer.send("[{\"cmd\":\"Set\",\"key\":\"canary\",\"default\":0,\"want_reply\":true,"
                    + "\"operations\":[{\"operation\":\"replace\",\"value\":\"" + value + "\"}]}]");
            peer.await(m -> m.contains("\"SetReply\""), Duration.ofSeconds(5));
            start();
        }

        @Override
        String request(long n) {
            return "[{\"cmd\":\"Get\",\"keys\":[\"canary\"],\"n\":" + n + "}]";
        }

        @Override
        boolean answers(long n, String frame) {
            String tag = "\"n\":" + n;
            return frame.contains("\"Retrieved\"") && frame.contains(tag + "}") || frame.contains(tag + ",");
        }

        @Override
        @Nullable String check(long n, String answer) {
            return answer.contains(value) ? null : "lost the stored value: " + answer;
        }
    }
}
