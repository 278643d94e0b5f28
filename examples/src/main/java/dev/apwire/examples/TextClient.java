package dev.apwire.examples;

import dev.apwire.client.ArchipelagoClient;
import dev.apwire.client.ClientNotice;
import dev.apwire.client.ConnectionRefusedException;
import dev.apwire.protocol.ConnectionRefusedError;
import dev.apwire.protocol.GameData;
import dev.apwire.protocol.Hint;
import dev.apwire.protocol.NetworkItem;
import dev.apwire.protocol.PrintJsonType;
import dev.apwire.protocol.server.PrintJsonPacket;
import dev.apwire.session.ConnectionAccepted;
import dev.apwire.session.ConnectionRefused;
import dev.apwire.session.DeathLinkReceived;
import dev.apwire.session.Disconnected;
import dev.apwire.session.InvalidPacketReceived;
import dev.apwire.session.ItemsOutOfSync;
import dev.apwire.session.ItemsReceived;
import dev.apwire.session.LocationsChecked;
import dev.apwire.session.LoginState;
import dev.apwire.session.MessagePrinted;
import dev.apwire.session.ProtocolViolated;
import dev.apwire.session.ReceivedItem;
import dev.apwire.session.RequestFailed;
import dev.apwire.session.SessionEvent;
import dev.apwire.session.UnknownPacketReceived;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;

/**
 * A text client for an Archipelago room: the library's {@link ArchipelagoClient} on a {@link JettyTransport}
 * (permessage-deflate), lines from an input stream as commands, and everything that happens printed as words.
 * The client does the connecting, reconnecting, login timeout, backoff and data package cache; this class only
 * paces the lines and prints.
 *
 * <h2>Threads</h2>
 * <p>One single-threaded scheduler, the <i>actor</i>, is the client's event executor: every listener, every
 * input line and the one timer run on it, and after each it {@linkplain #pump() pumps}: it runs queued input
 * lines while logged in, re-arms the timer at the earlier of the line pacing and the end-of-input deadline, and
 * decides whether the run is over. {@link #run()} blocks the caller until then.
 *
 * <h2>Lines</h2>
 * <p>Input lines wait in a queue until the client is logged in, and each waits for the answers of the one
 * before it (no unconfirmed check, no chat line the server has not echoed, no {@code !} command without an
 * answer), at most {@link Options#answerTimeout()}; so a piped script behaves as if typed slowly. A {@code !}
 * command counts as answered by the first server message after its echo that is not chat: usually its
 * CommandResult, but the reference server answers a successful {@code !hint <item>} with Hint messages only.
 * {@code /exit} and {@code /help} act at once.
 *
 * <h2>Ending</h2>
 * <p>{@code /exit} ends the run with status 0. At the end of input the client waits, after its first login,
 * until every line ran and was answered or {@link Options#answerTimeout()} passed, then ends with 0. A refused
 * login ends with 3. When {@link Options#maxAttempts()} connection attempts in a row reach no login (a socket
 * that opens but yields no login within {@link Options#loginTimeout()} counts as one) the run ends with 1.
 *
 * <p>Construct it and call {@link #run()} once from one thread.
 */
final class TextClient {

    /** Exit status: the run ended normally. */
    static final int EXIT_OK = 0;
    /** Exit status: no login after the allowed number of connection attempts. */
    static final int EXIT_UNREACHABLE = 1;
    /** Exit status: the server refused the login. */
    static final int EXIT_REFUSED = 3;
    /** Exit status: a bug in the client (an unexpected exception on the actor), as sysexits' EX_SOFTWARE. */
    static final int EXIT_INTERNAL = 70;

    /** The largest frame accepted from the server: the codec's default frame limit (big data packages). */
    private static final long MAX_MESSAGE = 64L << 20;

