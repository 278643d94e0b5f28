package dev.apwire.examples;

import dev.apwire.client.FileDataPackageCache;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * {@code client --url ws://HOST:PORT --name NAME --game GAME [options]}: a text client (see {@link TextClient}).
 */
final class TextClientCommand {

    static final String USAGE = String.join("\n",
            "usage: java -jar apwire.jar client --url ws://HOST:PORT --name NAME --game GAME [options]",
            "",
            "A text client for an Archipelago room (the apwire-client library on a Jetty WebSocket with permessage-deflate).",
            "",
            "options:",
            "  --url URL              the server, ws:// or wss://",
            "  --name NAME            the slot name",
            "  --game GAME            the slot's game (\"\" with --tags AP,TextOnly for chat only)",
            "  --password P           the room password",
            "  --room ID              join room ID with protocol v2.0 (offers subprotocol v2.0)",
            "  --tags a,b             the tags to connect with (default: AP)",
            "  --cache-dir DIR        the cache directory (default: $XDG_CACHE_HOME or ~/.cache); data packages",
            "                         go to DIR/Archipelago/datapackage/<game>/<checksum>.json",
            "  --answer-timeout S     how long a line waits for the answers of the one before, and the end of",
            "                         input for the last answers (default 5)",
            "  --login-timeout S      how long an open connection may go without a login before the client",
            "                         drops it and tries again (default 15)",
            "  --max-attempts N       connection attempts in a row without a login before giving up (default 10,",
            "                         0 = never give up)",
            "",
            "input lines (stdin):",
            "  text                   sent as chat (!help lists the server's commands)",
            "  /received              the items received: ItemName (from PlayerName)",
            "  /missing               the slot's locations not yet checked",
            "  /check NAME-OR-ID      checks a location of the slot's game",
            "  /hints                 the slot's hints",
            "  /help, /exit",
            "Lines run once logged in, each after the answers to the one before. At the end of input the",
            "client waits for the last answers (at most --answer-timeout), then exits.",
            "",
            "exit status: 0 after /exit or the end of input; 1 when no login succeeded after --max-attempts",
            "connection attempts in a row; 2 for bad options; 3 when the server refused the login; 70 for an",
            "internal error.");

    private TextClientCommand() {
    }

    static int run(String[] args) throws Exception {
        for (String a : args) {
            if (a.equals("--help") || a.equals("-h")) {
                System.out.println(USAGE);
                return 0;
            }
        }
        TextClient.Options options;
        try {
            options = parse(args, System.getenv(), System.getProperty("user.home"));
        } catch (IllegalArgumentException e) {
            System.err.println("client: " + e.getMessage());
            System.err.println(USAGE);
            return 2;
        }
        return new TextClient(options, System.in, System.out, Clock.systemUTC(),
                new SplittableRandom(new SecureRandom().nextLong())).run();
    }

    static TextClient.Options parse(String[] args, Map<String, String> env, String home) {
        URI url = null;
        String name = null;
        String game = null;
        String password = null;
        String room = null;
        List<String> tags = List.of("AP");
        Path cacheDir = null;
        Duration answerTimeout = Duration.ofSeconds(5);
        Duration loginTimeout = Duration.ofSeconds(15);
        int maxAttempts = 10;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("missing value after " + a);
            }
            String v = args[++i];
            switch (a) {
                case "--url":
                    url = url(v);
                    break;
                case "--name":
                    name = v;
                    break;
                case "--game":
                    game = v;
                    break;
                case "--password":
                    password = v;
                    break;
                case "--room":
                    room = v;
                    break;
                case "--tags":
                    List<String> t = new ArrayList<>();
                    for (String tag : v.split(",")) {
                        if (!tag.isBlank()) {
                            t.add(tag.strip());
                        }
                    }
                    tags = t;
                    break;
                case "--cache-dir":
                    cacheDir = Path.of(v);
                    break;
                case "--answer-timeout":
                    answerTimeout = Duration.ofMillis((long) (number(a, v, 0.001, 3600) * 1000));
                    break;
                case "--login-timeout":
                    loginTimeout = Duration.ofMillis((long) (number(a, v, 0.001, 3600) * 1000));
                    break;
                case "--max-attempts":
                    maxAttempts = (int) number(a, v, 0, 1_000_000);
                    if (maxAttempts != Double.parseDouble(v)) {
                        throw new IllegalArgumentException(a + " needs a whole number, got '" + v + "'");
                    }
                    break;
                default:
                    throw new IllegalArgumentException("unknown option " + a);
            }
        }
        if (url == null || name == null || game == null) {
            throw new IllegalArgumentException("--url, --name and --game are required");
        }
        if (room != null && room.isEmpty()) {
            throw new IllegalArgumentException("--room needs a room id");
        }
        return new TextClient.Options(url, name, game, password, room, tags,
                cacheDir != null ? cacheDir : FileDataPackageCache.cacheHome(env, home), answerTimeout,
                loginTimeout, Duration.ofSeconds(1), Duration.ofSeconds(30), maxAttempts);
    }

    private static URI url(String v) {
        URI u;
        try {
            u = URI.create(v.contains("://") ? v : "ws://" + v);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--url '" + v + "' is not a URL");
        }
        if (!"ws".equals(u.getScheme()) && !"wss".equals(u.getScheme()) || u.getHost() == null) {
            throw new IllegalArgumentException("--url needs ws://HOST:PORT or wss://HOST:PORT, got '" + v + "'");
        }
        return u;
    }

    private static double number(String option, String value, double min, double max) {
        try {
            double n = Double.parseDouble(value);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // fall through
        }
        throw new IllegalArgumentException(option + " needs a number from " + min + " to " + max + ", got '" + value + "'");
    }
}
