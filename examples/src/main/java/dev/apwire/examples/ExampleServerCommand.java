package dev.apwire.examples;

import dev.apwire.protocol.NetworkSlot;
import dev.apwire.server.Multiworld;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code server [--port 38281] [--host 127.0.0.1]}: runs an Archipelago server for the embedded two-player
 * demo multiworld ({@link DemoWorld}) until Ctrl-C / SIGTERM.
 */
final class ExampleServerCommand {

    /** The Archipelago default port. */
    static final int DEFAULT_PORT = 38281;

    static final String USAGE = "usage: java -jar apwire.jar server [--port 38281] [--host 127.0.0.1]\n"
            + "       java -jar apwire.jar server --rooms DIR [--default-room ID] [--create FILE] (see examples/SERVER.md)";

    private ExampleServerCommand() {
    }

    /** Parsed options. */
    record Options(String host, int port) {
    }

    static int run(String[] args) throws Exception {
        if (RoomsCommand.wanted(args)) {
            return RoomsCommand.run(args, RoomsCommand.MULTIWORLD_READER, System.out, System.err);
        }
        Options o;
        try {
            o = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("server: " + e.getMessage());
            System.err.println(USAGE);
            return 2;
        }
        Multiworld world = DemoWorld.load();
        ExampleServer server = ExampleServer.start(o.host(), o.port(), world);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.close();
            } catch (RuntimeException e) {
                System.err.println("server: error while stopping: " + e);
            }
        }, "server-shutdown"));
        System.out.println(startupLine(o.host(), server.port(), world));
        System.out.flush();
        server.join();
        return 0;
    }

    static String startupLine(String host, int port, Multiworld world) {
        List<String> slots = new ArrayList<>();
        for (Map.Entry<Integer, NetworkSlot> e : world.slots().entrySet()) {
            slots.add(e.getKey() + " " + e.getValue().name() + " (" + e.getValue().game() + ")");
        }
        return "server: Archipelago room at ws://" + hostForUrl(host) + ":" + port + " (seed " + world.seedName()
                + "); slots: " + String.join(", ", slots) + "; password: "
                + (world.password() == null ? "none" : world.password());
    }

    static Options parse(String[] args) {
        String host = "127.0.0.1";
        int port = DEFAULT_PORT;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("missing value after " + a);
            }
            String v = args[++i];
            switch (a) {
                case "--port":
                    try {
                        port = Integer.parseInt(v);
                    } catch (NumberFormatException e) {
                        port = -1;
                    }
                    if (port < 0 || port > 65535) {
                        throw new IllegalArgumentException("--port needs an integer from 0 to 65535, got '" + v + "'");
                    }
                    break;
                case "--host":
                    host = v;
                    break;
                default:
                    throw new IllegalArgumentException("unknown option " + a);
            }
        }
        return new Options(host, port);
    }

    private static String hostForUrl(String host) {
        return host.equals("0.0.0.0") ? "127.0.0.1" : host.contains(":") ? "[" + host + "]" : host;
    }
}
