package dev.apwire.examples;

import dev.apwire.codec.ArchipelagoCodec;
import dev.apwire.codec.CodecLimits;
import dev.apwire.server.ArchipelagoRoom;
import dev.apwire.server.DirectoryRoomStore;
import dev.apwire.server.HostConfig;
import dev.apwire.server.MultiworldFiles;
import dev.apwire.server.MultiworldReader;
import dev.apwire.server.RoomHost;
import dev.apwire.server.RoomId;
import dev.apwire.server.RoomStateSaveFormat;
import dev.apwire.server.RoomStore;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * {@code server --rooms DIR [--default-room ID] [--idle-minutes 5] [--lenient] [--port 38281] [--host 127.0.0.1]
 * [limit options]}: serves every room of the directory DIR on one port with protocol v2.0 ({@link MultiRoomServer}),
 * with the same limit options as the single-room server ({@link ServerLimits}; {@code --help} lists them); and
 * {@code server --rooms DIR --create FILE}: adds the multiworld FILE to DIR as a new room, prints the new room's
 * id alone on the last line, and exits.
 */
final class RoomsCommand {

    static final String USAGE = "usage: java -jar apwire.jar server --rooms DIR [--default-room ID] [--idle-minutes 5] "
            + "[--lenient] [--port 38281] [--host 127.0.0.1] [limit options] [--help]\n"
            + "       java -jar apwire.jar server --rooms DIR --create FILE";

    /** Reads the multiworld files of the rooms. */
    static final MultiworldReader MULTIWORLD_READER = MultiworldFiles::read;

    private RoomsCommand() {
    }

    /**
     * Parsed options.
     *
     * @param rooms the directory of rooms
     * @param create the multiworld file to add as a room, or {@code null} to serve
     * @param defaultRoom the room of v1.0 clients, or {@code null} to close them
     * @param idle how long a room without connections stays loaded
     * @param strict whether illegal input closes a connection (else it is ignored)
     * @param host the address to bind
     * @param port the port
     * @param limits the connection limits and every room's configuration
     */
    record Options(Path rooms, @Nullable Path create, @Nullable RoomId defaultRoom, Duration idle, boolean strict,
            String host, int port, ServerLimits limits) {
    }

    /** {@return whether the arguments ask for the rooms mode} */
    static boolean wanted(String[] args) {
        for (String a : args) {
            if (a.equals("--rooms")) {
                return true;
            }
        }
        return false;
    }

