package dev.apwire.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apwire.json.JsonObject;
import dev.apwire.protocol.HintStatus;
import dev.apwire.protocol.JsonMessagePart;
import dev.apwire.protocol.JsonMessagePartType;
import dev.apwire.protocol.NetworkItem;
import dev.apwire.protocol.NetworkPlayer;
import dev.apwire.protocol.PrintJsonType;
import dev.apwire.protocol.server.InvalidPacket;
import dev.apwire.protocol.server.PrintJsonPacket;
import dev.apwire.protocol.server.RoomUpdatePacket;
import dev.apwire.protocol.server.UnknownServerPacket;
import dev.apwire.protocol.PacketProblemType;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** PrintJSON rendering with names resolved, aliases from RoomUpdate, unknown parts and packets. */
class MessagesTest {

    private Conversation c;

    @AfterEach
    void drained() {
        c.assertDrained();
    }

    private static JsonMessagePart part(String text, String type, Integer player) {
        return new JsonMessagePart(text, JsonMessagePartType.of(type), null, null, player, null);
    }

    /** Frame 13: a hint, ids as strings. */
    static PrintJsonPacket hintMessage() {
        return new PrintJsonPacket(List.of(
                JsonMessagePart.text("[Hint]: "), part("2", "player_id", null), JsonMessagePart.text("'s "),
                new JsonMessagePart("3002", JsonMessagePartType.ITEM_ID, null, 2, 2, null), JsonMessagePart.text(" is at "),
                part("2003", "location_id", 1), JsonMessagePart.text(" in "), part("1", "player_id", null),
                JsonMessagePart.text("'s World"), JsonMessagePart.text(". "),
                new JsonMessagePart("(unspecified)", JsonMessagePartType.HINT_STATUS, null, null, null, HintStatus.UNSPECIFIED)),
                PrintJsonType.HINT, 2, new NetworkItem(3002, 2003, 1, 2), false, null, null, null, null, null);
    }

    @Test
    void hintMessageIsRenderedWithNames() {
        c = new Conversation(Fixtures.alice().build());
        c.login();
        c.server(hintMessage());
        MessagePrinted m = c.event(MessagePrinted.class);
        assertThat(m.text()).isEqualTo("[Hint]: Bob's Oil Flask is at Hill Top in Alice's World. (unspecified)");
        assertThat(m.parts().get(3).type()).isEqualTo(JsonMessagePartType.ITEM_ID);
        assertThat(m.parts().get(3).text()).isEqualTo("Oil Flask");
        assertThat(m.parts().get(3).source().text()).isEqualTo("3002");
        assertThat(m.packet().plainText()).contains("3002");
    }

    @Test
    void namesKeepAnsweringWhileDisconnected() {
        c = new Conversation(Fixtures.alice().build());
        c.login();
        c.apply(s -> s.disconnected(c.now));
        c.event(Disconnected.class);
        assertThat(c.session.login()).isEmpty();
        assertThat(c.session.itemName(1001, 1)).hasValue("Red Pebble");
        assertThat(c.session.locationName(2001, 1)).isPresent();
        assertThat(c.session.playerAlias(2)).hasValue("Bob");
        assertThat(c.session.playerAlias(0, 1)).hasValue("Alice");
        assertThat(c.session.slotName(2)).hasValue("Bob");
        assertThat(c.session.slotGame(1)).hasValue("Pebble Quest");
        assertThat(c.session.render(hintMessage()).get(1).text()).isEqualTo("Bob");
    }

    @Test
    void aliasesFollowRoomUpdateAndUnknownPartsStayText() {
        c = new Conversation(Fixtures.alice().build());
        c.login();
        c.server(RoomUpdatePacket.builder().players(List.of(new NetworkPlayer(0, 1, "Alice", "Alice"),
                new NetworkPlayer(0, 2, "Lamp (Bob)", "Bob"))).build());
        c.event(RoomUpdated.class);
        assertThat(c.session.playerAlias(2)).contains("Lamp (Bob)");
        c.server(new PrintJsonPacket(List.of(part("2", "player_id", null), JsonMessagePart.text(" "),
                part("sparkle", "future_type", null), JsonMessagePart.text(" "), part("99", "player_id", null),
                JsonMessagePart.text(" "), new JsonMessagePart("12345", JsonMessagePartType.ITEM_ID, null, 0, 2, null)),
                null, null, null, null, null, null, null, null, null));
        MessagePrinted m = c.event(MessagePrinted.class);
        assertThat(m.text()).isEqualTo("Lamp (Bob) sparkle 99 12345");
        assertThat(m.parts().get(2).type().isKnown()).isFalse();
    }

    @Test
    void invalidAndUnknownPacketsAreEvents() {
        c = new Conversation(Fixtures.alice().build());
        c.login();
        InvalidPacket invalid = new InvalidPacket(PacketProblemType.of("arguments"), "Get", "Retrieve");
        c.server(invalid);
        assertThat(c.event(InvalidPacketReceived.class).packet()).isEqualTo(invalid);
        c.server(new UnknownServerPacket("Future", JsonObject.EMPTY));
        assertThat(c.event(UnknownPacketReceived.class).packet().cmd()).isEqualTo("Future");
    }

    @Test
    void namesBeforeConnectedAreUnknown() {
        c = new Conversation(Fixtures.alice().build());
        assertThat(c.session.playerAlias(1)).isEmpty();
        assertThat(c.session.itemName(1001, 1)).isEmpty();
        assertThat(c.session.slotGame(1)).isEmpty();
    }
}
