package dev.apwire.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apwire.codec.ArchipelagoCodec;
import dev.apwire.codec.Decoded;
import dev.apwire.json.JsonObject;
import dev.apwire.protocol.GameData;
import dev.apwire.protocol.NetworkItem;
import dev.apwire.protocol.NetworkSlot;
import dev.apwire.protocol.SlotType;
import dev.apwire.protocol.client.ClientPacket;
import dev.apwire.protocol.server.ConnectedPacket;
import dev.apwire.protocol.server.DataPackagePacket;
import dev.apwire.protocol.server.ReceivedItemsPacket;
import dev.apwire.protocol.server.RoomInfoPacket;
import dev.apwire.protocol.server.ServerPacket;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Rooms serving worlds read by {@link MultiworldFiles}, and the checksums a room advertises. */
class LoadedWorldRoomTest {

    private static final ArchipelagoCodec CODEC = ArchipelagoCodec.create();
    private static final Instant NOW = Instant.ofEpochSecond(1_795_462_051);

    @Test
    void aRoomAdvertisesAndServesComputedChecksumsForPackagesWithoutOne() throws Exception {
        Multiworld demo = DemoMultiworld.create();
        Map<String, GameData> bare = new LinkedHashMap<>();
        demo.dataPackages().forEach((game, d) -> bare.put(game, new GameData(d.itemNameToId(), d.locationNameToId(), null)));
        Multiworld world = new Multiworld(demo.seedName(), demo.password(), demo.serverVersion(), demo.generatorVersion(),
                demo.minimumClientVersion(), demo.hintCost(), demo.locationCheckPoints(), demo.permissions(),
                demo.raceMode(), demo.slots(), demo.worlds(), bare, demo.itemNameGroups(), demo.locationNameGroups());
        ArchipelagoRoom<String> room = new ArchipelagoRoom<>(world);
        RoomInfoPacket info = (RoomInfoPacket) only(room.open("c", NOW), "c");
        assertThat(info.datapackageChecksums()).containsExactly(
                Map.entry("Archipelago", "ac9141e9ad0318df2fa27da5f20c50a842afeecb"),
                Map.entry("Pebble Quest", "be9d365063adf3d56f6caf1a9a13705f10185d2d"),
                Map.entry("Lantern Run", "c3fd621a93625a3bb6f1b85b4df8d869df5c389f"));
        DataPackagePacket pkg = (DataPackagePacket) only(receive(room, "c", "{\"cmd\":\"GetDataPackage\"}"), "c");
        Map<String, String> served = new LinkedHashMap<>();
        pkg.data().games().forEach((game, d) -> served.put(game, d.checksum()));
        assertThat(served).isEqualTo(info.datapackageChecksums());
    }

    @Test
    void theHundredSlotFileIsServed() throws Exception {
        Multiworld world = MultiworldFiles.read(MultiworldFilesTest.resource("world-100.archipelago"));
        ArchipelagoRoom<String> room = new ArchipelagoRoom<>(world);
        RoomInfoPacket info = (RoomInfoPacket) only(room.open("p1", NOW), "p1");
        assertThat(info.seedName()).isEqualTo("71830259146637492018");
        assertThat(info.password()).isTrue();
        assertThat(info.games()).containsExactly("Archipelago", "Clockwork Garden", "Lantern Run", "Pebble Quest",
                "Tidepool Saga");
        List<ServerPacket> login = frame(receive(room, "p1", connect("P001", "Pebble Quest")), "p1");
        ConnectedPacket connected = (ConnectedPacket) login.get(0);
        assertThat(connected.slot()).isEqualTo(1);
        assertThat(connected.missingLocations()).hasSize(100);
        assertThat(connected.players()).hasSize(100);
        assertThat(((ReceivedItemsPacket) login.get(1)).items()).containsExactly(new NetworkItem(8000011, -2, 0, 0));

        // P001's first location holds item 8001010 for slot 2 (P002, Lantern Run).
        room.open("p2", NOW);
        receive(room, "p2", connect("P002", "Lantern Run"));
        receive(room, "p1", "{\"cmd\":\"LocationChecks\",\"locations\":[7000001]}");
        assertThat(room.checkedLocations(1)).containsExactly(7000001L);
        assertThat(room.receivedItems(2)).contains(new NetworkItem(8001010, 7000001, 1, NetworkItem.TRAP));
    }

