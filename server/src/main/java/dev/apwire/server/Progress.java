package dev.apwire.server;

import dev.apwire.protocol.ClientStatus;
import dev.apwire.protocol.ItemsHandling;
import dev.apwire.protocol.JsonMessagePart;
import dev.apwire.protocol.LongList;
import dev.apwire.protocol.NetworkItem;
import dev.apwire.protocol.PrintJsonType;
import dev.apwire.protocol.server.PrintJsonPacket;
import dev.apwire.protocol.server.ReceivedItemsPacket;
import dev.apwire.protocol.server.RoomUpdatePacket;
import dev.apwire.protocol.server.ServerPacket;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Items and locations: received-item delivery with per-connection cursors (reference-server.md §3.7), location
 * checks (§4.3), release and collect (server-features.md §6), goal and status (§6.3, reference-server.md §4.7)
 * and the cheat commands' items. Work per event is proportional to what changed: new items go to the
 * connections of the slots that received them, as the tail after each connection's cursor.
 *
 * @param <C> the connection id type
 */
final class Progress<C> {

    private final RoomCore<C> core;
    private final HintBook<C> hints;

    Progress(RoomCore<C> core, HintBook<C> hints) {
        this.core = core;
        this.hints = hints;
    }

    // ------------------------------------------------------------------ items (§3.7)

    private List<NetworkItem> startingItems(Connection conn) {
        if (!conn.itemsHandling.startingInventory()) {
            return List.of();
        }
        List<NetworkItem> items = new ArrayList<>();
        for (long id : core.world.world(conn.slot()).startingInventory()) {
            items.add(new NetworkItem(id, -2, 0, 0));
        }
        return items;
    }

    private List<NetworkItem> receivedList(Connection conn) {
        SlotState st = core.state(conn.key);
        return conn.itemsHandling.ownWorld() ? st.items : st.fromOthers;
    }

    /** {@return the full item list a connection asked for: starting inventory if wanted, then its items} */
    List<NetworkItem> fullItems(Connection conn) {
        ItemsHandling h = conn.itemsHandling;
        if (h.normalized() == 0) {
            return List.of();
        }
        List<NetworkItem> items = new ArrayList<>(startingItems(conn));
        items.addAll(receivedList(conn));
        return items;
    }

    /** Connect, Sync, ConnectUpdate: the full list from index 0, unless it is empty; the cursor moves to its end. */
    void sendFullItems(C c, Connection conn) {
        List<NetworkItem> full = fullItems(conn);
        conn.sendIndex = full.size();
        if (!full.isEmpty()) {
            core.send(c, new ReceivedItemsPacket(0, full));
        }
    }

    /** {@code send_new_items} for the given slots only: each of their connections gets the tail after its cursor. */
    void sendNewItems(Collection<TeamSlot> touched) {
        for (TeamSlot key : touched) {
            for (C c : core.socketsOf(key)) {
                Connection conn = core.connections.get(c);
                if (conn == null || conn.itemsHandling.normalized() == 0) {
                    continue;
                }
                int start = conn.itemsHandling.startingInventory() ? core.world.world(conn.slot()).startingInventory().size() : 0;
                List<NetworkItem> list = receivedList(conn);
                if (start + list.size() <= conn.sendIndex) {
                    continue;
                }
                List<NetworkItem> tail;
                if (conn.sendIndex >= start) {
                    tail = List.copyOf(list.subList(conn.sendIndex - start, list.size()));
                } else {
                    List<NetworkItem> full = fullItems(conn);
                    tail = List.copyOf(full.subList(conn.sendIndex, full.size()));
                }
                core.send(c, new ReceivedItemsPacket(conn.sendIndex, tail));
                conn.sendIndex = start + list.size();
            }
        }
    }

    /**
     * {@code send_items_to}: an item for a group goes to each member; the "from others" list is decided against
     * the receiver id (the group), so a member also gets linked items it found itself (§9.3).
     */
    void sendItemsTo(int team, int receiver, NetworkItem item, Set<TeamSlot> touched) {
        for (int target : core.index.slotSet(receiver)) {
            TeamSlot key = new TeamSlot(team, target);
            SlotState st = core.slots.get(key);
            if (st == null) {
                continue;
            }
            st.items.add(item);
            if (item.player() != receiver) {
                st.fromOthers.add(item);
            }
            touched.add(key);
        }
    }

