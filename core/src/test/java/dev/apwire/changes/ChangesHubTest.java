package dev.apwire.changes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apwire.json.JsonArray;
import dev.apwire.json.JsonNull;
import dev.apwire.json.JsonObject;
import dev.apwire.json.JsonString;
import dev.apwire.json.JsonValue;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Conversations between several tokens and the hub on a virtual clock. */
class ChangesHubTest {
    private static final Duration BATCH = Duration.ofMillis(500);
    private HubHarness h = new HubHarness();

    @AfterEach
    void nothingLeft() {
        h.assertNothingLeft();
    }

    private static ChangesClientPacket setProps(Object... kv) {
        return ChangesClientPacket.of(Target.server(), "changes", JsonObject.of(kv));
    }

    private static ChangesClientPacket to(String type, JsonValue data, String... tokens) {
        return ChangesClientPacket.of(Target.tokens(tokens), type, data);
    }

    private void assertError(String token, ErrorCode code) {
        ChangesServerPacket p = h.next(token);
        assertThat(p.from()).isEqualTo("server");
        assertThat(p.type()).isEqualTo("error");
        assertThat(((JsonObject) p.data()).get("code")).isEqualTo(new JsonString(code.wireName()));
        assertThat(((JsonObject) p.data()).get("message")).isInstanceOf(JsonString.class);
    }

    @Test
    void firstConnectionGetsItsOwnOpenAndMetadata() {
        String a = h.open();
        assertThat(h.nextChanges(a)).containsExactly(new OpenChange(a), new MetadataChange(a));
        h.runUntil(Duration.ofSeconds(1));
        h.assertNothingFor(a);
    }

    @Test
    void newcomerSnapshotHoldsEveryoneAndTheirPropertiesAndOthersLearnInTheNextBatch() {
        String a = h.open();
        h.nextChanges(a);
        h.receive(a, setProps("name", JsonValue.of("alice"), "age", JsonValue.of(7)));
        h.runUntil(BATCH);
        JsonObject aProps = JsonObject.of("name", JsonValue.of("alice"), "age", JsonValue.of(7));
        assertThat(h.nextChanges(a)).containsExactly(new PropertiesChange(a, aProps));

        String b = h.open();
        assertThat(h.nextChanges(b)).containsExactly(new OpenChange(a), new PropertiesChange(a, aProps),
                new OpenChange(b), new MetadataChange(b));
        h.assertNothingFor(a);
        h.advance(BATCH.minusMillis(1));
        h.assertNothingFor(a);
        h.advance(Duration.ofMillis(1));
        assertThat(h.nextChanges(a)).containsExactly(new OpenChange(b));
        h.assertNothingFor(b);
    }

    @Test
    void changesInOneBatchArriveAsOnePacketWithTheFinalProperties() {
        String a = h.open();
        String b = h.open();
        h.runUntil(BATCH);
        h.nextChanges(a);
        h.nextChanges(b);
        h.nextChanges(a);

        h.receive(a, setProps("x", JsonValue.of(1)));
        assertThat(h.hub.nextDeadline()).contains(h.now.plus(BATCH));
        h.advance(Duration.ofMillis(100));
        h.receive(a, setProps("x", JsonValue.of(2), "y", JsonValue.of(true)));
        h.receive(b, setProps("z", JsonValue.of(1.5)));
        h.advance(Duration.ofMillis(399));
        h.assertNothingFor(a);
        h.assertNothingFor(b);
        h.advance(Duration.ofMillis(1));
        List<Change> expected = List.of(
                new PropertiesChange(a, JsonObject.of("x", JsonValue.of(2), "y", JsonValue.of(true))),
                new PropertiesChange(b, JsonObject.of("z", JsonValue.of(1.5))));
        assertThat(h.nextChanges(a)).isEqualTo(expected);
        assertThat(h.nextChanges(b)).isEqualTo(expected);
    }

    @Test
    void newcomerNeverSeesAChangeTwiceButSeesLaterOnes() {
        String a = h.open();
        h.nextChanges(a);
        h.runUntil(BATCH);
        h.receive(a, setProps("k", JsonValue.of("v1")));
        String b = h.open(); // mid-batch: the snapshot already has k=v1
        assertThat(h.nextChanges(b)).contains(new PropertiesChange(a, JsonObject.of("k", JsonValue.of("v1"))));
        h.receive(a, setProps("k", JsonValue.of("v2")));
        h.runUntil(BATCH);
        PropertiesChange v2 = new PropertiesChange(a, JsonObject.of("k", JsonValue.of("v2")));
        assertThat(h.nextChanges(a)).containsExactly(new OpenChange(b), v2);
        assertThat(h.nextChanges(b)).containsExactly(v2);
    }

