package dev.apwire.examples;

import dev.apwire.changes.HubConfig;
import java.time.Duration;

/**
 * {@code relay [--port 13372] [--host 127.0.0.1] [--batch-ms 500]}: runs the token changes relay with its demo
 * page until Ctrl-C / SIGTERM.
 */
final class RelayCommand {

    /** The default port. */
    static final int DEFAULT_PORT = 13372;

    private RelayCommand() {
    }

    /** Parsed options. */
    record Options(String host, int port, HubConfig config) {
    }

    static int run(String[] args) throws Exception {
        Options o;
        try {
            o = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("relay: " + e.getMessage());
            System.err.println("usage: java -jar apwire.jar relay [--port 13372] [--host 127.0.0.1] [--batch-ms 500]");
            return 2;
        }
        RelayServer relay = RelayServer.start(o.host(), o.port(), o.config());
        Thread stopper = new Thread(() -> {
            try {
                relay.close();
            } catch (RuntimeException e) {
                System.err.println("relay: error while stopping: " + e);
            }
        }, "relay-shutdown");
        Runtime.getRuntime().addShutdownHook(stopper);
        System.out.println("relay: page at http://" + hostForUrl(o.host()) + ":" + relay.port()
                + "/ , WebSocket at ws://" + hostForUrl(o.host()) + ":" + relay.port() + "/ws");
        System.out.flush();
        relay.join();
        return 0;
    }

    static Options parse(String[] args) {
        String host = "127.0.0.1";
        int port = DEFAULT_PORT;
        HubConfig config = HubConfig.DEFAULT;
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
                    throw new IllegalArgumentException("unknown option " + a);
            }
        }
        return new Options(host, port, config);
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

    private static String hostForUrl(String host) {
        return host.equals("0.0.0.0") ? "127.0.0.1" : host.contains(":") ? "[" + host + "]" : host;
    }
}
