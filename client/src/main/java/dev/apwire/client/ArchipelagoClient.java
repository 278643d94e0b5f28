package dev.apwire.client;

import dev.apwire.codec.ArchipelagoCodec;
import dev.apwire.codec.Decoded;
import dev.apwire.codec.MalformedFrameException;
import dev.apwire.json.JsonValue;
import dev.apwire.protocol.ClientStatus;
import dev.apwire.protocol.DataStorageOperation;
import dev.apwire.protocol.GameData;
import dev.apwire.protocol.HintStatus;
import dev.apwire.protocol.ItemsHandling;
import dev.apwire.protocol.NetworkItem;
import dev.apwire.protocol.NetworkVersion;
import dev.apwire.protocol.server.RoomInfoPacket;
import dev.apwire.protocol.server.ServerPacket;
import dev.apwire.session.ClientConfig;
import dev.apwire.session.ClientSession;
import dev.apwire.session.Compliance;
import dev.apwire.session.ConnectionAccepted;
import dev.apwire.session.ConnectionRefused;
import dev.apwire.session.DataPackageCache;
import dev.apwire.session.DataPackageUpdated;
import dev.apwire.session.ItemsReceived;
import dev.apwire.session.LocationsChecked;
import dev.apwire.session.LocationsScouted;
import dev.apwire.session.LoginState;
import dev.apwire.session.Phase;
import dev.apwire.session.ProtocolVersion;
import dev.apwire.session.ReceivedItem;
import dev.apwire.session.RequestFailed;
import dev.apwire.session.RequestSent;
import dev.apwire.session.SessionEvent;
import dev.apwire.session.Step;
import dev.apwire.session.ValueChanged;
import dev.apwire.session.ValuesRetrieved;
import java.io.IOException;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;

/**
 * The ready Archipelago client: a {@link ClientSession} driven over a WebSocket, with reconnects, futures for
 * requests, listeners or polling for events, and persisted progress.
 *
 * <pre>{@code
 * ArchipelagoClient client = ArchipelagoClient.builder("localhost:38281", "Alice", "Pebble Quest")
 *         .password("sesame").build();
 * client.onItemReceived(item -> game.give(client.itemName(item.item().item()).orElse("?")));
 * client.connect().join();
 * client.check("Pebble Cave");
 * }</pre>
 *
 * <h2>Theory of operation</h2>
 * <p>The client is a thin driver (quinn's shape around quinn-proto): every protocol decision is the
 * session's; the client owns the socket, the threads, the clock, the bounded queues and the reconnect
 * timer. <b>Threads:</b>
 * <ul>
 * <li>The <i>client thread</i> ({@code apwire-client-N}, one per client) owns the session. Transport
 *     callbacks, every public method and the timer only post tasks to it; it decodes frames, calls the
 *     session, sends the step's packets (one send outstanding, in order) and hands the events on.</li>
 * <li>The <i>event executor</i> ({@link Builder#executor(Executor)}; default: one thread
 *     {@code apwire-client-events-N}) runs listeners and completes every future, strictly in the order the
 *     session produced them and one at a time, even on a thread pool. A game passes its main-thread
 *     queue to get everything on its own thread. Do not block on a future of this client inside a listener
 *     or on the executor's thread: its answer is queued behind you.</li>
 * <li>In {@linkplain Builder#pollMode() poll mode} no listener runs: the game thread calls {@link #poll()}
 *     once per tick and gets the events since the last call; futures still complete on the executor.</li>
 * </ul>
 * <p>Every public method is thread-safe and never blocks on the network; the name lookups and state
 * getters wait only for the client thread's current task.
 *
 * <h2>Connecting and reconnecting</h2>
 * <p>{@link #connect()} opens the first connection: a URL with {@code ws://} or {@code wss://}, or a
 * scheme-less {@code host[:port]} as Archipelago's own clients accept it, tried as {@code wss://} and then
 * {@code ws://} (port 38281 when none is given). Its future completes on {@code Connected} or fails with a
 * {@link ConnectionRefusedException} (then {@link #retry(String)}), or with an
 * {@link ArchipelagoClientException} after {@link Builder#maxConnectAttempts(int)} attempts in a row that
 * reached no login. Once logged in, a lost connection is reopened after an exponential backoff with
 * jitter ({@link Builder#backoff(Duration, Duration)}: doubling from the minimum to the maximum, times a
 * random factor from 0.5 to 1) for as long as the client is open; the session resumes: the outbox is
 * re-sent, items already delivered are not delivered again, and {@code SetNotify} subscriptions are
 * renewed. A socket that opens but reaches no login within {@link Builder#loginTimeout(Duration)} is
 * dropped and counts as a failed attempt; a connection from which nothing was heard after two
 * {@linkplain Builder#keepAlive(Duration) keep-alive} pings is dropped and reopened.
 *
 * <p><b>v2.0.</b> With {@link Builder#room(String)} the client offers the WebSocket subprotocol {@code v2.0}
 * and sends {@code Join}. If the server does not accept the subprotocol the client never sends
 * {@code Join} into that v1.0 session: with {@link Builder#fallbackToV1(boolean)} it carries on in v1.0,
 * otherwise {@link #connect()} fails saying so and the client stops connecting.
 *
 * <h2>Intents while not connected</h2>
 * <p>One table, {@link Intent}: checks, status, storage writes, hint changes and watches wait for the next
 * login; chat, bounces, reads and scouts fail their future with
 * {@link RequestFailedException.Reason#NOT_CONNECTED}. No intent throws for such ordinary life events.
 *
 * <h2>Progress</h2>
 * <p>The {@link ProgressStore} ({@link Builder#progressStore(ProgressStore)}) is loaded at build time and
 * handed to the session (last processed item index, outbox). An item counts as processed when the
 * listeners of its {@link ItemsReceived} event returned, or in poll mode at the next {@link #poll()} after
 * the one that returned it (or at {@link #close()}); the outbox is saved whenever it changes.
 *
 * <h2>Closing</h2>
 * <p>{@link #close()} is idempotent: it fails every open future with
 * {@link RequestFailedException.Reason#CLOSED}, closes the connection, saves the progress and stops every
 * thread the client started (the default transport's too); no thread of the client outlives it. Names
 * and state getters keep answering from the last state.
 */
public final class ArchipelagoClient implements AutoCloseable {

    /** The port Archipelago servers use when an address names none. */
    public static final int DEFAULT_PORT = 38281;
    /** The WebSocket subprotocol of Archipelago protocol v2.0. */
    public static final String SUBPROTOCOL_V2 = "v2.0";

    private static final System.Logger LOG = System.getLogger(ArchipelagoClient.class.getName());
    private static final AtomicInteger CLIENTS = new AtomicInteger();

    /** The client's lifecycle, as {@link #state()} reports it. */
    public enum State {
        /** Built; {@link #connect()} not called yet. */
        NEW,
        /** Opening a connection or logging in. */
        CONNECTING,
        /** Logged in. */
        CONNECTED,
        /** The server refused the login; {@link #retry(String)} tries again. */
        REFUSED,
        /** The connection was lost; a new one opens after the backoff. */
        RECONNECTING,
        /** Gave up: no login after the allowed attempts, or the v2.0 subprotocol was refused. */
        STOPPED,
        /** {@link #close()} was called. */
        CLOSED
    }

    // ------------------------------------------------------------------ immutable configuration

    private final List<URI> candidates;
    private final @Nullable String roomId;
    private final boolean fallbackToV1;
    private final Transport transport;
    private final boolean ownsTransport;
    private final Clock clock;
    private final Duration loginTimeout;
    private final Duration keepAlive;
    private final Duration backoffMin;
    private final Duration backoffMax;
    private final int maxConnectAttempts;
    private final int maxQueuedIntents;
    private final int maxBacklog;
    private final int maxOutboundFrames;
    private final boolean pollMode;
    private final @Nullable FileDataPackageCache fileCache;
    private final ProgressStore store;
    private final ArchipelagoCodec codec = ArchipelagoCodec.create();
    private final ScheduledExecutorService actor;
    private final @Nullable ExecutorService ownEvents;
    private final Dispatcher dispatcher;
    private final CopyOnWriteArrayList<Registration> listeners = new CopyOnWriteArrayList<>();
    private final CopyOnWriteArrayList<Consumer<? super ClientNotice>> noticeListeners = new CopyOnWriteArrayList<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicInteger backlog = new AtomicInteger();
    /** Batches for {@code poll()}; bounded by {@code backlog}: at {@code maxBacklog} events the client stops reading. */
    private final ConcurrentLinkedQueue<List<SessionEvent>> polled = new ConcurrentLinkedQueue<>();
    private volatile @Nullable Thread actorThread;
    private volatile @Nullable Thread eventThread;

    // ------------------------------------------------------------------ client thread state

