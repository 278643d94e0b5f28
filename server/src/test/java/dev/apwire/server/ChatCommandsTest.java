package dev.apwire.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apwire.protocol.ClientStatus;
import dev.apwire.protocol.server.PrintJsonPacket;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The {@code !} commands against the texts of server-features.md §2-§8, as conversations on a virtual clock. */
class ChatCommandsTest {

    private RoomHarness h = RoomHarness.pebble(RoomHarness.pebbleOptions());

    @AfterEach
    void nothingLeftOver() {
        h.assertDrained();
    }

    private void bothIn() {
        h.login("a", "Alice", "Pebble Quest", "[\"DeathLink\"]");
        h.login("b", "Bob", "Lantern Run", "[]", "a");
    }

    private void with(RoomOptions options) {
        h = RoomHarness.pebble(options);
        bothIn();
    }

    @Test
    void helpLicenseOptionsAndUnknownCommands() {
        bothIn();
        h.say("a", "!help", "a", "b");
        String help = h.text("a", "CommandResult");
        assertThat(help).startsWith("!help \n    Returns the help listing\n!license \n    Returns the licensing information\n"
                + "!options \n    List all current options. Warning: lists password.\n"
                + "!admin [command] \n    Allow remote administration of the multiworld server\n"
                + "    Usage: \"!admin login <password>\" in order to log in to the remote interface.\n"
                + "    Once logged in, you can then use \"!admin <command>\" to issue commands.\n"
                + "    If you need further help once logged in.  use \"!admin /help\" \n"
                + "!players \n    Get information about connected and missing players.\n"
                + "!status [tag] \n    Get status information about your team.\n")
                .contains("!countdown seconds=10 \n    Start a countdown in seconds\n", "!getitem item_name \n",
                        "!missing [filter_text] \n    List all missing location checks from the server's perspective.\n"
                                + "    Can be given text, which will be used as filter.\n")
                .endsWith("!hint_location [location] \n    Use !hint_location {location_name},\n"
                        + "    for example !hint_location atomic-bomb to get a spoiler peek for that location.\n");
        h.say("a", "!LICENSE", "a", "b");
        assertThat(h.text("a", "CommandResult")).startsWith("MIT License\n");
        h.say("a", "!options", "a", "b");
        assertThat(h.text("a", "CommandResult")).isEqualTo("Current options:");
        assertThat(h.text("a")).isEqualTo("Option hint_cost is set to 10");
        assertThat(h.text("a")).isEqualTo("Option location_check_points is set to 1");
        assertThat(h.text("a")).matches("Option server_password is set to \\*{4,16}");
        assertThat(h.text("a")).isEqualTo("Option password is set to sesame");
        assertThat(h.text("a")).isEqualTo("Option release_mode is set to auto");
        assertThat(h.text("a")).isEqualTo("Option remaining_mode is set to goal");
        assertThat(h.text("a")).isEqualTo("Option collect_mode is set to auto");
        assertThat(h.text("a")).isEqualTo("Option countdown_mode is set to auto");
        assertThat(h.text("a")).isEqualTo("Option item_cheat is set to False");
        assertThat(h.text("a")).isEqualTo("Option compatibility is set to 2");
        h.say("a", "!frobnicate now", "a", "b");
        assertThat(h.text("a")).isEqualTo("Could not find command frobnicate. Known commands: help, license, options, admin, "
                + "players, status, release, collect, countdown, remaining, missing, checked, alias, getitem, hint, hint_location");
        h.say("a", "!status a b", "a", "b");
        assertThat(h.text("a")).isEqualTo(
                "TypeError: ClientMessageProcessor._cmd_status() takes from 1 to 2 positional arguments but 3 were given");
        h.say("a", "   ", "a", "b");
        assertThat(h.text("a")).isEqualTo("IndexError: list index out of range");
        h.say("a", "plain chat", "a", "b");
        h.nothingFor("a");
    }

