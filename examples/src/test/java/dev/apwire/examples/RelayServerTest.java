package dev.apwire.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apwire.changes.Change;
import dev.apwire.changes.ChangesPacket;
import dev.apwire.changes.ChangesServerPacket;
import dev.apwire.changes.CloseChange;
import dev.apwire.changes.HubConfig;
import dev.apwire.changes.MetadataChange;
import dev.apwire.changes.OpenChange;
import dev.apwire.changes.PropertiesChange;
import dev.apwire.codec.changes.ChangesCodec;
import dev.apwire.codec.changes.DecodedPacket;
import dev.apwire.json.JsonObject;
import dev.apwire.json.JsonValue;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.client.ClientUpgradeRequest;
import org.eclipse.jetty.websocket.client.WebSocketClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The relay on a real loopback port with two real WebSocket clients. */
@Timeout(60)
public class RelayServerTest {
    private static final ChangesCodec CODEC = new ChangesCodec();
    private RelayServer relay;
    private WebSocketClient client;

    /** Records what a client receives. */
    public static final class Recorder implements Session.Listener.AutoDemanding {
        final BlockingQueue<String> texts = new LinkedBlockingQueue<>();
        final BlockingQueue<Integer> closes = new LinkedBlockingQueue<>();
        final BlockingQueue<Boolean> pings = new LinkedBlockingQueue<>();
        volatile Session session;

        @Override
        public void onWebSocketOpen(Session s) {
            session = s;
        }

        @Override
        public void onWebSocketText(String text) {
            texts.add(text);
        }

        @Override
        public void onWebSocketPing(ByteBuffer payload) {
            pings.add(true);
            session.sendPong(payload, org.eclipse.jetty.websocket.api.Callback.NOOP);
        }

        @Override
        public void onWebSocketClose(int status, String reason, org.eclipse.jetty.websocket.api.Callback callback) {
            closes.add(status);
            callback.succeed();
        }

        ChangesServerPacket next() throws Exception {
            String text = texts.poll(10, TimeUnit.SECONDS);
            assertThat(text).as("a packet within 10 s").isNotNull();
            return ((DecodedPacket<ChangesServerPacket>) CODEC.decodeServer(text)).packet();
        }

        List<Change> nextChanges() throws Exception {
            return ChangesPacket.from(next()).changes();
        }

        void send(String frame) {
            session.sendText(frame, org.eclipse.jetty.websocket.api.Callback.NOOP);
        }
    }

    @BeforeEach
    void start() throws Exception {
        HubConfig config = new HubConfig(Duration.ofMillis(50), Duration.ofMillis(500), 25, 64, 1024, 64, 64);
        relay = RelayServer.start("127.0.0.1", 0, config);
        client = new WebSocketClient();
        client.start();
    }

    @AfterEach
    void stop() throws Exception {
        client.stop();
        relay.close();
    }

    private Recorder connect() throws Exception {
        Recorder r = new Recorder();
        ClientUpgradeRequest request = new ClientUpgradeRequest(URI.create("ws://127.0.0.1:" + relay.port() + "/ws"));
        request.addExtensions("permessage-deflate");
        client.connect(r, request).get(10, TimeUnit.SECONDS);
        return r;
    }

    @Test
    void servesThePage() throws Exception {
        HttpResponse<String> page = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + relay.port() + "/")).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("content-type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/html"));
        assertThat(page.body()).contains("<title>apwire relay</title>", "/ws");
    }

    @Test
    void twoClientsSeeEachOtherShareAPropertyAndRelay() throws Exception {
        Recorder a = connect();
        List<Change> first = a.nextChanges();
        assertThat(first).hasSize(2);
        String tokenA = ((OpenChange) first.get(0)).token();
        assertThat(tokenA).matches("[0-9a-f]{32}");
        assertThat(first.get(1)).isEqualTo(new MetadataChange(tokenA));
        assertThat(a.session.getUpgradeResponse().getExtensions()).anySatisfy(
                e -> assertThat(e.getName()).isEqualTo("permessage-deflate"));

        a.send("{\"to\":\"server\",\"type\":\"changes\",\"data\":{\"name\":\"alice\"}}");
        JsonObject aProps = JsonObject.of("name", JsonValue.of("alice"));
        assertThat(a.nextChanges()).containsExactly(new PropertiesChange(tokenA, aProps));

        Recorder b = connect();
        List<Change> snapshot = b.nextChanges();
        assertThat(snapshot).hasSize(4);
        String tokenB = ((OpenChange) snapshot.get(2)).token();
        assertThat(snapshot).containsExactly(new OpenChange(tokenA), new PropertiesChange(tokenA, aProps),
                new OpenChange(tokenB), new MetadataChange(tokenB));
        assertThat(a.nextChanges()).containsExactly(new OpenChange(tokenB));

        b.send("{\"to\":[\"" + tokenA + "\"],\"type\":\"message\",\"data\":\"hello\"}");
        assertThat(a.next()).isEqualTo(ChangesServerPacket.of(tokenB, "message", JsonValue.of("hello")));

        b.send("{\"to\":[\"" + "0".repeat(32) + "\"],\"type\":\"message\",\"data\":1}");
        ChangesServerPacket error = b.next();
        assertThat(error.type()).isEqualTo("error");
        assertThat(((JsonObject) error.data()).get("code")).isEqualTo(JsonValue.of("unknown_recipient"));

        b.send("{\"to\":\"server\"}");
        assertThat(((JsonObject) b.next().data()).get("code")).isEqualTo(JsonValue.of("bad_packet"));

        assertThat(a.pings.poll(5, TimeUnit.SECONDS)).as("a WebSocket ping from the hub's schedule").isTrue();

        b.send("{not json");
        assertThat(((JsonObject) b.next().data()).get("code")).isEqualTo(JsonValue.of("malformed_frame"));
        assertThat(b.closes.poll(10, TimeUnit.SECONDS)).isEqualTo(1008);
        assertThat(a.nextChanges()).containsExactly(new CloseChange(tokenB));
    }

    @Test
    void parsesOptions() {
        assertThat(RelayCommand.parse(new String[0]).port()).isEqualTo(13372);
        RelayCommand.Options o = RelayCommand.parse(new String[] {"--port", "0", "--batch-ms", "0", "--host", "::1"});
        assertThat(o.port()).isZero();
        assertThat(o.host()).isEqualTo("::1");
        assertThat(o.config().batchInterval()).isEqualTo(Duration.ZERO);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> RelayCommand.parse(new String[] {"--port", "x"}))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
