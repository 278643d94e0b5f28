package dev.apwire.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apwire.codec.ArchipelagoCodec;
import dev.apwire.codec.Decoded;
import dev.apwire.protocol.ClientStatus;
import dev.apwire.protocol.client.ClientPacket;
import dev.apwire.protocol.server.ServerPacket;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Conversations with the demo room on a virtual clock, through the codec, compared with the reference server's
 * captured frames ({@code spec/frames}, copied to the test resources). Every frame the room sends must be taken
 * by the test: leftovers fail it.
 */
class ArchipelagoRoomTest {

    private static final ArchipelagoCodec CODEC = ArchipelagoCodec.create();
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private static final String ALICE_LOGIN = "[{\"cmd\":\"Connect\",\"password\":\"sesame\",\"game\":\"Pebble Quest\","
            + "\"name\":\"Alice\",\"uuid\":\"u1\",\"version\":{\"major\":0,\"minor\":6,\"build\":3,\"class\":\"Version\"},"
            + "\"items_handling\":7,\"tags\":[\"DeathLink\"],\"slot_data\":true}]";
    private static final String BOB_LOGIN = "[{\"cmd\":\"Connect\",\"password\":\"sesame\",\"game\":\"Lantern Run\","
            + "\"name\":\"Bob\",\"uuid\":\"u2\",\"version\":{\"major\":0,\"minor\":6,\"build\":3,\"class\":\"Version\"},"
            + "\"items_handling\":7,\"tags\":[]}]";

    private final ArchipelagoRoom<String> room = new ArchipelagoRoom<>(DemoMultiworld.create());
    private Instant now = Instant.ofEpochSecond(1_795_462_051, 946_037_800);
    private final Map<String, Deque<String>> frames = new HashMap<>();
    private final List<String> closed = new ArrayList<>();

    @AfterEach
    void nothingLeftOver() throws Exception {
        frames.forEach((conn, queue) -> assertThat(queue).as("frames left for " + conn).isEmpty());
        assertThat(closed).as("closes left").isEmpty();
    }

    // ------------------------------------------------------------------ harness

    private void record(RoomStep<String> step) {
        for (RoomAction<String> a : step.actions()) {
            if (a instanceof RoomDelivery) {
                RoomDelivery<String> d = (RoomDelivery<String>) a;
                frames.computeIfAbsent(d.connection(), k -> new ArrayDeque<>()).add(CODEC.encodeServerFrame(d.frame()));
            } else {
                closed.add(a.connection());
            }
        }
        now = now.plus(Duration.ofMillis(10));
    }

    private void open(String conn) {
        record(room.open(conn, now));
    }

    private void send(String conn, String frame) throws Exception {
        for (Decoded<ClientPacket> d : CODEC.decodeClientFrame(frame)) {
            if (d instanceof Decoded.Ok) {
                record(room.receive(conn, ((Decoded.Ok<ClientPacket>) d).packet(), now));
            } else {
                Decoded.Problem<ClientPacket> p = (Decoded.Problem<ClientPacket>) d;
                record(room.receiveInvalid(conn, p.invalidPacket(), p.fatal(), now));
            }
        }
    }

    private String next(String conn) {
        Deque<String> q = frames.get(conn);
        assertThat(q).as("a frame for " + conn).isNotNull().isNotEmpty();
        return Objects.requireNonNull(q).poll();
    }

    private void nothingFor(String conn) {
        assertThat(frames.getOrDefault(conn, new ArrayDeque<>())).as("frames for " + conn).isEmpty();
    }

