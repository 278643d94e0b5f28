package dev.apwire.examples;

import dev.apwire.codec.JsonValues;
import dev.apwire.codec.MalformedFrameException;
import dev.apwire.json.JsonArray;
import dev.apwire.json.JsonBool;
import dev.apwire.json.JsonInt;
import dev.apwire.json.JsonObject;
import dev.apwire.json.JsonString;
import dev.apwire.json.JsonValue;
import dev.apwire.protocol.ClientStatus;
import dev.apwire.protocol.DataStorageOperation;
import dev.apwire.protocol.ItemsHandling;
import dev.apwire.protocol.LongList;
import dev.apwire.protocol.NetworkSlot;
import dev.apwire.protocol.OperationType;
import dev.apwire.protocol.SlotType;
import dev.apwire.protocol.client.ConnectPacket;
import dev.apwire.protocol.client.LocationChecksPacket;
import dev.apwire.protocol.client.SetPacket;
import dev.apwire.protocol.client.StatusUpdatePacket;
import dev.apwire.server.ArchipelagoRoom;
import dev.apwire.server.Multiworld;
import dev.apwire.server.RoomConfig;
import dev.apwire.server.RoomSaveFormat;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The example server's save of a room in {@code --rooms} mode, until the room has its own snapshot: a JSON
 * object with each player slot's checked locations and goal, and the data storage snapshot:
 * <pre>{@code {"format":"apwire-replay","version":1,"seed":"...","slots":{"1":{"checked":[4001],"goal":false}},
 *  "storage":{"format":1,"data":{...}}}}</pre>
 * Restoring replays it through the room's own rules on a private connection: a {@code Connect} as each slot,
 * its {@code LocationChecks} (so every item sent by them reaches its receiver again, in order), a
 * {@code StatusUpdate} to goal, and one {@code Set} (replace) per data storage key; every frame the replay
 * produces is dropped. What it does not keep: hints, and statuses other than goal (which the room resets when a
 * slot's last connection leaves anyway). Stateless and thread-safe.
 */
final class ReplaySaveFormat implements RoomSaveFormat {

    private static final String FORMAT = "apwire-replay";
    private static final int VERSION = 1;
    /** The largest save read (the multiworld bounds what a save can hold; this is far above). */
    private static final int MAX_BYTES = 64 << 20;

    @Override
    public void write(ArchipelagoRoom<?> room, OutputStream out) throws IOException {
        Multiworld world = room.multiworld();
        LinkedHashMap<String, JsonValue> slots = new LinkedHashMap<>();
        for (Map.Entry<Integer, NetworkSlot> e : world.slots().entrySet()) {
            if (!e.getValue().type().equals(SlotType.PLAYER)) {
                continue;
            }
            List<JsonValue> checked = new ArrayList<>();
            for (long id : room.checkedLocations(e.getKey())) {
                checked.add(JsonInt.of(id));
            }
            slots.put(String.valueOf(e.getKey()), JsonObject.of("checked", JsonArray.of(checked), "goal",
                    JsonBool.of(room.clientStatus(e.getKey()).equals(ClientStatus.GOAL))));
        }
        JsonObject save = JsonObject.of("format", new JsonString(FORMAT), "version", JsonInt.of(VERSION), "seed",
                new JsonString(world.seedName()), "slots", JsonObject.of(slots), "storage", room.storage().snapshot());
        out.write(JsonValues.toJson(save).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    @SuppressWarnings("unchecked")
    public <C> ArchipelagoRoom<C> read(Multiworld world, RoomConfig config, InputStream in) throws IOException {
        byte[] bytes = in.readNBytes(MAX_BYTES + 1);
        if (bytes.length > MAX_BYTES) {
            throw new IOException("save larger than " + MAX_BYTES + " bytes");
        }
        JsonObject save;
        try {
            save = JsonValues.parse(new String(bytes, StandardCharsets.UTF_8)) instanceof JsonObject o ? o : null;
        } catch (MalformedFrameException e) {
            throw new IOException("not JSON: " + e.getMessage(), e);
        }
        if (save == null || !new JsonString(FORMAT).equals(save.get("format"))) {
            throw new IOException("not an " + FORMAT + " save");
        }
        if (!JsonInt.of(VERSION).equals(save.get("version"))) {
            throw new IOException(FORMAT + " version " + save.get("version") + " is not " + VERSION);
        }
        if (!new JsonString(world.seedName()).equals(save.get("seed"))) {
            throw new IOException("the save is of seed " + save.get("seed") + ", the multiworld of seed " + world.seedName());
        }
        if (!(save.get("slots") instanceof JsonObject slots) || !(save.get("storage") instanceof JsonObject storage)
                || !(storage.get("data") instanceof JsonObject data)) {
            throw new IOException("a save needs the objects slots and storage.data");
        }
        // The replay runs on a private connection; afterwards the room holds no connection, so its type is free.
        ArchipelagoRoom<Object> room = new ArchipelagoRoom<>(world, config);
        Instant now = Instant.EPOCH;
        Integer first = null;
        for (Map.Entry<String, JsonValue> e : slots.members().entrySet()) {
            int slot;
            try {
                slot = Integer.parseInt(e.getKey());
            } catch (NumberFormatException x) {
                throw new IOException("slot key " + e.getKey() + " is not a number");
            }
            NetworkSlot info = world.slots().get(slot);
            if (info == null || !info.type().equals(SlotType.PLAYER)) {
                throw new IOException("the multiworld has no player slot " + slot);
            }
            if (!(e.getValue() instanceof JsonObject s) || !(s.get("checked") instanceof JsonArray checked)) {
                throw new IOException("slot " + slot + " needs a checked array");
            }
            long[] ids = new long[checked.elements().size()];
            for (int i = 0; i < ids.length; i++) {
                if (!(checked.get(i) instanceof JsonInt id)) {
                    throw new IOException("slot " + slot + ": checked locations are integers");
                }
                ids[i] = id.longValue();
            }
            Object conn = new Object();
            room.open(conn, now);
            room.receive(conn, login(world, info), now);
            if (room.slotOf(conn).isEmpty()) {
                throw new IOException("the replay could not log in as slot " + slot);
            }
            room.receive(conn, new LocationChecksPacket(LongList.of(ids)), now);
            if (JsonBool.TRUE.equals(s.get("goal"))) {
                room.receive(conn, new StatusUpdatePacket(ClientStatus.GOAL), now);
            }
            if (!room.checkedLocations(slot).equals(LongList.of(ids).stream().distinct().sorted().toList())) {
                throw new IOException("slot " + slot + ": the saved locations are not all in the multiworld");
            }
            if (first == null) {
                first = slot;
                for (Map.Entry<String, JsonValue> kv : data.members().entrySet()) {
                    room.receive(conn, new SetPacket(kv.getKey(), null, null,
                            List.of(new DataStorageOperation(OperationType.REPLACE, kv.getValue()))), now);
                }
                if (room.storage().size() != data.members().size()) {
                    throw new IOException("the saved data storage could not be restored");
                }
            }
            room.close(conn, now);
        }
        return (ArchipelagoRoom<C>) (ArchipelagoRoom<?>) room;
    }

    private static ConnectPacket login(Multiworld world, NetworkSlot slot) {
        return new ConnectPacket(world.password(), slot.game(), slot.name(), "apwire-restore", world.serverVersion(),
                ItemsHandling.NONE, List.of(), false);
    }
}
