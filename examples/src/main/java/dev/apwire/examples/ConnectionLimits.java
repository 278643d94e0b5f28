package dev.apwire.examples;

import java.time.Duration;

/**
 * The bounds a WebSocket driver ({@link ExampleServer}, {@link RelayServer}) keeps on each connection and on its
 * listening socket. The protocol's own bounds (data storage, logins, the relay's tokens) live in the room's and
 * the hub's configuration; these are the transport's.
 *
 * <table>
 *   <caption>The limits and their defaults</caption>
 *   <tr><th>component</th><th>default</th><th>over it</th></tr>
 *   <tr><td>{@code maxMessageBytes}</td><td>1 MiB</td><td>closed, 1009</td></tr>
 *   <tr><td>{@code maxUnprocessedBytes}</td><td>1 MiB</td><td>reading stops until the room catches up</td></tr>
 *   <tr><td>{@code commandsPerSecond}</td><td>250</td><td>reading stops until the allowance refills</td></tr>
 *   <tr><td>{@code commandBurst}</td><td>1000</td><td>a frame of more commands closes, 1008</td></tr>
 *   <tr><td>{@code bytesPerSecond}</td><td>256 KiB</td><td>reading stops until the allowance refills</td></tr>
 *   <tr><td>{@code maxQueuedBytes}</td><td>4 MiB</td><td>a reader that falls this far behind is closed, 1008</td></tr>
 *   <tr><td>{@code loginTimeout}</td><td>30 s</td><td>a connection without a successful Connect is closed, 1008</td></tr>
 *   <tr><td>{@code handshakeTimeout}</td><td>10 s</td><td>an HTTP connection idle before its upgrade is closed</td></tr>
 *   <tr><td>{@code acceptQueueSize}</td><td>1024</td><td>the kernel refuses further connection attempts</td></tr>
 *   <tr><td>{@code bufferBytes}</td><td>4 KiB</td><td>(the per-connection input and output buffer size)</td></tr>
 * </table>
 *
 * @param maxMessageBytes the largest text message accepted (the reference server's websockets default is 1 MiB)
 * @param maxUnprocessedBytes how much received text may wait for the state thread before the connection stops
 *     being read (Jetty's explicit demand); at most one more message arrives after that
 * @param commandsPerSecond the sustained rate of commands one connection may send; beyond it reading pauses
 * @param commandBurst the most commands a connection may send at once; also the most commands one frame may hold
 * @param bytesPerSecond the sustained rate of received text one connection may send (characters per second, with a
 *     burst of {@code maxMessageBytes}); beyond it reading pauses. With the command rate it bounds what one peer can
 *     make the server broadcast to everyone (a {@code Say} is sent to every client, about twice its size)
 * @param maxQueuedBytes the most encoded bytes queued for one connection and not yet written to its socket
 * @param loginTimeout how long a connection may stay open without logging in (the relay has no login: unused)
 * @param handshakeTimeout how long an HTTP connection may idle before it completes its WebSocket upgrade
 * @param acceptQueueSize the listening socket's backlog, enough for a login storm of hundreds of sockets
 * @param bufferBytes the size of each connection's WebSocket input and output buffers
 */