    private ClientSession session;
    private final RandomGenerator random;
    private State state = State.NEW;
    private int candidate;
    private boolean candidateFound;
    private boolean everLoggedIn;
    private int failures;
    private @Nullable Attempt attempt;
    private @Nullable CompletableFuture<LoginState> connecting;
    private @Nullable String lastProblem;
    private @Nullable Instant loginDeadline;
    private @Nullable Instant reconnectAt;
    private @Nullable ScheduledFuture<?> timer;
    private @Nullable Instant timerAt;
    /** Frames waiting for the one outstanding send; over {@code maxOutboundFrames} the connection is dropped. */
    private final Deque<Frame> outbound = new ArrayDeque<>();
    private boolean sending;
    private boolean flushQueued;
    /** Intents made while not connected (the intent table); over {@code maxQueuedIntents} they fail. */
    private final Deque<Queued> queued = new ArrayDeque<>();
    private final Map<String, Request<?>> requests = new HashMap<>();
    private final Map<Long, List<CompletableFuture<Void>>> checkWaiters = new HashMap<>();
    /** Frames held while the event backlog is full: at most one per connection, the transport waits for it. */
    private final Deque<Runnable> held = new ArrayDeque<>();
    private final List<ReceivedItem> received = new ArrayList<>();
    private List<Long> savedOutbox;

    // ------------------------------------------------------------------ progress, shared under storeLock

    private final Object storeLock = new Object();
    private volatile int processedIndex;
    private volatile List<Long> outboxSnapshot;
    private @Nullable Progress lastSaved;
    private int polledIndexPending = -2;

