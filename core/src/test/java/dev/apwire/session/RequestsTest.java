package dev.apwire.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apwire.json.JsonObject;
import dev.apwire.json.JsonString;
import dev.apwire.json.JsonValue;
import dev.apwire.protocol.DataStorageOperation;
import dev.apwire.protocol.NetworkItem;
import dev.apwire.protocol.OperationType;
import dev.apwire.protocol.client.GetPacket;
import dev.apwire.protocol.client.LocationScoutsPacket;
import dev.apwire.protocol.client.SetNotifyPacket;
import dev.apwire.protocol.client.SetPacket;
import dev.apwire.protocol.server.LocationInfoPacket;
import dev.apwire.protocol.server.RetrievedPacket;
import dev.apwire.protocol.server.SetReplyPacket;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Get, Set, LocationScouts with correlation ids and deadlines; SetNotify across reconnects. */
class RequestsTest {

    private Conversation c;

    @AfterEach
    void drained() {
        c.assertDrained();
    }

    private static String idOf(JsonObject extras) {
        return ((JsonString) extras.get(ClientSession.REQUEST_ID_KEY)).value();
    }

    @Test
    void getIsAnsweredByRetrievedWithTheEchoedId() {
        c = new Conversation(Fixtures.alice().build());
        c.login();
        c.apply(s -> s.get(List.of("k", ReadKeys.RACE_MODE), c.now));
        GetPacket get = c.sent(GetPacket.class);
        RequestSent sentEvent = c.event(RequestSent.class);
        assertThat(sentEvent.kind()).isEqualTo(RequestKind.GET);
        assertThat(idOf(get.extras())).isEqualTo(sentEvent.requestId());
        assertThat(sentEvent.deadline()).isEqualTo(c.now.plusSeconds(30));
        assertThat(c.session.nextDeadline()).contains(sentEvent.deadline());

        JsonObject values = JsonObject.of("k", JsonValue.of(3), ReadKeys.RACE_MODE, JsonValue.of(0));
        c.server(new RetrievedPacket(values, get.extras()));
        ValuesRetrieved r = c.event(ValuesRetrieved.class);
        assertThat(r.requestId()).isEqualTo(sentEvent.requestId());
        assertThat(r.values()).isEqualTo(values);
        assertThat(c.session.nextDeadline()).isEmpty();
    }

