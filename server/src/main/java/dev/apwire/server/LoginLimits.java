package dev.apwire.server;

import java.time.Duration;
import java.util.Objects;

/**
 * How a room treats connections before and around login: what a connection may send before a successful
 * {@code Connect}, and how failed logins are slowed down. The reference server answers every wrong password at
 * once, so nothing slows guessing; here failed logins are throttled per remote address (a growing delay) and per
 * connection (a close after repeated failures), while a login from another address is not slowed.
 *
 * <table>
 *   <caption>The limits and their defaults</caption>
 *   <tr><th>component</th><th>default</th><th>over it</th></tr>
 *   <tr><td>{@code maxPreLoginCommands}</td><td>32</td><td>the connection is closed</td></tr>
 *   <tr><td>{@code freeFailures}</td><td>2</td><td>(failures of an address answered without delay)</td></tr>
 *   <tr><td>{@code maxFailuresPerConnection}</td><td>5</td><td>the refusal is sent, then the connection is closed</td></tr>
 *   <tr><td>{@code firstDelay}</td><td>100 ms</td><td>(doubling with each failure of the address)</td></tr>
 *   <tr><td>{@code maxDelay}</td><td>10 s</td><td>(the longest delay)</td></tr>
 *   <tr><td>{@code maxWaitingPerAddress}</td><td>4</td><td>a further Connect closes its connection unanswered</td></tr>
 *   <tr><td>{@code forgetAfter}</td><td>10 min</td><td>(an address's failures are forgotten after this quiet time)</td></tr>
 *   <tr><td>{@code maxAddresses}</td><td>10,000</td><td>(the oldest address record is dropped)</td></tr>
 * </table>
 *
 * @param maxPreLoginCommands the most commands other than {@code Connect} (such as {@code GetDataPackage}) a
 *     connection may send before it logs in
 * @param freeFailures the failed logins of an address that do not slow its next {@code Connect} (a mistyped
 *     password or two)
 * @param maxFailuresPerConnection the failed logins after which a connection is closed
 * @param firstDelay the delay of a {@code Connect} from an address after its first failure beyond the free ones;
 *     each further failure doubles it
 * @param maxDelay the longest delay
 * @param maxWaitingPerAddress the most delayed {@code Connect}s from one address at once
 * @param forgetAfter how long an address must stay without failures to be forgotten
 * @param maxAddresses the most addresses whose failures are remembered
 */
public record LoginLimits(
        int maxPreLoginCommands,
        int freeFailures,
        int maxFailuresPerConnection,
        Duration firstDelay,
        Duration maxDelay,
        int maxWaitingPerAddress,
        Duration forgetAfter,
        int maxAddresses) {

    /** The defaults in the table above. */
    public static final LoginLimits DEFAULT = new LoginLimits(32, 2, 5, Duration.ofMillis(100), Duration.ofSeconds(10), 4,
            Duration.ofMinutes(10), 10_000);

    /**
     * Checks the values.
     *
     * @param maxPreLoginCommands the most commands before login; zero or more
     * @param freeFailures the failures of an address without delay; zero or more
     * @param maxFailuresPerConnection the failed logins before a close; positive
     * @param firstDelay the first delay; zero or more
     * @param maxDelay the longest delay; at least {@code firstDelay}
     * @param maxWaitingPerAddress the most delayed Connects per address; positive
     * @param forgetAfter the quiet time to forget an address; positive
     * @param maxAddresses the most remembered addresses; positive
     * @throws IllegalArgumentException if a value is out of range
     */
    public LoginLimits {
        Objects.requireNonNull(firstDelay, "firstDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        Objects.requireNonNull(forgetAfter, "forgetAfter");
        if (maxPreLoginCommands < 0 || freeFailures < 0 || maxFailuresPerConnection < 1 || maxWaitingPerAddress < 1 || maxAddresses < 1) {
            throw new IllegalArgumentException("login limits out of range");
        }
        if (firstDelay.isNegative() || maxDelay.compareTo(firstDelay) < 0 || forgetAfter.isNegative() || forgetAfter.isZero()) {
            throw new IllegalArgumentException("login delays out of range");
        }
    }
}
