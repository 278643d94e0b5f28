package dev.apwire.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apwire.codec.ArchipelagoCodec;
import dev.apwire.codec.Decoded;
import dev.apwire.protocol.JsonMessagePart;
import dev.apwire.protocol.client.ClientPacket;
import dev.apwire.protocol.server.PrintJsonPacket;
import dev.apwire.protocol.server.ServerPacket;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * A room under test on a virtual clock: connections are strings, every frame the room sends is encoded with the
 * codec and queued per connection; a test takes them in order with {@link #next} and must take them all
 * ({@link #assertDrained}).
 */
final class RoomHarness {

    static final ArchipelagoCodec CODEC = ArchipelagoCodec.create();

    ArchipelagoRoom<String> room;
    Instant now = Instant.ofEpochSecond(1_795_462_051);
    final Map<String, Deque<String>> frames = new LinkedHashMap<>();
    final List<String> closed = new ArrayList<>();
    List<String> console = List.of();

    RoomHarness(ArchipelagoRoom<String> room) {
        this.room = room;
    }

    /** {@return a multiworld fixture of src/test/resources/multiworlds} */
    static Multiworld fixture(String name) {
        try {
            return MultiworldFiles.read(Path.of(Objects.requireNonNull(RoomHarness.class.getResource("/multiworlds/" + name)).toURI()));
        } catch (java.io.IOException | URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@return a room for the reference's two-player pebble world, with these options} */
    static RoomHarness pebble(RoomOptions options) {
        return new RoomHarness(new ArchipelagoRoom<>(fixture("pebble.json"), RoomConfig.DEFAULT, options, new SplittableRandom(7)));
    }

    static RoomOptions pebbleOptions() {
        return RoomOptions.of(fixture("pebble.json"));
    }

    void record(RoomStep<String> step) {
        for (RoomAction<String> a : step.actions()) {
            if (a instanceof RoomDelivery<String> d) {
                frames.computeIfAbsent(d.connection(), k -> new ArrayDeque<>()).add(CODEC.encodeServerFrame(d.frame()));
            } else {
                closed.add(a.connection());
            }
        }
        now = now.plus(Duration.ofMillis(10));
    }

    void open(String conn) {
        record(room.open(conn, now));
        assertThat(next(conn)).startsWith("[{\"cmd\":\"RoomInfo\"");
    }

    void send(String conn, String frame) {
        try {
            for (Decoded<ClientPacket> d : CODEC.decodeClientFrame(frame)) {
                if (d instanceof Decoded.Ok<ClientPacket> ok) {
                    record(room.receive(conn, ok.packet(), now));
                } else {
                    Decoded.Problem<ClientPacket> p = (Decoded.Problem<ClientPacket>) d;
                    record(room.receiveInvalid(conn, p.invalidPacket(), p.fatal(), now));
                }
            }
        } catch (dev.apwire.codec.MalformedFrameException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sends a Say and takes the Chat echo from every listed connection. */
    void say(String conn, String text, String... echoedTo) {
        send(conn, "[{\"cmd\":\"Say\",\"text\":" + json(text) + "}]");
        for (String c : echoedTo) {
            assertThat(next(c)).contains("\"type\":\"Chat\"");
        }
    }

    /** Runs a console line; its output is in {@link #console}. */
    List<String> console(String line) {
        ConsoleResult<String> r = room.console(line, now);
        record(r.step());
        console = r.output();
        return console;
    }

    /** Logs a connection in and takes Connected, ReceivedItems, the Join echoes and the Tutorial. */
    void login(String conn, String name, String game, String tags, String... others) {
        open(conn);
        send(conn, "[{\"cmd\":\"Connect\",\"password\":\"sesame\",\"game\":" + json(game) + ",\"name\":" + json(name)
                + ",\"uuid\":\"u\",\"version\":{\"major\":0,\"minor\":6,\"build\":2,\"class\":\"Version\"},"
                + "\"items_handling\":7,\"tags\":" + tags + "}]");
        assertThat(next(conn)).startsWith("[{\"cmd\":\"Connected\"");
        for (String o : others) {
            assertThat(next(o)).contains("\"type\":\"Join\"");
        }
        if (!tags.contains("NoText")) {
            assertThat(next(conn)).contains("\"type\":\"Join\"");
            assertThat(next(conn)).contains("\"type\":\"Tutorial\"");
        }
    }

    String next(String conn) {
        Deque<String> q = frames.get(conn);
        assertThat(q).as("a frame for " + conn).isNotNull().isNotEmpty();
        return Objects.requireNonNull(q).poll();
    }

    /** {@return the PrintJSON messages of the next frame} */
    List<PrintJsonPacket> prints(String conn) {
        String f = next(conn);
        List<PrintJsonPacket> out = new ArrayList<>();
        try {
            for (Decoded<ServerPacket> d : CODEC.decodeServerFrame(f)) {
                assertThat(d).as(f).isInstanceOf(Decoded.Ok.class);
                ServerPacket p = ((Decoded.Ok<ServerPacket>) d).packet();
                assertThat(p).as(f).isInstanceOf(PrintJsonPacket.class);
                out.add((PrintJsonPacket) p);
            }
        } catch (dev.apwire.codec.MalformedFrameException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    /** {@return the next frame's only PrintJSON} */
    PrintJsonPacket print(String conn) {
        List<PrintJsonPacket> p = prints(conn);
        assertThat(p).hasSize(1);
        return p.get(0);
    }

    /** {@return the whole text of the next frame's only PrintJSON} */
    String text(String conn) {
        return text(print(conn));
    }

    static String text(PrintJsonPacket p) {
        StringBuilder b = new StringBuilder();
        for (JsonMessagePart part : p.data()) {
            b.append(part.text());
        }
        return b.toString();
    }

    /** {@return the text of the next frame's only PrintJSON, checking its type} */
    String text(String conn, String type) {
        PrintJsonPacket p = print(conn);
        assertThat(p.type() == null ? null : p.type().name()).as(text(p)).isEqualTo(type);
        return text(p);
    }

    void nothingFor(String conn) {
        assertThat(frames.getOrDefault(conn, new ArrayDeque<>())).as("frames for " + conn).isEmpty();
    }

    void drain(String conn) {
        frames.remove(conn);
    }

    void assertDrained() {
        frames.forEach((conn, queue) -> assertThat(queue).as("frames left for " + conn).isEmpty());
        assertThat(closed).as("closes left").isEmpty();
    }

    static String json(String s) {
        return dev.apwire.codec.JsonValues.toJson(new dev.apwire.json.JsonString(s));
    }
}
