package dev.apwire.examples;

import dev.apwire.changes.HubConfig;
import dev.apwire.server.LoginLimits;
import dev.apwire.storage.StorageLimits;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * The command-line options of the protocol limits that live in the library's configuration records (the data
 * store's {@link StorageLimits}, the relay hub's {@link HubConfig}); the transport's are in
 * {@link ConnectionLimits}. Each help line shows the value in effect, so {@code --help} prints the defaults.
 */
final class LimitOptions {

    private LimitOptions() {
    }

    /** {@return the help lines of the data storage options, with the values of {@code s}} */
    static String storageHelp(StorageLimits s) {
        return "  --storage-value-bytes N    largest stored value, nested elements counted (" + s.maxValueBytes() + ")\n"
                + "  --storage-total-bytes N    all stored keys and values together (" + s.maxTotalBytes() + ")\n"
                + "  --storage-key-length N     longest key (" + s.maxKeyLength() + ")\n"
                + "  --storage-subscriptions N  SetNotify keys per connection (" + s.maxSubscriptions() + ")\n"
                + "  --storage-reply-bytes N    largest Retrieved reply (" + s.maxReplyBytes() + ")\n";
    }

    /**
     * {@return the storage limits with one option applied, or {@code null} when it is not a storage option}
     *
     * @param s the limits so far
     * @param option the option
     * @param value its value
     * @throws IllegalArgumentException if the value is not a positive integer
     */
    static @Nullable StorageLimits storage(StorageLimits s, String option, String value) {
        switch (option) {
            case "--storage-value-bytes":
                return s.withSizes(ConnectionLimits.intValue(option, value), s.maxTotalBytes(), s.maxKeyLength(),
                        s.maxSubscriptions(), s.maxReplyBytes());
            case "--storage-total-bytes":
                return s.withSizes(s.maxValueBytes(), ConnectionLimits.intValue(option, value), s.maxKeyLength(),
                        s.maxSubscriptions(), s.maxReplyBytes());
            case "--storage-key-length":
                return s.withSizes(s.maxValueBytes(), s.maxTotalBytes(), ConnectionLimits.intValue(option, value),
                        s.maxSubscriptions(), s.maxReplyBytes());
            case "--storage-subscriptions":
                return s.withSizes(s.maxValueBytes(), s.maxTotalBytes(), s.maxKeyLength(),
                        ConnectionLimits.intValue(option, value), s.maxReplyBytes());
            case "--storage-reply-bytes":
                return s.withSizes(s.maxValueBytes(), s.maxTotalBytes(), s.maxKeyLength(), s.maxSubscriptions(),
                        ConnectionLimits.intValue(option, value));
            default:
                return null;
        }
    }

    /** {@return the help lines of the relay hub's bounds, with the values of {@code h}} */
    static String hubHelp(HubConfig h) {
        return "  --max-tokens N             connections open at once (" + h.maxTokens() + ")\n"
                + "  --max-properties N         properties per token (" + h.maxProperties() + ")\n"
                + "  --max-snapshot-bytes N     properties of all tokens together (" + h.maxSnapshotBytes() + ")\n";
    }

    /**
     * {@return the hub configuration with one option applied, or {@code null} when it is not a hub option}
     *
     * @param h the configuration so far
     * @param option the option
     * @param value its value
     * @throws IllegalArgumentException if the value is not a positive integer
     */
    static @Nullable HubConfig hub(HubConfig h, String option, String value) {
        switch (option) {
            case "--max-tokens":
                return h.withBounds(ConnectionLimits.intValue(option, value), h.maxProperties(), h.maxSnapshotBytes());
            case "--max-properties":
                return h.withBounds(h.maxTokens(), ConnectionLimits.intValue(option, value), h.maxSnapshotBytes());
            case "--max-snapshot-bytes":
                return h.withBounds(h.maxTokens(), h.maxProperties(), ConnectionLimits.intValue(option, value));
            default:
                return null;
        }
    }

    /** {@return the help lines of the login options, with the values of {@code l}} */
    static String loginHelp(LoginLimits l) {
        return "  --prelogin-commands N      commands besides Connect before login (" + l.maxPreLoginCommands() + ")\n"
                + "  --login-free-failures N    failed logins of an address answered without delay (" + l.freeFailures() + ")\n"
                + "  --login-max-failures N     failed logins before a connection is closed (" + l.maxFailuresPerConnection() + ")\n"
                + "  --login-delay-ms N         first delay, doubling per failure (" + l.firstDelay().toMillis() + ")\n"
                + "  --login-max-delay-ms N     longest delay (" + l.maxDelay().toMillis() + ")\n";
    }

    /**
     * {@return the login limits with one option applied, or {@code null} when it is not a login option}
     *
     * @param l the limits so far
     * @param option the option
     * @param value its value
     * @throws IllegalArgumentException if the value is not a positive integer or the limits do not fit together
     */
    static @Nullable LoginLimits login(LoginLimits l, String option, String value) {
        switch (option) {
            case "--prelogin-commands":
                return new LoginLimits(ConnectionLimits.intValue(option, value), l.freeFailures(), l.maxFailuresPerConnection(),
                        l.firstDelay(), l.maxDelay(), l.maxWaitingPerAddress(), l.forgetAfter(), l.maxAddresses());
            case "--login-free-failures":
                return new LoginLimits(l.maxPreLoginCommands(), ConnectionLimits.intValue(option, value), l.maxFailuresPerConnection(),
                        l.firstDelay(), l.maxDelay(), l.maxWaitingPerAddress(), l.forgetAfter(), l.maxAddresses());
            case "--login-max-failures":
                return new LoginLimits(l.maxPreLoginCommands(), l.freeFailures(), ConnectionLimits.intValue(option, value),
                        l.firstDelay(), l.maxDelay(), l.maxWaitingPerAddress(), l.forgetAfter(), l.maxAddresses());
            case "--login-delay-ms":
                return new LoginLimits(l.maxPreLoginCommands(), l.freeFailures(), l.maxFailuresPerConnection(),
                        Duration.ofMillis(ConnectionLimits.intValue(option, value)), l.maxDelay(), l.maxWaitingPerAddress(),
                        l.forgetAfter(), l.maxAddresses());
            case "--login-max-delay-ms":
                return new LoginLimits(l.maxPreLoginCommands(), l.freeFailures(), l.maxFailuresPerConnection(),
                        l.firstDelay(), Duration.ofMillis(ConnectionLimits.intValue(option, value)), l.maxWaitingPerAddress(),
                        l.forgetAfter(), l.maxAddresses());
            default:
                return null;
        }
    }
}