    @Test
    void immediateBatchingSendsChangesInTheCausingStep() {
        h = new HubHarness(HubConfig.DEFAULT.withBatchInterval(Duration.ZERO));
        String a = h.open();
        h.nextChanges(a);
        String b = h.open();
        h.nextChanges(b);
        assertThat(h.nextChanges(a)).containsExactly(new OpenChange(b));
        h.receive(b, setProps("n", JsonValue.of(1)));
        PropertiesChange p = new PropertiesChange(b, JsonObject.of("n", JsonValue.of(1)));
        assertThat(h.nextChanges(a)).containsExactly(p);
        assertThat(h.nextChanges(b)).containsExactly(p);
        h.close(b);
        assertThat(h.nextChanges(a)).containsExactly(new CloseChange(b));
        assertThat(h.hub.nextDeadline()).contains(h.now.plusSeconds(20));
    }

    @Test
    void pingsEveryConnectionAtExactlyTwentySeconds() {
        java.time.Instant t0 = h.now;
        String a = h.open();
        h.nextChanges(a);
        h.advance(Duration.ofSeconds(5));
        String b = h.open();
        h.nextChanges(b);
        h.runUntil(Duration.ofSeconds(1));
        h.nextChanges(a);
        assertThat(h.hub.nextDeadline()).contains(t0.plusSeconds(20));

        h.now = t0.plusSeconds(20).minusNanos(1);
        assertThat(h.record(h.hub.onTimeout(h.now)).isEmpty()).as("spurious timeout is a no-op").isTrue();
        h.now = t0.plusSeconds(20);
        h.record(h.hub.onTimeout(h.now));
        assertThat(h.drainActions()).containsExactly(new PingAction(a), new PingAction(b));
        assertThat(h.record(h.hub.onTimeout(h.now)).isEmpty()).as("second call at the same time").isTrue();
        assertThat(h.hub.nextDeadline()).contains(t0.plusSeconds(40));

        h.runUntil(Duration.ofSeconds(40));
        assertThat(h.drainActions()).containsExactly(new PingAction(a), new PingAction(b),
                new PingAction(a), new PingAction(b));
        assertThat(h.hub.nextDeadline()).contains(t0.plusSeconds(80));
    }

    @Test
    void aLateDriverPingsOnceAndKeepsTheGrid() {
        java.time.Instant t0 = h.now;
        String a = h.open();
        h.nextChanges(a);
        h.now = t0.plusSeconds(65);
        h.record(h.hub.onTimeout(h.now));
        assertThat(h.drainActions()).containsExactly(new PingAction(a));
        assertThat(h.hub.nextDeadline()).contains(t0.plusSeconds(80));
    }

    @Test
    void closeMidBatchDropsThePendingPropertiesAndAnnouncesTheClose() {
        String a = h.open();
        String b = h.open();
        String c = h.open();
        h.runUntil(BATCH);
        h.nextChanges(a);
        h.nextChanges(b);
        h.nextChanges(c);
        h.nextChanges(a);
        h.nextChanges(b);

        h.receive(a, setProps("status", JsonValue.of("typing")));
        h.advance(Duration.ofMillis(200));
        h.close(a);
        assertThat(h.hub.openTokens()).containsExactly(b, c);
        h.runUntil(BATCH);
        assertThat(h.nextChanges(b)).containsExactly(new CloseChange(a));
        assertThat(h.nextChanges(c)).containsExactly(new CloseChange(a));
        h.assertNothingFor(a);
    }

    @Test
    void aConnectionThatOpensAndClosesInOneBatchIsSeenOpeningAndClosing() {
        String a = h.open();
        h.nextChanges(a);
        h.runUntil(BATCH);
        String b = h.open();
        h.nextChanges(b);
        h.close(b);
        h.runUntil(BATCH);
        assertThat(h.nextChanges(a)).containsExactly(new OpenChange(b), new CloseChange(b));
    }

    @Test
    void whenTheLastConnectionClosesNothingIsScheduled() {
        String a = h.open();
        h.nextChanges(a);
        h.receive(a, setProps("k", JsonValue.of(1)));
        h.close(a);
        assertThat(h.hub.nextDeadline()).isEmpty();
        assertThat(h.hub.openTokens()).isEmpty();
        assertThat(h.close(a).isEmpty()).as("closing twice is a no-op").isTrue();
        assertThat(h.receive(a, setProps("k", JsonValue.of(2))).isEmpty()).as("a closed token is ignored").isTrue();
    }

