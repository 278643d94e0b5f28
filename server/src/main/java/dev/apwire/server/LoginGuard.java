package dev.apwire.server;

import dev.apwire.protocol.client.ConnectPacket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The throttle of failed logins ({@link LoginLimits}): remembers the failures of each remote address and delays
 * the {@code Connect}s of an address that has failed.
 *
 * <h2>Theory of operation</h2>
 * The room asks {@link #check} for each {@code Connect}. From an address without recent failures the answer is
 * {@link Verdict#EVALUATE}: the room checks the password at once (also after the first {@code freeFailures}).
 * From an address with {@code n} further failures the
 * {@code Connect} is kept, unevaluated, until {@code firstDelay * 2^(n-1)} (at most {@code maxDelay}) has passed
 * ({@link Verdict#DEFER}); the room evaluates it when {@link #due} returns it. Nothing is learned about the password
 * before then, so guessing from one address runs at most {@code maxWaitingPerAddress} attempts per delay; a
 * {@code Connect} beyond that is {@link Verdict#BUSY} and one while the connection already has one waiting is
 * {@link Verdict#AGAIN}: the room closes the connection unanswered. The room reports each evaluated login with
 * {@link #failed} or {@link #succeeded}; an address's failures are forgotten after {@code forgetAfter} without a
 * failure, or when it logs in. Other addresses are never slowed.
 *
 * <p>Pure (time is a parameter) and not thread-safe: owned by the room.
 *
 * @param <C> the connection id type
 */
final class LoginGuard<C> {

    /** What the room does with a {@code Connect}. */
    enum Verdict {
        /** Check it now. */
        EVALUATE,
        /** Kept until its delay has passed; {@link #due} returns it. */
        DEFER,
        /** The address has {@code maxWaitingPerAddress} Connects waiting: close the connection unanswered. */
        BUSY,
        /** The connection already has a Connect waiting: close it unanswered. */
        AGAIN
    }

    /** A {@code Connect} waiting for its delay. */
    record Waiting<C>(C connection, ConnectPacket packet, Instant due, String address) {
    }

    private static final class Address {
        int failures;
        Instant lastFailure = Instant.EPOCH;
        int waiting;
    }

    private final LoginLimits limits;
    /** Addresses with failures, least recently used first. */
    private final LinkedHashMap<String, Address> addresses = new LinkedHashMap<>(16, 0.75f, true);
    private final LinkedHashMap<C, Waiting<C>> waiting = new LinkedHashMap<>();

    LoginGuard(LoginLimits limits) {
        this.limits = limits;
    }

    /** {@return what to do with a Connect from a connection at an address} */
    Verdict check(C connection, String address, ConnectPacket packet, Instant now) {
        if (waiting.containsKey(connection)) {
            return Verdict.AGAIN;
        }
        Address a = live(address, now);
        if (a == null || a.failures <= limits.freeFailures()) {
            return Verdict.EVALUATE;
        }
        if (a.waiting >= limits.maxWaitingPerAddress()) {
            return Verdict.BUSY;
        }
        a.waiting++;
        waiting.put(connection, new Waiting<>(connection, packet, now.plus(delay(a.failures - limits.freeFailures())), address));
        return Verdict.DEFER;
    }

    /** A login from the address failed. */
    void failed(String address, Instant now) {
        Address a = addresses.computeIfAbsent(address, k -> new Address());
        a.failures++;
        a.lastFailure = now;
        if (addresses.size() > limits.maxAddresses()) {
            Iterator<Map.Entry<String, Address>> it = addresses.entrySet().iterator();
            while (addresses.size() > limits.maxAddresses() && it.hasNext()) {
                if (it.next().getValue().waiting == 0) {
                    it.remove();
                }
            }
        }
    }

    /** A login from the address succeeded: its failures are forgotten. */
    void succeeded(String address) {
        Address a = addresses.get(address);
        if (a != null) {
            a.failures = 0;
            if (a.waiting == 0) {
                addresses.remove(address);
            }
        }
    }

    /** {@return the delay of a Connect after {@code failures} failures of its address beyond the free ones} */
    Duration delay(int failures) {
        Duration d = limits.firstDelay();
        for (int i = 1; i < failures && d.compareTo(limits.maxDelay()) < 0; i++) {
            d = d.multipliedBy(2);
        }
        return d.compareTo(limits.maxDelay()) > 0 ? limits.maxDelay() : d;
    }

    /** {@return when the next waiting Connect is due, or empty} */
    Optional<Instant> nextDeadline() {
        @Nullable Instant next = null;
        for (Waiting<C> w : waiting.values()) {
            if (next == null || w.due().isBefore(next)) {
                next = w.due();
            }
        }
        return Optional.ofNullable(next);
    }

    /** {@return the Connects due by {@code now}, removed, in arrival order} */
    List<Waiting<C>> due(Instant now) {
        List<Waiting<C>> out = new ArrayList<>();
        Iterator<Waiting<C>> it = waiting.values().iterator();
        while (it.hasNext()) {
            Waiting<C> w = it.next();
            if (!w.due().isAfter(now)) {
                it.remove();
                release(w.address());
                out.add(w);
            }
        }
        return out;
    }

    /** The connection closed: its waiting Connect, if any, is dropped. */
    void forget(C connection) {
        Waiting<C> w = waiting.remove(connection);
        if (w != null) {
            release(w.address());
        }
    }

    /** {@return the failures remembered for an address} */
    int failures(String address) {
        Address a = addresses.get(address);
        return a == null ? 0 : a.failures;
    }

    private void release(String address) {
        Address a = addresses.get(address);
        if (a != null) {
            a.waiting--;
        }
    }

    private @Nullable Address live(String address, Instant now) {
        Address a = addresses.get(address);
        if (a != null && a.waiting == 0 && a.lastFailure.plus(limits.forgetAfter()).isBefore(now)) {
            addresses.remove(address);
            return null;
        }
        return a;
    }
}
