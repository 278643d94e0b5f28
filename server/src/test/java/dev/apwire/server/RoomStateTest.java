package dev.apwire.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Snapshot, the save codec and restore: a restored room is the room that was saved. */
class RoomStateTest {

    /** Plays a little of everything that is saved. */
    private static RoomHarness played() {
        RoomHarness h = RoomHarness.pebble(RoomHarness.pebbleOptions().with("release_mode", "enabled"));
        h.login("a", "Alice", "Pebble Quest", "[]");
        h.login("b", "Bob", "Lantern Run", "[]", "a");
        h.send("a", "[{\"cmd\":\"LocationChecks\",\"locations\":[2002]}]");
        h.say("a", "!hint Golden Key");
        h.say("a", "!alias Queenie");
        h.send("b", "[{\"cmd\":\"Set\",\"key\":\"EnergyLink0\",\"default\":0,\"operations\":[{\"operation\":\"add\",\"value\":1.5}]}]");
        h.send("b", "[{\"cmd\":\"Set\",\"key\":\"big\",\"default\":0,\"operations\":[{\"operation\":\"add\",\"value\":"
                + "123456789012345678901234567890}]}]");
        h.send("b", "[{\"cmd\":\"StatusUpdate\",\"status\":20}]");
        h.send("a", "[{\"cmd\":\"CreateHints\",\"locations\":[2003],\"status\":10}]");
        h.console("/option hint_cost 25");
        h.console("/send Bob Wick");
        h.say("b", "!release");
        h.frames.clear();
        return h;
    }

    @Test
    void aSaveRoundTripsThroughTheCodecAndRestoresTheSameRoom() throws Exception {
        RoomHarness h = played();
        RoomState state = h.room.snapshot();
        assertThat(state.slots()).hasSize(2);
        byte[] bytes = RoomStateCodec.encode(state);
        assertThat(new String(bytes, StandardCharsets.UTF_8)).startsWith("{\"format\":\"apwire-room-save\",\"version\":1,");
        RoomState back = RoomStateCodec.decode(bytes);
        assertThat(back).isEqualTo(state);
        assertThat(RoomStateCodec.encode(back)).isEqualTo(bytes);

        ArchipelagoRoom<String> restored = ArchipelagoRoom.restore(RoomHarness.fixture("pebble.json"), RoomConfig.DEFAULT, back,
                new SplittableRandom(1));
        assertThat(restored.snapshot()).isEqualTo(state);
        assertThat(restored.options().hintCost()).isEqualTo(25);
        assertThat(restored.alias(TeamSlot.of(1))).contains("Queenie");
        assertThat(restored.checkedLocations(2)).containsExactly(4001L, 4002L, 4003L);
        assertThat(restored.receivedItems(1)).isEqualTo(h.room.receivedItems(1));
        assertThat(restored.hints(1)).isEqualTo(h.room.hints(1));
        assertThat(restored.hintPoints(1)).isEqualTo(h.room.hintPoints(1));
        assertThat(restored.clientStatus(2).value()).isEqualTo(20); // as Bob last said

        // a client logging in to the restored room sees the same progress it saw before
        RoomHarness r = new RoomHarness(restored);
        r.login("a", "Alice", "Pebble Quest", "[]");
        RoomHarness live = h;
        live.record(live.room.close("a", live.now));
        live.frames.clear();
        live.login("a", "Alice", "Pebble Quest", "[]");
        r.send("a", "[{\"cmd\":\"Sync\"}]");
        live.send("a", "[{\"cmd\":\"Sync\"}]");
        assertThat(r.next("a")).isEqualTo(live.next("a"));
        r.send("a", "[{\"cmd\":\"Get\",\"keys\":[\"EnergyLink0\",\"big\",\"_read_hints_0_1\"]}]");
        live.send("a", "[{\"cmd\":\"Get\",\"keys\":[\"EnergyLink0\",\"big\",\"_read_hints_0_1\"]}]");
        assertThat(r.next("a")).isEqualTo(live.next("a")).contains("\"EnergyLink0\":1.5", "123456789012345678901234567890");
    }

    @Test
    void groupsCollectedSurviveARestore() throws Exception {
        Multiworld linked = RoomHarness.fixture("linked.json");
        ArchipelagoRoom<String> room = new ArchipelagoRoom<>(linked, RoomConfig.DEFAULT, RoomOptions.of(linked),
                new SplittableRandom(1));
        room.collect(TeamSlot.of(1), java.time.Instant.EPOCH);
        RoomState state = RoomStateCodec.decode(RoomStateCodec.encode(room.snapshot()));
        assertThat(state.groupCollected()).containsEntry(5, java.util.List.of(1));
        ArchipelagoRoom<String> restored = ArchipelagoRoom.restore(linked, RoomConfig.DEFAULT, state, new SplittableRandom(1));
        restored.collect(TeamSlot.of(3), java.time.Instant.EPOCH);
        // Carol completes the group: its items (Bob's 4001, 4002, Alice's 2002) are collected too
        assertThat(restored.checkedLocations(2)).contains(4001L, 4002L);
        assertThat(restored.checkedLocations(1)).contains(2002L);
    }

    @Test
    void unreadableSavesAreTypedErrors() {
        assertThatThrownBy(() -> RoomStateCodec.decode("not json".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(RoomStateException.class).hasMessageStartingWith("not a room save");
        assertThatThrownBy(() -> RoomStateCodec.decode(new byte[] {(byte) 0x78, (byte) 0x9c, (byte) 0xff}))
                .isInstanceOf(RoomStateException.class).hasMessageContaining("not UTF-8");
        assertThatThrownBy(() -> RoomStateCodec.decode("{\"format\":\"other\"}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(RoomStateException.class).hasMessageContaining("apwire-room-save");
        assertThatThrownBy(() -> RoomStateCodec.decode("{\"format\":\"apwire-room-save\",\"version\":2}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(RoomStateException.class).hasMessageContaining("This savegame is newer than the server.");
        assertThatThrownBy(() -> RoomStateCodec.decode("{\"format\":\"apwire-room-save\",\"version\":1,\"seed_name\":\"x\"}"
                .getBytes(StandardCharsets.UTF_8))).isInstanceOf(RoomStateException.class).hasMessageContaining("\"slot_names\"");
        String good = new String(RoomStateCodec.encode(played().room.snapshot()), StandardCharsets.UTF_8);
        assertThatThrownBy(() -> RoomStateCodec.decode(good.replace("\"hints_used\":1", "\"hints_used\":-1")
                .getBytes(StandardCharsets.UTF_8))).isInstanceOf(RoomStateException.class).hasMessageContaining("inconsistent");
        assertThatThrownBy(() -> RoomStateCodec.decode(good.replace("\"release_mode\":\"enabled\"", "\"release_mode\":\"maybe\"")
                .getBytes(StandardCharsets.UTF_8))).isInstanceOf(RoomStateException.class).hasMessageContaining("release_mode");
    }

    @Test
    void aSaveOnlyRestoresOntoItsOwnMultiworld() throws Exception {
        RoomState state = played().room.snapshot();
        assertThatThrownBy(() -> ArchipelagoRoom.restore(RoomHarness.fixture("linked.json"), RoomConfig.DEFAULT, state,
                new SplittableRandom(1))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("This savegame does not appear to match the loaded multiworld.");
    }
}