    @Test
    void theDemoRoomServesTheReferencePlacementsAndNameGroups() throws Exception {
        ArchipelagoRoom<String> room = new ArchipelagoRoom<>(DemoMultiworld.create());
        room.open("alice", NOW);
        room.open("bob", NOW);
        receive(room, "alice", connect("Alice", "Pebble Quest"));
        receive(room, "bob", connect("Bob", "Lantern Run"));
        receive(room, "bob", "{\"cmd\":\"LocationChecks\",\"locations\":[4002,4003]}");
        assertThat(room.receivedItems(DemoMultiworld.ALICE)).containsExactly(
                new NetworkItem(1001, 4002, DemoMultiworld.BOB, 0),
                new NetworkItem(1004, 4003, DemoMultiworld.BOB, NetworkItem.TRAP));
        String retrieved = CODEC.encodeServerFrame(frame(receive(room, "alice", "{\"cmd\":\"Get\",\"keys\":["
                + "\"_read_item_name_groups_Pebble Quest\",\"_read_location_name_groups_Pebble Quest\"]}"), "alice"));
        assertThat(retrieved).isEqualTo("[{\"cmd\":\"Retrieved\",\"keys\":{\"_read_item_name_groups_Pebble Quest\":"
                + "{\"Everything\":[\"Blue Pebble\",\"Golden Key\",\"Pebble Trap\",\"Red Pebble\"],"
                + "\"Pebbles\":[\"Blue Pebble\",\"Red Pebble\"]},\"_read_location_name_groups_Pebble Quest\":"
                + "{\"Everywhere\":[\"Pebble Cave\",\"Pebble Hill\",\"Pebble Lake\"],"
                + "\"Outdoors\":[\"Pebble Hill\",\"Pebble Lake\"]}}}]");
    }

    @Test
    void aGroupMustListPlayersAndHasNoLocations() {
        Multiworld demo = DemoMultiworld.create();
        Map<Integer, NetworkSlot> slots = new LinkedHashMap<>(demo.slots());
        slots.put(3, new NetworkSlot("Link", "Pebble Quest", SlotType.GROUP, List.of(1, 9)));
        assertThatThrownBy(() -> new Multiworld(demo.seedName(), null, demo.serverVersion(), demo.generatorVersion(),
                demo.minimumClientVersion(), 10, 1, demo.permissions(), 0, slots, demo.worlds(), demo.dataPackages(),
                Map.of(), Map.of())).hasMessageContaining("group 3 lists 9");
        slots.put(3, new NetworkSlot("Link", "Pebble Quest", SlotType.GROUP, List.of(1, 2)));
        Map<Integer, SlotWorld> worlds = new LinkedHashMap<>(demo.worlds());
        worlds.put(3, new SlotWorld(JsonObject.EMPTY, Map.of(2001L, new NetworkItem(1, 2001, 1, 0)),
                dev.apwire.protocol.LongList.EMPTY));
        assertThatThrownBy(() -> new Multiworld(demo.seedName(), null, demo.serverVersion(), demo.generatorVersion(),
                demo.minimumClientVersion(), 10, 1, demo.permissions(), 0, slots, worlds, demo.dataPackages(),
                Map.of(), Map.of())).hasMessageContaining("group 3 has locations");
    }

    private static String connect(String name, String game) {
        return "{\"cmd\":\"Connect\",\"password\":\"sesame\",\"game\":\"" + game + "\",\"name\":\"" + name
                + "\",\"uuid\":\"u\",\"version\":{\"major\":0,\"minor\":6,\"build\":2,\"class\":\"Version\"},"
                + "\"items_handling\":7,\"tags\":[]}";
    }

    private static RoomStep<String> receive(ArchipelagoRoom<String> room, String conn, String packet) throws Exception {
        List<ClientPacket> packets = new ArrayList<>();
        for (Decoded<ClientPacket> d : CODEC.decodeClientFrame("[" + packet + "]")) {
            assertThat(d).isInstanceOf(Decoded.Ok.class);
            packets.add(((Decoded.Ok<ClientPacket>) d).packet());
        }
        return room.receive(conn, packets, NOW);
    }

    private static List<ServerPacket> frame(RoomStep<String> step, String conn) {
        for (RoomAction<String> a : step.actions()) {
            if (a instanceof RoomDelivery<String> d && d.connection().equals(conn)) {
                return d.frame();
            }
        }
        throw new AssertionError("no frame for " + conn + " in " + step);
    }

    private static ServerPacket only(RoomStep<String> step, String conn) {
        List<ServerPacket> f = frame(step, conn);
        assertThat(f).hasSize(1);
        return f.get(0);
    }
}
