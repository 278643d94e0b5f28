package dev.apwire.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apwire.protocol.server.PrintJsonPacket;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The console's {@code /} commands and the typed admin operations (server-features.md §7.2). */
class ServerCommandsTest {

    private final RoomHarness h = RoomHarness.pebble(RoomHarness.pebbleOptions());

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
    void helpOptionsPlayersStatusDatastore() {
        assertThat(h.console("/help")).singleElement().asString()
                .startsWith("/help \n    Returns the help listing\n/license \n    Returns the licensing information\n"
                        + "/options \n    List all current options. Warning: lists password.\n"
                        + "/save \n    Save current state to multidata\n/players \n    Get information about connected players\n")
                .contains("/alias player_name_then_alias_name \n", "/send_multiple amount player_name item_name \n"
                        + "    Sends multiples of an item to the specified player\n")
                .endsWith("/datastore \n    Debug Tool: list writable datastorage keys and approximate the size of their values "
                        + "with pickle.\n");
        assertThat(h.console("/options")).containsExactly("Current options:", "Option hint_cost is set to 10",
                "Option location_check_points is set to 1", "Option server_password is set to None",
                "Option password is set to sesame", "Option release_mode is set to auto", "Option remaining_mode is set to goal",
                "Option collect_mode is set to auto", "Option countdown_mode is set to auto", "Option item_cheat is set to False",
                "Option compatibility is set to 2");
        assertThat(h.console("/players")).containsExactly("2 players of 2 connected :: Team #1: Alice Bob");
        assertThat(h.console("/status")).containsExactly(
                "Player Status on team 0:\nAlice has 1 connection. (0/3)\nBob has 1 connection. (0/3)");
        assertThat(h.console("/nothing")).singleElement().asString().startsWith("Could not find command nothing. Known commands: help, "
                + "license, options, save, players, status, exit, alias, collect, countdown, release, allow_release, forbid_release,");
        assertThat(h.console("/release")).containsExactly(
                "TypeError: ServerCommandProcessor._cmd_release() missing 1 required positional argument: 'player_name'");
        h.send("a", "[{\"cmd\":\"Set\",\"key\":\"k\",\"operations\":[{\"operation\":\"replace\",\"value\":[1,2,3]}]}]");
        assertThat(h.console("/datastore")).singleElement().asString().startsWith("Found 1 keys, approximately totaling ")
                .contains("\nKey: k | Size: ");
    }

    @Test
    void serverChatSaveAndExit() {
        h.console("good luck");
        assertThat(h.text("a", "ServerChat")).isEqualTo("[Server]: good luck");
        assertThat(h.text("b", "ServerChat")).isEqualTo("[Server]: good luck");
        long before = h.room.changes();
        assertThat(h.room.pollSaveRequest()).isFalse();
        assertThat(h.console("/save")).containsExactly("Game saved");
        assertThat(h.room.pollSaveRequest()).isTrue();
        assertThat(h.room.pollSaveRequest()).isFalse();
        assertThat(h.room.changes()).isGreaterThan(before);
        assertThat(h.room.exitRequested()).isFalse();
        assertThat(h.console("/exit")).isEmpty();
        assertThat(h.room.exitRequested()).isTrue();
    }

    @Test
    void aliases() {
        assertThat(h.console("/alias Alice  The Pebble Queen of Everything")).containsExactly("Named Alice as The Pebble Quee");
        assertThat(h.next("a")).contains("\"alias\":\"The Pebble Quee (Alice)\"");
        assertThat(h.next("b")).contains("\"alias\":\"The Pebble Quee (Alice)\"");
        assertThat(h.console("/alias alice")).containsExactly("Removed Alias for Alice");
        h.next("a");
        h.next("b");
        assertThat(h.console("/alias Alice")).containsExactly("KeyError: (0, 1)");
        assertThat(h.console("/alias Zed x")).singleElement().asString()
                .startsWith("Didn't find something that closely matches 'Zed', did you mean '");
    }

