package dev.apwire.session;

import dev.apwire.json.JsonObject;
import dev.apwire.json.JsonValue;
import dev.apwire.protocol.DataPackageContents;
import dev.apwire.protocol.GameData;
import dev.apwire.protocol.LongList;
import dev.apwire.protocol.NameTable;
import dev.apwire.protocol.NetworkItem;
import dev.apwire.protocol.NetworkPlayer;
import dev.apwire.protocol.NetworkSlot;
import dev.apwire.protocol.NetworkVersion;
import dev.apwire.protocol.Permission;
import dev.apwire.protocol.SlotType;
import dev.apwire.protocol.server.ConnectedPacket;
import dev.apwire.protocol.server.DataPackagePacket;
import dev.apwire.protocol.server.ReceivedItemsPacket;
import dev.apwire.protocol.server.RoomInfoPacket;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The two-player multiworld of the captured frames (spec/frames): Alice plays "Pebble Quest"
 * (slot 1, locations 2001-2003), Bob plays "Lantern Run" (slot 2, locations 4001-...).
 */
final class Fixtures {

    static final String PEBBLE = "Pebble Quest";
    static final String LANTERN = "Lantern Run";
    static final String PEBBLE_SUM = "c0ffee01";
    static final String LANTERN_SUM = "c0ffee02";

    private Fixtures() {
    }

    static ClientConfig.Builder alice() {
        return ClientConfig.builder("Alice", PEBBLE, "uuid-alice").password("sesame");
    }

    static RoomInfoPacket roomInfo() {
        Map<String, String> sums = new LinkedHashMap<>();
        sums.put(PEBBLE, PEBBLE_SUM);
        sums.put(LANTERN, LANTERN_SUM);
        return new RoomInfoPacket(true, List.of("Archipelago", PEBBLE, LANTERN), List.of("AP"),
                new NetworkVersion(0, 6, 2), new NetworkVersion(0, 6, 2),
                Map.of("release", Permission.of(2), "remaining", Permission.of(2), "collect", Permission.of(2)),
                10, 1, sums, null, "seed-1", 1700000000.25);
    }

    static GameData pebbleData() {
        Map<String, Long> items = new LinkedHashMap<>();
        items.put("Red Pebble", 1001L);
        items.put("Blue Pebble", 1002L);
        items.put("Golden Key", 1003L);
        Map<String, Long> locations = new LinkedHashMap<>();
        locations.put("Mossy Rock", 2001L);
        locations.put("Old Well", 2002L);
        locations.put("Hill Top", 2003L);
        return new GameData(NameTable.of(items), NameTable.of(locations), PEBBLE_SUM);
    }

    static GameData lanternData() {
        Map<String, Long> items = new LinkedHashMap<>();
        items.put("Lantern", 3001L);
        items.put("Oil Flask", 3002L);
        Map<String, Long> locations = new LinkedHashMap<>();
        locations.put("Dark Cave", 4001L);
        locations.put("Bridge", 4002L);
        return new GameData(NameTable.of(items), NameTable.of(locations), LANTERN_SUM);
    }

    static DataPackagePacket dataPackage(String... games) {
        Map<String, GameData> m = new LinkedHashMap<>();
        for (String g : games) {
            m.put(g, g.equals(PEBBLE) ? pebbleData() : lanternData());
        }
        return new DataPackagePacket(new DataPackageContents(m));
    }

    static ConnectedPacket connected(long[] missing, long[] checked) {
        Map<Integer, NetworkSlot> slots = new LinkedHashMap<>();
        slots.put(1, new NetworkSlot("Alice", PEBBLE, SlotType.PLAYER, List.of()));
        slots.put(2, new NetworkSlot("Bob", LANTERN, SlotType.PLAYER, List.of()));
        return new ConnectedPacket(0, 1,
                List.of(new NetworkPlayer(0, 1, "Alice", "Alice"), new NetworkPlayer(0, 2, "Bob", "Bob")),
                LongList.of(missing), LongList.of(checked),
                JsonObject.of("goal", JsonValue.of("collect pebbles")), slots, 0);
    }

    static ConnectedPacket connected() {
        return connected(new long[] {2001, 2002, 2003}, new long[0]);
    }

    static NetworkItem item(long id) {
        return new NetworkItem(id, 4000 + id % 100, 2, 0);
    }

    static ReceivedItemsPacket items(int index, long... ids) {
        NetworkItem[] list = new NetworkItem[ids.length];
        for (int i = 0; i < ids.length; i++) {
            list[i] = item(ids[i]);
        }
        return new ReceivedItemsPacket(index, List.of(list));
    }
}
