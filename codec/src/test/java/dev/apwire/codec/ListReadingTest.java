package dev.apwire.codec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apwire.protocol.JsonMessagePartType;
import dev.apwire.protocol.OperationType;
import dev.apwire.protocol.TextColor;
import dev.apwire.protocol.client.ClientPacket;
import dev.apwire.protocol.client.SetPacket;
import dev.apwire.protocol.server.ConnectedPacket;
import dev.apwire.protocol.server.PrintJsonPacket;
import dev.apwire.protocol.server.ReceivedItemsPacket;
import dev.apwire.protocol.server.ServerPacket;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Lists are read through per-thread stacks and open-enumeration values matched in the parser's buffer: a list a
 * problem abandons must not leak elements into the next command's lists, nested lists keep their own elements,
 * decoded lists are immutable, and unknown values are still kept.
 */
class ListReadingTest {

    private static final ArchipelagoCodec CODEC = ArchipelagoCodec.create();

    @Test
    void aListAbandonedByAProblemLeavesNothingForTheNextCommand() throws Exception {
        String frame = "[{\"cmd\":\"PrintJSON\",\"data\":[{\"text\":\"a\"},{\"text\":\"b\"},{\"text\":7},{\"text\":\"d\"}]},"
                + "{\"cmd\":\"PrintJSON\",\"data\":[{\"text\":\"x\",\"type\":\"player_id\"},{\"text\":\"y\",\"type\":\"color\",\"color\":\"red\"}]}]";
        List<Decoded<ServerPacket>> decoded = CODEC.decodeServerFrame(frame);
        assertThat(decoded.get(0)).isInstanceOf(Decoded.Problem.class);
        assertThat(((Decoded.Problem<ServerPacket>) decoded.get(0)).invalidPacket().text()).contains("data[2].text");
        PrintJsonPacket second = (PrintJsonPacket) ((Decoded.Ok<ServerPacket>) decoded.get(1)).packet();
        assertThat(second.data()).extracting(p -> p.text()).containsExactly("x", "y");
        assertThat(second.data().get(0).type()).isSameAs(JsonMessagePartType.PLAYER_ID);
        assertThat(second.data().get(1).color()).isSameAs(TextColor.RED);
    }

    @Test
    void aSetWithABadOperationDoesNotLeakIntoTheNextSet() throws Exception {
        String frame = "[{\"cmd\":\"Set\",\"key\":\"k\",\"operations\":[{\"operation\":\"add\",\"value\":1},{\"operation\":5,\"value\":2}]},"
                + "{\"cmd\":\"Set\",\"key\":\"k\",\"operations\":[{\"operation\":\"max\",\"value\":3},{\"operation\":\"frob\",\"value\":4}]}]";
        List<Decoded<ClientPacket>> decoded = CODEC.decodeClientFrame(frame);
        assertThat(((Decoded.Problem<ClientPacket>) decoded.get(0)).invalidPacket().text()).contains("operations[1].operation");
        SetPacket set = (SetPacket) ((Decoded.Ok<ClientPacket>) decoded.get(1)).packet();
        assertThat(set.operations()).extracting(o -> o.operation()).containsExactly(OperationType.MAX, OperationType.of("frob"));
        assertThat(set.operations().get(0).operation()).isSameAs(OperationType.MAX);
        assertThat(set.operations().get(1).operation().isKnown()).isFalse();
    }

    @Test
    void longAndNestedListsKeepTheirElementsInOrder() throws Exception {
        StringBuilder parts = new StringBuilder();
        StringBuilder items = new StringBuilder();
        for (int i = 0; i < 40_000; i++) {
            items.append(i == 0 ? "" : ",").append("{\"item\":").append(i).append(",\"location\":").append(i + 1)
                    .append(",\"player\":1,\"flags\":0}");
        }
        for (int i = 0; i < 12; i++) {
            parts.append(i == 0 ? "" : ",").append("{\"text\":\"p").append(i).append("\"}");
        }
        String frame = "[{\"cmd\":\"ReceivedItems\",\"index\":0,\"items\":[" + items + "]},"
                + "{\"cmd\":\"PrintJSON\",\"data\":[" + parts + "],\"type\":\"Chat\",\"team\":0,\"slot\":1,\"message\":\"m\"},"
                + "{\"cmd\":\"Connected\",\"team\":0,\"slot\":1,\"players\":[],\"missing_locations\":[3,2,1],"
                + "\"checked_locations\":[],\"slot_info\":{}}]";
        List<Decoded<ServerPacket>> decoded = CODEC.decodeServerFrame(frame);
        assertThat(decoded).allSatisfy(d -> assertThat(d).isInstanceOf(Decoded.Ok.class));
        ReceivedItemsPacket received = (ReceivedItemsPacket) ((Decoded.Ok<ServerPacket>) decoded.get(0)).packet();
        assertThat(received.items()).hasSize(40_000);
        assertThat(received.items().get(39_999).item()).isEqualTo(39_999);
        ConnectedPacket connected = (ConnectedPacket) ((Decoded.Ok<ServerPacket>) decoded.get(2)).packet();
        assertThat(connected.missingLocations().toLongArray()).containsExactly(3, 2, 1);
        assertThat(connected.checkedLocations().size()).isZero();
        PrintJsonPacket print = (PrintJsonPacket) ((Decoded.Ok<ServerPacket>) decoded.get(1)).packet();
        assertThat(print.data()).extracting(p -> p.text()).containsExactly("p0", "p1", "p2", "p3", "p4", "p5", "p6", "p7", "p8",
                "p9", "p10", "p11");
        assertThat(CODEC.encodeServerFrame(List.of(((Decoded.Ok<ServerPacket>) decoded.get(0)).packet())))
                .startsWith("[{\"cmd\":\"ReceivedItems\",\"index\":0,\"items\":[{\"item\":0,\"location\":1,\"player\":1,\"flags\":0,")
                .endsWith("{\"item\":39999,\"location\":40000,\"player\":1,\"flags\":0,\"class\":\"NetworkItem\"}]}]");
    }
}