    @Test
    void playersAndStatus() {
        bothIn();
        h.say("a", "!players", "a", "b");
        // fewer than 10 slots: the reference broadcasts it to everyone
        assertThat(h.text("a", "CommandResult")).isEqualTo("2 players of 2 connected :: Team #1: Alice Bob");
        assertThat(h.text("b", "CommandResult")).isEqualTo("2 players of 2 connected :: Team #1: Alice Bob");
        h.say("b", "!status DeathLink", "a", "b");
        assertThat(h.text("b")).isEqualTo("Player Status on team 0:\nAlice has 1 connection 1 of which are tagged DeathLink. (0/3)"
                + "\nBob has 1 connection 0 of which are tagged DeathLink. (0/3)");
        h.record(h.room.close("b", h.now));
        assertThat(h.text("a", "Part")).isEqualTo("Bob (Team #1) has left the game. Client(0.6.2), [].");
        h.say("a", "!status", "a");
        assertThat(h.text("a")).isEqualTo("Player Status on team 0:\nAlice has 1 connection. (0/3)\nBob has 0 connections. (0/3)");
        h.send("a", "[{\"cmd\":\"StatusUpdate\",\"status\":30}]");
        assertThat(h.text("a", "Goal")).isEqualTo("Alice (Team #1) has completed their goal.");
        h.drain("a"); // auto collect and release
        h.say("a", "!players", "a");
        assertThat(h.text("a")).isEqualTo("1 players of 2 connected :: Team #1: Alice (Bob)");
        h.say("a", "!status", "a");
        assertThat(h.text("a")).isEqualTo("Player Status on team 0:\nAlice has 1 connection and has finished. (3/3)"
                + "\nBob has 0 connections. (3/3)");
    }

    @Test
    void releaseFollowsTheMode() {
        with(RoomHarness.pebbleOptions().with("release_mode", "disabled"));
        h.say("a", "!release", "a", "b");
        assertThat(h.text("a")).isEqualTo("Sorry, client item releasing has been disabled on this server. "
                + "You can ask the server admin for a /release");
        h.console("/allow_release alice");
        assertThat(h.console).containsExactly("Player Alice is now allowed to use the !release command at any time.");
        h.say("a", "!release", "a", "b");
        assertThat(h.text("a", "Release")).isEqualTo("Alice (Team #1) has released all remaining items from their world.");
        assertThat(h.text("b", "Release")).isEqualTo("Alice (Team #1) has released all remaining items from their world.");
        assertThat(h.prints("a")).hasSize(3).allMatch(p -> p.type().name().equals("ItemSend"));
        assertThat(h.prints("b")).hasSize(3);
        assertThat(h.next("a")).contains("\"cmd\":\"ReceivedItems\",\"index\":1,", "\"item\":1002");
        assertThat(h.next("b")).contains("\"cmd\":\"ReceivedItems\",\"index\":0,", "\"item\":3001", "\"item\":3002");
        assertThat(h.next("a")).isEqualTo("[{\"cmd\":\"RoomUpdate\",\"hint_points\":3,\"checked_locations\":[2001,2002,2003]}]");
        assertThat(h.next("a")).isEqualTo("[{\"cmd\":\"RoomUpdate\",\"checked_locations\":[2001,2002,2003]}]");
        // a repeat re-broadcasts and re-sends the full list
        h.say("a", "!release", "a", "b");
        assertThat(h.text("a", "Release")).contains("has released");
        assertThat(h.text("b", "Release")).contains("has released");
        assertThat(h.next("a")).isEqualTo("[{\"cmd\":\"RoomUpdate\",\"checked_locations\":[2001,2002,2003]}]");
        h.console("/forbid_release Alice");
        assertThat(h.console).containsExactly("Player Alice has to follow the server restrictions on use of the !release command.");
        h.say("a", "!release", "a", "b");
        assertThat(h.text("a")).contains("has been disabled");
    }