    // ------------------------------------------------------------------ checks (§4.3)

    /** {@code register_location_checks}: the new locations among {@code locations}; nothing at all if none is new. */
    void registerChecks(TeamSlot finder, Collection<Long> locations, boolean countActivity) {
        SlotState st = core.state(finder);
        Map<Long, NetworkItem> placed = core.index.locations(finder.slot());
        TreeSet<Long> fresh = new TreeSet<>();
        for (Long id : locations) {
            if (placed.containsKey(id) && !st.checked.contains(id)) {
                fresh.add(id);
            }
        }
        if (fresh.isEmpty()) {
            return;
        }
        List<NetworkItem> found = new ArrayList<>(fresh.size());
        for (Long id : fresh) {
            found.add(placed.get(id));
        }
        found.sort(Comparator.comparingInt(NetworkItem::player).thenComparingLong(NetworkItem::item)
                .thenComparingLong(NetworkItem::location).thenComparingInt(NetworkItem::flags));
        Set<TeamSlot> touched = new LinkedHashSet<>();
        List<ServerPacket> messages = new ArrayList<>(found.size());
        for (NetworkItem at : found) {
            NetworkItem sent = new NetworkItem(at.item(), at.location(), finder.slot(), at.flags());
            sendItemsTo(finder.team(), at.player(), sent, touched);
            messages.add(itemSend(finder.slot(), at.player(), sent));
        }
        for (int i = 0; i < messages.size(); i += RoomCore.MESSAGES_PER_FRAME) {
            core.broadcast(List.copyOf(messages.subList(i, Math.min(messages.size(), i + RoomCore.MESSAGES_PER_FRAME))),
                    x -> x.team() == finder.team() && !x.noText);
        }
        st.checked.addAll(fresh);
        sendNewItems(touched);
        core.toSlot(finder, List.of(RoomUpdatePacket.builder().hintPoints(core.hintPoints(finder))
                .checkedLocations(LongList.copyOf(fresh)).build()), false);
        hints.recheck(finder, fresh);
        core.changed();
    }

    static PrintJsonPacket itemSend(int finder, int receiver, NetworkItem item) {
        List<JsonMessagePart> parts = new ArrayList<>();
        parts.add(RoomCore.playerPart(finder));
        if (finder == receiver) {
            parts.add(JsonMessagePart.text(" found their "));
            parts.add(RoomCore.itemPart(item.item(), finder, item.flags()));
        } else {
            parts.add(JsonMessagePart.text(" sent "));
            parts.add(RoomCore.itemPart(item.item(), receiver, item.flags()));
            parts.add(JsonMessagePart.text(" to "));
            parts.add(RoomCore.playerPart(receiver));
        }
        parts.add(JsonMessagePart.text(" ("));
        parts.add(RoomCore.locationPart(item.location(), finder));
        parts.add(JsonMessagePart.text(")"));
        return new PrintJsonPacket(parts, PrintJsonType.ITEM_SEND, receiver, item, null, null, null, null, null, null);
    }

    /** {@code update_checked_locations}: the full checked list to the slot's connections. */
    void updateCheckedLocations(TeamSlot key) {
        core.toSlot(key, List.of(RoomUpdatePacket.builder().checkedLocations(LongList.copyOf(core.state(key).checked))
                .build()), false);
    }

    // ------------------------------------------------------------------ release, collect (§6)

    /** {@code release_player}: every location of the slot, checked or not, as if it checked them. */
    void release(TeamSlot key) {
        core.broadcastTextAll(new PrintJsonPacket(List.of(JsonMessagePart.text(core.index.name(key.slot()) + " (Team #"
                + (key.team() + 1) + ") has released all remaining items from their world.")), PrintJsonType.RELEASE, null,
                null, null, key.team(), key.slot(), null, null, null));
        registerChecks(key, core.index.locations(key.slot()).keySet(), true);
        updateCheckedLocations(key);
    }

