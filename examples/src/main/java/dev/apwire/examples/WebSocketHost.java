package dev.apwire.examples;

import java.net.InetSocketAddress;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.server.Handler;
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

    private final Server server = new Server();
    private final ServerConnector connector = new ServerConnector(server);
    private final ScheduledExecutorService stateThread;

    WebSocketHost(String host, int port, String threadName) {
        this.stateThread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
        connector.setHost(host);
        connector.setPort(port);
        server.addConnector(connector);
    }

    /** {@return the Jetty server, to build handlers on} */
    Server server() {
        return server;
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
}