    static int run(String[] args, MultiworldReader reader, PrintStream out, PrintStream err) throws Exception {
        if (java.util.Arrays.asList(args).contains("--help")) {
            out.print(USAGE + "\n\n" + ServerLimits.help());
            return 0;
        }
        Options o;
        try {
            o = parse(args);
        } catch (IllegalArgumentException e) {
            err.println("server: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        if (!Files.isDirectory(o.rooms())) {
            err.println("server: --rooms " + o.rooms() + " is not a directory");
            return 2;
        }
        RoomStore store = new DirectoryRoomStore(o.rooms(), reader, new RoomStateSaveFormat(SecureRandom::new));
        HostConfig config = HostConfig.DEFAULT.withStrict(o.strict()).withDefaultRoom(o.defaultRoom()).withIdleTimeout(o.idle());
        if (o.create() != null) {
            return create(store, config, o.create(), out, err);
        }
        Set<RoomId> ids = store.list();
        if (o.defaultRoom() != null && !ids.contains(o.defaultRoom())) {
            err.println("server: --default-room " + o.defaultRoom() + " is not a room in " + o.rooms());
            return 2;
        }
        if (o.defaultRoom() != null) {
            warmUp(store, o.defaultRoom(), o.limits(), out);
        }
        MultiRoomServer server = MultiRoomServer.start(o.host(), o.port(), store, config, o.limits().room(),
                o.limits().connection());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.close();
            } catch (RuntimeException e) {
                System.err.println("server: error while stopping: " + e);
            }
        }, "server-shutdown"));
        out.println("server: Archipelago rooms at ws://" + WebSocketHost.urlHost(o.host()) + ":" + server.port()
                + " (protocol v2.0: Join with a room id); " + ids.size() + " rooms in " + o.rooms() + "; default room for v1.0 "
                + "clients: " + (o.defaultRoom() == null ? "none (they are closed)" : o.defaultRoom()));
        out.flush();
        server.join();
        return 0;
    }

    /**
     * The single-room server's warm-ups ({@link Warmup}, then {@link SocketWarmup}) on throwaway rooms of the default
     * room's multiworld, before the server listens, so that the first clients (a login storm on a fresh server) do
     * not meet interpreted code. The default room is read from the store for its multiworld and options only and
     * dropped; it is loaded again, as usual, on the first {@code Join}. Best effort: a room that cannot be read
     * leaves the server cold.
     */
    private static void warmUp(RoomStore store, RoomId id, ServerLimits limits, PrintStream out) {
        Optional<ArchipelagoRoom<Long>> room;
        try {
            room = store.load(id, limits.room());
        } catch (IOException | RuntimeException e) {
            out.println("server: no warm-up: room " + id + " cannot be read: " + e.getMessage());
            return;
        }
        if (room.isEmpty()) {
            return;
        }
        long start = System.nanoTime();
        int steps = Warmup.run(room.get(), ArchipelagoCodec.create(CodecLimits.CLIENT_FRAMES));
        long sockets = System.nanoTime();
        int connections = SocketWarmup.run(room.get(), limits.connection());
        out.println("server: warmed up in " + (sockets - start) / 1_000_000 + " ms (" + steps + " steps on a throwaway room"
                + " of " + id + ") and Jetty in " + (System.nanoTime() - sockets) / 1_000_000 + " ms (" + connections
                + " loopback connections to a throwaway server)");
    }

    private static int create(RoomStore store, HostConfig config, Path file, PrintStream out, PrintStream err) {
        RoomHost<Long> host = new RoomHost<>(config, new SecureRandom());
        try {
            for (int attempt = 0; attempt < 100; attempt++) {
                RoomId id = host.newRoomId();
                if (store.create(id, file)) {
                    out.println("server: added " + file + " as a room to " + store);
                    out.println(id);
                    return 0;
                }
            }
            err.println("server: no free room id found in 100 attempts");
            return 1;
        } catch (IOException e) {
            err.println("server: cannot add " + file + ": " + e.getMessage());
            return 1;
        }
    }


    static Options parse(String[] args) {
        Path rooms = null;
        Path create = null;
        RoomId defaultRoom = null;
        Duration idle = HostConfig.DEFAULT.idleTimeout();
        boolean strict = true;
        String host = "127.0.0.1";
        int port = ExampleServerCommand.DEFAULT_PORT;
        ServerLimits limits = ServerLimits.DEFAULT;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--lenient")) {
                strict = false;
                continue;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("missing value after " + a);
            }
            String v = args[++i];
            switch (a) {
                case "--rooms":
                    rooms = Path.of(v);
                    break;
                case "--create":
                    create = Path.of(v);
                    break;
                case "--default-room":
                    Optional<RoomId> id = RoomId.parse(v);
                    if (id.isEmpty()) {
                        throw new IllegalArgumentException("--default-room needs a room id (4 to 8 of " + RoomId.ALPHABET
                                + ", any case), got '" + v + "'");
                    }
                    defaultRoom = id.get();
                    break;
                case "--idle-minutes":
                    try {
                        idle = Duration.ofMillis(Math.round(Double.parseDouble(v) * 60_000));
                    } catch (NumberFormatException e) {
                        idle = Duration.ZERO;
                    }
                    if (idle.isZero() || idle.isNegative()) {
                        throw new IllegalArgumentException("--idle-minutes needs a positive number, got '" + v + "'");
                    }
                    break;
                case "--port":
                    port = WebSocketHost.parsePort(v);
                    break;
                case "--host":
                    host = v;
                    break;
                default:
                    ServerLimits l = limits.with(a, v);
                    if (l == null) {
                        throw new IllegalArgumentException("unknown option " + a);
                    }
                    limits = l;
            }
        }
        if (rooms == null) {
            throw new IllegalArgumentException("--rooms DIR is required");
        }
        if (create != null && defaultRoom != null) {
            throw new IllegalArgumentException("--create adds a room and exits; --default-room is for serving");
        }
        return new Options(rooms, create, defaultRoom, idle, strict, host, port, limits);
    }
}