    private ArchipelagoClient(Builder b, Progress progress) {
        int n = CLIENTS.incrementAndGet();
        this.candidates = addresses(b.address);
        this.roomId = b.roomId;
        this.fallbackToV1 = b.fallbackToV1;
        this.transport = b.transport != null ? b.transport : new JdkWebSocketTransport();
        this.ownsTransport = b.transport == null;
        this.clock = b.clock;
        this.loginTimeout = b.loginTimeout;
        this.keepAlive = b.keepAlive;
        this.backoffMin = b.backoffMin;
        this.backoffMax = b.backoffMax;
        this.maxConnectAttempts = b.maxConnectAttempts;
        this.maxQueuedIntents = b.maxQueuedIntents;
        this.maxBacklog = b.maxBacklog;
        this.maxOutboundFrames = b.maxOutboundFrames;
        this.pollMode = b.pollMode;
        this.store = b.store;
        this.random = b.random != null ? b.random : new SplittableRandom(new SecureRandom().nextLong());
        DataPackageCache cache;
        if (b.cache != null) {
            cache = b.cache;
            this.fileCache = b.cache instanceof FileDataPackageCache f ? f : null;
        } else {
            FileDataPackageCache f = new FileDataPackageCache(b.cacheDirectory != null ? b.cacheDirectory
                    : FileDataPackageCache.defaultDirectory());
            cache = f;
            this.fileCache = f;
        }
        ClientConfig.Builder config = ClientConfig.builder(b.slot, b.game, b.uuid != null ? b.uuid : UUID.randomUUID().toString())
                .password(b.password)
                .itemsHandling(b.itemsHandling)
                .tags(b.tags)
                .version(b.version)
                .slotData(b.slotData)
                .trackHints(b.trackHints)
                .compliance(b.compliance)
                .requestTimeout(b.requestTimeout)
                .lastProcessedIndex(progress.lastProcessedIndex())
                .pendingChecks(progress.outbox())
                .random(new SplittableRandom(random.nextLong()))
                .cache(cache);
        if (roomId != null) {
            config.protocol(ProtocolVersion.V2_0).roomId(roomId);
        }
        this.session = new ClientSession(config.build());
        this.processedIndex = progress.lastProcessedIndex();
        this.outboxSnapshot = progress.outbox();
        this.savedOutbox = progress.outbox();
        this.lastSaved = progress;
        java.util.concurrent.ScheduledThreadPoolExecutor timerThread = new java.util.concurrent.ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "apwire-client-" + n);
            t.setDaemon(true);
            actorThread = t;
            return t;
        });
        timerThread.setRemoveOnCancelPolicy(true);
        timerThread.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        this.actor = timerThread;
        Executor events = b.executor;
        if (events == null) {
            // its queue holds at most one task: the Dispatcher posts one drain at a time
            ExecutorService own = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "apwire-client-events-" + n);
                t.setDaemon(true);
                eventThread = t;
                return t;
            });
            this.ownEvents = own;
            events = own;
        } else {
            this.ownEvents = null;
        }
        this.dispatcher = new Dispatcher(events);
    }

    /**
     * {@return a builder}
     *
     * @param address {@code ws://host:port}, {@code wss://host:port}, or {@code host[:port]} (tried as wss,
     *     then ws; port 38281 by default)
     * @param slot the slot name
     * @param game the game, or {@code null} for a text or tracker client (with tag {@code TextOnly} or
     *     {@code Tracker})
     */
    public static Builder builder(String address, String slot, @Nullable String game) {
        return new Builder(address, slot, game);
    }

    /**
     * {@return the URIs an address stands for, in the order they are tried}
     *
     * @param address {@code ws://...}, {@code wss://...} or a scheme-less {@code host[:port]}
     * @throws IllegalArgumentException for another scheme or an address without a host
     */
    public static List<URI> addresses(String address) {
        String a = address.strip();
        if (a.contains("://")) {
            URI u = uri(a, address);
            if (!"ws".equalsIgnoreCase(u.getScheme()) && !"wss".equalsIgnoreCase(u.getScheme())) {
                throw new IllegalArgumentException("the address needs ws:// or wss://, got '" + address + "'");
            }
            return List.of(u.getPort() < 0 ? uri(u.getScheme() + "://" + hostPort(u, DEFAULT_PORT) + rest(u), address) : u);
        }
        URI probe = uri("ws://" + a, address);
        String hp = hostPort(probe, DEFAULT_PORT);
        return List.of(uri("wss://" + hp + rest(probe), address), uri("ws://" + hp + rest(probe), address));
    }

    private static URI uri(String s, String original) {
        try {
            URI u = URI.create(s);
            if (u.getHost() == null) {
                throw new IllegalArgumentException("no host");
            }
            return u;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + original + "' is not a server address (host:port or ws://host:port)", e);
        }
    }

    private static String hostPort(URI u, int defaultPort) {
        String host = u.getHost();
        if (host.indexOf(':') >= 0 && !host.startsWith("[")) {
            host = "[" + host + "]";
        }
        return host + ":" + (u.getPort() < 0 ? defaultPort : u.getPort());
    }

    private static String rest(URI u) {
        return (u.getRawPath() == null ? "" : u.getRawPath()) + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery());
    }

    // ================================================================== lifecycle

    /**
     * Opens the connection and logs in; calling it again while connecting or connected returns the same
     * future. Thread-safe.
     *
     * @return a future completing with the login on {@code Connected}, or failing with
     *     {@link ConnectionRefusedException}, or {@link ArchipelagoClientException} (unreachable, v2.0 refused,
     *     closed)
     */
    public CompletableFuture<LoginState> connect() {
        CompletableFuture<LoginState> f = new CompletableFuture<>();
        if (!post(() -> {
            CompletableFuture<LoginState> current = connecting;
            if (state == State.CLOSED) {
                dispatcher.fail(f, closedException());
            } else if (state == State.CONNECTED) {
                LoginState login = session.login().orElseThrow();
                complete(f, login);
            } else if (current != null && (state == State.CONNECTING || state == State.RECONNECTING)) {
                current.whenComplete((v, e) -> {
                    if (e != null) {
                        f.completeExceptionally(e);
                    } else {
                        f.complete(v);
                    }
                });
            } else {
                connecting = f;
                failures = 0;
                if (state == State.REFUSED && attempt != null && attempt.connection != null) {
                    state = State.CONNECTING;
                    loginDeadline = clock.instant().plus(loginTimeout);
                    handle(session.connect(session.config().password(), clock.instant()), attempt);
                } else if (attempt == null) {
                    startAttempt();
                } else {
                    state = State.CONNECTING;
                }
            }
        })) {
            f.completeExceptionally(closedException());
        }
        return f;
    }

    /**
     * After a refusal, tries the login again with another password (on the open connection, or a new one).
     * Thread-safe.
     *
     * @param password the password from now on, or {@code null} for none
     * @return as {@link #connect()}
     */
    public CompletableFuture<LoginState> retry(@Nullable String password) {
        CompletableFuture<LoginState> f = new CompletableFuture<>();
        if (!post(() -> {
            if (state == State.CLOSED) {
                dispatcher.fail(f, closedException());
                return;
            }
            if (state == State.CONNECTED) {
                complete(f, session.login().orElseThrow());
                return;
            }
            CompletableFuture<LoginState> previous = connecting;
            connecting = f;
            failures = 0;
            Attempt a = attempt;
            if (session.phase() == Phase.REFUSED && a != null && a.connection != null) {
                state = State.CONNECTING;
                loginDeadline = clock.instant().plus(loginTimeout);
                handle(session.connect(password, clock.instant()), attempt);
            } else if (session.phase() == Phase.DISCONNECTED) {
                rebuildSession(session.config().protocol(), password); // the next Connect carries it
                if (a == null) {
                    startAttempt();
                } else {
                    state = everLoggedIn ? State.RECONNECTING : State.CONNECTING;
                }
            } else if (previous != null) {
                connecting = previous; // a login is under way with the current password: wait for it
                previous.whenComplete((v, e) -> {
                    if (e != null) {
                        f.completeExceptionally(e);
                    } else {
                        f.complete(v);
                    }
                });
            }
        })) {
            f.completeExceptionally(closedException());
        }
        return f;
    }

    /**
     * Closes the client: fails every open future with {@link RequestFailedException.Reason#CLOSED}, closes
     * the connection, saves the progress and stops the client's threads (waiting up to a few seconds).
     * Idempotent; thread-safe; may be called from a listener.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        try {
            actor.execute(() -> {
                try {
                    shutdownOnActor();
                } finally {
                    done.complete(null);
                }
            });
        } catch (RejectedExecutionException e) {
            done.complete(null);
        }
        actor.shutdown();
        boolean onActor = Thread.currentThread() == actorThread;
        if (!onActor) {
            await(actor);
        }
        if (ownsTransport && transport instanceof AutoCloseable c) {
            try {
                c.close();
            } catch (Exception e) {
                LOG.log(System.Logger.Level.DEBUG, "closing the transport", e);
            }
        }
        acknowledgePolled(true);
        saveProgress();
        ExecutorService own = ownEvents;
        if (own != null) {
            own.shutdown();
            if (Thread.currentThread() != eventThread && !onActor) {
                await(own);
            }
        }
    }

    private static void await(ExecutorService e) {
        try {
            if (!e.awaitTermination(5, TimeUnit.SECONDS)) {
                e.shutdownNow();
                e.awaitTermination(1, TimeUnit.SECONDS);
            }
        } catch (InterruptedException ie) {
            e.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private void shutdownOnActor() {
        state = State.CLOSED;
        cancelTimer();
        Instant now = clock.instant();
        RequestFailedException closedError = new RequestFailedException(RequestFailedException.Reason.CLOSED, "the request");
        for (Request<?> r : requests.values()) {
            dispatcher.fail(r.future, closedError);
        }
        requests.clear();
        for (Queued q : queued) {
            dispatcher.fail(q.future, closedError);
        }
        queued.clear();
        for (List<CompletableFuture<Void>> waiters : checkWaiters.values()) {
            for (CompletableFuture<Void> w : waiters) {
                dispatcher.fail(w, closedError);
            }
        }
        checkWaiters.clear();
        for (Frame f : outbound) {
            for (CompletableFuture<Void> w : f.sent) {
                dispatcher.fail(w, closedError);
            }
        }
        outbound.clear();
        CompletableFuture<LoginState> c = connecting;
        if (c != null) {
            dispatcher.fail(c, closedException());
            connecting = null;
        }
        Attempt a = attempt;
        attempt = null;
        if (a != null) {
            Transport.Connection conn = a.connection;
            if (conn != null) {
                CompletableFuture<Void> gone = a.closed;
                conn.close("client closed");
                try {
                    gone.get(1, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
                    conn.abort();
                }
            } else {
                a.opening.cancel(true);
            }
        }
        handle(session.disconnected(now), null);
        for (Runnable r : held) {
            r.run();
        }
        held.clear();
        outboxSnapshot = session.outbox();
    }

    private static ArchipelagoClientException closedException() {
        return new ArchipelagoClientException("the client is closed");
    }

    // ================================================================== connection attempts (client thread)

    /** One connection attempt; the transport's listener for it. */
    private final class Attempt implements Transport.Listener {
        final URI uri;
        Transport.@Nullable Connection connection;
        CompletableFuture<Transport.Connection> opening = new CompletableFuture<>();
        final CompletableFuture<Void> closed = new CompletableFuture<>();
        boolean loggedIn;
        @Nullable String abortReason;
        /** When the server was last heard from (a message or a pong); client thread only. */
        @Nullable Instant lastHeard;
        @Nullable Instant nextPing;
        /** Pings sent since the server was last heard from. */
        int unanswered;

        Attempt(URI uri) {
            this.uri = uri;
        }

        @Override
        public void onOpen(Transport.Connection c) {
            if (!post(() -> opened(this, c))) {
                c.abort();
            }
        }

        @Override
        public CompletableFuture<?> onText(String message) {
            CompletableFuture<Void> ready = new CompletableFuture<>();
            if (!post(() -> frame(this, message, ready))) {
                ready.complete(null);
            }
            return ready;
        }

        @Override
        public void onPong() {
            post(() -> {
                if (this == attempt) {
                    lastHeard = clock.instant();
                    unanswered = 0;
                }
            });
        }

        @Override
        public void onClosed(int code, String reason) {
            closed.complete(null);
            String why = "connection lost (code " + code + (reason == null || reason.isEmpty() ? "" : ", " + reason) + ")";
            post(() -> lost(this, abortReason != null ? "connection lost (" + abortReason + ")" : why));
        }
    }

    private void startAttempt() {
        if (closed.get()) {
            return;
        }
        reconnectAt = null;
        URI uri = candidates.get(candidate);
        Attempt a = new Attempt(uri);
        attempt = a;
        state = everLoggedIn ? State.RECONNECTING : State.CONNECTING;
        loginDeadline = clock.instant().plus(loginTimeout);
        List<String> subprotocols = roomId != null ? List.of(SUBPROTOCOL_V2) : List.of();
        CompletableFuture<Transport.Connection> opening;
        try {
            opening = transport.open(uri, subprotocols, a);
        } catch (RuntimeException e) {
            opening = CompletableFuture.failedFuture(e);
        }
        a.opening = opening;
        opening.whenComplete((c, e) -> {
            if (e != null) {
                post(() -> openFailed(a, e));
            }
        });
    }

    private void openFailed(Attempt a, Throwable e) {
        if (a != attempt) {
            return;
        }
        attempt = null;
        String why = "could not connect to " + a.uri + ": " + describe(e);
        if (!candidateFound && candidate + 1 < candidates.size()) {
            candidate++;
            lastProblem = why;
            startAttempt(); // scheme-less address: wss failed, try ws at once
            return;
        }
        if (!candidateFound) {
            candidate = 0;
        }
        retryLater(why);
    }

    private void opened(Attempt a, Transport.Connection c) {
        if (a != attempt || state == State.CLOSED || state == State.STOPPED) {
            c.abort();
            return;
        }
        a.connection = c;
        candidateFound = true;
        Instant now = clock.instant();
        a.lastHeard = now;
        a.nextPing = now.plus(keepAlive);
        if (roomId != null) {
            boolean v2 = SUBPROTOCOL_V2.equals(c.subprotocol());
            if (!v2 && !fallbackToV1) {
                attempt = null;
                c.close("subprotocol v2.0 required");
                stop(new ArchipelagoClientException("the server at " + a.uri + " did not accept the WebSocket subprotocol "
                        + SUBPROTOCOL_V2 + ", so room '" + roomId + "' cannot be joined (Join is never sent into a v1.0"
                        + " session); allow fallbackToV1 to connect with protocol v1.0"));
                return;
            }
            ProtocolVersion want = v2 ? ProtocolVersion.V2_0 : ProtocolVersion.V1_0;
            if (session.config().protocol() != want) {
                rebuildSession(want, session.config().password());
            }
        }
        handle(session.connected(now), a);
    }

    /** Replaces the session by one with another protocol or password, carrying its state over. */
    private void rebuildSession(ProtocolVersion protocol, @Nullable String password) {
        ClientSession old = session;
        ClientConfig c = old.config();
        ClientConfig next = new ClientConfig(c.name(), c.game(), password, c.uuid(), c.version(), old.itemsHandling(),
                old.tags(), c.slotData(), protocol, protocol == ProtocolVersion.V2_0 ? c.roomId() : null, c.compliance(),
                c.requestTimeout(), c.deathLinkDebounce(), old.lastDeliveredIndex(), old.outbox(), c.trackHints(),
                c.random(), c.cache());
        ClientSession fresh = new ClientSession(next);
        fresh.subscribe(List.copyOf(old.subscriptions()), clock.instant());
        session = fresh;
    }

    private void frame(Attempt a, String text, CompletableFuture<Void> ready) {
        if (a != attempt || a.connection == null) {
            ready.complete(null);
            return;
        }
        if (backlog.get() >= maxBacklog && state == State.CONNECTED) { // the login's few frames always go through
            held.add(() -> frame(a, text, ready)); // at most one per connection: the transport waits for ready
            return;
        }
        a.lastHeard = clock.instant();
        a.unanswered = 0;
        List<Decoded<ServerPacket>> packets;
        try {
            packets = codec.decodeServerFrame(text);
        } catch (MalformedFrameException e) {
            notice(ClientNotice.Kind.INVALID_FRAME, "the server sent a frame that is not valid (" + e.getMessage() + "); ignored", null);
            ready.complete(null);
            return;
        }
        for (Decoded<ServerPacket> d : packets) {
            if (a != attempt) {
                break; // a step closed the connection
            }
            if (d instanceof Decoded.Ok<ServerPacket> ok) {
                ServerPacket p = ok.packet();
                FileDataPackageCache files = fileCache;
                if (files != null && p instanceof RoomInfoPacket room && room.datapackageChecksums() != null) {
                    for (String problem : files.load(room.datapackageChecksums())) {
                        notice(ClientNotice.Kind.CACHE, problem, null);
                    }
                }
                handle(session.receive(p, clock.instant()), a);
            } else if (d instanceof Decoded.Problem<ServerPacket> problem) {
                notice(ClientNotice.Kind.INVALID_PACKET, "the server sent a packet that is not valid ("
                        + problem.invalidPacket().text() + "); ignored", null);
            }
        }
        ready.complete(null);
    }

    private void lost(Attempt a, String why) {
        if (a != attempt || a.connection == null) {
            return; // a connection that never opened is reported by its open future (openFailed)
        }
        attempt = null;
        failQueuedFrames();
        handle(session.disconnected(clock.instant()), null);
        if (state == State.CLOSED || state == State.STOPPED) {
            return;
        }
        if (state == State.REFUSED) {
            return; // refused, then the socket went: wait for retry()
        }
        retryLater(why);
    }

    private void retryLater(String why) {
        lastProblem = why;
        failures++;
        if (!everLoggedIn && maxConnectAttempts > 0 && failures >= maxConnectAttempts) {
            stop(new ArchipelagoClientException(why + "; giving up after " + failures
                    + (failures == 1 ? " attempt" : " attempts")));
            return;
        }
        state = everLoggedIn ? State.RECONNECTING : State.CONNECTING;
        Duration delay = backoff(failures);
        notice(ClientNotice.Kind.CONNECTION_LOST, why, delay);
        reconnectAt = clock.instant().plus(delay);
    }

    private void stop(ArchipelagoClientException why) {
        notice(ClientNotice.Kind.GAVE_UP, why.getMessage(), null);
        state = State.STOPPED;
        reconnectAt = null;
        loginDeadline = null;
        CompletableFuture<LoginState> c = connecting;
        connecting = null;
        if (c != null) {
            dispatcher.fail(c, why);
        }
        RequestFailedException notConnected = new RequestFailedException(RequestFailedException.Reason.NOT_CONNECTED, "the intent");
        for (Queued q : queued) {
            dispatcher.fail(q.future, notConnected);
        }
        queued.clear();
    }

    /** {@return the delay before attempt {@code n + 1}: doubling from the minimum, capped, times 0.5 to 1} */
    private Duration backoff(int n) {
        long min = backoffMin.toMillis();
        long max = Math.max(min, backoffMax.toMillis());
        long base = n >= 31 ? max : Math.min(max, min << Math.min(Math.max(n - 1, 0), 30));
        return Duration.ofMillis((long) (base * (0.5 + random.nextDouble() * 0.5)));
    }

    private static String describe(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null && (c instanceof ExecutionException || c instanceof java.util.concurrent.CompletionException
                || c.getMessage() == null)) {
            c = c.getCause();
        }
        return c.getMessage() == null ? c.getClass().getSimpleName() : c.getMessage();
    }

    // ================================================================== steps (client thread)

    /** Carries out a step: sends its packets, settles futures, hands its events on, honours its close. */
    private void handle(Step step, @Nullable Attempt a) {
        if (!step.send().isEmpty()) {
            enqueue(codec.encodeClientFrame(step.send()), List.of());
        }
        List<SessionEvent> events = step.events();
        for (SessionEvent e : events) {
            settle(e, a);
        }
        if (!events.isEmpty()) {
            boolean items = false;
            for (SessionEvent e : events) {
                items |= e instanceof ItemsReceived;
            }
            deliver(events, items ? session.lastDeliveredIndex() : -2);
        }
        if (flushQueued && state == State.CONNECTED) {
            flushQueued = false;
            Deque<Queued> run = new ArrayDeque<>(queued);
            queued.clear();
            for (Queued q : run) {
                q.action.run();
            }
        }
        List<Long> outbox = session.outbox();
        if (!outbox.equals(savedOutbox)) {
            savedOutbox = outbox;
            outboxSnapshot = outbox;
            saveProgress();
        }
        if (step.close() != null && a != null && a == attempt) {
            Transport.Connection c = a.connection;
            LOG.log(System.Logger.Level.WARNING, "closing the connection: " + step.close().reason());
            if (c != null) {
                c.abort();
            }
        }
    }

    /** What the client itself does with an event before the user sees it. */
    private void settle(SessionEvent e, @Nullable Attempt a) {
        if (e instanceof ConnectionAccepted accepted) {
            state = State.CONNECTED;
            everLoggedIn = true;
            failures = 0;
            loginDeadline = null;
            if (a != null) {
                a.loggedIn = true;
            }
            CompletableFuture<LoginState> c = connecting;
            connecting = null;
            if (c != null) {
                complete(c, accepted.login());
            }
            for (long id : session.checkedLocations()) {
                completeCheck(id);
            }
            flushQueued = true; // after this step's events, in the order made
        } else if (e instanceof ConnectionRefused refused) {
            state = State.REFUSED;
            loginDeadline = null;
            CompletableFuture<LoginState> c = connecting;
            connecting = null;
            if (c != null) {
                dispatcher.fail(c, new ConnectionRefusedException(refused.errors()));
            }
        } else if (e instanceof ItemsReceived items) {
            received.addAll(items.items());
        } else if (e instanceof LocationsChecked checked) {
            for (long id : checked.locations()) {
                completeCheck(id);
            }
        } else if (e instanceof ValuesRetrieved values && values.requestId() != null) {
            Request<?> r = requests.remove(values.requestId());
            if (r != null) {
                r.completeWith(values.values().members());
            }
        } else if (e instanceof ValueChanged changed && changed.requestId() != null) {
            Request<?> r = requests.remove(changed.requestId());
            if (r != null) {
                r.completeWith(changed);
            }
        } else if (e instanceof LocationsScouted scouted && scouted.requestId() != null) {
            Request<?> r = requests.remove(scouted.requestId());
            if (r != null) {
                r.completeWith(scouted.items());
            }
        } else if (e instanceof RequestFailed failed) {
            Request<?> r = requests.remove(failed.requestId());
            if (r != null) {
                dispatcher.fail(r.future, new RequestFailedException(
                        failed.reason() == RequestFailed.FailureReason.TIMED_OUT ? RequestFailedException.Reason.TIMED_OUT
                                : RequestFailedException.Reason.CONNECTION_LOST, r.what));
            }
        } else if (e instanceof DataPackageUpdated) {
            FileDataPackageCache files = fileCache;
            if (files != null) {
                for (String problem : files.flush()) {
                    notice(ClientNotice.Kind.CACHE, problem, null);
                }
            }
        }
    }

    private void completeCheck(long id) {
        List<CompletableFuture<Void>> waiters = checkWaiters.remove(id);
        if (waiters != null) {
            for (CompletableFuture<Void> w : waiters) {
                complete(w, null);
            }
        }
    }

    // ================================================================== sending (client thread)

    /** A frame waiting to be sent, and the futures that complete when it is. */
    private record Frame(String text, List<CompletableFuture<Void>> sent) {
    }

    private void enqueue(String text, List<CompletableFuture<Void>> sent) {
        Attempt a = attempt;
        if (a == null || a.connection == null) {
            RequestFailedException lost = new RequestFailedException(RequestFailedException.Reason.CONNECTION_LOST, "sending");
            for (CompletableFuture<Void> f : sent) {
                dispatcher.fail(f, lost);
            }
            return;
        }
        if (outbound.size() >= maxOutboundFrames) {
            LOG.log(System.Logger.Level.WARNING, "more than " + maxOutboundFrames + " frames wait to be sent; dropping the connection");
            a.connection.abort();
            return;
        }
        outbound.add(new Frame(text, sent));
        pump();
    }

    private void pump() {
        Attempt a = attempt;
        if (sending || a == null || a.connection == null || outbound.isEmpty()) {
            return;
        }
        Frame f = outbound.poll();
        sending = true;
        Transport.Connection c = a.connection;
        CompletableFuture<?> stage;
        try {
            stage = c.sendText(f.text()).toCompletableFuture();
        } catch (RuntimeException e) {
            stage = CompletableFuture.failedFuture(e);
        }
        stage.whenComplete((r, e) -> post(() -> {
            sending = false;
            if (e != null) {
                RequestFailedException lost = new RequestFailedException(RequestFailedException.Reason.CONNECTION_LOST, "sending");
                for (CompletableFuture<Void> w : f.sent()) {
                    dispatcher.fail(w, lost);
                }
                abortSoon(a, "a send failed: " + describe(e));
                return;
            }
            for (CompletableFuture<Void> w : f.sent()) {
                complete(w, null);
            }
            if (a == attempt) {
                pump();
            }
        }));
    }

    /**
     * After a failed send: the transport usually reports the peer's close right after (with its code and
     * reason); if it has not within a second, the client drops the connection itself.
     */
    private void abortSoon(Attempt a, String reason) {
        if (a != attempt) {
            return;
        }
        try {
            actor.schedule(() -> run(() -> {
                Transport.Connection c = a.connection;
                if (a == attempt && c != null) {
                    a.abortReason = reason;
                    c.abort();
                }
            }), 1, TimeUnit.SECONDS);
        } catch (RejectedExecutionException e) {
            // closing
        }
    }

    private void failQueuedFrames() {
        RequestFailedException lost = new RequestFailedException(RequestFailedException.Reason.CONNECTION_LOST, "sending");
        for (Frame f : outbound) {
            for (CompletableFuture<Void> w : f.sent()) {
                dispatcher.fail(w, lost);
            }
        }
        outbound.clear();
        sending = false;
    }

    // ================================================================== the timer (client thread)

    private void rearm() {
        if (state == State.CLOSED) {
            return;
        }
        Instant at = session.nextDeadline().orElse(null);
        if (attempt != null && state != State.CONNECTED && state != State.REFUSED) {
            at = earliest(at, loginDeadline);
        }
        at = earliest(at, reconnectAt);
        Attempt live = attempt;
        if (live != null && live.connection != null) {
            at = earliest(at, live.nextPing);
        }
        if (at != null && at.equals(timerAt)) {
            return;
        }
        cancelTimer();
        timerAt = at;
        if (at != null) {
            long delay = Math.max(0, Duration.between(clock.instant(), at).toMillis() + 1);
            try {
                timer = actor.schedule(() -> run(this::onTimer), delay, TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException e) {
                // closing
            }
        }
    }

    private void cancelTimer() {
        ScheduledFuture<?> t = timer;
        if (t != null) {
            t.cancel(false);
        }
        timer = null;
        timerAt = null;
    }

    private void onTimer() {
        timer = null;
        timerAt = null;
        Instant now = clock.instant();
        Instant reconnect = reconnectAt;
        if (reconnect != null && !now.isBefore(reconnect) && attempt == null && state != State.CLOSED
                && state != State.STOPPED && state != State.REFUSED) {
            reconnectAt = null;
            startAttempt();
        }
        Instant login = loginDeadline;
        Attempt a = attempt;
        if (login != null && !now.isBefore(login) && a != null && state != State.CONNECTED && state != State.REFUSED) {
            loginDeadline = null;
            Transport.Connection c = a.connection;
            if (c != null) {
                a.abortReason = "no login within " + loginTimeout.toSeconds() + " s";
                c.abort(); // onClosed follows: a failed attempt
            } else {
                attempt = null;
                a.opening.cancel(true);
                retryLater("could not connect to " + a.uri + " within " + loginTimeout.toSeconds() + " s");
            }
        }
        Attempt live = attempt;
        Instant ping = live == null ? null : live.nextPing;
        Instant heard = live == null ? null : live.lastHeard;
        Transport.Connection conn = live == null ? null : live.connection;
        if (live != null && conn != null && ping != null && heard != null && !now.isBefore(ping)) {
            if (live.unanswered >= 2) { // two pings, a keep-alive interval apart, and not a word
                live.abortReason = "nothing heard from the server for " + Duration.between(heard, now).toMillis() + " ms";
                conn.abort();
            } else {
                live.nextPing = now.plus(keepAlive);
                live.unanswered++;
                CompletableFuture<?> sent;
                try {
                    sent = conn.ping().toCompletableFuture();
                } catch (RuntimeException e) {
                    sent = CompletableFuture.failedFuture(e);
                }
                sent.whenComplete((r, e) -> {
                    if (e != null) {
                        post(() -> abortSoon(live, "a ping failed: " + describe(e)));
                    }
                });
            }
        }
        handle(session.onTimeout(now), attempt);
    }

    private static @Nullable Instant earliest(@Nullable Instant a, @Nullable Instant b) {
        return a == null ? b : b == null || a.isBefore(b) ? a : b;
    }

    // ================================================================== posting to the client thread

    /** Runs a task on the client thread; {@return false when the client is closed and the task will not run} */
    private boolean post(Runnable task) {
        try {
            actor.execute(() -> run(task));
            return true;
        } catch (RejectedExecutionException e) {
            return false;
        }
    }

    private void run(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "apwire client: unexpected error", e);
        }
        rearm();
    }

    /** {@return a value computed on the client thread (or directly, on it or once closed)} */
    private <T> T call(Supplier<T> query) {
        if (Thread.currentThread() == actorThread || actor.isTerminated()) {
            return query.get();
        }
        CompletableFuture<T> f = new CompletableFuture<>();
        try {
            actor.execute(() -> {
                try {
                    f.complete(query.get());
                } catch (RuntimeException e) {
                    f.completeExceptionally(e);
                }
            });
        } catch (RejectedExecutionException e) {
            await(actor);
            return query.get();
        }
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ArchipelagoClientException("interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new ArchipelagoClientException("query failed", e);
        }
    }

    // ================================================================== intents

    /** An intent waiting for the next login. */
    private record Queued(Intent intent, Runnable action, CompletableFuture<?> future) {
    }

    /** A request waiting for its answer. */
    private static final class Request<T> {
        final CompletableFuture<T> future;
        final String what;
        final java.util.function.Function<Object, T> convert;
        final Dispatcher dispatcher;

        Request(CompletableFuture<T> future, String what, java.util.function.Function<Object, T> convert, Dispatcher dispatcher) {
            this.future = future;
            this.what = what;
            this.convert = convert;
            this.dispatcher = dispatcher;
        }

        void completeWith(Object answer) {
            dispatcher.complete(future, convert.apply(answer));
        }
    }

    /**
     * Runs an intent on the client thread now when logged in; otherwise follows the {@link Intent} table.
     */
    private void intent(Intent intent, CompletableFuture<?> future, Runnable action) {
        if (!post(() -> {
            if (state == State.CLOSED) {
                dispatcher.fail(future, new RequestFailedException(RequestFailedException.Reason.CLOSED, intent.name()));
            } else if (state == State.CONNECTED) {
                action.run();
            } else if (!intent.queuesWhileNotConnected() || state == State.STOPPED) {
                dispatcher.fail(future, new RequestFailedException(RequestFailedException.Reason.NOT_CONNECTED, intent.name()));
            } else if (queued.size() >= maxQueuedIntents) {
                dispatcher.fail(future, new RequestFailedException(RequestFailedException.Reason.NOT_CONNECTED,
                        intent.name() + " (more than " + maxQueuedIntents + " intents wait)"));
            } else {
                queued.add(new Queued(intent, action, future));
            }
        })) {
            future.completeExceptionally(new RequestFailedException(RequestFailedException.Reason.CLOSED, intent.name()));
        }
    }

    /** Sends a step whose packets complete {@code sent} once written. */
    private void sendStep(Step step, CompletableFuture<Void> sent) {
        if (step.send().isEmpty()) {
            handle(step, attempt);
            complete(sent, null);
            return;
        }
        handle(new Step(List.of(), step.events(), step.close()), attempt);
        enqueue(codec.encodeClientFrame(step.send()), List.of(sent));
    }

    private <T> void request(Step step, CompletableFuture<T> future, String what, java.util.function.Function<Object, T> convert) {
        for (SessionEvent e : step.events()) {
            if (e instanceof RequestSent sent) {
                requests.put(sent.requestId(), new Request<>(future, what, convert, dispatcher));
            }
        }
        handle(step, attempt);
    }

    /**
     * Checks locations. They join the session's outbox at once (and the progress store), and go to the server
     * now or after the next login ({@link Intent#CHECK_LOCATIONS}). Thread-safe.
     *
     * @param locations the location ids
     * @return a future completing when the server confirmed every one of them as checked (never failing on a
     *     disconnect: the outbox is re-sent), or failing with {@link RequestFailedException.Reason#CLOSED}
     * @throws IllegalArgumentException when an id is outside +-(2^53-1)
     */
    public CompletableFuture<Void> checkLocations(Collection<Long> locations) {
        List<Long> ids = List.copyOf(locations);
        for (long id : ids) {
            dev.apwire.protocol.Checks.id(id, "location");
        }
        CompletableFuture<Void> all = new CompletableFuture<>();
        if (!post(() -> {
            if (state == State.CLOSED) {
                dispatcher.fail(all, new RequestFailedException(RequestFailedException.Reason.CLOSED, "CHECK_LOCATIONS"));
                return;
            }
            List<CompletableFuture<Void>> each = new ArrayList<>();
            Set<Long> known = session.checkedLocations();
            for (long id : new LinkedHashSet<>(ids)) {
                if (!known.contains(id)) {
                    CompletableFuture<Void> w = new CompletableFuture<>();
                    checkWaiters.computeIfAbsent(id, k -> new ArrayList<>()).add(w);
                    each.add(w);
                }
            }
            CompletableFuture.allOf(each.toArray(new CompletableFuture<?>[0])).whenComplete((v, e) -> {
                if (e != null) {
                    dispatcher.fail(all, e instanceof java.util.concurrent.CompletionException && e.getCause() != null ? e.getCause() : e);
                } else {
                    dispatcher.complete(all, null);
                }
            });
            handle(session.checkLocations(ids, clock.instant()), attempt);
        })) {
            all.completeExceptionally(new RequestFailedException(RequestFailedException.Reason.CLOSED, "CHECK_LOCATIONS"));
        }
        return all;
    }

    /**
     * Checks locations; see {@link #checkLocations(Collection)}.
     *
     * @param locations the location ids
     * @return as {@link #checkLocations(Collection)}
     */
    public CompletableFuture<Void> check(long... locations) {
        List<Long> ids = new ArrayList<>(locations.length);
        for (long id : locations) {
            ids.add(id);
        }
        return checkLocations(ids);
    }

    /**
     * Checks a location of the slot's own game by its name; see {@link #checkLocations(Collection)}.
     *
     * @param locationName the location's name in the slot's game
     * @return as {@link #checkLocations(Collection)}
     * @throws IllegalArgumentException when the name is unknown (or the data package not yet received)
     */
    public CompletableFuture<Void> check(String locationName) {
        long id = locationId(locationName).orElseThrow(() -> new IllegalArgumentException(
                "no location named '" + locationName + "' in " + session.config().game()));
        return check(id);
    }

    /**
     * Sends a chat message or a {@code !command} ({@link Intent#SAY}: fails while not connected). Thread-safe.
     *
     * @param text the text
     * @return a future completing when the message was sent
     */
    public CompletableFuture<Void> say(String text) {
        Objects.requireNonNull(text, "text");
        CompletableFuture<Void> f = new CompletableFuture<>();
        intent(Intent.SAY, f, () -> sendStep(session.say(text, clock.instant()), f));
        return f;
    }

    /**
     * Reports the client's status ({@link Intent#STATUS_UPDATE}: waits for the login). Thread-safe.
     *
     * @param status the status
     * @return a future completing when the status was sent
     */
    public CompletableFuture<Void> statusUpdate(ClientStatus status) {
        Objects.requireNonNull(status, "status");
        CompletableFuture<Void> f = new CompletableFuture<>();
        intent(Intent.STATUS_UPDATE, f, () -> sendStep(session.statusUpdate(status, clock.instant()), f));
        return f;
    }

    /** {@return as {@link #statusUpdate(ClientStatus)} with {@link ClientStatus#GOAL}} */
    public CompletableFuture<Void> goal() {
        return statusUpdate(ClientStatus.GOAL);
    }

    /**
     * Sends a DeathLink ({@link Intent#BOUNCE}: fails while not connected). Thread-safe.
     *
     * @param cause the cause, or {@code null}
     * @return a future completing when it was sent
     */
    public CompletableFuture<Void> sendDeathLink(@Nullable String cause) {
        CompletableFuture<Void> f = new CompletableFuture<>();
        intent(Intent.BOUNCE, f, () -> sendStep(session.sendDeathLink(cause, clock.instant()), f));
        return f;
    }

    /**
     * Turns DeathLink on or off (the {@code DeathLink} tag; kept for later connections). Thread-safe.
     *
     * @param enabled whether to receive DeathLinks
     */
    public void setDeathLink(boolean enabled) {
        post(() -> handle(session.setDeathLink(enabled, clock.instant()), attempt));
    }

    /**
     * Sends a {@code Bounce} ({@link Intent#BOUNCE}: fails while not connected). Thread-safe.
     *
     * @param games the target games, or {@code null}
     * @param slots the target slots, or {@code null}
     * @param tags the target tags, or {@code null}
     * @param data the payload
     * @return a future completing when it was sent
     */
    public CompletableFuture<Void> bounce(@Nullable List<String> games, @Nullable List<Integer> slots,
            @Nullable List<String> tags, JsonValue data) {
        CompletableFuture<Void> f = new CompletableFuture<>();
        intent(Intent.BOUNCE, f, () -> sendStep(session.bounce(games, slots, tags, data, clock.instant()), f));
        return f;
    }

    /**
     * Creates hints for locations ({@link Intent#HINT_UPDATE}: waits for the login). Thread-safe.
     *
     * @param locations the locations
     * @param player the slot whose locations they are, or {@code null} for the client's own
     * @param status the status, or {@code null}
     * @return a future completing when sent
     */
    public CompletableFuture<Void> createHints(Collection<Long> locations, @Nullable Integer player, @Nullable HintStatus status) {
        List<Long> ids = List.copyOf(locations);
        CompletableFuture<Void> f = new CompletableFuture<>();
        intent(Intent.HINT_UPDATE, f, () -> sendStep(session.createHints(ids, player, status, clock.instant()), f));
        return f;
    }

    /**
     * Changes a hint's status ({@link Intent#HINT_UPDATE}: waits for the login). Thread-safe.
     *
     * @param player the finding slot
     * @param location the location
     * @param status the new status
     * @return a future completing when sent
     */
    public CompletableFuture<Void> updateHint(int player, long location, HintStatus status) {
        CompletableFuture<Void> f = new CompletableFuture<>();
        intent(Intent.HINT_UPDATE, f, () -> sendStep(session.updateHint(player, location, status, clock.instant()), f));
        return f;
    }

    /**
     * Reads data storage keys ({@code Get}; {@link Intent#STORAGE_READ}: fails while not connected).
     * Thread-safe.
     *
     * @param keys the keys
     * @return a future completing with each key's value (JSON {@code null} for a missing key), or failing with
     *     {@link RequestFailedException} (timed out, connection lost, not connected, closed)
     */
    public CompletableFuture<Map<String, JsonValue>> get(List<String> keys) {
        List<String> copy = List.copyOf(keys);
        CompletableFuture<Map<String, JsonValue>> f = new CompletableFuture<>();
        intent(Intent.STORAGE_READ, f, () -> request(session.get(copy, clock.instant()), f, "Get " + copy,
                answer -> castMap(answer)));
        return f;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, JsonValue> castMap(Object o) {
        return (Map<String, JsonValue>) o;
    }

    @SuppressWarnings("unchecked")
    private static List<NetworkItem> castItems(Object o) {
        return (List<NetworkItem>) o;
    }

    /**
     * Changes a data storage key with a reply; {@link #storage(String)} is the friendlier form.
     * {@link Intent#STORAGE_WRITE}: waits for the login. Thread-safe.
     *
     * @param key the key (not a {@code _read_} key)
     * @param defaultValue the value to start from when the key is missing
     * @param operations the operations
     * @return a future completing with the change, or failing with {@link RequestFailedException}
     * @throws IllegalArgumentException for a {@code _read_} key
     */
    public CompletableFuture<ValueChanged> set(String key, JsonValue defaultValue, List<DataStorageOperation> operations) {
        if (key.startsWith("_read_")) {
            throw new IllegalArgumentException("keys starting with _read_ cannot be Set: " + key);
        }
        List<DataStorageOperation> ops = List.copyOf(operations);
        CompletableFuture<ValueChanged> f = new CompletableFuture<>();
        intent(Intent.STORAGE_WRITE, f, () -> request(session.set(key, defaultValue, true, ops, clock.instant()), f,
                "Set " + key, answer -> (ValueChanged) answer));
        return f;
    }

    /**
     * {@return a handle on a data storage key, with default value 0}
     *
     * @param key the key
     */
    public StorageKey storage(String key) {
        return new StorageKey(this, key, JsonValue.of(0), List.of());
    }

    /**
     * Asks what is at locations ({@code LocationScouts}; {@link Intent#SCOUT}: fails while not connected).
     * Thread-safe.
     *
     * @param locations the location ids
     * @param createAsHint 0 for no hints, 1 to create and announce hints, 2 to create only new ones
     * @return a future completing with the items, in request order
     */
    public CompletableFuture<List<NetworkItem>> scout(Collection<Long> locations, int createAsHint) {
        List<Long> ids = List.copyOf(locations);
        CompletableFuture<List<NetworkItem>> f = new CompletableFuture<>();
        intent(Intent.SCOUT, f, () -> request(session.scout(ids, createAsHint, clock.instant()), f, "LocationScouts",
                answer -> castItems(answer)));
        return f;
    }

    /**
     * Watches a data storage key: {@code SetNotify} now or at the next login, renewed after every reconnect;
     * each change arrives as a {@link ValueChanged} for the listener (on the event executor). The server
     * sends no current value: read it with {@link StorageKey#get()}. Not available in poll mode (use
     * {@link #subscribe(List)} and look for {@link ValueChanged} in {@link #poll()}). Thread-safe.
     *
     * @param key the key
     * @param listener called with each change
     * @return the subscription (closing it stops the listener; the server keeps notifying)
     */
    public Subscription watch(String key, Consumer<? super ValueChanged> listener) {
        Objects.requireNonNull(key, "key");
        Subscription s = on(ValueChanged.class, change -> {
            if (change.key().equals(key)) {
                listener.accept(change);
            }
        });
        subscribe(List.of(key));
        return s;
    }

    /**
     * Subscribes to data storage keys ({@code SetNotify}); renewed after every reconnect. Thread-safe.
     *
     * @param keys the keys
     */
    public void subscribe(List<String> keys) {
        List<String> copy = List.copyOf(keys);
        post(() -> handle(session.subscribe(copy, clock.instant()), attempt));
    }

    // ================================================================== events

    /** A listener for one event type. */
    private record Registration(Class<?> type, Consumer<Object> listener) {
    }

    /**
     * Registers a listener for one event type (a {@link SessionEvent} record, or {@link SessionEvent} for
     * all). Listeners run on the event executor, in order. Thread-safe.
     *
     * @param type the event type
     * @param listener the listener
     * @param <E> the event type
     * @return the subscription
     * @throws IllegalStateException in poll mode
     */
    public <E extends SessionEvent> Subscription on(Class<E> type, Consumer<? super E> listener) {
        if (pollMode) {
            throw new IllegalStateException("the client is in poll mode: read events with poll()");
        }
        Objects.requireNonNull(listener, "listener");
        Registration r = new Registration(type, o -> listener.accept(type.cast(o)));
        listeners.add(r);
        return () -> listeners.remove(r);
    }

    /**
     * Registers a listener for the client's own notices (connection problems, ignored frames, cache
     * problems). They run on the event executor, in order with the events, also in poll mode; without a
     * listener they go to the {@code System.Logger} of this class. Thread-safe.
     *
     * @param listener the listener
     * @return the subscription
     */
    public Subscription onNotice(Consumer<? super ClientNotice> listener) {
        Objects.requireNonNull(listener, "listener");
        noticeListeners.add(listener);
        return () -> noticeListeners.remove(listener);
    }

    private void notice(ClientNotice.Kind kind, String message, @Nullable Duration retryIn) {
        ClientNotice n = new ClientNotice(kind, message, retryIn);
        dispatcher.execute(() -> {
            if (noticeListeners.isEmpty()) {
                LOG.log(kind == ClientNotice.Kind.CONNECTION_LOST ? System.Logger.Level.DEBUG : System.Logger.Level.WARNING,
                        message + (retryIn == null ? "" : "; reconnecting in " + retryIn.toMillis() + " ms"));
            }
            for (Consumer<? super ClientNotice> l : noticeListeners) {
                try {
                    l.accept(n);
                } catch (RuntimeException e) {
                    LOG.log(System.Logger.Level.ERROR, "a notice listener failed", e);
                }
            }
        });
    }

    /**
     * Registers a listener for each received item, once, in server order. Thread-safe.
     *
     * @param listener the listener
     * @return the subscription
     * @throws IllegalStateException in poll mode
     */
    public Subscription onItemReceived(Consumer<? super ReceivedItem> listener) {
        return on(ItemsReceived.class, items -> items.items().forEach(listener));
    }

    /**
     * {@return the events since the last call, in order (poll mode only)}; the items of the previous call
     * count as processed now. Call it from the game thread once per tick. Thread-safe.
     *
     * @throws IllegalStateException unless in poll mode
     */
    public List<SessionEvent> poll() {
        if (!pollMode) {
            throw new IllegalStateException("poll() needs Builder.pollMode()");
        }
        acknowledgePolled(false);
        List<SessionEvent> out = new ArrayList<>();
        for (List<SessionEvent> batch = polled.poll(); batch != null; batch = polled.poll()) {
            out.addAll(batch);
        }
        int index = -2;
        for (SessionEvent e : out) {
            if (e instanceof ItemsReceived items) {
                index = items.lastIndex();
            }
        }
        synchronized (storeLock) {
            if (index >= -1) {
                polledIndexPending = index;
            }
        }
        released(out.size());
        return out;
    }

    private void acknowledgePolled(boolean all) {
        synchronized (storeLock) {
            if (polledIndexPending >= -1) {
                processedIndex = Math.max(processedIndex, polledIndexPending);
                polledIndexPending = -2;
            }
        }
        if (!all) {
            saveProgress();
        }
    }

    private void released(int n) {
        int after = backlog.addAndGet(-n);
        if (n > 0 && after < maxBacklog && after + n >= maxBacklog) {
            post(this::releaseHeld);
        }
    }

    private void releaseHeld() {
        while (!held.isEmpty() && backlog.get() < maxBacklog) {
            held.poll().run();
        }
    }

    /** Hands a batch to the listeners (or the poll queue), then records the processed index. */
    private void deliver(List<SessionEvent> events, int itemIndex) {
        backlog.addAndGet(events.size());
        if (pollMode) {
            polled.add(events);
            return;
        }
        dispatcher.execute(() -> {
            for (SessionEvent e : events) {
                for (Registration r : listeners) {
                    if (r.type().isInstance(e)) {
                        try {
                            r.listener().accept(e);
                        } catch (RuntimeException ex) {
                            LOG.log(System.Logger.Level.ERROR, "a listener failed on " + e.getClass().getSimpleName(), ex);
                        }
                    }
                }
            }
            if (itemIndex >= -1) {
                processedIndex = Math.max(processedIndex, itemIndex);
                saveProgress();
            }
            released(events.size());
        });
    }

    private void saveProgress() {
        synchronized (storeLock) {
            Progress p = new Progress(processedIndex, outboxSnapshot);
            if (p.equals(lastSaved)) {
                return;
            }
            try {
                store.save(p);
                lastSaved = p;
            } catch (IOException | RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "could not save the progress", e);
            }
        }
    }

    private <T> void complete(CompletableFuture<T> f, T value) {
        dispatcher.complete(f, value);
    }

    /**
     * Runs tasks on the event executor one at a time, in submission order, even on a thread pool. After the
     * client closed and its own executor stopped, tasks run on the caller.
     */
    private static final class Dispatcher {
        private final Executor executor;
        /** Event batches (counted in the client's {@code backlog}) and completions of the user's own futures. */
        private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();
        private final AtomicBoolean running = new AtomicBoolean();

        Dispatcher(Executor executor) {
            this.executor = executor;
        }

        void execute(Runnable task) {
            tasks.add(task);
            schedule();
        }

        <T> void complete(CompletableFuture<T> f, T value) {
            execute(() -> f.complete(value));
        }

        void fail(CompletableFuture<?> f, Throwable e) {
            execute(() -> f.completeExceptionally(e));
        }

        private void schedule() {
            if (tasks.isEmpty() || !running.compareAndSet(false, true)) {
                return;
            }
            try {
                executor.execute(this::drain);
            } catch (RejectedExecutionException e) {
                drain(); // the executor is gone: finish on this thread
            }
        }

        private void drain() {
            try {
                for (Runnable r = tasks.poll(); r != null; r = tasks.poll()) {
                    try {
                        r.run();
                    } catch (RuntimeException e) {
                        LOG.log(System.Logger.Level.ERROR, "apwire client: a task failed", e);
                    }
                }
            } finally {
                running.set(false);
            }
            schedule();
        }
    }

    // ================================================================== names and state

    /**
     * {@return the id of a location of the slot's own game, by name (also while disconnected, once the data
     * package is known)}
     *
     * @param name the location name
     */
    public Optional<Long> locationId(String name) {
        return call(() -> ownGame().map(g -> g.locationNameToId().id(name)));
    }

    /**
     * {@return the id of an item of the slot's own game, by name}
     *
     * @param name the item name
     */
    public Optional<Long> itemId(String name) {
        return call(() -> ownGame().map(g -> g.itemNameToId().id(name)));
    }

    private Optional<GameData> ownGame() {
        String game = session.config().game();
        return game == null ? Optional.empty() : session.dataPackage(game);
    }

    /**
     * {@return the name of an item this slot received (an item of the slot's own game)}
     *
     * @param item the item id
     */
    public Optional<String> itemName(long item) {
        return call(() -> ownGame().map(g -> g.itemNameToId().name(item)));
    }

    /**
     * {@return the name of an item in the game of the slot that receives it}
     *
     * @param item the item id
     * @param receivingSlot the slot whose game defines the item
     */
    public Optional<String> itemName(long item, int receivingSlot) {
        return call(() -> session.itemName(item, receivingSlot));
    }

    /**
     * {@return the name of a location in the game of the slot whose world holds it}
     *
     * @param location the location id
     * @param findingSlot the slot whose world holds the location
     */
    public Optional<String> locationName(long location, int findingSlot) {
        return call(() -> session.locationName(location, findingSlot));
    }

    /**
     * {@return a player's alias in the client's team (their name unless they set one)}
     *
     * @param slot the slot
     */
    public Optional<String> playerAlias(int slot) {
        return call(() -> session.playerAlias(slot));
    }

    /**
     * {@return a player's slot name}
     *
     * @param slot the slot
     */
    public Optional<String> playerName(int slot) {
        return call(() -> session.slotName(slot));
    }

    /** {@return the lifecycle state} */
    public State state() {
        return call(() -> state);
    }

    /** {@return the login while connected} */
    public Optional<LoginState> login() {
        return call(() -> session.login());
    }

    /** {@return the slot data of the last login, or JSON null} */
    public JsonValue slotData() {
        return call(() -> session.login().map(LoginState::slotData).orElse(JsonValue.nullValue()));
    }

    /** {@return the items received in this run, in order} */
    public List<ReceivedItem> receivedItems() {
        return call(() -> List.copyOf(received));
    }

    /** {@return the locations the server reported checked} */
    public Set<Long> checkedLocations() {
        return call(() -> session.checkedLocations());
    }

    /** {@return the slot's locations not yet checked} */
    public Set<Long> missingLocations() {
        return call(() -> session.missingLocations());
    }

    /** {@return the checks the server has not confirmed yet} */
    public List<Long> outbox() {
        return call(() -> session.outbox());
    }

    /** {@return the last reason a connection failed or was lost, if any} */
    public Optional<String> lastProblem() {
        return call(() -> Optional.ofNullable(lastProblem));
    }

    /**
     * Runs a read-only query against the session on the client thread, for state this class has no getter for.
     * Thread-safe.
     *
     * @param query the query; must not change the session or keep it
     * @param <T> the result type
     * @return the query's result
     */
    public <T> T inspect(java.util.function.Function<ClientSession, T> query) {
        return call(() -> query.apply(session));
    }

    /** {@return the server address candidates and the room, for diagnostics} */
    @Override
    public String toString() {
        return "ArchipelagoClient[" + candidates + (roomId == null ? "" : ", room " + roomId) + "]";
    }

    // ================================================================== builder

    /** Builds an {@link ArchipelagoClient}. Not thread-safe. */
    public static final class Builder {
        private final String address;
        private final String slot;
        private final @Nullable String game;
        private @Nullable String password;
        private @Nullable String uuid;
        private ItemsHandling itemsHandling = ItemsHandling.ALL;
        private List<String> tags = List.of("AP");
        private NetworkVersion version = new NetworkVersion(0, 6, 2);
        private boolean slotData = true;
        private boolean trackHints;
        private Compliance compliance = Compliance.LENIENT;
        private Duration requestTimeout = Duration.ofSeconds(30);
        private @Nullable String roomId;
        private boolean fallbackToV1;
        private @Nullable Executor executor;
        private boolean pollMode;
        private @Nullable Transport transport;
        private @Nullable DataPackageCache cache;
        private java.nio.file.@Nullable Path cacheDirectory;
        private ProgressStore store = ProgressStore.none();
        private Clock clock = Clock.systemUTC();
        private @Nullable RandomGenerator random;
        private Duration loginTimeout = Duration.ofSeconds(15);
        private Duration keepAlive = Duration.ofSeconds(20);
        private Duration backoffMin = Duration.ofSeconds(1);
        private Duration backoffMax = Duration.ofSeconds(30);
        private int maxConnectAttempts = 5;
        private int maxQueuedIntents = 1024;
        private int maxBacklog = 65_536;
        private int maxOutboundFrames = 4096;

        private Builder(String address, String slot, @Nullable String game) {
            addresses(address); // fail early on a bad address
            this.address = address;
            this.slot = Objects.requireNonNull(slot, "slot");
            this.game = game;
        }

        /**
         * Sets the room password.
         *
         * @param value the password, or {@code null}
         * @return this builder
         */
        public Builder password(@Nullable String value) {
            this.password = value;
            return this;
        }

        /**
         * Sets the client's uuid (keep one per installation; default: a random one per client).
         *
         * @param value the uuid
         * @return this builder
         */
        public Builder uuid(String value) {
            this.uuid = Objects.requireNonNull(value, "uuid");
            return this;
        }

        /**
         * Sets which items the server sends (default: all).
         *
         * @param value the flags
         * @return this builder
         */
        public Builder itemsHandling(ItemsHandling value) {
            this.itemsHandling = Objects.requireNonNull(value, "itemsHandling");
            return this;
        }

        /**
         * Sets the tags (default {@code AP}).
         *
         * @param value the tags
         * @return this builder
         */
        public Builder tags(List<String> value) {
            this.tags = List.copyOf(value);
            return this;
        }

        /**
         * Sets the Archipelago version the client reports (default 0.6.2).
         *
         * @param value the version
         * @return this builder
         */
        public Builder version(NetworkVersion value) {
            this.version = Objects.requireNonNull(value, "version");
            return this;
        }

        /**
         * Sets whether {@code Connected} carries slot data (default yes).
         *
         * @param value whether to ask for slot data
         * @return this builder
         */
        public Builder slotData(boolean value) {
            this.slotData = value;
            return this;
        }

        /**
         * Sets whether to follow the slot's hints ({@code HintAdded}, {@code HintUpdated}; default no).
         *
         * @param value whether to track hints
         * @return this builder
         */
        public Builder trackHints(boolean value) {
            this.trackHints = value;
            return this;
        }

        /**
         * Sets what an illegal server packet does (default {@link Compliance#LENIENT}: reported as an event,
         * the connection stays; {@link Compliance#STRICT} drops the connection and reconnects).
         *
         * @param value the compliance
         * @return this builder
         */
        public Builder compliance(Compliance value) {
            this.compliance = Objects.requireNonNull(value, "compliance");
            return this;
        }

        /**
         * Sets how long a Get, Set or LocationScouts waits for its answer (default 30 s).
         *
         * @param value the timeout
         * @return this builder
         */
        public Builder requestTimeout(Duration value) {
            this.requestTimeout = Objects.requireNonNull(value, "requestTimeout");
            return this;
        }

        /**
         * Joins a room with protocol v2.0 (offers the WebSocket subprotocol {@code v2.0}).
         *
         * @param id the room id, or {@code null} for protocol v1.0
         * @return this builder
         */
        public Builder room(@Nullable String id) {
            this.roomId = id;
            return this;
        }

        /**
         * Sets whether a server that refuses the {@code v2.0} subprotocol is spoken to in v1.0 (default no:
         * connecting fails with a reason).
         *
         * @param value whether to fall back
         * @return this builder
         */
        public Builder fallbackToV1(boolean value) {
            this.fallbackToV1 = value;
            return this;
        }

        /**
         * Sets the executor that runs listeners and completes futures (default: one thread of the client's).
         * A game passes its main-thread queue. Tasks are submitted one at a time, in order.
         *
         * @param value the executor
         * @return this builder
         */
        public Builder executor(Executor value) {
            this.executor = Objects.requireNonNull(value, "executor");
            return this;
        }

        /** {@return this builder, in poll mode: no listeners; the game calls {@link ArchipelagoClient#poll()}} */
        public Builder pollMode() {
            this.pollMode = true;
            return this;
        }

        /**
         * Sets the transport (default: a {@link JdkWebSocketTransport} the client owns and closes).
         *
         * @param value the transport; the caller closes it
         * @return this builder
         */
        public Builder transport(Transport value) {
            this.transport = Objects.requireNonNull(value, "transport");
            return this;
        }

        /**
         * Sets the data package cache (default: a {@link FileDataPackageCache} in
         * {@link FileDataPackageCache#defaultDirectory()}).
         *
         * @param value the cache
         * @return this builder
         */
        public Builder cache(DataPackageCache value) {
            this.cache = Objects.requireNonNull(value, "cache");
            return this;
        }

        /**
         * Keeps data packages in files under an Archipelago cache directory.
         *
         * @param dir the directory that holds {@code datapackage/}
         * @return this builder
         */
        public Builder cacheDirectory(java.nio.file.Path dir) {
            this.cacheDirectory = Objects.requireNonNull(dir, "dir");
            this.cache = null;
            return this;
        }

        /**
         * Sets where the progress (item index, outbox) is persisted (default: nowhere).
         *
         * @param value the store
         * @return this builder
         */
        public Builder progressStore(ProgressStore value) {
            this.store = Objects.requireNonNull(value, "store");
            return this;
        }

        /**
         * Sets the clock (default UTC system clock).
         *
         * @param value the clock
         * @return this builder
         */
        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /**
         * Sets the source of backoff jitter and request ids (default: seeded from a {@link SecureRandom}).
         *
         * @param value the generator; used on the client thread only
         * @return this builder
         */
        public Builder random(RandomGenerator value) {
            this.random = Objects.requireNonNull(value, "random");
            return this;
        }

        /**
         * Sets how long an open socket may go without a login before it is dropped (default 15 s).
         *
         * @param value the timeout
         * @return this builder
         */
        public Builder loginTimeout(Duration value) {
            positive(value, "loginTimeout");
            this.loginTimeout = value;
            return this;
        }

        /**
         * Sets the keep-alive: a WebSocket ping this often, and a connection from which nothing (no message, no
         * pong) was heard after two pings is dropped and reopened (default 20 s, as the reference server's
         * websockets library pings).
         *
         * @param value the interval
         * @return this builder
         */
        public Builder keepAlive(Duration value) {
            positive(value, "keepAlive");
            this.keepAlive = value;
            return this;
        }

        /**
         * Sets the reconnect backoff: the first delay and the largest (defaults 1 s and 30 s).
         *
         * @param min the first delay
         * @param max the largest delay
         * @return this builder
         */
        public Builder backoff(Duration min, Duration max) {
            positive(min, "min");
            if (max.compareTo(min) < 0) {
                throw new IllegalArgumentException("max " + max + " is less than min " + min);
            }
            this.backoffMin = min;
            this.backoffMax = max;
            return this;
        }

        /**
         * Sets how many attempts in a row may fail before the first login until {@link #connect()} gives up
         * (default 5; 0 for never). After a login the client reconnects until closed.
         *
         * @param value the attempts
         * @return this builder
         */
        public Builder maxConnectAttempts(int value) {
            if (value < 0) {
                throw new IllegalArgumentException("maxConnectAttempts must be >= 0, got " + value);
            }
            this.maxConnectAttempts = value;
            return this;
        }

        /**
         * Sets how many intents may wait for the login (default 1024).
         *
         * @param value the bound
         * @return this builder
         */
        public Builder maxQueuedIntents(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("maxQueuedIntents must be >= 1, got " + value);
            }
            this.maxQueuedIntents = value;
            return this;
        }

        /**
         * Sets how many events may wait for listeners or {@link ArchipelagoClient#poll()} before the client,
         * once logged in, stops reading from the socket until they are taken (default 65536).
         *
         * @param value the bound
         * @return this builder
         */
        public Builder maxBacklog(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("maxBacklog must be >= 1, got " + value);
            }
            this.maxBacklog = value;
            return this;
        }

        private static void positive(Duration d, String what) {
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(what + " must be positive, got " + d);
            }
        }

        /**
         * {@return the client, not yet connected; the progress store is read now}
         *
         * @throws java.io.UncheckedIOException when the progress store cannot be read
         */
        public ArchipelagoClient build() {
            Progress progress;
            try {
                progress = store.load();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException("could not load the progress", e);
            }
            return new ArchipelagoClient(this, progress);
        }
    }
}
