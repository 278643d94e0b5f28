package dev.apwire.examples;

import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.io.ArrayByteBufferPool;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.internal.HttpConnection;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.Scheduler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * What the example servers share: a Jetty 12 server on one address and the single thread on which
 * every call into a pure state machine (a room, a hub) runs. The servers drive their state machine
 * only from {@link #stateThread()}, so it needs no locking.
 *
 * <p>Thread-safe.
 */
final class WebSocketHost implements AutoCloseable {

    /** Buffers Jetty keeps pooled between uses: at most this much heap (and as much direct memory) in all. */
    static final long POOLED_BUFFER_BYTES = 4L << 20;

    /**
     * The most threads Jetty's pool starts: {@link #THREADS_PER_CORE} per core, at least {@link #MIN_MAX_THREADS}.
     * Nothing the drivers run on Jetty's threads blocks (reads are decoded and handed on, writes never wait for the
     * socket), so a few threads per core keep every core busy. Jetty's default of 200 let a login storm start a
     * thread for nearly every queued handshake: 78 more threads for 1000 sockets logging in 100 at a time, whose
     * touched stacks stayed resident, about 7 MB (measured; see examples/SERVER.md, "Idle memory").
     */
    static final int MAX_THREADS;
    /** The smallest {@link #MAX_THREADS}. */
    static final int MIN_MAX_THREADS = 16;
    /** Jetty threads per core. */
    static final int THREADS_PER_CORE = 4;
    /** Threads Jetty's pool keeps even when idle. */
    static final int MIN_THREADS = 4;

    static {
        MAX_THREADS = Math.max(MIN_MAX_THREADS, THREADS_PER_CORE * Runtime.getRuntime().availableProcessors());
    }

    private final Server server = new Server(new QueuedThreadPool(MAX_THREADS, MIN_THREADS), null,
            new ArrayByteBufferPool(0, -1, -1, -1, POOLED_BUFFER_BYTES, POOLED_BUFFER_BYTES));
    private final ServerConnector connector;
    private final ScheduledExecutorService stateThread;
    private final SerialExecutor writer = new SerialExecutor(server.getThreadPool());
    /** The handshake deadline of each HTTP connection not yet closed or upgraded. */
    private final Map<Connection, Scheduler.Task> handshakeDeadlines = new ConcurrentHashMap<>();

    WebSocketHost(String host, int port, String threadName) {
        this(host, port, threadName, ConnectionLimits.DEFAULT);
    }

    /**
     * A host whose listening socket and HTTP connections follow the limits: the listen backlog is
     * {@link ConnectionLimits#acceptQueueSize()} (a login storm of hundreds of sockets must not overflow it), an
     * HTTP connection that has not completed its WebSocket upgrade within
     * {@link ConnectionLimits#handshakeTimeout()} after it opened is closed, silent or not (the WebSocket
     * container sets its own idle timeout after the upgrade; a plain HTTP request, such as the relay's page, must
     * also be done by then), and the HTTP buffers are small, so idle sockets cost little.
     *
     * @param host the address to bind
     * @param port the port, 0 for any free one
     * @param threadName the name of the state thread
     * @param limits the connection limits
     */
    WebSocketHost(String host, int port, String threadName, ConnectionLimits limits) {
        HttpConfiguration http = new HttpConfiguration();
        http.setOutputBufferSize(limits.bufferBytes());
        http.setRequestHeaderSize(8192);
        http.setResponseHeaderSize(8192);
        http.setSendServerVersion(false);
        this.connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setAcceptQueueSize(limits.acceptQueueSize());
        connector.setIdleTimeout(limits.handshakeTimeout().toMillis());
        // The idle timeout alone does not stop a peer that drips a header line now and then: every HTTP
        // connection still not upgraded when the handshake deadline passes is closed.
        long deadline = limits.handshakeTimeout().toMillis();
        connector.addEventListener(new Connection.Listener() {
            @Override
            public void onOpened(Connection connection) {
                if (connection instanceof HttpConnection) {
                    EndPoint endPoint = connection.getEndPoint();
                    handshakeDeadlines.put(connection, connector.getScheduler().schedule(() -> {
                        handshakeDeadlines.remove(connection);
                        if (endPoint.isOpen() && endPoint.getConnection() == connection) {
                            endPoint.close();
                        }
                    }, deadline, TimeUnit.MILLISECONDS));
                }
            }

            @Override
            public void onClosed(Connection connection) {
                // closed or upgraded: the deadline would only keep the endpoint reachable
                Scheduler.Task task = handshakeDeadlines.remove(connection);
                if (task != null) {
                    task.cancel();
                }
            }
        });
        ScheduledThreadPoolExecutor state = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
        // cancelled timers (login deadlines of closed connections) leave the queue at once
        state.setRemoveOnCancelPolicy(true);
        this.stateThread = state;
        SharedDeflateExtension.install(server);
        connector.setHost(host);
        connector.setPort(port);
        server.addConnector(connector);
    }

    /** {@return the Jetty server, to build handlers on} */
    Server server() {
        return server;
    }

    /**
     * {@return the executor of socket writes: tasks run one at a time, in order, on Jetty's thread pool, never on the
     * state thread}
     */
    java.util.concurrent.Executor writer() {
        return writer;
    }

    /**
     * Runs tasks one at a time and in order on a pool: a burst of tasks (a broadcast's writes to a hundred
     * connections) costs one pool task and one thread wake-up instead of one each. The drivers' write tasks never
     * block (Jetty's flush writes what the socket takes and finishes asynchronously), so one connection's slow
     * peer does not hold up another's writes. The queue holds at most one drain task per connection (a
     * {@link PeerConnection} schedules its writer only when it is not already writing) and its pings.
     */
    static final class SerialExecutor implements java.util.concurrent.Executor {
        private final java.util.concurrent.Executor pool;
        private final java.util.concurrent.ConcurrentLinkedQueue<Runnable> tasks = new java.util.concurrent.ConcurrentLinkedQueue<>();
        private final java.util.concurrent.atomic.AtomicBoolean scheduled = new java.util.concurrent.atomic.AtomicBoolean();

        SerialExecutor(java.util.concurrent.Executor pool) {
            this.pool = pool;
        }

        @Override
        public void execute(Runnable task) {
            tasks.add(task);
            if (scheduled.compareAndSet(false, true)) {
                try {
                    pool.execute(this::runAll);
                } catch (java.util.concurrent.RejectedExecutionException e) {
                    scheduled.set(false); // stopping
                }
            }
        }

        private void runAll() {
            while (true) {
                Runnable task;
                while ((task = tasks.poll()) != null) {
                    try {
                        task.run();
                    } catch (RuntimeException e) {
                        System.err.println("server: a write task failed: " + e);
                    }
                }
                scheduled.set(false);
                // a task added after the last poll and before the flag was cleared: run it here
                if (tasks.isEmpty() || !scheduled.compareAndSet(false, true)) {
                    return;
                }
            }
        }
    }

    /** {@return the thread every state machine call runs on} */
    ScheduledExecutorService stateThread() {
        return stateThread;
    }

    /**
     * Sets the handler and starts listening.
     *
     * @param handler the request handler (a WebSocket upgrade handler)
     * @throws Exception if the server cannot start
     */
    void start(Handler handler) throws Exception {
        server.setHandler(handler);
        server.start();
    }

    /** {@return the port the server listens on} */
    int port() {
        return connector.getLocalPort();
    }

    /** {@return the address the server listens on} */
    InetSocketAddress address() {
        String host = connector.getHost();
        return new InetSocketAddress(host == null ? "0.0.0.0" : host, port());
    }

    /** Blocks until the server stops. */
    void join() throws InterruptedException {
        server.join();
    }

    /** Stops the server (closing every connection), then the state thread. */
    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("could not stop the server", e);
        } finally {
            stateThread.shutdownNow();
            try {
                stateThread.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Parses a {@code --port} value.
     *
     * @param v the option's value
     * @return the port, 0 for one the system picks
     * @throws IllegalArgumentException when it is not an integer from 0 to 65535
     */
    static int parsePort(String v) {
        int port;
        try {
            port = Integer.parseInt(v);
        } catch (NumberFormatException e) {
            port = -1;
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("--port needs an integer from 0 to 65535, got '" + v + "'");
        }
        return port;
    }

    /** {@return the host part of a URL for the address a server binds: loopback for the wildcard, brackets for IPv6}
     *
     * @param host the bind address
     */
    static String urlHost(String host) {
        return host.equals("0.0.0.0") ? "127.0.0.1" : host.contains(":") ? "[" + host + "]" : host;
    }
}
