package dev.apwire.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apwire.protocol.ClientStatus;
import dev.apwire.protocol.NetworkItem;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Item-link groups and spectators (server-features.md §9) on the linked fixture: Alice 1, Bob 2, Carol 3
 * (players), Sam 4 (spectator), Pebble Link 5 (group of Alice and Carol).
 */
class ItemLinksTest {

    private final RoomHarness h = new RoomHarness(new ArchipelagoRoom<>(RoomHarness.fixture("linked.json"), RoomConfig.DEFAULT,
            RoomOptions.of(RoomHarness.fixture("linked.json")).with("collect_mode", "enabled"), new SplittableRandom(3)));

    @AfterEach
    void nothingLeftOver() {
        h.assertDrained();
    }

    private void allIn() {
        h.login("a", "Alice", "Pebble Quest", "[]");
        h.login("b", "Bob", "Lantern Run", "[]", "a");
        h.login("c", "Carol", "Pebble Quest", "[]", "a", "b");
    }

    @Test
    void aGroupNameIsNotASlotToConnectTo() {
        h.open("x");
        h.send("x", "[{\"cmd\":\"Connect\",\"password\":\"sesame\",\"game\":\"Pebble Quest\",\"name\":\"Pebble Link\",\"uuid\":\"u\","
                + "\"version\":{\"major\":0,\"minor\":6,\"build\":2,\"class\":\"Version\"},\"items_handling\":7,\"tags\":[]}]");
        assertThat(h.next("x")).isEqualTo("[{\"cmd\":\"ConnectionRefused\",\"errors\":[\"InvalidSlot\"]}]");
        assertThat(h.room.clientStatus(5)).isEqualTo(ClientStatus.GOAL);
        assertThat(h.room.clientStatus(4)).isEqualTo(ClientStatus.GOAL);
        assertThat(h.room.clientStatus(1)).isEqualTo(ClientStatus.UNKNOWN);
    }

    @Test
    void linkedItemsFanOutToEveryMember() {
        allIn();
        h.send("b", "[{\"cmd\":\"LocationChecks\",\"locations\":[4001]}]");
        String send = h.next("a");
        assertThat(send).contains("\"type\":\"ItemSend\",\"receiving\":5,");
        h.next("b");
        h.next("c");
        NetworkItem key = new NetworkItem(1003, 4001, 2, 1);
        assertThat(h.next("a")).contains("\"cmd\":\"ReceivedItems\",\"index\":1,", "\"item\":1003,\"location\":4001,\"player\":2");
        assertThat(h.next("c")).contains("\"cmd\":\"ReceivedItems\",\"index\":1,", "\"item\":1003,\"location\":4001,\"player\":2");
        assertThat(h.next("b")).startsWith("[{\"cmd\":\"RoomUpdate\",\"hint_points\":1,");
        assertThat(h.room.receivedItems(1)).containsExactly(key);
        assertThat(h.room.receivedItems(3)).containsExactly(key);
        assertThat(h.room.receivedItems(5)).isEmpty(); // the group itself holds nothing
        // the precollected hint on 4001 (for the group) is found now
        assertThat(h.room.hints(3)).singleElement().satisfies(x -> assertThat(x.found()).isTrue());

        // Alice finds a linked item in her own world: she gets it too, even as "from others" (the group is the receiver)
        h.open("a2");
        h.send("a2", "[{\"cmd\":\"Connect\",\"password\":\"sesame\",\"game\":\"Pebble Quest\",\"name\":\"Alice\",\"uuid\":\"u\","
                + "\"version\":{\"major\":0,\"minor\":6,\"build\":2,\"class\":\"Version\"},\"items_handling\":1,\"tags\":[\"NoText\"]}]");
        assertThat(h.next("a2")).contains("\"cmd\":\"Connected\"", "\"cmd\":\"ReceivedItems\",\"index\":0,");
        h.drain("a");
        h.drain("b");
        h.drain("c");
        h.send("a", "[{\"cmd\":\"LocationChecks\",\"locations\":[2002]}]");
        assertThat(h.next("a2")).contains("\"cmd\":\"ReceivedItems\",\"index\":1,", "\"item\":1002,\"location\":2002,\"player\":1");
        h.drain("a2");
        h.drain("a");
        h.drain("b");
        h.drain("c");
        assertThat(h.room.receivedItems(3)).extracting(NetworkItem::item).containsExactly(1003L, 1002L);
    }

    @Test
    void statusAndPlayersCountGroupsTheReferenceWay() {
        allIn();
        h.say("a", "!status", "a", "b", "c");
        assertThat(h.text("a")).isEqualTo("Player Status on team 0:\nAlice has 1 connection. (0/3)\nBob has 1 connection. (0/3)"
                + "\nCarol has 1 connection. (0/3)\nSam has 0 connections and has finished. (0/0)");
        h.say("a", "!players", "a", "b", "c");
        for (String c : new String[] {"a", "b", "c"}) {
            assertThat(h.text(c, "CommandResult")).isEqualTo("3 players of 3 connected :: Team #1: Alice Bob Carol");
        }
    }