    @Test
    void releaseInGoalModeNeedsTheGoal() {
        with(RoomHarness.pebbleOptions().with("release_mode", "goal").with("collect_mode", "goal"));
        h.say("b", "!release", "a", "b");
        assertThat(h.text("b")).isEqualTo("Sorry, client item releasing requires you to have beaten the game on this server. "
                + "You can ask the server admin for a /release");
        h.say("b", "!collect", "a", "b");
        assertThat(h.text("b")).isEqualTo("Sorry, client collecting requires you to have beaten the game on this server. "
                + "You can ask the server admin for a /collect");
        // goal mode: no automatic release or collect
        h.send("b", "[{\"cmd\":\"StatusUpdate\",\"status\":30}]");
        assertThat(h.text("a", "Goal")).isEqualTo("Bob (Team #1) has completed their goal.");
        assertThat(h.text("b", "Goal")).isEqualTo("Bob (Team #1) has completed their goal.");
        h.say("b", "!collect", "a", "b");
        assertThat(h.text("a", "Collect")).isEqualTo("Bob (Team #1) has collected their items from other worlds.");
        assertThat(h.text("b", "Collect")).isEqualTo("Bob (Team #1) has collected their items from other worlds.");
        // Alice's 2001 and 2003 hold Bob's items: checked as if Alice found them
        assertThat(h.prints("a")).extracting(p -> p.item().location()).containsExactly(2001L, 2003L);
        assertThat(h.prints("b")).hasSize(2);
        assertThat(h.next("b")).contains("\"cmd\":\"ReceivedItems\"");
        assertThat(h.next("a")).isEqualTo("[{\"cmd\":\"RoomUpdate\",\"hint_points\":2,\"checked_locations\":[2001,2003]}]");
        assertThat(h.next("a")).isEqualTo("[{\"cmd\":\"RoomUpdate\",\"checked_locations\":[2001,2003]}]");
        assertThat(h.room.checkedLocations(1)).containsExactly(2001L, 2003L);
    }

    @Test
    void collectDisabledAndEnabled() {
        with(RoomHarness.pebbleOptions().with("collect_mode", "disabled"));
        h.say("a", "!collect", "a", "b");
        assertThat(h.text("a")).isEqualTo("Sorry, client collecting has been disabled on this server. "
                + "You can ask the server admin for a /collect");
        h.console("/option collect_mode enabled");
        assertThat(h.console).containsExactly("Set option collect_mode to enabled");
        assertThat(h.next("a")).isEqualTo("[{\"cmd\":\"RoomUpdate\",\"permissions\":{\"release\":6,\"remaining\":2,\"collect\":1}}]");
        assertThat(h.next("b")).isEqualTo("[{\"cmd\":\"RoomUpdate\",\"permissions\":{\"release\":6,\"remaining\":2,\"collect\":1}}]");
        h.say("a", "!collect", "a", "b");
        assertThat(h.text("a", "Collect")).isEqualTo("Alice (Team #1) has collected their items from other worlds.");
        h.drain("a");
        h.drain("b");
        assertThat(h.room.checkedLocations(2)).containsExactly(4001L, 4002L, 4003L);
        assertThat(h.room.checkedLocations(1)).containsExactly(2002L); // her own Blue Pebble is hers too
    }

    @Test
    void remainingFollowsItsMode() {
        bothIn();
        h.say("a", "!remaining", "a", "b");
        assertThat(h.text("a")).isEqualTo("Sorry, !remaining requires you to have beaten the game on this server");
        h.console("/option remaining_mode disabled");
        h.drain("a");
        h.drain("b");
        h.say("a", "!remaining", "a", "b");
        assertThat(h.text("a")).isEqualTo("Sorry, !remaining has been disabled on this server.");
        h.console("/option remaining_mode enabled");
        h.drain("a");
        h.drain("b");
        h.say("a", "!remaining", "a", "b");
        // sorted by receiver, then item; each named in the receiver's game
        assertThat(h.text("a")).isEqualTo("Remaining items: Blue Pebble, Lantern Oil, Wick");
        h.send("a", "[{\"cmd\":\"LocationChecks\",\"locations\":[2001,2002,2003]}]");
        h.drain("a");
        h.drain("b");
        h.say("a", "!remaining", "a", "b");
        assertThat(h.text("a")).isEqualTo("No remaining items found.");
    }

