package dev.apwire.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The typed admin operations a driver calls directly (server-features.md §7), beside the console. */
class AdminOperationsTest {

    private final RoomHarness h = RoomHarness.pebble(RoomHarness.pebbleOptions().with("release_mode", "disabled"));

    @BeforeEach
    void bothIn() {
        h.login("a", "Alice", "Pebble Quest", "[]");
        h.login("b", "Bob", "Lantern Run", "[]", "a");
    }

    @AfterEach
    void nothingLeftOver() {
        h.assertDrained();
    }

    @Test
    void sendLocationsChecksAsIfTheClientHad() {
        long before = h.room.changes();
        h.record(h.room.sendLocations(TeamSlot.of(2), List.of(4001L, 4001L, 999L), h.now));
        assertThat(h.prints("a")).singleElement().extracting(p -> p.item().location()).isEqualTo(4001L);
        h.prints("b");
        assertThat(h.next("a")).contains("\"cmd\":\"ReceivedItems\",\"index\":1,");
        assertThat(h.next("b")).isEqualTo("[{\"cmd\":\"RoomUpdate\",\"hint_points\":1,\"checked_locations\":[4001]}]");
        assertThat(h.room.changes()).isGreaterThan(before);
        h.record(h.room.sendLocations(TeamSlot.of(2), List.of(4001L), h.now)); // nothing new: nothing sent
        h.nothingFor("a");
        h.nothingFor("b");
    }

    @Test
    void allowReleaseAliasAndServerChat() {
        h.room.allowRelease(TeamSlot.of(1), true);
        h.say("a", "!release", "a", "b");
        assertThat(h.text("a", "Release")).isEqualTo("Alice (Team #1) has released all remaining items from their world.");
        h.drain("a");
        h.drain("b");
        h.room.allowRelease(TeamSlot.of(1), false);
        h.say("a", "!release", "a", "b");
        assertThat(h.text("a")).contains("has been disabled");

        h.record(h.room.setAlias(TeamSlot.of(2), "Lampwright", h.now));
        assertThat(h.next("a")).contains("\"alias\":\"Lampwright (Bob)\"");
        assertThat(h.next("b")).contains("\"alias\":\"Lampwright (Bob)\"");
        h.record(h.room.setAlias(TeamSlot.of(2), null, h.now));
        assertThat(h.next("a")).contains("\"alias\":\"Bob\"");
        h.next("b");

        h.record(h.room.serverChat("maintenance in 5 minutes", h.now));
        assertThat(h.print("a").message()).isEqualTo("maintenance in 5 minutes");
        assertThat(h.text("b", "ServerChat")).isEqualTo("[Server]: maintenance in 5 minutes");
    }

    @Test
    void misuseThrowsBeforeAnyChange() {
        long before = h.room.changes();
        assertThatThrownBy(() -> h.room.release(TeamSlot.of(9), h.now)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> h.room.setOption("nope", 1, h.now)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> h.room.setOption("hint_cost", "x", h.now)).isInstanceOf(ClassCastException.class);
        assertThatThrownBy(() -> h.room.countdown(3601, h.now)).isInstanceOf(IllegalArgumentException.class);
        assertThat(h.room.changes()).isEqualTo(before);
        assertThat(h.room.options()).isEqualTo(RoomHarness.pebbleOptions().with("release_mode", "disabled"));
    }
}
