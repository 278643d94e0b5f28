package dev.apwire.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.zip.Inflater;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.ExtensionConfig;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.client.ClientUpgradeRequest;
import org.eclipse.jetty.websocket.client.WebSocketClient;
import org.eclipse.jetty.websocket.core.server.WebSocketServerComponents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** permessage-deflate without context takeover, each broadcast compressed once ({@link SharedDeflateExtension}). */
@Timeout(20)
class SharedDeflateTest {

    /** Inflates one message the way a client does for a message compressed on its own. */
    private static String inflate(ByteBuffer payload) throws Exception {
        Inflater inflater = new Inflater(true);
        ByteBuffer in = ByteBuffer.allocate(payload.remaining() + 4).put(payload).put(new byte[] {0, 0, (byte) 0xFF, (byte) 0xFF}).flip();
        inflater.setInput(in);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[1024];
        while (in.hasRemaining() || !inflater.needsInput()) {
            int n = inflater.inflate(buf);
            if (n == 0 && inflater.needsInput()) {
                break;
            }
            out.write(buf, 0, n);
        }
        inflater.end();
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aFrameCompressedOnItsOwnInflatesToItsText() throws Exception {
        StringBuilder big = new StringBuilder();
        for (int i = 0; big.length() < 300_000; i++) {
            big.append("{\"cmd\":\"PrintJSON\",\"n\":").append(i * 7919 % 100_003).append("},");
        }
        for (String text : List.of("[]", "[{\"cmd\":\"Bounced\",\"data\":{\"é\":\"ü€𝄞\"}}]", big.toString())) {
            OutFrame f = new OutFrame(text.getBytes(StandardCharsets.UTF_8));
            ByteBuffer d = f.deflated();
            assertThat(inflate(d.duplicate())).isEqualTo(text);
            assertThat(d.limit()).as("no 00 00 FF FF tail").isGreaterThan(0);
            assertThat(f.deflated()).as("made once, shared").isEqualTo(d);
            assertThat(f.text()).isEqualTo(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)));
        }
        assertThat(inflate(ByteBuffer.wrap(OutFrame.deflate(ByteBuffer.allocate(0))))).isEmpty();
    }

    /** The client's listener; public for Jetty's method lookup. */
    public static final class Reader implements Session.Listener.AutoDemanding {
        private final CompletableFuture<Session> opened;
        private final LinkedBlockingQueue<String> texts;

        Reader(CompletableFuture<Session> opened, LinkedBlockingQueue<String> texts) {
            this.opened = opened;
            this.texts = texts;
        }

        @Override
        public void onWebSocketOpen(Session s) {
            opened.complete(s);
        }

        @Override
        public void onWebSocketText(String message) {
            texts.add(message);
        }
    }

    /** A test body run with a started example server and a started Jetty client. */
    @FunctionalInterface
    private interface ClientBody {
        /**
         * Runs the body.
         *
         * @param server the example server on the demo world
         * @param client the Jetty WebSocket client
         * @throws Exception if the body fails
         */
        void run(ExampleServer server, WebSocketClient client) throws Exception;
    }

    /** Starts an example server on the demo world and a Jetty client, runs the body, then stops both. */
    private static void onServer(ClientBody body) throws Exception {
        try (ExampleServer server = ExampleServer.start("127.0.0.1", 0, DemoWorld.load())) {
            WebSocketClient client = new WebSocketClient();
            client.start();
            try {
                body.run(server, client);
            } finally {
                client.stop();
            }
        }
    }

    /**
     * {@return a Jetty client session on the server, open, offering the extensions; its text messages go to the queue}
     */
    private static Session open(WebSocketClient client, int port, String extensions, LinkedBlockingQueue<String> texts)
            throws Exception {
        CompletableFuture<Session> opened = new CompletableFuture<>();
        ClientUpgradeRequest request = new ClientUpgradeRequest(URI.create("ws://127.0.0.1:" + port));
        request.addExtensions(extensions);
        Session s = client.connect(new Reader(opened, texts), request).get(5, TimeUnit.SECONDS);
        opened.get(5, TimeUnit.SECONDS);
        return s;
    }

    @Test
    void theServerNegotiatesNoContextTakeoverAndItsMessagesReadAsSent() throws Exception {
        onServer((server, client) -> {
            for (int round = 0; round < 2; round++) {
                LinkedBlockingQueue<String> texts = new LinkedBlockingQueue<>();
                Session s = open(client, server.port(), "permessage-deflate; client_max_window_bits", texts);
                List<ExtensionConfig> ext = s.getUpgradeResponse().getExtensions();
                assertThat(ext).singleElement().satisfies(e -> {
                    assertThat(e.getName()).isEqualTo("permessage-deflate");
                    assertThat(e.getParameters()).containsKey("server_no_context_takeover");
                });
                assertThat(texts.poll(5, TimeUnit.SECONDS)).startsWith("[{\"cmd\":\"RoomInfo\"");
                // a compressed client message is read, and the two answers arrive intact and in order (the
                // server merges them into one message: the answers of one frame's commands are one burst)
                s.sendText("[{\"cmd\":\"GetDataPackage\",\"games\":[\"Pebble Quest\"]},{\"cmd\":\"GetDataPackage\"}]", Callback.NOOP);
                String answer = texts.poll(5, TimeUnit.SECONDS);
                assertThat(answer).startsWith("[{\"cmd\":\"DataPackage\"").contains("Red Pebble", "Lantern Run");
                String[] parts = answer.split("\\{\"cmd\":\"DataPackage\"", -1);
                assertThat(parts).hasSize(3);
                assertThat(parts[1]).contains("Red Pebble").doesNotContain("Lantern Run");
                assertThat(parts[2]).contains("Red Pebble", "Lantern Run");
                s.close();
            }
        });
    }

    @Test
    void compressedClientMessagesWithContextTakeoverAreReadAndNoInflaterIsHeldBetweenThem() throws Exception {
        onServer((server, client) -> {
            List<Session> sessions = new java.util.ArrayList<>();
            List<LinkedBlockingQueue<String>> queues = new java.util.ArrayList<>();
            for (int c = 0; c < 3; c++) {
                LinkedBlockingQueue<String> texts = new LinkedBlockingQueue<>();
                // Jetty's client compresses every message and keeps its context (no client_no_context_takeover)
                Session s = open(client, server.port(), "permessage-deflate", texts);
                assertThat(s.getUpgradeResponse().getExtensions()).singleElement()
                        .satisfies(e -> assertThat(e.getParameters()).doesNotContainKey("client_no_context_takeover"));
                assertThat(texts.poll(5, TimeUnit.SECONDS)).startsWith("[{\"cmd\":\"RoomInfo\"");
                sessions.add(s);
                queues.add(texts);
            }
            for (int round = 0; round < 12; round++) {
                for (int c = 0; c < sessions.size(); c++) {
                    // the same text again and again: each message is mostly a reference into the previous ones
                    String games = round % 2 == 0 ? "[\"Pebble Quest\"]" : "[\"Lantern Run\"]";
                    sessions.get(c).sendText("[{\"cmd\":\"GetDataPackage\",\"games\":" + games + "}]", Callback.NOOP);
                    String answer = queues.get(c).poll(5, TimeUnit.SECONDS);
                    assertThat(answer).as("connection %d, round %d", c, round).startsWith("[{\"cmd\":\"DataPackage\"")
                            .contains(round % 2 == 0 ? "Red Pebble" : "Lantern Oil");
                }
            }
            // every connection is open and has sent compressed messages, yet none holds an inflater
            org.eclipse.jetty.util.Pool<?> inflaters = WebSocketServerComponents.ensureWebSocketComponents(server.jetty())
                    .getInflaterPool().getPool();
            assertThat(inflaters.getInUseCount()).isZero();
            for (Session s : sessions) {
                assertThat(s.isOpen()).isTrue();
                s.close();
            }
        });
    }

    @Test
    void jettysThreadPoolIsBounded() throws Exception {
        try (ExampleServer server = ExampleServer.start("127.0.0.1", 0, DemoWorld.load())) {
            org.eclipse.jetty.util.thread.ThreadPool.SizedThreadPool pool =
                    (org.eclipse.jetty.util.thread.ThreadPool.SizedThreadPool) server.jetty().getThreadPool();
            assertThat(pool.getMaxThreads()).isEqualTo(WebSocketHost.MAX_THREADS)
                    .isBetween(WebSocketHost.MIN_MAX_THREADS, 200 - 1);
            assertThat(pool.getMinThreads()).isEqualTo(WebSocketHost.MIN_THREADS);
        }
    }
}
