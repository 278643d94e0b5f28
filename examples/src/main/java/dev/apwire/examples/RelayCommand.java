package dev.apwire.examples;

import dev.apwire.changes.HubConfig;
import java.time.Duration;

/**
 * {@code relay [--port 13372] [--host 127.0.0.1] [--batch-ms 500] [limit options]}: runs the token changes relay
 * with its demo page until Ctrl-C / SIGTERM. {@code --help} lists every limit ({@link ConnectionLimits}, the hub's
 * bounds in {@link HubConfig}) with its default; each can be overridden.
 */
final class RelayCommand {

    /** The default port. */
    static final int DEFAULT_PORT = 13372;

    private RelayCommand() {
    }

    /**
     * Parsed options.
     *
     * @param host the address to bind
     * @param port the port
     * @param config the hub's configuration
     * @param limits the connection limits
     */
    record Options(String host, int port, HubConfig config, ConnectionLimits limits) {
        Options(String host, int port, HubConfig config) {
            this(host, port, config, ConnectionLimits.DEFAULT);
        }
    }

    static final String USAGE = "usage: java -jar apwire.jar relay [--port 13372] [--host 127.0.0.1] [--batch-ms 500] [limit options] [--help]";

    /** {@return the {@code --help} text: the usage and every limit with its default} */
    static String help() {
        return USAGE + "\n\nconnection limits (defaults in parentheses; --login-timeout-ms is unused):\n"
                + ConnectionLimits.DEFAULT.help() + "hub limits:\n" + LimitOptions.hubHelp(HubConfig.DEFAULT);
    }

    static int run(String[] args) throws Exception {
        if (java.util.Arrays.asList(args).contains("--help")) {
            System.out.print(help());
            return 0;
        }
        Options o;
        try {
            o = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("relay: " + e.getMessage());
            System.err.println(USAGE);
            return 2;
        }
        RelayServer relay = RelayServer.start(o.host(), o.port(), o.config(), o.limits());
        Thread stopper = new Thread(() -> {
            try {
                relay.close();
            } catch (RuntimeException e) {
                System.err.println("relay: error while stopping: " + e);
            }
        }, "relay-shutdown");
        Runtime.getRuntime().addShutdownHook(stopper);
        System.out.println("relay: page at http://" + WebSocketHost.urlHost(o.host()) + ":" + relay.port()
                + "/ , WebSocket at ws://" + WebSocketHost.urlHost(o.host()) + ":" + relay.port() + "/ws");
        System.out.flush();
        relay.join();
        return 0;
    }

    static Options parse(String[] args) {
        String host = "127.0.0.1";
        int port = DEFAULT_PORT;
        HubConfig config = HubConfig.DEFAULT;
        ConnectionLimits limits = ConnectionLimits.DEFAULT;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("missing value after " + a);
            }
            String v = args[++i];
            switch (a) {
                case "--port":
                    port = parseInt(a, v, 0, 65535);
                    break;
                case "--host":
                    host = v;
                    break;
                case "--batch-ms":
                    config = config.withBatchInterval(Duration.ofMillis(parseInt(a, v, 0, 60_000)));
                    break;
                default:
                    ConnectionLimits l = limits.with(a, v);
                    HubConfig h = LimitOptions.hub(config, a, v);
                    if (l != null) {
                        limits = l;
                    } else if (h != null) {
                        config = h;
                    } else {
                        throw new IllegalArgumentException("unknown option " + a);
                    }
            }
        }
        return new Options(host, port, config, limits);
    }

    private static int parseInt(String option, String value, int min, int max) {
        try {
            int n = Integer.parseInt(value);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // fall through
        }
        throw new IllegalArgumentException(option + " needs an integer from " + min + " to " + max + ", got '" + value + "'");
    }

}