    /** {@code collect_player}: every location anywhere holding an item for the slot, checked by its sender. */
    void collect(TeamSlot key, boolean isGroup) {
        core.broadcastTextAll(new PrintJsonPacket(List.of(JsonMessagePart.text(core.index.name(key.slot()) + " (Team #"
                + (key.team() + 1) + ") has collected their items from other worlds.")), PrintJsonType.COLLECT, null,
                null, null, key.team(), key.slot(), null, null, null));
        for (Map.Entry<Integer, List<Long>> e : core.index.locationsFor(key.slot()).entrySet()) {
            TeamSlot sender = new TeamSlot(key.team(), e.getKey());
            registerChecks(sender, e.getValue(), false);
            updateCheckedLocations(sender);
        }
        if (!isGroup) {
            for (int group : core.index.groupsOf(key.slot())) {
                TreeSet<Integer> done = core.groupCollected.computeIfAbsent(group, g -> new TreeSet<>());
                done.add(key.slot());
                core.changed();
                if (done.equals(core.index.memberSet(group))) {
                    collect(new TeamSlot(key.team(), group), true);
                }
            }
        }
    }

    // ------------------------------------------------------------------ status and goal (§4.7, §6.3)

    /** {@code update_client_status}: goal is final; reaching it broadcasts Goal and may collect and release. */
    void updateStatus(TeamSlot key, ClientStatus status) {
        SlotState st = core.state(key);
        if (st.status.equals(ClientStatus.GOAL)) {
            return;
        }
        if (status.equals(ClientStatus.GOAL)) {
            core.broadcastTextAll(RoomCore.print(PrintJsonType.GOAL, core.aliasedName(key) + " (Team #" + (key.team() + 1)
                    + ") has completed their goal.", key));
            if (core.options.collectMode().contains("auto")) {
                collect(key, false);
            }
            if (core.options.releaseMode().contains("auto")) {
                release(key);
            }
            boolean all = true;
            for (Map.Entry<TeamSlot, SlotState> e : core.slots.entrySet()) {
                if (e.getKey().team() == key.team() && !e.getKey().equals(key)
                        && !e.getValue().status.equals(ClientStatus.GOAL)) {
                    all = false;
                    break;
                }
            }
            if (all) {
                core.broadcastTextAll(RoomCore.print(null, "Team #" + (key.team() + 1)
                        + " has completed all of their games! Congratulations!"));
            }
        }
        st.status = status;
        core.statusChanged(key);
        core.changed();
    }

    // ------------------------------------------------------------------ cheats (§4.10, §7.2)

    /** {@code !getitem}: the item goes to the sender's own lists (not fanned out), found by itself at location -1. */
    void cheatItem(TeamSlot key, long id, String name) {
        NetworkItem item = new NetworkItem(id, -1, key.slot(), 0);
        SlotState st = core.state(key);
        st.fromOthers.add(item);
        st.items.add(item);
        core.broadcastTextAll(new PrintJsonPacket(List.of(JsonMessagePart.text("Cheat console: sending \"" + name + "\" to "
                + core.aliasedName(key))), PrintJsonType.ITEM_CHEAT, key.slot(), item, null, key.team(), null, null, null,
                null));
        sendNewItems(List.of(key));
        core.changed();
    }

    /** {@code /send_multiple}: {@code amount} items from the server (slot 0) to a slot, groups fanned out. */
    void sendFromServer(TeamSlot key, long id, String name, int amount) {
        Set<TeamSlot> touched = new LinkedHashSet<>();
        for (int i = 0; i < amount; i++) {
            sendItemsTo(key.team(), key.slot(), new NetworkItem(id, -1, 0, 0), touched);
        }
        sendNewItems(touched);
        core.broadcastTextAll(RoomCore.print(null, "Cheat console: sending " + (amount == 1 ? "" : amount + " of ") + "\""
                + name + "\" to " + core.aliasedName(key)));
        if (amount > 0) {
            core.changed();
        }
    }
}