    @Test
    void nullDeletesAPropertyAndANoOpUpdateAnnouncesNothing() {
        String a = h.open();
        h.nextChanges(a);
        h.runUntil(BATCH);
        h.receive(a, setProps("a", JsonValue.of(1), "b", JsonValue.of(2)));
        h.runUntil(BATCH);
        h.nextChanges(a);
        h.receive(a, setProps("a", JsonNull.INSTANCE, "missing", JsonNull.INSTANCE));
        h.runUntil(BATCH);
        assertThat(h.nextChanges(a)).containsExactly(new PropertiesChange(a, JsonObject.of("b", JsonValue.of(2))));
        h.receive(a, setProps("b", JsonValue.of(2), "missing", JsonNull.INSTANCE));
        assertThat(h.hub.nextDeadline()).as("no change, no batch: only the ping is due").isNotEqualTo(Optional.of(h.now.plus(BATCH)));
        assertThat(h.hub.nextDeadline().get()).isAfter(h.now.plus(BATCH));
        h.runUntil(BATCH);
        assertThat(h.hub.properties(a)).isEqualTo(JsonObject.of("b", JsonValue.of(2)));
    }

    @Test
    void relaysToTokensWithFromSetToTheSender() {
        String a = h.open();
        String b = h.open();
        String c = h.open();
        h.runUntil(BATCH);
        h.drainAll(a, b, c);
        JsonObject extras = JsonObject.of("id", JsonValue.of(9));
        h.receive(a, new ChangesClientPacket(Target.tokens(b), "chat", JsonValue.of("hi"), extras));
        assertThat(h.next(b)).isEqualTo(new ChangesServerPacket(a, "chat", JsonValue.of("hi"), extras));
        h.assertNothingFor(a);
        h.assertNothingFor(c);
    }

    @Test
    void wildcardReachesEveryoneIncludingTheSenderOnce() {
        String a = h.open();
        String b = h.open();
        h.runUntil(BATCH);
        h.drainAll(a, b);
        h.receive(b, to("wave", JsonObject.EMPTY, "*", a, "*"));
        ChangesServerPacket expected = ChangesServerPacket.of(b, "wave", JsonObject.EMPTY);
        assertThat(h.next(a)).isEqualTo(expected);
        assertThat(h.next(b)).isEqualTo(expected);
    }

    @Test
    void relayToAnUnknownTokenReachesTheOthersAndTellsTheSender() {
        String a = h.open();
        String b = h.open();
        h.runUntil(BATCH);
        h.drainAll(a, b);
        h.receive(a, to("chat", JsonValue.of("hi"), "0000", b, "0000", "ffff"));
        assertThat(h.next(b)).isEqualTo(ChangesServerPacket.of(a, "chat", JsonValue.of("hi")));
        ChangesServerPacket err = h.next(a);
        assertThat(err.type()).isEqualTo("error");
        JsonObject data = (JsonObject) err.data();
        assertThat(data.get("code")).isEqualTo(JsonValue.of("unknown_recipient"));
        assertThat(data.get("tokens")).isEqualTo(JsonArray.of(JsonValue.of("0000"), JsonValue.of("ffff")));
    }

    @Test
    void relayToAClosedTokenIsAnUnknownRecipient() {
        String a = h.open();
        String b = h.open();
        h.runUntil(BATCH);
        h.drainAll(a, b);
        h.close(b);
        h.receive(a, to("chat", JsonValue.of("late"), b));
        assertError(a, ErrorCode.UNKNOWN_RECIPIENT);
        h.runUntil(BATCH);
        assertThat(h.nextChanges(a)).containsExactly(new CloseChange(b));
    }

    @Test
    void emptyRecipientListRelaysToNoOne() {
        String a = h.open();
        h.nextChanges(a);
        assertThat(h.receive(a, to("chat", JsonValue.of("x"))).isEmpty()).isTrue();
    }

    @Test
    void clientsCannotSendTheServersOwnPacketTypesToPeers() {
        String a = h.open();
        String b = h.open();
        h.runUntil(BATCH);
        h.drainAll(a, b);
        for (String type : List.of("changes", "error", "metadata")) {
            h.receive(a, to(type, JsonArray.EMPTY, b, "*"));
            assertError(a, ErrorCode.RESERVED_TYPE);
        }
        h.assertNothingFor(b);
    }