    private static String frame(String name) {
        try (InputStream in = ArchipelagoRoomTest.class.getResourceAsStream("/frames/" + name)) {
            return new String(Objects.requireNonNull(in, name).readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode tree(String json) {
        return JSON.readTree(json);
    }

    private static void assertJsonEquals(String actual, String expected) {
        assertThat(tree(actual)).as(actual).isEqualTo(tree(expected));
    }

    /** Logs in Alice (as frame 05/07) and Bob (as frame 06), taking every frame they cause. */
    private void bothLoggedIn() throws Exception {
        open("a");
        next("a");
        send("a", ALICE_LOGIN);
        next("a");
        next("a");
        next("a");
        open("b");
        next("b");
        send("b", BOB_LOGIN);
        assertThat(next("b")).isEqualTo(frame("06-Connected-Bob-no-items.json"));
        assertThat(next("a")).contains("Bob (Team #1) playing Lantern Run has joined. Client(0.6.3), [].");
        assertThat(next("b")).contains("\"type\":\"Join\"");
        assertThat(next("b")).contains("\"type\":\"Tutorial\"");
    }

    // ------------------------------------------------------------------ login

    @Test
    void roomInfoRefusalThenLoginAsTheReferenceSendsIt() throws Exception {
        open("a");
        ObjectNode expected = (ObjectNode) tree(frame("01-RoomInfo.json")).get(0);
        expected.remove("dynamic_checksums"); // a branch feature of the reference, not modelled
        ObjectNode roomInfo = (ObjectNode) tree(next("a")).get(0);
        assertThat(roomInfo.get("time").asDouble()).isEqualTo(1_795_462_051.9460378);
        roomInfo.remove("time");
        expected.remove("time");
        assertThat(roomInfo).isEqualTo(expected);

        send("a", ALICE_LOGIN.replace("sesame", "nope"));
        assertThat(next("a")).isEqualTo(frame("04-ConnectionRefused-InvalidPassword.json"));

        send("a", ALICE_LOGIN);
        assertThat(next("a")).as("Connected + ReceivedItems in one frame, byte-equal")
                .isEqualTo(frame("05-Connected+ReceivedItems-Alice.json"));
        assertThat(next("a")).isEqualTo(frame("07-PrintJSON-Join.json"));
        assertThat(next("a")).contains("\"type\":\"Tutorial\"", "you can use !help");
        assertThat(room.clientStatus(1)).isEqualTo(ClientStatus.CONNECTED);

        // the same slot again: Connected again, no Join
        send("a", ALICE_LOGIN);
        assertThat(next("a")).isEqualTo(frame("05-Connected+ReceivedItems-Alice.json"));
        // another slot on the same socket: a deviation, InvalidPacket instead of a close
        send("a", BOB_LOGIN);
        assertThat(next("a")).contains("\"cmd\":\"InvalidPacket\"", "open a new connection");
    }

    @Test
    void refusalsComeInAFixedOrder() throws Exception {
        open("a");
        next("a");
        send("a", "[{\"cmd\":\"Connect\",\"password\":\"x\",\"game\":\"Lantern Run\",\"name\":\"Alice\",\"uuid\":\"u\","
                + "\"version\":{\"major\":0,\"minor\":4,\"build\":0,\"class\":\"Version\"},\"items_handling\":2,\"tags\":[]}]");
        assertThat(next("a")).isEqualTo("[{\"cmd\":\"ConnectionRefused\",\"errors\":[\"InvalidPassword\",\"InvalidGame\","
                + "\"IncompatibleVersion\",\"InvalidItemsHandling\"]}]");
        send("a", "[{\"cmd\":\"Connect\",\"password\":\"sesame\",\"game\":\"\",\"name\":\"Nobody\",\"uuid\":\"u\","
                + "\"version\":{\"major\":0,\"minor\":6,\"build\":2,\"class\":\"Version\"},\"items_handling\":7,\"tags\":[]}]");
        assertThat(next("a")).isEqualTo("[{\"cmd\":\"ConnectionRefused\",\"errors\":[\"InvalidSlot\"]}]");
        // a TextOnly client may leave the game empty; items_handling 0: no ReceivedItems; no slot_data when false
        send("a", "[{\"cmd\":\"Connect\",\"password\":\"sesame\",\"game\":\"\",\"name\":\"Alice\",\"uuid\":\"u\","
                + "\"version\":{\"major\":0,\"minor\":6,\"build\":2,\"class\":\"Version\"},\"items_handling\":0,"
                + "\"tags\":[\"TextOnly\"],\"slot_data\":false}]");
        String connected = next("a");
        assertThat(tree(connected)).hasSize(1);
        assertThat(tree(connected).get(0).has("slot_data")).isFalse();
        assertThat(next("a")).contains("Alice (Team #1) viewing Pebble Quest has joined. Client(0.6.2), ['TextOnly'].");
        next("a"); // Tutorial
        send("a", "[{\"cmd\":\"LocationChecks\",\"locations\":[2001]}]");
        assertThat(next("a")).isEqualTo("[{\"cmd\":\"InvalidPacket\",\"type\":\"cmd\",\"original_cmd\":\"LocationChecks\","
                + "\"text\":\"Trackers can't register new Location Checks\"}]");
        // ConnectUpdate to 0b101: starting inventory only (nothing from others yet)
        send("a", "[{\"cmd\":\"ConnectUpdate\",\"items_handling\":5}]");
        assertJsonEquals(next("a"), "[{\"cmd\":\"ReceivedItems\",\"index\":0,\"items\":[{\"item\":1001,\"location\":-2,"
                + "\"player\":0,\"flags\":0,\"class\":\"NetworkItem\"}]}]");
    }

    @Test
    void beforeLoginOnlyConnectAndGetDataPackageAreAnswered() throws Exception {
        open("c");
        next("c");
        send("c", "[{\"cmd\":\"Get\",\"keys\":[\"a\"]},{\"cmd\":\"Say\",\"text\":\"hi\"},{\"cmd\":\"Sync\"},"
                + "{\"cmd\":\"LocationChecks\",\"locations\":[2001]},{\"cmd\":\"Get\"},{\"cmd\":\"NoSuchCommand\"}]");
        nothingFor("c");
        send("c", "[{\"cmd\":\"GetDataPackage\",\"games\":[\"Pebble Quest\"]}]");
        ObjectNode one = (ObjectNode) tree(frame("02-DataPackage-one-game.json")).get(0);
        ((ObjectNode) one.get("data")).remove("dynamic");
        assertThat(tree(next("c")).get(0)).isEqualTo(one);
        send("c", "[{\"cmd\":\"GetDataPackage\"}]");
        ObjectNode all = (ObjectNode) tree(frame("03-DataPackage-all-games.json")).get(0);
        ((ObjectNode) all.get("data")).remove("dynamic");
        assertThat(tree(next("c")).get(0)).isEqualTo(all);
    }

    // ------------------------------------------------------------------ the game

    @Test
    void aCheckSendsTheItemTheMessageAndTheRoomUpdate() throws Exception {
        bothLoggedIn();
        send("b", "[{\"cmd\":\"LocationChecks\",\"locations\":[4001, 4001, 9999]}]");
        assertThat(next("a")).isEqualTo(frame("08-PrintJSON-ItemSend-seen-by-receiver.json"));
        assertThat(next("b")).isEqualTo(frame("10-PrintJSON-ItemSend-seen-by-finder.json"));
        assertThat(next("a")).isEqualTo(frame("09-ReceivedItems-delta.json"));
        assertThat(next("b")).isEqualTo(frame("11-RoomUpdate-after-check.json"));
        assertThat(room.hintPoints(2)).isEqualTo(1);

        // already checked or unknown: nothing at all
        send("b", "[{\"cmd\":\"LocationChecks\",\"locations\":[4001, 9999]}]");
        nothingFor("a");
        nothingFor("b");

        // Sync: the full list again
        send("a", "[{\"cmd\":\"Sync\"}]");
        assertThat(tree(next("a")).get(0).get("items")).hasSize(2);

        // a socket reconnecting later gets the full list at index 0
        open("a2");
        next("a2");
        send("a2", ALICE_LOGIN);
        assertJsonEquals(CODEC.encodeServerFrame(List.of(decodeFirst(next("a2"), 1))),
                "[{\"cmd\":\"ReceivedItems\",\"index\":0,\"items\":[{\"item\":1001,\"location\":-2,\"player\":0,\"flags\":0,"
                        + "\"class\":\"NetworkItem\"},{\"item\":1003,\"location\":4001,\"player\":2,\"flags\":1,"
                        + "\"class\":\"NetworkItem\"}]}]");
        next("a"); // Join of the second socket
        next("b");
        next("a2");
        next("a2"); // Tutorial
    }

    @Test
    void ownFindsSayFoundTheirAndReachEverySocketOfTheSlot() throws Exception {
        bothLoggedIn();
        open("a2");
        next("a2");
        send("a2", ALICE_LOGIN.replace("[\"DeathLink\"]", "[\"NoText\"]"));
        next("a2"); // Connected + ReceivedItems; no Join or Tutorial for a NoText socket (server-features.md §10)
        next("a"); // Join of the second socket for the first one
        next("b");
        send("a", "[{\"cmd\":\"LocationChecks\",\"locations\":[2002]}]");
        assertThat(next("a")).isEqualTo("[{\"cmd\":\"PrintJSON\",\"data\":[{\"text\":\"1\",\"type\":\"player_id\"},"
                + "{\"text\":\" found their \"},{\"text\":\"1002\",\"player\":1,\"flags\":0,\"type\":\"item_id\"},"
                + "{\"text\":\" (\"},{\"text\":\"2002\",\"player\":1,\"type\":\"location_id\"},{\"text\":\")\"}],"
                + "\"type\":\"ItemSend\",\"receiving\":1,\"item\":{\"item\":1002,\"location\":2002,\"player\":1,\"flags\":0,"
                + "\"class\":\"NetworkItem\"}}]");
        next("b"); // the same ItemSend; not to the NoText socket
        assertThat(next("a")).contains("\"index\":1", "\"item\":1002");
        assertThat(next("a2")).contains("\"index\":1", "\"item\":1002");
        assertThat(next("a")).isEqualTo("[{\"cmd\":\"RoomUpdate\",\"hint_points\":1,\"checked_locations\":[2002]}]");
        assertThat(next("a2")).isEqualTo("[{\"cmd\":\"RoomUpdate\",\"hint_points\":1,\"checked_locations\":[2002]}]");
    }

    @Test
    void scoutsHintsAndStorageMatchTheReference() throws Exception {
        bothLoggedIn();
        send("b", "[{\"cmd\":\"LocationChecks\",\"locations\":[4001]}]");
        next("a");
        next("b");
        next("a");
        next("b");

        // LocationInfo in request order (frame 12); as hints: RoomUpdate {hint_points} and Hint messages
        send("a", "[{\"cmd\":\"LocationScouts\",\"locations\":[2001,2002],\"create_as_hint\":2}]");
        assertThat(next("a")).isEqualTo(frame("12-LocationInfo.json"));
        assertThat(next("a")).isEqualTo("[{\"cmd\":\"RoomUpdate\",\"hint_points\":0}]");
        assertThat(next("b")).isEqualTo("[{\"cmd\":\"RoomUpdate\",\"hint_points\":1}]");
        assertThat(tree(next("a"))).hasSize(2);
        assertThat(tree(next("b"))).hasSize(1);
        // again with create_as_hint 2: only new hints, so none; LocationInfo keeps duplicates
        send("a", "[{\"cmd\":\"LocationScouts\",\"locations\":[2001,2001],\"create_as_hint\":2}]");
        assertThat(tree(next("a")).get(0).get("locations")).hasSize(2);
        // an unknown location: InvalidPacket (deviation: the reference closes)
        send("a", "[{\"cmd\":\"LocationScouts\",\"locations\":[4001]}]");
        assertThat(next("a")).contains("\"original_cmd\":\"LocationScouts\"");

        // Set with extras (frame 14), Get with _read_ keys (frame 15)
        send("a", "[{\"cmd\":\"Set\",\"key\":\"frames_key\",\"default\":10,\"want_reply\":true,\"tag\":\"t1\","
                + "\"operations\":[{\"operation\":\"add\",\"value\":5},{\"operation\":\"mul\",\"value\":2}]}]");
        assertJsonEquals(next("a"), frame("14-SetReply.json"));
        send("a", "[{\"cmd\":\"Get\",\"keys\":[\"frames_key\",\"no_such_key\",\"_read_hints_0_1\",\"_read_client_status_0_1\","
                + "\"_read_slot_data_1\",\"_read_race_mode\",\"_read_item_name_groups_Pebble Quest\"],\"uuid\":\"abc\","
                + "\"extra\":[1,2]}]");
        assertJsonEquals(next("a"), frame("15-Retrieved.json"));
        send("a", "[{\"cmd\":\"Get\"}]");
        assertThat(next("a")).isEqualTo(frame("16-InvalidPacket-Get-without-keys.json"));
        send("a", "[{\"cmd\":\"Set\",\"key\":\"_read_race_mode\",\"operations\":[]}]");
        // frame 17 has the text "Set"; DataStore names the reason (its documented policy)
        assertThat(next("a")).startsWith("[{\"cmd\":\"InvalidPacket\",\"type\":\"arguments\",\"text\":\"Set: key "
                + "'_read_race_mode' is read-only").endsWith("\"original_cmd\":\"Set\"}]");

        // CreateHints on Pebble Lake with a subscription (frames 24, 23, 13)
        send("a", "[{\"cmd\":\"SetNotify\",\"keys\":[\"_read_hints_0_1\"]}]");
        send("a", "[{\"cmd\":\"CreateHints\",\"locations\":[2003]}]");
        // the reference's on_new_hint: the _read_hints SetReply, then RoomUpdate {hint_points}
        JsonNode notification = tree(next("a")).get(0);
        JsonNode expected = tree(frame("23-SetReply-read_hints-notification.json")).get(0);
        assertThat(notification.get("key")).isEqualTo(expected.get("key"));
        assertThat(new HashSet<>(notification.get("value").values()))
                .isEqualTo(new HashSet<>(expected.get("value").values()));
        assertThat(next("a")).isEqualTo(frame("24-RoomUpdate-hint_points-after-new-hint.json"));
        assertThat(next("b")).isEqualTo("[{\"cmd\":\"RoomUpdate\",\"hint_points\":1}]");
        assertThat(next("a")).isEqualTo(frame("13-PrintJSON-Hint.json"));
        assertThat(next("b")).isEqualTo(frame("13-PrintJSON-Hint.json"));

        // UpdateHint: only the receiver may; then the subscribers are told
        send("a", "[{\"cmd\":\"UpdateHint\",\"player\":1,\"location\":2003,\"status\":30}]");
        assertThat(next("a")).contains("UpdateHint: No Permission");
        send("b", "[{\"cmd\":\"UpdateHint\",\"player\":1,\"location\":2003,\"status\":40}]");
        assertThat(next("b")).contains("Cannot manually update status to \\\"HINT_FOUND\\\"");
        send("b", "[{\"cmd\":\"UpdateHint\",\"player\":1,\"location\":2003,\"status\":30}]");
        assertThat(next("a")).contains("\"key\":\"_read_hints_0_1\"", "\"status\":30");

        // checking a hinted location marks the hint found and notifies
        send("a", "[{\"cmd\":\"LocationChecks\",\"locations\":[2003]}]");
        next("a");
        next("b");
        assertThat(next("b")).contains("\"cmd\":\"ReceivedItems\"", "\"index\":0"); // Bob's first item
        assertThat(next("a")).contains("\"cmd\":\"RoomUpdate\"", "\"checked_locations\":[2003]");
        assertThat(next("a")).contains("\"key\":\"_read_hints_0_1\"", "\"location\":2003,\"item\":3002,\"found\":true");

        // CreateHints errors
        send("a", "[{\"cmd\":\"CreateHints\",\"locations\":[]}]");
        assertThat(next("a")).contains("\"original_cmd\":\"CreateHints\""); // the codec rejects it before the room
        send("a", "[{\"cmd\":\"CreateHints\",\"player\":2,\"locations\":[4002]}]");
        assertThat(next("a")).contains("\"key\":\"_read_hints_0_1\"", "\"location\":4002");
        assertThat(next("a")).isEqualTo("[{\"cmd\":\"RoomUpdate\",\"hint_points\":1}]");
        assertThat(next("b")).isEqualTo("[{\"cmd\":\"RoomUpdate\",\"hint_points\":1}]");
        assertThat(next("a")).contains("\"type\":\"Hint\"", "\"location\":4002");
        assertThat(next("b")).contains("\"type\":\"Hint\"", "\"location\":4002");
        assertThat(room.hints(2)).hasSize(3); // 2001, 2003 (Bob's items), and 4002: Alice's item at Bob's
        send("a", "[{\"cmd\":\"CreateHints\",\"player\":2,\"locations\":[4004]}]");
        assertThat(next("a")).contains("do not exist for the specified off-world player");
    }

    @Test
    void chatCommandsBounceStatusAndPart() throws Exception {
        bothLoggedIn();
        send("a", "[{\"cmd\":\"Say\",\"text\":\"hello\"}]");
        String chat = "[{\"cmd\":\"PrintJSON\",\"data\":[{\"text\":\"Alice: hello\"}],\"type\":\"Chat\",\"team\":0,\"slot\":1,"
                + "\"message\":\"hello\"}]";
        assertThat(next("a")).isEqualTo(chat);
        assertThat(next("b")).isEqualTo(chat);
        send("a", "[{\"cmd\":\"Say\",\"text\":\"!help\"}]");
        next("a");
        next("b");
        assertThat(next("a")).contains("\"type\":\"CommandResult\"", "!hint");
        send("a", "[{\"cmd\":\"Say\",\"text\":\"!frobnicate\"}]");
        next("a");
        next("b");
        assertThat(next("a")).contains("Could not find command frobnicate. Known commands: help, license, options, admin, players, "
                + "status, release, collect, countdown, remaining, missing, checked, alias, getitem, hint, hint_location\"");
        send("a", "[{\"cmd\":\"Say\",\"text\":\"two\\nlines\"}]");
        assertJsonEquals(next("a"), "[{\"cmd\":\"InvalidPacket\",\"type\":\"arguments\",\"original_cmd\":\"Say\","
                + "\"text\":\"Say\"}]");

        // Bounce to tag DeathLink: only Alice has the tag (frame 20); the sender does not match
        send("b", "[{\"cmd\":\"Bounce\",\"tags\":[\"DeathLink\"],\"games\":[],\"slots\":[],"
                + "\"data\":{\"time\":1700000000.5,\"source\":\"Bob\",\"cause\":\"fell\"}}]");
        assertJsonEquals(next("a"), frame("20-Bounced.json"));
        send("b", "[{\"cmd\":\"Bounce\",\"slots\":[2],\"data\":{}}]");
        assertThat(next("b")).contains("\"cmd\":\"Bounced\"");

        // an unknown command after login: no reply (frame 19); a bad cmd stays open (18); no cmd closes (21)
        send("a", "[{\"cmd\":\"NoSuchCommand\"}]");
        nothingFor("a");
        send("a", "[{\"cmd\":1}]");
        assertThat(next("a")).isEqualTo(frame("18-InvalidPacket-cmd-not-string.json"));

        // goal is announced to everyone and is final
        send("b", "[{\"cmd\":\"SetNotify\",\"keys\":[\"_read_client_status_0_2\"]}]");
        send("b", "[{\"cmd\":\"StatusUpdate\",\"status\":30}]");
        // the demo room's collect and release modes are "auto": goal collects, then releases (server-features.md §6.3)
        assertThat(next("a")).contains("Bob (Team #1) has completed their goal.", "\"type\":\"Goal\"");
        assertThat(next("a")).contains("Bob (Team #1) has collected their items from other worlds.", "\"type\":\"Collect\"");
        assertThat(next("a")).contains("\"type\":\"ItemSend\"", "\"location\":2001", "\"location\":2003");
        assertThat(next("a")).isEqualTo("[{\"cmd\":\"RoomUpdate\",\"hint_points\":2,\"checked_locations\":[2001,2003]}]");
        assertThat(next("a")).isEqualTo("[{\"cmd\":\"RoomUpdate\",\"checked_locations\":[2001,2003]}]");
        assertThat(next("a")).contains("Bob (Team #1) has released all remaining items from their world.",
                "\"type\":\"Release\"");
        assertThat(next("a")).contains("\"type\":\"ItemSend\"", "\"location\":4001", "\"location\":4002", "\"location\":4003");
        assertThat(next("a")).contains("\"cmd\":\"ReceivedItems\",\"index\":1,");
        assertThat(next("b")).contains("\"type\":\"Goal\"");
        assertThat(next("b")).contains("\"type\":\"Collect\"");
        assertThat(next("b")).contains("\"type\":\"ItemSend\"");
        assertThat(next("b")).contains("\"cmd\":\"ReceivedItems\",\"index\":0,", "\"item\":3001", "\"item\":3002");
        assertThat(next("b")).contains("\"type\":\"Release\"");
        assertThat(next("b")).contains("\"type\":\"ItemSend\"");
        assertThat(next("b")).isEqualTo("[{\"cmd\":\"RoomUpdate\",\"hint_points\":3,\"checked_locations\":[4001,4002,4003]}]");
        assertThat(next("b")).isEqualTo("[{\"cmd\":\"RoomUpdate\",\"checked_locations\":[4001,4002,4003]}]");
        assertThat(next("b")).isEqualTo("[{\"cmd\":\"SetReply\",\"key\":\"_read_client_status_0_2\",\"value\":30}]");
        send("b", "[{\"cmd\":\"StatusUpdate\",\"status\":20}]");
        nothingFor("b");
        assertThat(room.clientStatus(2)).isEqualTo(ClientStatus.GOAL);

        // Bob leaves (frame 22 text); his status stays GOAL
        record(room.close("b", now));
        assertJsonEquals(next("a"), frame("22-PrintJSON-Part.json"));
        assertThat(room.isOpen("b")).isFalse();

        send("a", "[{\"foo\":1}]");
        assertThat(next("a")).isEqualTo(frame("21-InvalidPacket-no-cmd-then-close.json"));
        assertThat(closed).containsExactly("a");
        closed.clear();
        assertThat(room.isOpen("a")).isFalse();
        record(room.close("a", now)); // the driver's close after the room's: a no-op
        assertThat(room.clientStatus(1)).isEqualTo(ClientStatus.UNKNOWN);
    }

    @Test
    void lenientRoomsKeepTheConnectionAfterAFatalProblem() throws Exception {
        ArchipelagoRoom<String> lenient = new ArchipelagoRoom<>(DemoMultiworld.create(),
                new RoomConfig(false, List.of("AP"), RoomConfig.DEFAULT.storageLimits()));
        lenient.open("x", now);
        Decoded.Problem<ClientPacket> p = (Decoded.Problem<ClientPacket>) CODEC.decodeClientFrame("[{\"foo\":1}]").get(0);
        RoomStep<String> step = lenient.receiveInvalid("x", p.invalidPacket(), p.fatal(), now);
        assertThat(step.actions()).hasSize(1).allMatch(a -> a instanceof RoomDelivery);
        assertThat(lenient.isOpen("x")).isTrue();
        assertThat(lenient.receiveMalformed("x", "not JSON", now).actions()).singleElement()
                .isEqualTo(new RoomClose<>("x", "not JSON"));
    }

    @Test
    void broadcastsShareOnePacketList() throws Exception {
        bothLoggedIn();
        RoomStep<String> step = room.receive("a", CODEC.decodeClientFrame("[{\"cmd\":\"Say\",\"text\":\"x\"}]").stream()
                .map(d -> ((Decoded.Ok<ClientPacket>) d).packet()).toList(), now);
        List<RoomDelivery<String>> d = step.deliveries();
        assertThat(d).hasSize(2);
        assertThat(d.get(0).frame()).isSameAs(d.get(1).frame());
    }

    private static ServerPacket decodeFirst(String frame, int index) throws Exception {
        return ((Decoded.Ok<ServerPacket>) CODEC.decodeServerFrame(frame).get(index)).packet();
    }
}