    @Test
    void missingAndCheckedWithFilters() {
        bothIn();
        h.say("a", "!checked", "a", "b");
        assertThat(h.text("a")).isEqualTo("No done location checks found.");
        h.send("a", "[{\"cmd\":\"LocationChecks\",\"locations\":[2002]}]");
        h.drain("a");
        h.drain("b");
        h.say("a", "!missing", "a", "b");
        assertThat(h.prints("a")).extracting(RoomHarness::text)
                .containsExactly("Missing: Pebble Cave", "Missing: Pebble Lake", "Found 2 missing location checks");
        h.say("a", "!checked", "a", "b");
        assertThat(h.prints("a")).extracting(RoomHarness::text).containsExactly("Checked: Pebble Hill", "Found 1 done location checks");
        h.say("a", "!missing Outdoors", "a", "b"); // a location group name
        assertThat(h.prints("a")).extracting(RoomHarness::text)
                .containsExactly("Missing: Pebble Lake", "Found 2 missing location checks, displaying 1 of them.");
        h.say("a", "!missing  Cave", "a", "b"); // a case-sensitive substring
        assertThat(h.prints("a")).extracting(RoomHarness::text)
                .containsExactly("Missing: Pebble Cave", "Found 2 missing location checks, displaying 1 of them.");
        h.say("a", "!missing cave", "a", "b");
        assertThat(h.prints("a")).extracting(RoomHarness::text).containsExactly("Found 2 missing location checks, displaying 0 of them.");
        h.send("b", "[{\"cmd\":\"LocationChecks\",\"locations\":[4001,4002,4003]}]");
        h.drain("a");
        h.drain("b");
        h.say("b", "!missing", "a", "b");
        assertThat(h.text("b")).isEqualTo("No missing location checks found.");
    }

    @Test
    void aliasesAreCutThenStrippedAndShownToTheTeam() {
        bothIn();
        h.say("a", "!alias  Pebble Queen of the North", "a", "b");
        assertThat(h.text("a")).isEqualTo("Hello, Pebble Queen of");
        assertThat(h.next("a")).contains("\"cmd\":\"RoomUpdate\",\"players\":[", "\"alias\":\"Pebble Queen of (Alice)\"");
        assertThat(h.next("b")).contains("\"alias\":\"Pebble Queen of (Alice)\"");
        h.say("a", "hi");
        PrintJsonPacket chat = h.print("b");
        assertThat(RoomHarness.text(chat)).isEqualTo("Pebble Queen of (Alice): hi");
        h.drain("a");
        assertThat(h.room.alias(TeamSlot.of(1))).contains("Pebble Queen of");
        h.say("a", "!alias", "a", "b");
        assertThat(h.text("a")).isEqualTo("Removed Alias");
        assertThat(h.next("a")).contains("\"alias\":\"Alice\"");
        assertThat(h.next("b")).contains("\"alias\":\"Alice\"");
        h.say("a", "!alias", "a", "b");
        h.nothingFor("a");
        assertThat(h.room.alias(TeamSlot.of(1))).isEqualTo(Optional.empty());
    }

    @Test
    void getItemOnlyWithTheCheatOn() {
        bothIn();
        h.say("a", "!getitem Red Pebble", "a", "b");
        assertThat(h.text("a")).isEqualTo("Cheating is disabled.");
        h.say("a", "!getitem", "a", "b");
        assertThat(h.text("a")).isEqualTo("TypeError: ClientMessageProcessor._cmd_getitem() missing 1 required positional argument: "
                + "'item_name'");
        h.console("/option item_cheat on");
        assertThat(h.console).containsExactly("Set option item_cheat to True");
        h.say("a", "!getitem red pebl", "a", "b");
        PrintJsonPacket cheat = h.print("a");
        assertThat(RoomHarness.text(cheat)).isEqualTo("Cheat console: sending \"Red Pebble\" to Alice");
        assertThat(cheat.type().name()).isEqualTo("ItemCheat");
        assertThat(cheat.receiving()).isEqualTo(1);
        assertThat(cheat.team()).isEqualTo(0);
        assertThat(cheat.item().item()).isEqualTo(1001);
        assertThat(h.text("b", "ItemCheat")).isEqualTo("Cheat console: sending \"Red Pebble\" to Alice");
        assertThat(h.next("a")).isEqualTo("[{\"cmd\":\"ReceivedItems\",\"index\":1,\"items\":[{\"item\":1001,\"location\":-1,"
                + "\"player\":1,\"flags\":0,\"class\":\"NetworkItem\"}]}]");
        h.say("a", "!getitem zzzzzzzz", "a", "b");
        assertThat(h.text("a")).startsWith("Didn't find something that closely matches 'zzzzzzzz', did you mean '");
    }