    @Test
    void hintsForLinkedItemsReachEveryMember() {
        allIn();
        h.send("a", "[{\"cmd\":\"LocationChecks\",\"locations\":[2001]}]"); // one point for Alice
        h.drain("a");
        h.drain("b");
        h.drain("c");
        h.say("a", "!hint Red Pebble", "a", "b", "c");
        // Bob's Stair Top holds Red Pebble for the group: Alice and Carol (members) and Bob (finder) gain the hint
        assertThat(h.next("a")).isEqualTo("[{\"cmd\":\"RoomUpdate\",\"hint_points\":0}]");
        assertThat(h.next("b")).isEqualTo("[{\"cmd\":\"RoomUpdate\",\"hint_points\":0}]");
        assertThat(h.next("c")).isEqualTo("[{\"cmd\":\"RoomUpdate\",\"hint_points\":0}]");
        for (String c : new String[] {"a", "c", "b"}) {
            assertThat(h.text(c, "Hint")).isEqualTo("[Hint]: 5's 1001 is at 4002 in 2's World. (priority)");
        }
        assertThat(h.room.hints(5)).isEmpty();
        // a member of the receiving group may change its status; the finder may not
        h.send("b", "[{\"cmd\":\"UpdateHint\",\"player\":2,\"location\":4002,\"status\":10}]");
        assertThat(h.next("b")).contains("UpdateHint: No Permission");
        h.send("c", "[{\"cmd\":\"SetNotify\",\"keys\":[\"_read_hints_0_3\"]}]");
        h.send("c", "[{\"cmd\":\"UpdateHint\",\"player\":2,\"location\":4002,\"status\":10}]");
        assertThat(h.next("c")).startsWith("[{\"cmd\":\"SetReply\",\"key\":\"_read_hints_0_3\"").contains("\"location\":4002",
                "\"status\":10");
        assertThat(h.room.hints(1).stream().filter(x -> x.location() == 4002L).findFirst().orElseThrow().status().value())
                .isEqualTo(10);
        // the entrance of the generator's er_hint_data shows in hints of Alice's Pebble Lake
        h.console("/hint_location Alice Pebble Lake");
        h.drain("b");
        assertThat(h.text("a", "Hint")).isEqualTo("[Hint]: 2's 3002 is at 2003 in 1's World at Behind the waterfall. (unspecified)");
    }

    @Test
    void aGroupIsCollectedOnceEveryMemberCollected() {
        allIn();
        h.say("a", "!collect", "a", "b", "c");
        assertThat(h.text("a", "Collect")).isEqualTo("Alice (Team #1) has collected their items from other worlds.");
        h.drain("a");
        h.drain("b");
        h.drain("c");
        assertThat(h.room.checkedLocations(3)).containsExactly(2001L);
        assertThat(h.room.checkedLocations(2)).isEmpty(); // the group's items wait for Carol
        h.say("c", "!collect", "a", "b", "c");
        assertThat(h.text("a", "Collect")).isEqualTo("Carol (Team #1) has collected their items from other worlds.");
        h.prints("a"); // ItemSend of Bob's Crypt
        h.prints("a"); // ItemSend of Carol's 2003 (both items are Carol's: nothing for Alice yet)
        assertThat(h.text("a", "Collect")).isEqualTo("Pebble Link (Team #1) has collected their items from other worlds.");
        h.drain("a");
        h.drain("b");
        h.drain("c");
        assertThat(h.room.checkedLocations(2)).containsExactly(4001L, 4002L, 4003L);
        assertThat(h.room.checkedLocations(1)).containsExactly(2002L);
        assertThat(h.room.snapshot().groupCollected()).containsEntry(5, java.util.List.of(1, 3));
    }

    @Test
    void aPaidHintPrefersTheEarliestSphere() {
        allIn();
        h.send("a", "[{\"cmd\":\"LocationChecks\",\"locations\":[2001]}]"); // one point: one paid hint
        h.drain("a");
        h.drain("b");
        h.drain("c");
        java.util.List<Long> before = h.room.hints(1).stream().map(x -> x.location()).toList();
        h.say("a", "!hint Everything", "a", "b", "c");
        h.drain("a");
        h.drain("b");
        h.drain("c");
        // the candidates for Alice and her group: 4002 and 2002 (sphere 0), 4001 and Carol's 2001 (sphere 1)
        // (4001 is a start hint Alice holds already); found hints are shown, not stored
        assertThat(h.room.hints(1)).filteredOn(x -> !before.contains(x.location())).singleElement()
                .satisfies(x -> assertThat(x.location()).isIn(4002L, 2002L));
        assertThat(h.room.hintPoints(1)).isZero();
    }
}