    @Test
    void releaseCollectAndResolvingPlayers() {
        assertThat(h.console("/release nobody")).containsExactly("Could not find player nobody to release");
        assertThat(h.console("/collect nobody")).containsExactly("Could not find player nobody to collect");
        assertThat(h.console("/allow_release nobody")).containsExactly("Could not find player nobody to allow the !release command for.");
        assertThat(h.console("/forbid_release nobody"))
                .containsExactly("Could not find player nobody to forbid the !release command for.");
        assertThat(h.console("/collect bob")).isEmpty(); // a unique case-insensitive match
        assertThat(h.text("a", "Collect")).isEqualTo("Bob (Team #1) has collected their items from other worlds.");
        h.drain("a");
        h.drain("b");
        assertThat(h.room.checkedLocations(1)).containsExactly(2001L, 2003L);
        h.record(h.room.release(TeamSlot.of(2), h.now));
        assertThat(h.text("a", "Release")).isEqualTo("Bob (Team #1) has released all remaining items from their world.");
        h.drain("a");
        h.drain("b");
        assertThat(h.room.checkedLocations(2)).containsExactly(4001L, 4002L, 4003L);
    }

    @Test
    void sendItemsAndLocations() {
        assertThat(h.console("/send Alice golden key")).isEmpty();
        assertThat(h.next("a")).contains("\"cmd\":\"ReceivedItems\",\"index\":1,", "\"item\":1003,\"location\":-1,\"player\":0");
        PrintJsonPacket cheat = h.print("a");
        assertThat(RoomHarness.text(cheat)).isEqualTo("Cheat console: sending \"Golden Key\" to Alice");
        assertThat(cheat.type()).isNull();
        assertThat(h.text("b", null)).isEqualTo("Cheat console: sending \"Golden Key\" to Alice");
        assertThat(h.console("/send_multiple 3 Alice Red Pebble")).isEmpty();
        assertThat(h.next("a")).contains("\"index\":2,");
        assertThat(h.text("a", null)).isEqualTo("Cheat console: sending 3 of \"Red Pebble\" to Alice");
        assertThat(h.text("b", null)).isEqualTo("Cheat console: sending 3 of \"Red Pebble\" to Alice");
        assertThat(h.console("/send_multiple 101 Alice Red Pebble")).containsExactly("ValueError: 101 is invalid. Maximum is 100.");
        assertThat(h.console("/send Alice")).singleElement().asString().startsWith("Didn't find something");
        assertThat(h.room.receivedItems(1)).hasSize(4);
        assertThat(h.console("/send_location Bob Dark Hall")).isEmpty();
        assertThat(h.prints("a")).singleElement().extracting(p -> p.item().location()).isEqualTo(4001L);
        h.prints("b");
        assertThat(h.next("a")).contains("\"cmd\":\"ReceivedItems\",\"index\":5,");
        assertThat(h.next("b")).isEqualTo("[{\"cmd\":\"RoomUpdate\",\"hint_points\":1,\"checked_locations\":[4001]}]");
        assertThat(h.console("/send_location Bob 4002")).isEmpty();
        h.drain("a");
        h.drain("b");
        assertThat(h.room.checkedLocations(2)).containsExactly(4001L, 4002L);
        h.record(h.room.sendItem(TeamSlot.of(2), 3001, 2, h.now));
        assertThat(h.next("b")).contains("\"cmd\":\"ReceivedItems\",\"index\":0,");
        assertThat(h.text("b", null)).isEqualTo("Cheat console: sending 2 of \"Lantern Oil\" to Bob");
        h.drain("a");
        assertThatThrownBy(() -> h.room.sendItem(TeamSlot.of(2), 3001, 101, h.now)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void adminHintsAreFree() {
        assertThat(h.console("/hint Alice Golden Key")).isEmpty();
        assertThat(h.next("a")).isEqualTo("[{\"cmd\":\"RoomUpdate\",\"hint_points\":0}]");
        assertThat(h.next("b")).isEqualTo("[{\"cmd\":\"RoomUpdate\",\"hint_points\":0}]");
        assertThat(h.text("a", "Hint")).isEqualTo("[Hint]: 1's 1003 is at 4001 in 2's World. (priority)");
        assertThat(h.text("b", "Hint")).isEqualTo("[Hint]: 1's 1003 is at 4001 in 2's World. (priority)");
        assertThat(h.console("/hint_location Bob Crypt")).isEmpty();
        h.drain("a");
        h.drain("b");
        assertThat(h.room.hints(2)).extracting(x -> x.location()).containsExactly(4001L, 4003L);
        assertThat(h.room.hintPoints(1)).isZero();
        assertThat(h.console("/hint Alice 424242")).containsExactly("No hints found.");
        assertThat(h.console("/hint Bob Pebbles")).singleElement().asString().startsWith("Didn't find something");
        h.record(h.room.hint(TeamSlot.of(1), 2002, true, h.now));
        h.drain("a");
        assertThat(h.room.hints(1)).extracting(x -> x.location()).contains(2002L);
    }

    @Test
    void options() {
        assertThat(h.console("/option foo 1")).containsExactly("Unrecognized option 'foo', known: hint_cost: <class 'int'>, "
                + "location_check_points: <class 'int'>, server_password: <class 'str'>, password: <class 'str'>, "
                + "release_mode: <class 'str'>, remaining_mode: <class 'str'>, collect_mode: <class 'str'>, "
                + "countdown_mode: <class 'str'>, item_cheat: <class 'bool'>, compatibility: <class 'int'>");
        assertThat(h.console("/option release_mode sometimes"))
                .containsExactly("Unrecognized release_mode value 'sometimes', known: goal, enabled, disabled, auto, auto_enabled");
        assertThat(h.console("/option remaining_mode auto"))
                .containsExactly("Unrecognized remaining_mode value 'auto', known: goal, enabled, disabled");
        assertThat(h.console("/option countdown_mode goal"))
                .containsExactly("Unrecognized countdown_mode value 'goal', known: enabled, disabled, auto");
        assertThat(h.console("/option hint_cost many")).containsExactly("ValueError: invalid literal for int() with base 10: 'many'");
        assertThat(h.console("/option hint_cost 20")).containsExactly("Set option hint_cost to 20");
        assertThat(h.next("a")).isEqualTo("[{\"cmd\":\"RoomUpdate\",\"hint_cost\":20}]");
        assertThat(h.next("b")).isEqualTo("[{\"cmd\":\"RoomUpdate\",\"hint_cost\":20}]");
        assertThat(h.console("/option location_check_points 3")).containsExactly("Set option location_check_points to 3");
        assertThat(h.next("a")).isEqualTo("[{\"cmd\":\"RoomUpdate\",\"location_check_points\":3}]");
        h.next("b");
        assertThat(h.console("/option release_mode AUTO_ENABLED")).containsExactly("Set option release_mode to auto-enabled");
        assertThat(h.next("a")).isEqualTo("[{\"cmd\":\"RoomUpdate\",\"permissions\":{\"release\":7,\"remaining\":2,\"collect\":6}}]");
        h.next("b");
        assertThat(h.console("/option password none")).containsExactly("Set option password to None");
        assertThat(h.console("/option item_cheat off")).containsExactly("Set option item_cheat to False");
        assertThat(h.console("/option countdown_mode disabled")).containsExactly("Set option countdown_mode to disabled");
        assertThat(h.console("/option hint_cost")).containsExactly(
                "TypeError: ServerCommandProcessor._cmd_option() missing 1 required positional argument: 'option_value'");
        h.record(h.room.setOption("remaining_mode", "enabled", h.now));
        assertThat(h.next("a")).contains("\"remaining\":1");
        h.next("b");
        assertThatThrownBy(() -> h.room.setOption("remaining_mode", "auto", h.now)).isInstanceOf(IllegalArgumentException.class);
        assertThat(h.room.options().password()).isNull();
        // the new password governs new logins
        h.open("c");
        h.send("c", "[{\"cmd\":\"Connect\",\"password\":null,\"game\":\"Lantern Run\",\"name\":\"Bob\",\"uuid\":\"u\","
                + "\"version\":{\"major\":0,\"minor\":6,\"build\":2,\"class\":\"Version\"},\"items_handling\":0,\"tags\":[\"NoText\"]}]");
        assertThat(h.next("c")).startsWith("[{\"cmd\":\"Connected\"");
        h.drain("a");
        h.drain("b");
    }

    @Test
    void countdownFromTheConsoleIgnoresTheMode() {
        h.console("/option countdown_mode disabled");
        assertThat(h.console("/countdown 0")).isEmpty();
        assertThat(h.text("a", "Countdown")).isEqualTo("[Server]: Starting countdown of 0s");
        assertThat(h.text("a", "Countdown")).isEqualTo("[Server]: GO");
        h.drain("b");
        assertThat(h.console("/countdown 3601")).containsExactly("ValueError: 3601 is invalid. Maximum is 1 hour.");
        h.record(h.room.countdown(1, h.now));
        assertThat(h.prints("a")).extracting(RoomHarness::text).containsExactly("[Server]: Starting countdown of 1s");
        assertThat(h.text("a")).isEqualTo("[Server]: 1");
        h.record(h.room.onTimeout(h.room.nextDeadline().orElseThrow()));
        assertThat(h.text("a")).isEqualTo("[Server]: GO");
        h.drain("b");
        assertThat(List.of(h.room.nextDeadline().isPresent())).containsExactly(false);
    }
}
