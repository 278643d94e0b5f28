package dev.apwire.examples;

import dev.apwire.codec.ArchipelagoCodec;
import dev.apwire.codec.Decoded;
import dev.apwire.codec.MalformedFrameException;
import dev.apwire.protocol.ConnectionRefusedError;
import dev.apwire.protocol.GameData;
import dev.apwire.protocol.Hint;
import dev.apwire.protocol.NetworkItem;
import dev.apwire.protocol.PrintJsonType;
import dev.apwire.protocol.server.PrintJsonPacket;
import dev.apwire.protocol.server.RoomInfoPacket;
import dev.apwire.protocol.server.ServerPacket;
import dev.apwire.session.ClientConfig;
import dev.apwire.session.ClientSession;
import dev.apwire.session.Compliance;
import dev.apwire.session.ConnectionAccepted;
import dev.apwire.session.ConnectionRefused;
import dev.apwire.session.DataPackageUpdated;
import dev.apwire.session.DeathLinkReceived;
import dev.apwire.session.Disconnected;
import dev.apwire.session.InvalidPacketReceived;
import dev.apwire.session.ItemsOutOfSync;
import dev.apwire.session.ItemsReceived;
import dev.apwire.session.LocationsChecked;
import dev.apwire.session.LoginState;
import dev.apwire.session.MessagePrinted;
import dev.apwire.session.Phase;
import dev.apwire.session.ProtocolVersion;
import dev.apwire.session.ProtocolViolated;
import dev.apwire.session.ReceivedItem;
import dev.apwire.session.RequestFailed;
import dev.apwire.session.SessionEvent;
import dev.apwire.session.Step;
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
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.ExtensionConfig;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.StatusCode;
import org.eclipse.jetty.websocket.client.ClientUpgradeRequest;
import org.eclipse.jetty.websocket.client.WebSocketClient;
import org.jspecify.annotations.Nullable;