    @Test
    void hintsCostPointsOnePaidHintPerCommand() {
        bothIn();
        h.say("a", "!hint", "a", "b");
        assertThat(h.text("a")).isEqualTo("A hint costs 1 points. You have 0 points.");
        h.say("a", "!hint Golden Key", "a", "b");
        assertThat(h.text("a")).isEqualTo("You can't afford the hint. You have 0 points and need at least 1.");
        h.send("a", "[{\"cmd\":\"SetNotify\",\"keys\":[\"_read_hints_0_1\"]}]");
        h.send("a", "[{\"cmd\":\"LocationChecks\",\"locations\":[2002]}]");
        h.drain("a");
        h.drain("b");
        h.say("a", "!hint golden key", "a", "b");
        // the reference's on_new_hint: the _read_hints SetReply, then RoomUpdate {hint_points}; then the Hint messages
        assertThat(h.next("a")).startsWith("[{\"cmd\":\"SetReply\",\"key\":\"_read_hints_0_1\",\"value\":[{\"receiving_player\":1,"
                + "\"finding_player\":2,\"location\":4001,\"item\":1003,\"found\":false,\"entrance\":\"\",\"item_flags\":1,\"status\":30");
        assertThat(h.next("a")).isEqualTo("[{\"cmd\":\"RoomUpdate\",\"hint_points\":0}]");
        assertThat(h.next("b")).isEqualTo("[{\"cmd\":\"RoomUpdate\",\"hint_points\":0}]");
        assertThat(h.text("a", "Hint")).isEqualTo("[Hint]: 1's 1003 is at 4001 in 2's World. (priority)");
        assertThat(h.text("b", "Hint")).isEqualTo("[Hint]: 1's 1003 is at 4001 in 2's World. (priority)");
        assertThat(h.room.hintPoints(1)).isZero();
        h.say("a", "!hint 1003", "a", "b");
        assertThat(h.text("a", "Hint")).contains("(priority)");
        assertThat(h.text("b", "Hint")).contains("(priority)");
        assertThat(h.text("a")).isEqualTo("Hint was previously used, no points deducted.");
        // a group: Blue Pebble was found (shown, free, not stored), Red Pebble cannot be paid for
        h.say("a", "!hint Pebbles", "a", "b");
        assertThat(h.text("a", "Hint")).isEqualTo("[Hint]: 1's 1002 is at 2002 in 1's World. (found)");
        assertThat(h.text("a")).isEqualTo("There may be more hintables, however, you cannot afford to pay for any more.  "
                + "You have 0 and need at least 1.");
        h.say("a", "!hint_location Pebble Lake", "a", "b");
        assertThat(h.text("a")).isEqualTo("You can't afford the hint. You have 0 points and need at least 1.");
        h.say("a", "!hint Xylophone Quartet", "a", "b");
        assertThat(h.text("a")).startsWith("Didn't find something that closely matches 'Xylophone Quartet', did you mean '");
        assertThat(h.room.hints(1)).hasSize(1);
        h.say("a", "!hint", "a", "b");
        assertThat(h.text("a", "Hint")).contains("4001");
        assertThat(h.text("a")).isEqualTo("A hint costs 1 points. You have 0 points.");
    }

    @Test
    void freeHintsAndLocationHints() {
        with(RoomHarness.pebbleOptions().with("hint_cost", 0));
        h.say("a", "!hint_location pebble lake", "a", "b");
        assertThat(h.next("a")).isEqualTo("[{\"cmd\":\"RoomUpdate\",\"hint_points\":0}]");
        assertThat(h.next("b")).isEqualTo("[{\"cmd\":\"RoomUpdate\",\"hint_points\":0}]");
        assertThat(h.text("a", "Hint")).isEqualTo("[Hint]: 2's 3002 is at 2003 in 1's World. (unspecified)");
        assertThat(h.text("b", "Hint")).isEqualTo("[Hint]: 2's 3002 is at 2003 in 1's World. (unspecified)");
        h.say("a", "!hint Everything", "a", "b"); // the automatic group: every item of Pebble Quest for Alice
        h.drain("a");
        h.drain("b");
        assertThat(h.room.hints(1)).extracting(x -> x.location()).containsExactlyInAnyOrder(2003L, 4001L, 4002L, 4003L, 2002L);
        assertThat(h.room.hints(1).stream().filter(x -> x.location() == 4003L).findFirst().orElseThrow().status().value())
                .isEqualTo(20); // a trap: avoid
        h.say("a", "!hint 99999", "a", "b");
        assertThat(h.text("a")).isEqualTo("Nothing found for recognized item name \"None\". Item appears to not exist in this multiworld.");
        h.say("a", "!hint_location 2001", "a", "b");
        h.drain("a");
        h.drain("b");
        assertThat(h.room.hints(2)).extracting(x -> x.location()).contains(2001L);
    }