record ConnectionLimits(
        int maxMessageBytes,
        int maxUnprocessedBytes,
        int commandsPerSecond,
        int commandBurst,
        int bytesPerSecond,
        long maxQueuedBytes,
        Duration loginTimeout,
        Duration handshakeTimeout,
        int acceptQueueSize,
        int bufferBytes) {

    /** The defaults in the table above. */
    static final ConnectionLimits DEFAULT = new ConnectionLimits(1 << 20, 1 << 20, 250, 1000, 256 << 10, 4L << 20,
            Duration.ofSeconds(30), Duration.ofSeconds(10), 1024, 4096);

    /**
     * Checks every bound is positive.
     *
     * @param maxMessageBytes the largest text message
     * @param maxUnprocessedBytes the unprocessed input budget
     * @param commandsPerSecond the sustained command rate
     * @param commandBurst the command burst
     * @param bytesPerSecond the sustained input rate
     * @param maxQueuedBytes the outbound queue bound
     * @param loginTimeout the login deadline
     * @param handshakeTimeout the upgrade deadline
     * @param acceptQueueSize the listen backlog
     * @param bufferBytes the buffer size
     * @throws IllegalArgumentException if a bound is not positive
     */
    ConnectionLimits {
        if (maxMessageBytes < 1 || maxUnprocessedBytes < 1 || commandsPerSecond < 1 || commandBurst < 1 || bytesPerSecond < 1
                || maxQueuedBytes < 1 || acceptQueueSize < 1 || bufferBytes < 512) {
            throw new IllegalArgumentException("connection limits must be positive (buffers at least 512 bytes)");
        }
        if (loginTimeout.isNegative() || loginTimeout.isZero() || handshakeTimeout.isNegative() || handshakeTimeout.isZero()) {
            throw new IllegalArgumentException("timeouts must be positive");
        }
    }

    /** {@return the lines {@code --help} prints for these limits, one option per line, with their values} */
    String help() {
        return "  --max-message-bytes N      largest text message (" + maxMessageBytes + ")\n"
                + "  --max-unprocessed-bytes N  received text waiting for the room before reading pauses (" + maxUnprocessedBytes + ")\n"
                + "  --commands-per-second N    sustained commands per connection (" + commandsPerSecond + ")\n"
                + "  --command-burst N          commands at once, and per frame (" + commandBurst + ")\n"
                + "  --bytes-per-second N       sustained received characters per connection (" + bytesPerSecond + ")\n"
                + "  --max-queued-bytes N       unsent bytes before a slow reader is closed (" + maxQueuedBytes + ")\n"
                + "  --login-timeout-ms N       time to log in (" + loginTimeout.toMillis() + ")\n"
                + "  --handshake-timeout-ms N   time to finish the WebSocket upgrade (" + handshakeTimeout.toMillis() + ")\n"
                + "  --accept-queue N           listen backlog (" + acceptQueueSize + ")\n"
                + "  --buffer-bytes N           per-connection buffers (" + bufferBytes + ")\n";
    }

    /**
     * {@return these limits with one option applied, or {@code null} when the option is not one of them}
     *
     * @param option the option name, such as {@code --max-queued-bytes}
     * @param value its value
     * @throws IllegalArgumentException if the value is not a number in range
     */
    @org.jspecify.annotations.Nullable ConnectionLimits with(String option, String value) {
        String name;
        switch (option) {
            case "--max-message-bytes":
                name = "maxMessageBytes";
                break;
            case "--max-unprocessed-bytes":
                name = "maxUnprocessedBytes";
                break;
            case "--commands-per-second":
                name = "commandsPerSecond";
                break;
            case "--command-burst":
                name = "commandBurst";
                break;
            case "--bytes-per-second":
                name = "bytesPerSecond";
                break;
            case "--max-queued-bytes":
                name = "maxQueuedBytes";
                break;
            case "--login-timeout-ms":
                name = "loginTimeout";
                break;
            case "--handshake-timeout-ms":
                name = "handshakeTimeout";
                break;
            case "--accept-queue":
                name = "acceptQueueSize";
                break;
            case "--buffer-bytes":
                name = "bufferBytes";
                break;
            default:
                return null;
        }
        int n = intValue(option, value);
        return new ConnectionLimits(
                name.equals("maxMessageBytes") ? n : maxMessageBytes,
                name.equals("maxUnprocessedBytes") ? n : maxUnprocessedBytes,
                name.equals("commandsPerSecond") ? n : commandsPerSecond,
                name.equals("commandBurst") ? n : commandBurst,
                name.equals("bytesPerSecond") ? n : bytesPerSecond,
                name.equals("maxQueuedBytes") ? n : maxQueuedBytes,
                name.equals("loginTimeout") ? Duration.ofMillis(n) : loginTimeout,
                name.equals("handshakeTimeout") ? Duration.ofMillis(n) : handshakeTimeout,
                name.equals("acceptQueueSize") ? n : acceptQueueSize,
                name.equals("bufferBytes") ? n : bufferBytes);
    }

    /** {@return a positive integer option value} */
    static int intValue(String option, String value) {
        try {
            int n = Integer.parseInt(value);
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // fall through
        }
        throw new IllegalArgumentException(option + " needs a positive integer, got '" + value + "'");
    }
}
