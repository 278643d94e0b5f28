package dev.apwire.examples;

import dev.apwire.protocol.NetworkSlot;
import dev.apwire.server.DirectoryRoomStore;
import dev.apwire.server.HostConfig;
import dev.apwire.server.Multiworld;
import dev.apwire.server.MultiworldReader;
import dev.apwire.server.RoomConfig;
import dev.apwire.server.RoomId;
import dev.apwire.server.RoomStateSaveFormat;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Measures {@code server --rooms} (examples/SERVER.md): the heap held by 1,000 loaded idle rooms and the time from
 * {@code Join} to {@code RoomInfo} when the room must be loaded (without and with a save) and when it is loaded.
 * A program, not a test (speed is not asserted in unit tests):
 * <pre>
 * mvn -B -ntp -q -pl examples -am package -DskipTests &amp;&amp; mvn -B -ntp -q -pl examples -am test-compile
 * java -cp examples/target/apwire.jar:examples/target/test-classes dev.apwire.examples.RoomsMeasure [ROOMS [FILE]]
 * </pre>
 * ROOMS defaults to 1000; FILE is a multiworld file ({@code .archipelago} or JSON) read by the server's reader; without
 * it every room is the demo world.
 */
public final class RoomsMeasure {

    private RoomsMeasure() {
    }

    /**
     * Runs the measurement and prints the figures.
     *
     * @param args {@code [ROOMS [FILE]]}
     * @throws Exception if the server cannot run
     */
    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        Path tmp = Files.createTempDirectory("apwire-rooms");
        Path rooms = Files.createDirectory(tmp.resolve("rooms"));
        MultiworldReader reader;
        Path file;
        if (args.length > 1) {
            reader = RoomsCommand.MULTIWORLD_READER;
            file = Path.of(args[1]);
        } else {
            reader = MultiRoomServerTest.READER;
            file = MultiRoomServerTest.demoFile(tmp);
        }
        DirectoryRoomStore store = new DirectoryRoomStore(rooms, reader, new RoomStateSaveFormat(SecureRandom::new));
        List<RoomId> ids = new ArrayList<>();
        dev.apwire.server.RoomHost<Long> namer = new dev.apwire.server.RoomHost<>(HostConfig.DEFAULT, new java.util.SplittableRandom(1));
        while (ids.size() < n) {
            RoomId id = namer.newRoomId();
            if (store.create(id, file)) {
                ids.add(id);
            }
        }
        System.out.printf(Locale.ROOT, "rooms: %d, multiworld %s (%d bytes); JVM %s, %d CPUs, max heap %d MiB%n", n,
                args.length > 1 ? file : "demo world", Files.size(file), System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
        HostConfig config = HostConfig.DEFAULT.withIdleTimeout(Duration.ofHours(1));
        // Every other room is played a little as slot 1: its login, its first location checked, a key set.
        Multiworld world = reader.read(file);
        NetworkSlot first = world.slots().get(1);
        long location = world.world(1).locations().keySet().iterator().next();
        String play = "[{\"cmd\":\"LocationChecks\",\"locations\":[" + location + "]},{\"cmd\":\"Set\",\"key\":\"k\","
                + "\"default\":0,\"want_reply\":true,\"operations\":[{\"operation\":\"add\",\"value\":1}]}]";
        String login = WsTestClient.connect(first.name(), first.game(), world.password() == null ? "" : world.password());

        MultiRoomServer server = MultiRoomServer.start("127.0.0.1", 0, store, config, RoomConfig.DEFAULT);
        // Warm-up: load, join and leave 20 rooms (JIT, Jetty, codec), then unload nothing.
        long before;
        double[] fresh = new double[n];
        double[] loaded = new double[Math.min(n, 200)];
        try {
            before = heapAfterGc();
            for (int i = 0; i < n; i++) {
                fresh[i] = joinMillis(server.port(), ids.get(i), i % 2 == 0 ? login : null, play);
            }
            long after = heapAfterGc();
            if (server.loadedRooms().size() != n) {
                throw new IllegalStateException("expected " + n + " loaded rooms, got " + server.loadedRooms().size());
            }
            System.out.printf(Locale.ROOT, "heap of %d loaded idle rooms: %.1f MiB (%.1f KiB per room; heap %.1f -> %.1f MiB)%n", n,
                    (after - before) / 1048576.0, (after - before) / 1024.0 / n, before / 1048576.0, after / 1048576.0);
            for (int i = 0; i < loaded.length; i++) {
                loaded[i] = joinMillis(server.port(), ids.get(i), null, play);
            }
        } finally {
            server.close();
        }
        System.out.println("Join -> RoomInfo, room not loaded, no save:  " + summary(Arrays.copyOfRange(fresh, 20, n)));
        System.out.println("Join -> RoomInfo, room already loaded:       " + summary(loaded));
        // The close saved every room; half of them hold a check and a data storage value. Load them again.
        MultiRoomServer again = MultiRoomServer.start("127.0.0.1", 0, store, config, RoomConfig.DEFAULT);
        double[] saved = new double[Math.min(n, 200)];
        try {
            for (int i = 0; i < saved.length; i++) {
                saved[i] = joinMillis(again.port(), ids.get(i), null, play);
            }
        } finally {
            again.close();
        }
        System.out.println("Join -> RoomInfo, room not loaded, with save: " + summary(saved));
    }

    /** Joins a room, waits for RoomInfo, optionally logs in and plays; leaves. */
    private static double joinMillis(int port, RoomId id, @Nullable String login, String play) throws Exception {
        try (WsTestClient c = WsTestClient.connect(port, "v2.0")) {
            long t0 = System.nanoTime();
            c.send("[{\"cmd\":\"Join\",\"id\":\"" + id + "\"}]");
            c.await("\"cmd\":\"RoomInfo\"");
            double ms = (System.nanoTime() - t0) / 1e6;
            if (login != null) {
                c.send(login);
                c.await("\"cmd\":\"Connected\"");
                c.send(play);
                c.await("\"cmd\":\"SetReply\"");
            }
            return ms;
        }
    }

    private static long heapAfterGc() throws InterruptedException {
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static String summary(double[] ms) {
        double[] s = ms.clone();
        Arrays.sort(s);
        return String.format(Locale.ROOT, "median %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms (%d joins)", s[s.length / 2],
                s[(int) (s.length * 0.9)], s[(int) Math.min(s.length - 1, s.length * 0.99)], s[s.length - 1], s.length);
    }
}