    @Test
    void setWithWantReplyIsAnsweredBySetReply() {
        c = new Conversation(Fixtures.alice().build());
        c.login();
        c.apply(s -> s.set("score", JsonValue.of(0), true,
                List.of(new DataStorageOperation(OperationType.ADD, JsonValue.of(5))), c.now));
        SetPacket set = c.sent(SetPacket.class);
        RequestSent sentEvent = c.event(RequestSent.class);
        assertThat(set.wantsReply()).isTrue();
        c.server(new SetReplyPacket("score", JsonValue.of(5), JsonValue.of(0), 1, set.extras()));
        ValueChanged v = c.event(ValueChanged.class);
        assertThat(v.requestId()).isEqualTo(sentEvent.requestId());
        assertThat(v.originalValue()).isEqualTo(JsonValue.of(0));
        assertThat(v.value()).isEqualTo(JsonValue.of(5));
        assertThatThrownBy(() -> c.session.set("_read_race_mode", JsonValue.of(0), false, List.of(), c.now))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aSetReplyFromAnotherSlotAnswersNoRequestEvenWithTheSameId() {
        c = new Conversation(Fixtures.alice().build());
        c.login();
        c.apply(s -> s.set("shared", JsonValue.of(0), true, List.of(), c.now));
        SetPacket set = c.sent(SetPacket.class);
        c.event(RequestSent.class);
        c.server(new SetReplyPacket("shared", JsonValue.of(9), JsonValue.of(0), 2, set.extras()));
        assertThat(c.event(ValueChanged.class).requestId()).isNull();
        assertThat(c.session.pendingRequests()).isEqualTo(1);
        c.server(new SetReplyPacket("shared", JsonValue.of(9), JsonValue.of(9), 1, set.extras()));
        assertThat(c.event(ValueChanged.class).requestId()).isEqualTo(idOf(set.extras()));
        assertThat(c.session.pendingRequests()).isZero();
    }

    @Test
    void setWithoutReplyIsNotARequest() {
        c = new Conversation(Fixtures.alice().build());
        c.login();
        c.apply(s -> s.set("k", JsonValue.of(0), false, List.of(), c.now));
        c.sent(SetPacket.class);
        assertThat(c.session.nextDeadline()).isEmpty();
    }

    @Test
    void scoutsAreMatchedByTheirLocations() {
        c = new Conversation(Fixtures.alice().build());
        c.login();
        c.apply(s -> s.scout(List.of(2001L, 2002L), 0, c.now));
        c.sent(LocationScoutsPacket.class);
        String first = c.event(RequestSent.class).requestId();
        c.apply(s -> s.scout(List.of(2003L), 2, c.now));
        assertThat(c.sent(LocationScoutsPacket.class).createAsHint()).isEqualTo(2);
        String second = c.event(RequestSent.class).requestId();

        c.server(new LocationInfoPacket(List.of(new NetworkItem(3002, 2003, 2, 2))));
        assertThat(c.event(LocationsScouted.class).requestId()).isEqualTo(second);
        c.server(new LocationInfoPacket(List.of(new NetworkItem(3001, 2001, 2, 1), new NetworkItem(1002, 2002, 1, 0))));
        LocationsScouted s = c.event(LocationsScouted.class);
        assertThat(s.requestId()).isEqualTo(first);
        assertThat(s.items()).hasSize(2);
        c.server(new LocationInfoPacket(List.of()));
        assertThat(c.event(LocationsScouted.class).requestId()).isNull();
    }

    @Test
    void aRequestTimesOutAtItsDeadlineAndALateAnswerHasNoId() {
        c = new Conversation(Fixtures.alice().requestTimeout(Duration.ofSeconds(5)).build());
        c.login();
        c.apply(s -> s.get(List.of("k"), c.now));
        GetPacket get = c.sent(GetPacket.class);
        String id = c.event(RequestSent.class).requestId();
        c.advance(Duration.ofSeconds(4));
        assertThat(c.apply(s -> s.onTimeout(c.now)).isEmpty()).as("spurious timeout is a no-op").isTrue();
        c.advance(Duration.ofSeconds(1));
        c.apply(s -> s.onTimeout(c.now));
        RequestFailed failed = c.event(RequestFailed.class);
        assertThat(failed.requestId()).isEqualTo(id);
        assertThat(failed.kind()).isEqualTo(RequestKind.GET);
        assertThat(failed.reason()).isEqualTo(RequestFailed.FailureReason.TIMED_OUT);
        assertThat(c.session.nextDeadline()).isEmpty();
        c.server(new RetrievedPacket(JsonObject.of("k", JsonValue.of(1)), get.extras()));
        assertThat(c.event(ValuesRetrieved.class).requestId()).isNull();
    }

    @Test
    void disconnectFailsPendingRequests() {
        c = new Conversation(Fixtures.alice().build());
        c.login();
        c.apply(s -> s.scout(List.of(2001L), 0, c.now));
        c.sent(LocationScoutsPacket.class);
        String id = c.event(RequestSent.class).requestId();
        c.apply(s -> s.disconnected(c.now));
        assertThat(c.event(Disconnected.class).from()).isEqualTo(Phase.CONNECTED);
        RequestFailed f = c.event(RequestFailed.class);
        assertThat(f.requestId()).isEqualTo(id);
        assertThat(f.reason()).isEqualTo(RequestFailed.FailureReason.CONNECTION_LOST);
    }

    @Test
    void subscriptionsAreNotifiedAndReestablishedAfterReconnect() {
        c = new Conversation(Fixtures.alice().build());
        c.apply(s -> s.subscribe(List.of("shared"), c.now));
        c.login();
        assertThat(c.sent(SetNotifyPacket.class).keys()).containsExactly("shared");
        c.apply(s -> s.subscribe(List.of("shared", "other"), c.now));
        assertThat(c.sent(SetNotifyPacket.class).keys()).containsExactly("other");

        // a notification caused by another client's Set: its extras are not ours
        c.server(new SetReplyPacket("shared", JsonValue.of(2), JsonValue.of(1), 2,
                JsonObject.of(ClientSession.REQUEST_ID_KEY, JsonValue.of("someone-else"))));
        ValueChanged v = c.event(ValueChanged.class);
        assertThat(v.requestId()).isNull();
        assertThat(v.key()).isEqualTo("shared");

        c.apply(s -> s.disconnected(c.now));
        c.event(Disconnected.class);
        c.login();
        assertThat(c.sent(SetNotifyPacket.class).keys()).containsExactly("shared", "other");
    }

    @Test
    void idsComeFromTheInjectedGenerator() {
        c = new Conversation(Fixtures.alice().random(new java.util.SplittableRandom(42)).build());
        c.login();
        c.apply(s -> s.get(List.of("k"), c.now));
        c.sent(GetPacket.class);
        String id = c.event(RequestSent.class).requestId();
        assertThat(id).isEqualTo(String.format("%016x", new java.util.SplittableRandom(42).nextLong()));
    }
}