    @Test
    void onlyChangesMayGoToTheServer() {
        String a = h.open();
        h.nextChanges(a);
        h.receive(a, ChangesClientPacket.of(Target.server(), "chat", JsonValue.of("x")));
        assertError(a, ErrorCode.UNKNOWN_TYPE);
        h.receive(a, ChangesClientPacket.of(Target.server(), "changes", JsonArray.EMPTY));
        assertError(a, ErrorCode.BAD_PACKET);
    }

    @Test
    void aClientCannotForgeFrom() {
        String a = h.open();
        String b = h.open();
        h.runUntil(BATCH);
        h.drainAll(a, b);
        h.receive(a, new ChangesClientPacket(Target.tokens(b), "chat", JsonNull.INSTANCE,
                JsonObject.of("from", JsonValue.of("server"))));
        assertError(a, ErrorCode.BAD_PACKET);
        h.assertNothingFor(b);
    }

    @Test
    void aConnectionBeyondMaxTokensGetsHubFullAndIsClosed() {
        h = new HubHarness(HubConfig.DEFAULT.withBatchInterval(BATCH).withBounds(2, 25, 1 << 20));
        String a = h.open();
        String b = h.open();
        h.nextChanges(a);
        h.nextChanges(b);
        Opened third = h.hub.open(h.now);
        h.record(third.step());
        assertError(third.token(), ErrorCode.HUB_FULL);
        assertThat(h.nextAction()).isEqualTo(new CloseAction(third.token(), "hub_full"));
        assertThat(h.hub.openTokens()).containsExactly(a, b);
        h.close(b);
        String c = h.open();
        h.nextChanges(c);
        h.runUntil(BATCH);
        h.drainAll(a, c);
    }

    @Test
    void theHubsPropertiesStayWithinMaxSnapshotBytesSoEachSnapshotIsBounded() {
        h = new HubHarness(HubConfig.DEFAULT.withBatchInterval(BATCH).withBounds(10, 25, 200));
        String a = h.open();
        String b = h.open();
        h.nextChanges(a);
        h.nextChanges(b);
        h.receive(a, setProps("k", JsonValue.of("x".repeat(100))));
        h.receive(b, setProps("k", JsonValue.of("y".repeat(100))));
        assertError(b, ErrorCode.TOO_MANY_PROPERTIES);
        assertThat(h.hub.properties(b)).isEqualTo(JsonObject.EMPTY);
        // a smaller value fits, and a token that closes frees its share
        h.receive(b, setProps("k", JsonValue.of("y".repeat(50))));
        assertThat(h.hub.properties(b)).isEqualTo(JsonObject.of("k", JsonValue.of("y".repeat(50))));
        h.close(a);
        h.receive(b, setProps("k", JsonValue.of("y".repeat(150))));
        assertThat(h.hub.properties(b)).isEqualTo(JsonObject.of("k", JsonValue.of("y".repeat(150))));
        h.runUntil(BATCH);
        h.drainAll(a, b);
    }

    @Test
    void recipientAndTypeLimits() {
        h = new HubHarness(new HubConfig(BATCH, Duration.ofSeconds(20), 25, 64, 1024, 3, 8));
        String a = h.open();
        h.nextChanges(a);
        h.receive(a, to("chat", JsonNull.INSTANCE, a, a, a, a));
        assertError(a, ErrorCode.TOO_MANY_RECIPIENTS);
        h.receive(a, to("chat", JsonNull.INSTANCE, a, a, a));
        assertThat(h.next(a).from()).isEqualTo(a);
        h.receive(a, to("123456789", JsonNull.INSTANCE, a));
        assertError(a, ErrorCode.BAD_PACKET);
    }