    @Test
    void countdownRunsOnTheRoomClock() {
        bothIn();
        h.say("a", "!countdown 2", "a", "b");
        PrintJsonPacket start = h.print("b");
        assertThat(RoomHarness.text(start)).isEqualTo("[Server]: Starting countdown of 2s");
        assertThat(start.type().name()).isEqualTo("Countdown");
        assertThat(start.countdown()).isEqualTo(2);
        assertThat(h.text("a", "Countdown")).isEqualTo("[Server]: Starting countdown of 2s");
        assertThat(h.text("a", "Countdown")).isEqualTo("[Server]: 2");
        assertThat(h.text("b", "Countdown")).isEqualTo("[Server]: 2");
        java.time.Instant deadline = h.room.nextDeadline().orElseThrow();
        h.record(h.room.onTimeout(deadline.minusMillis(1))); // too early: nothing
        h.nothingFor("a");
        h.record(h.room.onTimeout(deadline));
        assertThat(h.text("a", "Countdown")).isEqualTo("[Server]: 1");
        h.drain("b");
        h.record(h.room.onTimeout(deadline.plus(Duration.ofSeconds(1))));
        PrintJsonPacket go = h.print("a");
        assertThat(RoomHarness.text(go)).isEqualTo("[Server]: GO");
        assertThat(go.countdown()).isZero();
        h.drain("b");
        assertThat(h.room.nextDeadline()).isEmpty();
        h.say("a", "!countdown 4000", "a", "b");
        assertThat(h.text("a")).isEqualTo("ValueError: 4000 is invalid. Maximum is 1 hour.");
        h.console("/option countdown_mode disabled");
        h.say("a", "!countdown", "a", "b");
        assertThat(h.text("a")).isEqualTo("Sorry, client countdowns have been disabled on this server. "
                + "You can ask the server admin for a /countdown");
    }

    @Test
    void adminNeedsTheServerPasswordAndNeverEchoesIt() {
        bothIn();
        h.say("a", "!admin login x");
        assertThat(h.text("b", "Chat")).matches("Alice: !admin login \\*{4,16}");
        h.drain("a");
        // the reference's output order: the masked Chat, then the refusal
        h.say("a", "!admin");
        h.drain("b");
        h.next("a");
        assertThat(h.text("a")).isEqualTo("Sorry, Remote administration is disabled");
        h.drain("a");

        with(RoomHarness.pebbleOptions().with("server_password", "s3cret"));
        h.say("a", "!admin", "a", "b");
        assertThat(h.text("a")).isEqualTo("Usage: !admin login [password]");
        h.say("a", "!admin /players", "a", "b");
        assertThat(h.text("a")).isEqualTo("You must first login using !admin login [password]");
        h.say("a", "!admin login wrong", "a", "b");
        assertThat(h.text("a")).isEqualTo("Password incorrect.");
        // the reference echoes these two verbatim, password included; here they are masked
        h.say("a", " !admin login s3cret");
        assertThat(h.text("b", "Chat")).matches("Alice: !admin login \\*{4,16}");
        h.next("a");
        assertThat(h.text("a")).isEqualTo("Login successful. You can now issue server side commands.");
        h.say("a", "!ADMIN /option server_password hunter2");
        assertThat(h.text("b", "Chat")).matches("Alice: !admin /option server_password \\*{4,16}");
        h.next("a");
        assertThat(h.text("a", "AdminCommandResult")).isEqualTo("Set option server_password to hunter2");
        h.say("a", "!admin", "a", "b");
        assertThat(h.text("a")).isEqualTo("Usage: !admin [Server command].\nUse !admin /help for help.\n"
                + "Use !admin logout to log out of the current session.");
        h.say("a", "!admin /players", "a", "b");
        assertThat(h.text("a", "AdminCommandResult")).isEqualTo("2 players of 2 connected :: Team #1: Alice Bob");
        // console output is mirrored to the logged-in admin
        h.console("/players");
        assertThat(h.text("a", "AdminCommandResult")).isEqualTo("2 players of 2 connected :: Team #1: Alice Bob");
        h.say("a", "!admin good luck all", "a", "b"); // no slash: everyone sees it as the server
        assertThat(h.text("a", "ServerChat")).isEqualTo("[Server]: good luck all");
        assertThat(h.text("b", "ServerChat")).isEqualTo("[Server]: good luck all");
        h.say("a", "!admin logout", "a", "b");
        assertThat(h.text("a")).isEqualTo("Logout successful. You can no longer issue server side commands.");
        h.console("/players");
        h.nothingFor("a");
        assertThat(h.room.options().serverPassword()).isEqualTo("hunter2");
        // nothing ever sent to Bob named either password
        assertThat(h.frames.getOrDefault("b", new java.util.ArrayDeque<>())).noneMatch(f -> f.contains("s3cret"));
    }

