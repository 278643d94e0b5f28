package dev.apwire.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apwire.protocol.client.LocationChecksPacket;
import dev.apwire.protocol.client.SyncPacket;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Items, exactly once: index 0 is the full list, deltas continue it, gaps resync, persisted index. */
class ItemsTest {

    private Conversation c;

    @AfterEach
    void drained() {
        c.assertDrained();
    }

    private static List<Integer> indexes(ItemsReceived e) {
        return e.items().stream().map(ReceivedItem::index).collect(Collectors.toList());
    }

    private static List<Long> ids(ItemsReceived e) {
        return e.items().stream().map(r -> r.item().item()).collect(Collectors.toList());
    }

    @Test
    void fullListThenDeltas() {
        c = new Conversation(Fixtures.alice().build());
        c.login();
        c.server(Fixtures.items(0, 1001, 1002));
        ItemsReceived first = c.event(ItemsReceived.class);
        assertThat(indexes(first)).containsExactly(0, 1);
        assertThat(first.lastIndex()).isEqualTo(1);
        c.server(Fixtures.items(2, 1003));
        assertThat(ids(c.event(ItemsReceived.class))).containsExactly(1003L);
        assertThat(c.session.lastDeliveredIndex()).isEqualTo(2);
    }

    @Test
    void duplicatedAndOverlappingPacketsDeliverOnlyTheNewTail() {
        c = new Conversation(Fixtures.alice().build());
        c.login();
        c.server(Fixtures.items(0, 1001, 1002));
        c.event(ItemsReceived.class);
        c.server(Fixtures.items(0, 1001, 1002));               // the same full list again
        c.server(Fixtures.items(1, 1002, 1003));               // overlaps one delivered item
        ItemsReceived tail = c.event(ItemsReceived.class);
        assertThat(indexes(tail)).containsExactly(2);
        assertThat(ids(tail)).containsExactly(1003L);
        c.server(Fixtures.items(2, 1003));                     // a resent delta
    }

    @Test
    void aGapSendsSyncAndEveryCheckThenTheFullListFillsIt() {
        c = new Conversation(Fixtures.alice().build());
        c.login();
        c.apply(s -> s.checkLocations(List.of(2001L), c.now));
        c.sent(LocationChecksPacket.class);
        c.server(Fixtures.items(0, 1001));
        c.event(ItemsReceived.class);

        c.server(Fixtures.items(3, 1004));                     // items 1 and 2 were skipped
        ItemsOutOfSync gap = c.event(ItemsOutOfSync.class);
        assertThat(gap.expected()).isEqualTo(1);
        assertThat(gap.got()).isEqualTo(3);
        c.sent(SyncPacket.class);
        assertThat(c.sent(LocationChecksPacket.class).locations()).containsExactly(2001L);

        c.server(Fixtures.items(4, 1005));                     // still skipping: no second Sync
        c.server(Fixtures.items(0, 1001, 1002, 1003, 1004, 1005));
        ItemsReceived filled = c.event(ItemsReceived.class);
        assertThat(indexes(filled)).containsExactly(1, 2, 3, 4);
        assertThat(ids(filled)).containsExactly(1002L, 1003L, 1004L, 1005L);
    }

    @Test
    void persistedIndexIsNotDeliveredAgainOnANewSession() {
        c = new Conversation(Fixtures.alice().lastProcessedIndex(1).build());
        c.login();
        c.server(Fixtures.items(0, 1001, 1002, 1003));
        ItemsReceived e = c.event(ItemsReceived.class);
        assertThat(indexes(e)).containsExactly(2);
    }

    @Test
    void reconnectResendsTheFullListButNothingIsDeliveredTwice() {
        c = new Conversation(Fixtures.alice().build());
        c.login();
        c.server(Fixtures.items(0, 1001, 1002));
        c.event(ItemsReceived.class);
        c.apply(s -> s.disconnected(c.now));
        c.event(Disconnected.class);
        c.login();
        c.server(Fixtures.items(0, 1001, 1002, 1003));
        assertThat(indexes(c.event(ItemsReceived.class))).containsExactly(2);
        c.server(Fixtures.items(3, 1004));
        assertThat(indexes(c.event(ItemsReceived.class))).containsExactly(3);
    }

    @Test
    void anEmptyFullListDeliversNothing() {
        c = new Conversation(Fixtures.alice().build());
        c.login();
        c.server(Fixtures.items(0));
        c.server(Fixtures.items(0, 1001));
        assertThat(indexes(c.event(ItemsReceived.class))).containsExactly(0);
    }
}