    /**
     * What to connect to and how.
     *
     * @param url the server, {@code ws://} or {@code wss://}
     * @param name the slot name
     * @param game the game ({@code ""} with tag {@code TextOnly} for a chat-only client)
     * @param password the room password, or {@code null}
     * @param roomId the room to {@code Join} with protocol v2.0, or {@code null} for v1.0
     * @param tags the tags to connect with
     * @param cacheDir the cache directory holding {@code Archipelago/datapackage}
     * @param answerTimeout how long a line waits for the answers of the one before, and the end of input for
     *     the last answers
     * @param loginTimeout how long an open socket may go without a login (Connected or ConnectionRefused)
     *     before the client drops it and tries again
     * @param backoffMin the first reconnect delay
     * @param backoffMax the largest reconnect delay
     * @param maxAttempts connection attempts in a row without a login before giving up, 0 for never
     */
    record Options(URI url, String name, String game, @Nullable String password, @Nullable String roomId,
            List<String> tags, Path cacheDir, Duration answerTimeout, Duration loginTimeout, Duration backoffMin,
            Duration backoffMax, int maxAttempts) {
        Options {
            tags = List.copyOf(tags);
        }
    }

    private final Options options;
    private final InputStream input;
    private final PrintStream out;
    private final Clock clock;
    private final RandomGenerator random;
    private final ScheduledExecutorService actor;
    private final CompletableFuture<Integer> exit = new CompletableFuture<>();
    private @Nullable ArchipelagoClient client;

    // actor state
    private boolean loggedInOnce;
    private boolean connected;
    private boolean endOfInput;
    private boolean stopping;
    private int ownSlot = -1;
    private final Deque<String> lines = new ArrayDeque<>();
    private @Nullable Instant linePacedUntil;
    private @Nullable Instant endDeadline;
    private @Nullable ScheduledFuture<?> timer;
    private @Nullable Instant timerAt;
    private final List<NetworkItem> received = new ArrayList<>();
    /** Checks made whose confirmation (LocationsChecked) has not arrived. */
    private final Set<Long> unconfirmed = new LinkedHashSet<>();
    /** Chat lines sent on this connection whose echo (PrintJSON Chat, reference-server §4.8) has not arrived. */
    private final List<String> unechoed = new ArrayList<>();
    /** {@code !} commands sent on this connection that no server message has answered yet. */
    private int unansweredCommands;

    /**
     * A client; nothing starts before {@link #run()}.
     *
     * @param options what to connect to
     * @param input the command lines
     * @param out where everything is printed
     * @param clock the time
     * @param random the source of backoff jitter and request ids
     */
    TextClient(Options options, InputStream input, PrintStream out, Clock clock, RandomGenerator random) {
        this.options = options;
        this.input = input;
        this.out = out;
        this.clock = clock;
        this.random = random;
        this.actor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "apwire-text-client");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Connects, runs until the end (see the class comment) and closes everything.
     *
     * @return the exit status
     * @throws Exception when the WebSocket client cannot start
     */
    int run() throws Exception {
        try (JettyTransport transport = new JettyTransport(MAX_MESSAGE, note -> post(() -> out.println(note)))) {
            ArchipelagoClient c = ArchipelagoClient.builder(options.url().toString(), options.name(), options.game())
                    .password(options.password())
                    .uuid(UUID.randomUUID().toString())
                    .tags(options.tags())
                    .trackHints(true)
                    .room(options.roomId())
                    .transport(transport)
                    .executor(task -> post(task))
                    .cacheDirectory(options.cacheDir().resolve("Archipelago"))
                    .clock(clock)
                    .random(random)
                    .loginTimeout(options.loginTimeout())
                    .backoff(options.backoffMin(), options.backoffMax())
                    .maxConnectAttempts(options.maxAttempts())
                    .build();
            client = c;
            c.on(SessionEvent.class, this::print);
            c.onNotice(this::notice);
            Thread reader = new Thread(this::readInput, "apwire-client-input");
            reader.setDaemon(true);
            reader.start();
            c.connect().whenComplete((login, error) -> {
                if (error != null && !(error instanceof ConnectionRefusedException)) {
                    post(() -> finish(EXIT_UNREACHABLE)); // the notice said why
                }
            });
            int status;
            try {
                status = exit.get();
            } catch (ExecutionException e) {
                out.println("internal error: " + e.getCause());
                status = EXIT_INTERNAL;
            } finally {
                c.close();
                actor.shutdownNow();
                actor.awaitTermination(5, TimeUnit.SECONDS);
                out.flush();
            }
            return status;
        }
    }