    @Test
    void goalIsFinalAndAnnouncesTheTeam() {
        with(RoomHarness.pebbleOptions().with("release_mode", "disabled").with("collect_mode", "disabled"));
        h.send("a", "[{\"cmd\":\"StatusUpdate\",\"status\":30}]");
        assertThat(h.text("a", "Goal")).isEqualTo("Alice (Team #1) has completed their goal.");
        assertThat(h.text("b", "Goal")).isEqualTo("Alice (Team #1) has completed their goal.");
        h.send("b", "[{\"cmd\":\"StatusUpdate\",\"status\":30}]");
        assertThat(h.text("a", "Goal")).isEqualTo("Bob (Team #1) has completed their goal.");
        assertThat(h.text("b", "Goal")).isEqualTo("Bob (Team #1) has completed their goal.");
        assertThat(h.text("a", null)).isEqualTo("Team #1 has completed all of their games! Congratulations!");
        assertThat(h.text("b", null)).isEqualTo("Team #1 has completed all of their games! Congratulations!");
        assertThat(h.room.clientStatus(2)).isEqualTo(ClientStatus.GOAL);
        assertThat(List.of(h.room.checkedLocations(1).size(), h.room.checkedLocations(2).size())).containsExactly(0, 0);
    }

    @Test
    void aCountdownStartedWhileOneRunsOnlyResetsTheCounter() {
        bothIn();
        h.say("a", "!countdown 5", "a", "b");
        h.drain("a");
        h.drain("b");
        java.time.Instant first = h.room.nextDeadline().orElseThrow();
        h.say("b", "!countdown 2", "a", "b");
        assertThat(h.text("a", "Countdown")).isEqualTo("[Server]: Starting countdown of 2s");
        assertThat(h.text("b", "Countdown")).isEqualTo("[Server]: Starting countdown of 2s");
        assertThat(h.room.nextDeadline()).contains(first); // the running one goes on, from 2
        h.record(h.room.onTimeout(first));
        assertThat(h.text("a", "Countdown")).isEqualTo("[Server]: 2");
        h.drain("b");
    }

    @Test
    void compatibilityZeroWantsTheServerVersionExactly() {
        h = RoomHarness.pebble(RoomHarness.pebbleOptions().with("compatibility", 0));
        h.open("x");
        h.send("x", "[{\"cmd\":\"Connect\",\"password\":\"sesame\",\"game\":\"Pebble Quest\",\"name\":\"Alice\",\"uuid\":\"u\","
                + "\"version\":{\"major\":0,\"minor\":6,\"build\":1,\"class\":\"Version\"},\"items_handling\":7,\"tags\":[]}]");
        assertThat(h.next("x")).isEqualTo("[{\"cmd\":\"ConnectionRefused\",\"errors\":[\"IncompatibleVersion\"]}]");
    }
}
