package dev.apwire.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apwire.json.JsonArray;
import dev.apwire.json.JsonObject;
import dev.apwire.json.JsonValue;
import dev.apwire.protocol.Hint;
import dev.apwire.protocol.HintStatus;
import dev.apwire.protocol.client.CreateHintsPacket;
import dev.apwire.protocol.client.GetPacket;
import dev.apwire.protocol.client.SetNotifyPacket;
import dev.apwire.protocol.client.UpdateHintPacket;
import dev.apwire.protocol.server.RetrievedPacket;
import dev.apwire.protocol.server.SetReplyPacket;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Hint tracking through {@code _read_hints_{team}_{slot}}: SetNotify + Get on connect, changes as events. */
class HintsTest {

    private Conversation c;

    @AfterEach
    void drained() {
        c.assertDrained();
    }

    /** A hint object as frame 15 shows it. */
    static JsonObject hintJson(long location, long item, int receiving, int status, boolean found) {
        return JsonObject.of("receiving_player", JsonValue.of(receiving), "finding_player", JsonValue.of(1),
                "location", JsonValue.of(location), "item", JsonValue.of(item), "found", JsonValue.of(found),
                "entrance", JsonValue.of(""), "item_flags", JsonValue.of(1), "status", JsonValue.of(status),
                "class", JsonValue.of("Hint"));
    }

    @Test
    void trackingSubscribesFetchesAndReportsChanges() {
        c = new Conversation(Fixtures.alice().trackHints(true).build());
        c.login();
        String key = ReadKeys.hints(0, 1);
        assertThat(c.sent(SetNotifyPacket.class).keys()).containsExactly(key);
        GetPacket get = c.sent(GetPacket.class);
        assertThat(get.keys()).containsExactly(key);

        c.server(new RetrievedPacket(JsonObject.of(key, JsonArray.of(hintJson(2001, 3001, 2, 0, false))), get.extras()));
        Hint first = c.event(HintAdded.class).hint();
        assertThat(first.location()).isEqualTo(2001);
        assertThat(first.status()).isEqualTo(HintStatus.UNSPECIFIED);
        assertThat(first.extras().members()).doesNotContainKey("class");

        // frame 23: a notification with one more hint
        c.server(new SetReplyPacket(key, JsonArray.of(hintJson(2003, 3002, 2, 0, false), hintJson(2001, 3001, 2, 0, false)),
                null, null));
        c.event(ValueChanged.class);
        assertThat(c.event(HintAdded.class).hint().location()).isEqualTo(2003);

        c.apply(s -> s.updateHint(1, 2003, HintStatus.PRIORITY, c.now));
        assertThat(c.sent(UpdateHintPacket.class).status()).isEqualTo(HintStatus.PRIORITY);
        c.server(new SetReplyPacket(key, JsonArray.of(hintJson(2003, 3002, 2, 30, false), hintJson(2001, 3001, 2, 40, true)),
                null, null));
        c.event(ValueChanged.class);
        HintUpdated u1 = c.event(HintUpdated.class);
        assertThat(u1.previous().status()).isEqualTo(HintStatus.UNSPECIFIED);
        assertThat(u1.hint().status()).isEqualTo(HintStatus.PRIORITY);
        HintUpdated u2 = c.event(HintUpdated.class);
        assertThat(u2.hint().found()).isTrue();
        assertThat(c.session.hints()).hasSize(2);

        c.apply(s -> s.createHints(List.of(2002L), null, HintStatus.AVOID, c.now));
        assertThat(c.sent(CreateHintsPacket.class).locations()).containsExactly(2002L);
    }

    @Test
    void withoutTrackingNothingIsSentOnConnect() {
        c = new Conversation(Fixtures.alice().build());
        c.login();
        assertThat(c.session.hints()).isEmpty();
    }

    @Test
    void readKeys() {
        c = new Conversation(Fixtures.alice().build());
        assertThat(ReadKeys.hints(0, 1)).isEqualTo("_read_hints_0_1");
        assertThat(ReadKeys.slotData(2)).isEqualTo("_read_slot_data_2");
        assertThat(ReadKeys.itemNameGroups("Pebble Quest")).isEqualTo("_read_item_name_groups_Pebble Quest");
        assertThat(ReadKeys.locationNameGroups("Pebble Quest")).isEqualTo("_read_location_name_groups_Pebble Quest");
        assertThat(ReadKeys.clientStatus(0, 1)).isEqualTo("_read_client_status_0_1");
        assertThat(ReadKeys.RACE_MODE).isEqualTo("_read_race_mode");
        assertThat(ReadKeys.parseHints(JsonValue.nullValue())).isEmpty();
    }
}