    private ArchipelagoClient client() {
        ArchipelagoClient c = client;
        if (c == null) {
            throw new IllegalStateException("not running");
        }
        return c;
    }

    // ------------------------------------------------------------------ inputs, posted to the actor

    private void readInput() {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(input, StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                String l = line;
                post(() -> onLine(l));
            }
        } catch (IOException e) {
            post(() -> out.println("could not read input: " + e.getMessage()));
        }
        post(() -> endOfInput = true);
    }

    private void post(Runnable task) {
        try {
            actor.execute(() -> {
                try {
                    task.run();
                    pump();
                } catch (RuntimeException e) {
                    out.println("internal error: " + e);
                    exit.completeExceptionally(e);
                }
            });
        } catch (RejectedExecutionException e) {
            // stopping
        }
    }

    private void notice(ClientNotice n) {
        if (stopping) {
            return;
        }
        Duration retry = n.retryIn();
        if (retry != null) {
            out.printf(Locale.ROOT, "%s; reconnecting in %.1f s%n", n.message(), retry.toMillis() / 1000.0);
        } else {
            out.println(n.message());
        }
    }

    private void finish(int status) {
        if (stopping) {
            return;
        }
        stopping = true;
        out.flush();
        exit.complete(status);
    }

    // ------------------------------------------------------------------ events (actor)

    private void print(SessionEvent e) {
        if (stopping) {
            return;
        }
        if (e instanceof MessagePrinted m) {
            out.println(m.text());
            PrintJsonPacket p = m.packet();
            boolean chat = PrintJsonType.CHAT.equals(p.type());
            if (chat && p.slot() != null && p.slot() == ownSlot && p.message() != null) {
                unechoed.remove(p.message());
            } else if (!chat && unansweredCommands > 0 && !unechoed.stream().anyMatch(l -> l.startsWith("!"))) {
                unansweredCommands--; // the first message after a command's echo answers it
            }
        } else if (e instanceof ConnectionAccepted a) {
            loggedInOnce = true;
            connected = true;
            ownSlot = a.login().slot();
            out.println("Connected as " + client().playerAlias(a.login().slot()).orElse(options.name()) + " (slot "
                    + a.login().slot() + ", team " + a.login().team() + ")");
        } else if (e instanceof ConnectionRefused r) {
            out.println("Connection refused: " + refusal(r.errors()));
            finish(EXIT_REFUSED);
        } else if (e instanceof ItemsReceived items) {
            for (ReceivedItem item : items.items()) {
                received.add(item.item());
                out.println("Received " + describe(item.item()));
            }
        } else if (e instanceof LocationsChecked c) {
            for (long id : c.locations()) {
                unconfirmed.remove(id);
                out.println("Checked " + ownLocation(id));
            }
        } else if (e instanceof Disconnected) {
            connected = false;
            for (String line : unechoed) {
                out.println("Maybe not delivered (no echo before the connection ended): " + line);
            }
            unechoed.clear();
            unansweredCommands = 0;
        } else if (e instanceof InvalidPacketReceived i) {
            out.println("The server rejected a packet"
                    + (i.packet().originalCmd() == null ? "" : " (" + i.packet().originalCmd() + ")") + ": "
                    + i.packet().text());
        } else if (e instanceof ProtocolViolated v) {
            out.println("The server broke the protocol (" + v.rule() + "); packet ignored");
        } else if (e instanceof ItemsOutOfSync) {
            out.println("Items arrived out of order; asking the server for the full list");
        } else if (e instanceof RequestFailed f) {
            out.println("A " + f.kind() + " request got no answer ("
                    + (f.reason() == RequestFailed.FailureReason.TIMED_OUT ? "timed out" : "connection lost") + ")");
        } else if (e instanceof DeathLinkReceived d) {
            out.println("DeathLink from " + d.deathLink().source()
                    + (d.deathLink().cause() == null ? "" : ": " + d.deathLink().cause()));
        } else if (e instanceof UnknownPacketReceived u) {
            out.println("The server sent an unknown command " + u.packet().cmd() + "; ignored");
        }
        // RoomInfoReceived, RoomUpdated, DataPackageUpdated, RequestSent, ValuesRetrieved, ValueChanged, HintAdded,
        // HintUpdated, LocationsScouted and BounceReceived say nothing a text user needs.
    }

    /** {@return the refusal reasons in words} */
    String refusal(List<ConnectionRefusedError> errors) {
        if (errors.isEmpty()) {
            return "the server gave no reason";
        }
        List<String> words = new ArrayList<>();
        for (ConnectionRefusedError error : errors) {
            switch (error.name()) {
                case "InvalidPassword":
                    words.add(options.password() == null ? "the room needs a password (--password)" : "the password is wrong");
                    break;
                case "InvalidSlot":
                    words.add("there is no slot named '" + options.name() + "'");
                    break;
                case "InvalidGame":
                    words.add("slot '" + options.name() + "' does not play '" + options.game() + "'");
                    break;
                case "IncompatibleVersion":
                    words.add("the server needs a newer client version than 0.6.2");
                    break;
                case "InvalidItemsHandling":
                    words.add("the server does not accept the items_handling flags");
                    break;
                default:
                    words.add("the server said '" + error.name() + "'");
            }
        }
        return String.join("; ", words);
    }

    /** {@return "ItemName (from PlayerName)" for an item this slot received} */
    private String describe(NetworkItem item) {
        String name = client().itemName(item.item()).orElse("item " + item.item());
        return name + " (from " + player(item.player()) + ")";
    }

    private String player(int slot) {
        return client().playerAlias(slot).orElse(slot == 0 ? "Archipelago" : "slot " + slot);
    }

    private String ownLocation(long id) {
        return client().locationName(id, ownSlot).orElse("location " + id);
    }

    // ------------------------------------------------------------------ lines (actor)

    private void onLine(String raw) {
        String line = raw.strip();
        if (line.isEmpty()) {
            return;
        }
        if (line.equals("/exit")) {
            finish(EXIT_OK);
        } else if (line.equals("/help")) {
            help();
        } else {
            lines.add(line);
        }
    }

    private void help() {
        out.println("commands: text (sent as chat; !help lists the server's commands), /received, /missing,"
                + " /check <location name or id>, /hints, /help, /exit");
    }

    private void handle(String line) {
        ArchipelagoClient c = client();
        String command = line.split("\\s+", 2)[0];
        String argument = line.length() > command.length() ? line.substring(command.length()).strip() : "";
        switch (command) {
            case "/received":
                if (received.isEmpty()) {
                    out.println("no items received yet");
                }
                for (NetworkItem item : received) {
                    out.println(describe(item));
                }
                break;
            case "/missing":
                Set<Long> missing = c.missingLocations();
                if (missing.isEmpty()) {
                    out.println("no missing locations");
                }
                for (long id : missing) {
                    out.println(ownLocation(id));
                }
                break;
            case "/check":
                check(argument);
                break;
            case "/hints":
                List<Hint> hints = c.inspect(s -> s.hints());
                if (hints.isEmpty()) {
                    out.println("no hints");
                }
                for (Hint h : hints) {
                    out.println(c.itemName(h.item(), h.receivingPlayer()).orElse("item " + h.item()) + " for "
                            + player(h.receivingPlayer()) + " at "
                            + c.locationName(h.location(), h.findingPlayer()).orElse("location " + h.location())
                            + " in " + player(h.findingPlayer()) + "'s world (" + h.status().label() + ")");
                }
                break;
            default:
                if (line.startsWith("/")) {
                    out.println("unknown command " + command + "; /help lists the commands");
                } else {
                    c.say(line);
                    if (!line.startsWith("!admin")) {
                        unechoed.add(line); // the server echoes every Say but !admin ones as Chat
                    }
                    if (line.startsWith("!")) {
                        unansweredCommands++;
                    }
                }
        }
    }

    private void check(String argument) {
        if (argument.isEmpty()) {
            out.println("usage: /check <location name or id>");
            return;
        }
        ArchipelagoClient c = client();
        Optional<GameData> data = c.inspect(s -> s.dataPackage(options.game()));
        Long id = c.locationId(argument).orElse(null);
        if (id == null && data.isPresent()) {
            for (int i = 0; i < data.get().locationNameToId().size(); i++) {
                if (data.get().locationNameToId().nameAt(i).equalsIgnoreCase(argument)) {
                    id = data.get().locationNameToId().idAt(i);
                    break;
                }
            }
        }
        if (id == null) {
            try {
                id = Long.parseLong(argument);
            } catch (NumberFormatException e) {
                out.println("unknown location '" + argument + "'");
                return;
            }
        }
        if (c.checkedLocations().contains(id)) {
            out.println(ownLocation(id) + " is already checked");
        } else if (!c.missingLocations().contains(id)) {
            out.println("unknown location " + argument + ": not a location of " + options.game() + " in this slot");
        } else {
            unconfirmed.add(id);
            c.check(id);
            out.println("Checking " + ownLocation(id) + " (" + id + ")");
        }
    }

    // ------------------------------------------------------------------ the pump (actor)

    /** {@return whether every check was confirmed, every chat line echoed and every command answered} */
    private boolean answered() {
        return unconfirmed.isEmpty() && unechoed.isEmpty() && unansweredCommands == 0;
    }

    /** Runs ready lines, decides whether the run is over, and re-arms the timer. */
    private void pump() {
        if (stopping || client == null) {
            return;
        }
        Instant now = clock.instant();
        while (connected && !lines.isEmpty() && !stopping) {
            Instant paced = linePacedUntil;
            if (paced != null && !answered() && now.isBefore(paced)) {
                break;
            }
            linePacedUntil = now.plus(options.answerTimeout());
            handle(lines.poll());
        }
        if (stopping) {
            return;
        }
        if (endOfInput && lines.isEmpty() && loggedInOnce && connected) {
            if (answered()) {
                finish(EXIT_OK);
                return;
            }
            Instant end = endDeadline;
            if (end == null) {
                endDeadline = now.plus(options.answerTimeout());
            } else if (!now.isBefore(end)) {
                out.println("end of input: stopping without " + client().inspect(s -> s.pendingRequests()) + " answers, "
                        + unconfirmed.size() + " check confirmations, " + unechoed.size() + " chat echoes and "
                        + unansweredCommands + " command results");
                finish(EXIT_OK);
                return;
            }
        }
        rearm(now);
    }

    private void rearm(Instant now) {
        Instant at = null;
        if (!lines.isEmpty() && connected) {
            at = linePacedUntil;
        }
        if (endOfInput) {
            at = earliest(at, endDeadline);
        }
        if (at != null && at.equals(timerAt)) {
            return;
        }
        ScheduledFuture<?> t = timer;
        if (t != null) {
            t.cancel(false);
        }
        timer = null;
        timerAt = at;
        if (at != null) {
            long delay = Math.max(0, Duration.between(now, at).toMillis() + 1);
            timer = actor.schedule(() -> post(() -> {
                timer = null;
                timerAt = null;
            }), delay, TimeUnit.MILLISECONDS);
        }
    }

    private static @Nullable Instant earliest(@Nullable Instant a, @Nullable Instant b) {
        return a == null ? b : b == null || a.isBefore(b) ? a : b;
    }
}