    @Test
    void propertyLimitsRefuseTheWholeUpdateAndChangeNothing() {
        h = new HubHarness(new HubConfig(BATCH, Duration.ofSeconds(20), 3, 4, 5, 64, 64));
        String a = h.open();
        h.nextChanges(a);
        h.runUntil(BATCH);
        h.receive(a, setProps("a", JsonValue.of(1), "b", JsonValue.of(2), "c", JsonValue.of(3)));
        h.runUntil(BATCH);
        h.nextChanges(a);
        JsonObject before = h.hub.properties(a);

        h.receive(a, setProps("d", JsonValue.of(4)));
        assertError(a, ErrorCode.TOO_MANY_PROPERTIES);
        h.receive(a, setProps("a", JsonNull.INSTANCE, "d", JsonValue.of(4), "e", JsonValue.of(5)));
        assertError(a, ErrorCode.TOO_MANY_PROPERTIES);
        h.receive(a, setProps("a", JsonValue.of(10), "toolong", JsonValue.of(1)));
        assertError(a, ErrorCode.BAD_PROPERTY);
        h.receive(a, setProps("", JsonValue.of(1)));
        assertError(a, ErrorCode.BAD_PROPERTY);
        h.receive(a, setProps("a", JsonValue.of("123456")));
        assertError(a, ErrorCode.BAD_PROPERTY);
        h.receive(a, setProps("a", JsonObject.EMPTY));
        assertError(a, ErrorCode.BAD_PROPERTY);
        h.receive(a, setProps("a", JsonArray.EMPTY));
        assertError(a, ErrorCode.BAD_PROPERTY);
        h.receive(a, setProps("a", JsonValue.of(1L << 53)));
        assertError(a, ErrorCode.BAD_PROPERTY);
        h.receive(a, setProps("a", JsonValue.of(new java.math.BigInteger("1" + "0".repeat(30)))));
        assertError(a, ErrorCode.BAD_PROPERTY);
        assertThat(h.hub.properties(a)).isEqualTo(before);
        h.runUntil(BATCH);

        h.receive(a, setProps("a", JsonNull.INSTANCE, "d", JsonValue.of("12345")));
        h.runUntil(BATCH);
        assertThat(h.nextChanges(a)).containsExactly(new PropertiesChange(a,
                JsonObject.of("b", JsonValue.of(2), "c", JsonValue.of(3), "d", JsonValue.of("12345"))));
    }

    @Test
    void malformedFramesCloseTheConnectionAndBadPacketsDoNot() {
        String a = h.open();
        String b = h.open();
        h.runUntil(BATCH);
        h.drainAll(a, b);
        h.record(h.hub.receiveInvalid(a, ErrorCode.BAD_PACKET, "'to' is missing", h.now));
        assertError(a, ErrorCode.BAD_PACKET);
        assertThat(h.hub.openTokens()).containsExactly(a, b);

        h.record(h.hub.receiveInvalid(a, ErrorCode.MALFORMED_FRAME, "not JSON", h.now));
        assertError(a, ErrorCode.MALFORMED_FRAME);
        assertThat(h.nextAction()).isEqualTo(new CloseAction(a, "malformed_frame"));
        assertThat(h.hub.openTokens()).containsExactly(b);
        assertThat(h.close(a).isEmpty()).as("the driver's close after a CloseAction").isTrue();
        h.runUntil(BATCH);
        assertThat(h.nextChanges(b)).containsExactly(new CloseChange(a));

        h.record(h.hub.receiveInvalid(b, ErrorCode.FRAME_TOO_LARGE, "over 65536 bytes", h.now));
        assertError(b, ErrorCode.FRAME_TOO_LARGE);
        assertThat(h.nextAction()).isEqualTo(new CloseAction(b, "frame_too_large"));
        assertThat(h.hub.nextDeadline()).isEmpty();
        assertThatThrownBy(() -> h.hub.receiveInvalid(b, ErrorCode.RESERVED_TYPE, "x", h.now))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void tokensAreRedrawnOnCollision() {
        RandomGenerator repeating = new RandomGenerator() {
            private final long[] values = {1, 2, 1, 2, 3, 4};
            private int i;

            @Override
            public long nextLong() {
                return values[i++ % values.length];
            }
        };
        ChangesHub hub = new ChangesHub(HubConfig.DEFAULT, repeating);
        String first = hub.open(h.now).token();
        String second = hub.open(h.now).token();
        assertThat(first).isEqualTo("0000000000000001" + "0000000000000002");
        assertThat(second).isEqualTo("0000000000000003" + "0000000000000004");
    }

    @Test
    void misuseThrowsBeforeAnyChange() {
        assertThatThrownBy(() -> h.hub.properties("nope")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new HubConfig(Duration.ofMillis(-1), Duration.ofSeconds(20), 1, 1, 1, 1, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new HubConfig(BATCH, Duration.ZERO, 1, 1, 1, 1, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ChangesClientPacket(Target.server(), "t", JsonNull.INSTANCE,
                JsonObject.of("to", JsonValue.of("x")))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ChangesServerPacket("server", "t", JsonNull.INSTANCE,
                JsonObject.of("data", JsonValue.of("x")))).isInstanceOf(IllegalArgumentException.class);
        assertThat(h.hub.nextDeadline()).isEqualTo(Optional.empty());
    }
}
