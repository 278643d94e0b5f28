package dev.apwire.examples;

import dev.apwire.codec.ArchipelagoCodec;
import dev.apwire.codec.CodecLimits;

import dev.apwire.protocol.NetworkSlot;
import dev.apwire.server.ArchipelagoRoom;
import dev.apwire.server.LoginLimits;
import dev.apwire.server.Multiworld;
import dev.apwire.server.RoomConfig;
import dev.apwire.server.RoomStateException;
import dev.apwire.storage.StorageLimits;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * {@code server [--port 38281] [--host 127.0.0.1] [room options] [limit options]}: runs an Archipelago server for
 * the embedded two-player demo multiworld ({@link DemoWorld}) until Ctrl-C / SIGTERM. {@code --help} lists every
 * limit ({@link ConnectionLimits}, {@link StorageLimits}, {@link LoginLimits}) with its default; each can be
 * overridden.
 */
final class ExampleServerCommand {

    /** The Archipelago default port. */
    static final int DEFAULT_PORT = 38281;

    static final String USAGE = "usage: java -jar apwire.jar server [--port 38281] [--host 127.0.0.1] " + ServerSetup.USAGE
            + " [--warmup full|room|none] [limit options] [--help]"
            + "\n       java -jar apwire.jar server --rooms DIR [--default-room ID] [--create FILE] [limit options] (see examples/SERVER.md)";

    private ExampleServerCommand() {
    }

    /**
     * Parsed options.
     *
     * @param host the address to bind
     * @param port the port
     * @param room the room's configuration, with its data storage limits
     * @param limits the connection limits
     */
    record Options(String host, int port, RoomConfig room, ConnectionLimits limits) {
        Options(String host, int port) {
            this(host, port, RoomConfig.DEFAULT, ConnectionLimits.DEFAULT);
        }
    }

    /** {@return the {@code --help} text: the usage and every limit with its default} */
    static String help() {
        return USAGE + "\n\n" + ServerLimits.help();
    }

    static int run(String[] args) throws Exception {
        if (RoomsCommand.wanted(args)) {
            return RoomsCommand.run(args, RoomsCommand.MULTIWORLD_READER, System.out, System.err);
        }
        if (java.util.Arrays.asList(args).contains("--help")) {
            System.out.print(help());
            return 0;
        }
        // --warmup full (the default): the room warm-up, then the socket warm-up; room: only the room warm-up; none:
        // listen at once (the first logins then run interpreted code). For measuring what the warm-ups cost, such as
        // the resident memory of a server before its first socket.
        List<String> all = new ArrayList<>(java.util.Arrays.asList(args));
        int w = all.indexOf("--warmup");
        String warmup = "full";
        if (w >= 0) {
            warmup = w + 1 < all.size() ? all.get(w + 1) : "";
            if (!List.of("full", "room", "none").contains(warmup)) {
                System.err.println("server: --warmup is one of full, room, none");
                System.err.println(USAGE);
                return 2;
            }
            all.subList(w, w + 2).clear();
        }
        Options o;
        ServerSetup setup;
        try {
            setup = ServerSetup.parse(all.toArray(new String[0]));
            o = parse(setup.rest().toArray(new String[0]));
        } catch (IllegalArgumentException e) {
            System.err.println("server: " + e.getMessage());
            System.err.println(USAGE);
            return 2;
        }
        ArchipelagoRoom<Long> room;
        try {
            room = setup.openRoom(o.room(), System.out);
        } catch (RoomStateException e) {
            System.err.println("server: cannot restore the save: " + e.getMessage());
            System.err.println("server: not starting; the save is left as it is (move it away to start a new game)");
            return 1;
        } catch (IOException e) {
            System.err.println("server: cannot load the multiworld: " + e.getMessage());
            return 1;
        }
        Multiworld world = room.multiworld();
        java.nio.file.Path save = setup.saveFile();
        if (save != null) {
            // write the starting state now, so a save file that cannot be written is found before anyone plays
            try {
                SaveFile.write(save, room.snapshot());
            } catch (IOException e) {
                System.err.println("server: cannot write the save " + save + ": " + e);
                return 1;
            }
        }
        if (!warmup.equals("none")) {
            long warmStart = System.nanoTime();
            int warmSteps = Warmup.run(room, ArchipelagoCodec.create(CodecLimits.CLIENT_FRAMES));
            System.out.println("server: warmed up in " + (System.nanoTime() - warmStart) / 1_000_000 + " ms (" + warmSteps
                    + " steps on a throwaway room)");
        }
        if (warmup.equals("full")) {
            long socketStart = System.nanoTime();
            int warmSockets = SocketWarmup.run(room, o.limits());
            System.out.println("server: warmed up Jetty in " + (System.nanoTime() - socketStart) / 1_000_000 + " ms ("
                    + warmSockets + " loopback connections to a throwaway server)");
        }
        ExampleServer server = ExampleServer.start(o.host(), o.port(), room, save, o.limits());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.close();
            } catch (RuntimeException e) {
                System.err.println("server: error while stopping: " + e);
            }
        }, "server-shutdown"));
        System.out.println(startupLine(o.host(), server.port(), world, room.options().password()));
        System.out.println("server: console: type /help for the admin commands, text without / to talk to everyone");
        System.out.flush();
        Thread console = new Thread(() -> readConsole(server), "server-console");
        console.setDaemon(true);
        console.start();
        server.join();
        return 0;
    }

    /** Feeds stdin's lines to the room's console until stdin ends. */
    private static void readConsole(ExampleServer server) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                server.console(line, System.out);
            }
        } catch (IOException e) {
            System.err.println("server: console closed: " + e);
        }
    }

    static String startupLine(String host, int port, Multiworld world) {
        return startupLine(host, port, world, world.password());
    }

    static String startupLine(String host, int port, Multiworld world, @Nullable String password) {
        List<String> slots = new ArrayList<>();
        for (Map.Entry<Integer, NetworkSlot> e : world.slots().entrySet()) {
            if (slots.size() == 10) {
                slots.add("... (" + world.slots().size() + " slots)");
                break;
            }
            slots.add(e.getKey() + " " + e.getValue().name() + " (" + e.getValue().game() + ")");
        }
        return "server: Archipelago room at ws://" + WebSocketHost.urlHost(host) + ":" + port + " (seed " + world.seedName()
                + "); slots: " + String.join(", ", slots) + "; password: "
                + (password == null ? "none" : password);
    }

    static Options parse(String[] args) {
        String host = "127.0.0.1";
        int port = DEFAULT_PORT;
        ServerLimits limits = ServerLimits.DEFAULT;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("missing value after " + a);
            }
            String v = args[++i];
            switch (a) {
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
        return new Options(host, port, limits.room(), limits.connection());
    }

}
