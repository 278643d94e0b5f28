package dev.apwire.changes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A hub on a virtual clock with a recorder of everything it asked to send. Tests take outputs out in order;
 * {@link #assertNothingLeft()} fails on any output a test did not look at.
 */
final class HubHarness {
    final ChangesHub hub;
    Instant now = Instant.parse("2026-01-01T00:00:00Z");
    private final Map<String, ArrayDeque<ChangesServerPacket>> inbox = new LinkedHashMap<>();
    private final ArrayDeque<Action> actions = new ArrayDeque<>();

    HubHarness(HubConfig config) {
        hub = new ChangesHub(config, new SplittableRandom(42));
    }

    HubHarness() {
        this(HubConfig.DEFAULT);
    }

    String open() {
        Opened o = hub.open(now);
        assertThat(o.token()).matches("[0-9a-f]{32}");
        record(o.step());
        return o.token();
    }

    HubStep record(HubStep step) {
        for (Delivery d : step.deliveries()) {
            inbox.computeIfAbsent(d.token(), t -> new ArrayDeque<>()).add(d.packet());
        }
        actions.addAll(step.actions());
        return step;
    }

    HubStep receive(String token, ChangesClientPacket p) {
        return record(hub.receive(token, p, now));
    }

    HubStep close(String token) {
        return record(hub.close(token, now));
    }

    /** Moves the clock and calls onTimeout. */
    HubStep advance(Duration d) {
        now = now.plus(d);
        return record(hub.onTimeout(now));
    }

    /** Runs every deadline up to now + d, in order, like a driver's timer would. */
    void runUntil(Duration d) {
        Instant end = now.plus(d);
        while (hub.nextDeadline().isPresent() && !hub.nextDeadline().get().isAfter(end)) {
            now = hub.nextDeadline().get();
            record(hub.onTimeout(now));
        }
        now = end;
    }

    ChangesServerPacket next(String token) {
        ArrayDeque<ChangesServerPacket> q = inbox.get(token);
        assertThat(q).as("packets for " + token).isNotNull().isNotEmpty();
        return q.poll();
    }

    List<Change> nextChanges(String token) {
        return ChangesPacket.from(next(token)).changes();
    }

    Action nextAction() {
        assertThat(actions).as("actions").isNotEmpty();
        return actions.poll();
    }

    List<Action> drainActions() {
        List<Action> out = new ArrayList<>(actions);
        actions.clear();
        return out;
    }

    /** Discards every packet queued for the tokens. */
    void drainAll(String... tokens) {
        for (String t : tokens) {
            ArrayDeque<ChangesServerPacket> q = inbox.get(t);
            if (q != null) {
                q.clear();
            }
        }
    }

    void assertNothingFor(String token) {
        ArrayDeque<ChangesServerPacket> q = inbox.get(token);
        assertThat(q == null ? List.of() : q).as("packets left for " + token).isEmpty();
    }

    void assertNothingLeft() {
        for (Map.Entry<String, ArrayDeque<ChangesServerPacket>> e : inbox.entrySet()) {
            assertThat(e.getValue()).as("packets left for " + e.getKey()).isEmpty();
        }
        assertThat(actions).as("actions left").isEmpty();
    }
}