/**
 * A text client for an Archipelago room: a {@link ClientSession} driven over a Jetty 12 WebSocket (with
 * permessage-deflate), lines from an input stream as commands, and everything that happens printed as words.
 *
 * <h2>Threads</h2>
 * <p>One single-threaded scheduler, the <i>actor</i>, owns the session, the socket, the input queue and every
 * field below marked "actor". Jetty's callbacks, the input-reading thread and the timers only post tasks to
 * it. After each task the actor {@linkplain #pump() pumps}: it runs queued input lines while the session is
 * logged in, re-arms its one timer at the earliest of the session's {@link ClientSession#nextDeadline()}, the
 * line pacing and the end-of-input deadline, and decides whether the run is over. {@link #run()} blocks the
 * caller until then.
 *
 * <h2>Lines</h2>
 * <p>Input lines wait in a queue until the session is logged in, and each waits for the answers of the one
 * before it (no pending request, no unconfirmed check, no chat line the server has not echoed, no {@code !} command
 * without its CommandResult), at most {@link Options#answerTimeout()}; so a
 * piped script behaves as if typed slowly. {@code /exit} and {@code /help} act at once.
 *
 * <h2>Ending</h2>
 * <p>A socket that opens but yields no login within {@link Options#loginTimeout()} counts as a failed
 * attempt. {@code /exit} ends the run with status 0. At the end of input the client waits, after its first login,
 * until every line ran and was answered or {@link Options#answerTimeout()} passed, then ends with 0. A
 * refused login ends with 3. Losing the connection reconnects after a backoff (doubling from
 * {@link Options#backoffMin()} to {@link Options#backoffMax()}, times a random factor from 0.5 to 1); after
 * {@link Options#maxAttempts()} failures in a row without a login the run ends with 1.
 *
 * <p>Thread-safe as far as its callers go: construct it and call {@link #run()} once from one thread.
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
    private final ArchipelagoCodec codec = ArchipelagoCodec.create();
    private final FileDataPackageCache cache;
    private final ClientSession session;
    private final ScheduledExecutorService actor;
    private final WebSocketClient ws = new WebSocketClient();
    private final CompletableFuture<Integer> exit = new CompletableFuture<>();

    // actor state
    private @Nullable Socket current;
    private int failures;
    private boolean loggedInOnce;
    private boolean endOfInput;
    private boolean stopping;
    private final Deque<String> lines = new ArrayDeque<>();
    private @Nullable Instant linePacedUntil;
    private @Nullable Instant endDeadline;
    private @Nullable Instant loginDeadline;
    private @Nullable ScheduledFuture<?> timer;
    private @Nullable Instant timerAt;
    private final List<NetworkItem> received = new ArrayList<>();
    /** Chat lines sent on this connection whose echo (PrintJSON Chat, reference-server §4.8) has not arrived. */
    private final List<String> unechoed = new ArrayList<>();
    /** {@code !} commands sent on this connection whose CommandResult (reference-server §4.8) has not arrived. */
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
        this.cache = new FileDataPackageCache(options.cacheDir());
        ClientConfig.Builder config = ClientConfig.builder(options.name(), options.game(), UUID.randomUUID().toString())
                .password(options.password())
                .tags(options.tags())
                .trackHints(true)
                .compliance(Compliance.LENIENT)
                .random(random)
                .cache(cache);
        if (options.roomId() != null) {
            config.protocol(ProtocolVersion.V2_0).roomId(options.roomId());
        }
        this.session = new ClientSession(config.build());
        this.actor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "apwire-client");
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
        ws.setMaxTextMessageSize(MAX_MESSAGE);
        ws.setIdleTimeout(Duration.ofMinutes(2));
        ws.setConnectTimeout(10_000);
        ws.start();
        Thread reader = new Thread(this::readInput, "apwire-client-input");
        reader.setDaemon(true);
        reader.start();
        post(this::connect);
        int status;
        try {
            status = exit.get();
        } catch (ExecutionException e) {
            out.println("internal error: " + e.getCause());
            status = EXIT_INTERNAL;
        } finally {
            ws.stop();
            actor.shutdownNow();
            actor.awaitTermination(5, TimeUnit.SECONDS);
            out.flush();
        }
        return status;
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

    /** One WebSocket connection attempt; forwards Jetty's callbacks to the actor. Public for Jetty's lookup. */
    public final class Socket implements Session.Listener.AutoDemanding {
        private @Nullable Session session;
        private boolean ended;

        @Override
        public void onWebSocketOpen(Session s) {
            post(() -> onOpen(this, s));
        }

        @Override
        public void onWebSocketText(String frame) {
            post(() -> onFrame(this, frame));
        }

        @Override
        public void onWebSocketClose(int statusCode, String reason, Callback callback) {
            callback.succeed();
            String why = reason == null || reason.isEmpty() ? "code " + statusCode : "code " + statusCode + ", " + reason;
            post(() -> onLost(this, why));
        }

        @Override
        public void onWebSocketError(Throwable cause) {
            post(() -> onLost(this, describe(cause)));
        }
    }

    private static String describe(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null && (c instanceof ExecutionException || c.getMessage() == null)) {
            c = c.getCause();
        }
        return c.getMessage() == null ? c.getClass().getSimpleName() : c.getMessage();
    }

    // ------------------------------------------------------------------ transport (actor)

    private void connect() {
        if (stopping) {
            return;
        }
        Socket socket = new Socket();
        current = socket;
        ClientUpgradeRequest request = new ClientUpgradeRequest(options.url());
        request.addExtensions("permessage-deflate");
        if (options.roomId() != null) {
            request.setSubProtocols(List.of("v2.0"));
        }
        try {
            ws.connect(socket, request).whenComplete((s, error) -> {
                if (error != null) {
                    post(() -> onLost(socket, describe(error)));
                }
            });
        } catch (IOException | RuntimeException e) {
            onLost(socket, describe(e));
        }
    }

    private void onOpen(Socket socket, Session s) {
        if (socket != current || stopping) {
            s.close(StatusCode.NORMAL, "not needed", Callback.NOOP);
            return;
        }
        socket.session = s;
        boolean deflate = false;
        for (ExtensionConfig e : s.getUpgradeResponse().getExtensions()) {
            deflate |= e.getName().equals("permessage-deflate");
        }
        if (!deflate) {
            out.println("note: the server did not agree to compression (permessage-deflate)");
        }
        Instant now = clock.instant();
        loginDeadline = now.plus(options.loginTimeout());
        apply(session.connected(now));
    }

    private void onFrame(Socket socket, String frame) {
        if (socket != current || socket.ended) {
            return;
        }
        List<Decoded<ServerPacket>> packets;
        try {
            packets = codec.decodeServerFrame(frame);
        } catch (MalformedFrameException e) {
            out.println("the server sent a frame that is not valid (" + e.getMessage() + "); ignored");
            return;
        }
        for (Decoded<ServerPacket> d : packets) {
            if (socket != current) {
                return; // a step closed the socket
            }
            if (d instanceof Decoded.Ok<ServerPacket> ok) {
                ServerPacket p = ok.packet();
                if (p instanceof RoomInfoPacket room && room.datapackageChecksums() != null) {
                    cache.load(room.datapackageChecksums()).forEach(out::println);
                }
                apply(session.receive(p, clock.instant()));
            } else {
                Decoded.Problem<ServerPacket> problem = (Decoded.Problem<ServerPacket>) d;
                out.println("the server sent a packet that is not valid (" + problem.invalidPacket().text() + "); ignored");
            }
        }
    }

    /** The socket closed, failed or never opened: tells the session and schedules the next attempt. */
    private void onLost(Socket socket, String reason) {
        if (socket != current || socket.ended) {
            return;
        }
        socket.ended = true;
        current = null;
        Session s = socket.session;
        String why = s == null ? "could not connect to " + options.url() + " (" + reason + ")"
                : "connection lost (" + reason + ")";
        if (s != null && s.isOpen()) {
            s.close(StatusCode.NORMAL, "bye", Callback.NOOP);
        }
        apply(session.disconnected(clock.instant()));
        if (stopping) {
            return;
        }
        failures++;
        if (options.maxAttempts() > 0 && failures >= options.maxAttempts()) {
            out.println(why + "; giving up after " + failures + (failures == 1 ? " attempt" : " attempts"));
            finish(EXIT_UNREACHABLE);
            return;
        }
        Duration delay = backoff(failures);
        out.printf(Locale.ROOT, "%s; reconnecting in %.1f s%n", why, delay.toMillis() / 1000.0);
        actor.schedule(() -> post(this::connect), delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** {@return the delay before attempt {@code n + 1}: doubling from the minimum, capped, times 0.5 to 1} */
    private Duration backoff(int n) {
        long min = options.backoffMin().toMillis();
        long max = Math.max(min, options.backoffMax().toMillis());
        long base = n >= 30 ? max : Math.min(max, min << Math.min(n - 1, 30));
        return Duration.ofMillis((long) (base * (0.5 + random.nextDouble() * 0.5)));
    }

    private void finish(int status) {
        if (stopping) {
            return;
        }
        stopping = true;
        Socket socket = current;
        Session s = socket == null ? null : socket.session;
        if (s != null && s.isOpen()) {
            s.close(StatusCode.NORMAL, "bye", Callback.NOOP);
        }
        out.flush();
        exit.complete(status);
    }

    // ------------------------------------------------------------------ steps and events (actor)

    private void apply(Step step) {
        Socket socket = current;
        Session s = socket == null ? null : socket.session;
        if (!step.send().isEmpty() && s != null && s.isOpen()) {
            s.sendText(codec.encodeClientFrame(step.send()), Callback.NOOP);
        }
        for (SessionEvent e : step.events()) {
            print(e);
        }
        if (step.close() != null && s != null && socket != null) {
            out.println("closing the connection: " + step.close().reason());
            onLost(socket, "closed by the client");
        }
    }

    private void print(SessionEvent e) {
        if (e instanceof MessagePrinted m) {
            out.println(m.text());
            PrintJsonPacket p = m.packet();
            int own = session.login().map(LoginState::slot).orElse(-1);
            if (PrintJsonType.CHAT.equals(p.type()) && p.slot() != null && p.slot() == own && p.message() != null) {
                unechoed.remove(p.message());
            }
            if ((PrintJsonType.COMMAND_RESULT.equals(p.type()) || PrintJsonType.ADMIN_COMMAND_RESULT.equals(p.type()))
                    && unansweredCommands > 0) {
                unansweredCommands--;
            }
        } else if (e instanceof ConnectionAccepted a) {
            loggedInOnce = true;
            failures = 0;
            out.println("Connected as " + session.playerAlias(a.login().slot()).orElse(options.name()) + " (slot "
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
                out.println("Checked " + ownLocation(id));
            }
        } else if (e instanceof Disconnected) {
            for (String line : stopping ? List.<String>of() : unechoed) {
                out.println("Maybe not delivered (no echo before the connection ended): " + line);
            }
            unechoed.clear();
            unansweredCommands = 0;
        } else if (e instanceof DataPackageUpdated) {
            cache.flush().forEach(out::println);
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
        // RoomInfoReceived, RoomUpdated, RequestSent, ValuesRetrieved, ValueChanged, HintAdded, HintUpdated,
        // LocationsScouted and BounceReceived say nothing a text user needs.
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
                    words.add("the server needs a newer client version than " + session.config().version().major() + "."
                            + session.config().version().minor() + "." + session.config().version().build());
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
        int own = session.login().map(LoginState::slot).orElse(-1);
        String name = session.itemName(item.item(), own).orElse("item " + item.item());
        return name + " (from " + player(item.player()) + ")";
    }

    private String player(int slot) {
        return session.playerAlias(slot).orElse(slot == 0 ? "Archipelago" : "slot " + slot);
    }

    private String ownLocation(long id) {
        int own = session.login().map(LoginState::slot).orElse(-1);
        return session.locationName(id, own).orElse("location " + id);
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

    private void handle(String line, Instant now) {
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
                if (session.missingLocations().isEmpty()) {
                    out.println("no missing locations");
                }
                for (long id : session.missingLocations()) {
                    out.println(ownLocation(id));
                }
                break;
            case "/check":
                check(argument, now);
                break;
            case "/hints":
                List<Hint> hints = session.hints();
                if (hints.isEmpty()) {
                    out.println("no hints");
                }
                for (Hint h : hints) {
                    out.println(session.itemName(h.item(), h.receivingPlayer()).orElse("item " + h.item()) + " for "
                            + player(h.receivingPlayer()) + " at "
                            + session.locationName(h.location(), h.findingPlayer()).orElse("location " + h.location())
                            + " in " + player(h.findingPlayer()) + "'s world (" + h.status().label() + ")");
                }
                break;
            default:
                if (line.startsWith("/")) {
                    out.println("unknown command " + command + "; /help lists the commands");
                } else {
                    apply(session.say(line, now));
                    if (!line.startsWith("!admin")) {
                        unechoed.add(line); // the server echoes every Say but !admin ones as Chat
                    }
                    if (line.strip().startsWith("!")) {
                        unansweredCommands++; // a server command: its CommandResult follows the echo
                    }
                }
        }
    }

    private void check(String argument, Instant now) {
        if (argument.isEmpty()) {
            out.println("usage: /check <location name or id>");
            return;
        }
        LoginState login = session.login().orElseThrow();
        Optional<GameData> data = session.dataPackage(login.game());
        Long id = null;
        if (data.isPresent()) {
            id = data.get().locationNameToId().id(argument);
            if (id == null) {
                for (int i = 0; i < data.get().locationNameToId().size(); i++) {
                    if (data.get().locationNameToId().nameAt(i).equalsIgnoreCase(argument)) {
                        id = data.get().locationNameToId().idAt(i);
                        break;
                    }
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
        if (session.checkedLocations().contains(id)) {
            out.println(ownLocation(id) + " is already checked");
        } else if (!session.missingLocations().contains(id)) {
            out.println("unknown location " + argument + ": not a location of " + login.game() + " in this slot");
        } else {
            apply(session.checkLocations(List.of(id), now));
            out.println("Checking " + ownLocation(id) + " (" + id + ")");
        }
    }

    // ------------------------------------------------------------------ the pump (actor)

    /** {@return whether every request was answered, every check confirmed and every chat line echoed} */
    private boolean answered() {
        return session.pendingRequests() == 0 && session.outbox().isEmpty() && unechoed.isEmpty() && unansweredCommands == 0;
    }

    /** Runs ready lines, decides whether the run is over, and re-arms the timer. */
    private void pump() {
        if (stopping) {
            return;
        }
        Instant now = clock.instant();
        Socket socket = current;
        Instant login = loginDeadline;
        if (session.phase() == Phase.CONNECTED || session.phase() == Phase.REFUSED || socket == null) {
            loginDeadline = null;
        } else if (login != null && !now.isBefore(login)) {
            loginDeadline = null;
            onLost(socket, "no login within " + options.loginTimeout().toSeconds() + " s");
        }
        while (session.phase() == Phase.CONNECTED && !lines.isEmpty() && !stopping) {
            Instant paced = linePacedUntil;
            if (paced != null && !answered() && now.isBefore(paced)) {
                break;
            }
            linePacedUntil = now.plus(options.answerTimeout());
            handle(lines.poll(), now);
        }
        if (stopping) {
            return;
        }
        if (endOfInput && lines.isEmpty() && loggedInOnce && session.phase() == Phase.CONNECTED) {
            if (answered()) {
                finish(EXIT_OK);
                return;
            }
            Instant end = endDeadline;
            if (end == null) {
                endDeadline = now.plus(options.answerTimeout());
            } else if (!now.isBefore(end)) {
                out.println("end of input: stopping without " + session.pendingRequests() + " answers, "
                        + session.outbox().size() + " check confirmations, " + unechoed.size() + " chat echoes and "
                        + unansweredCommands + " command results");
                finish(EXIT_OK);
                return;
            }
        }
        rearm(now);
    }

    private void rearm(Instant now) {
        Instant at = session.nextDeadline().orElse(null);
        if (!lines.isEmpty() && session.phase() == Phase.CONNECTED) {
            at = earliest(at, linePacedUntil);
        }
        if (endOfInput) {
            at = earliest(at, endDeadline);
        }
        at = earliest(at, loginDeadline);
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
            timer = actor.schedule(() -> post(this::onTimer), delay, TimeUnit.MILLISECONDS);
        }
    }

    private void onTimer() {
        timer = null;
        timerAt = null;
        apply(session.onTimeout(clock.instant()));
    }

    private static @Nullable Instant earliest(@Nullable Instant a, @Nullable Instant b) {
        return a == null ? b : b == null || a.isBefore(b) ? a : b;
    }
}
