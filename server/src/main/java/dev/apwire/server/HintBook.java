package dev.apwire.server;

import dev.apwire.protocol.Hint;
import dev.apwire.protocol.HintStatus;
import dev.apwire.protocol.JsonMessagePart;
import dev.apwire.protocol.JsonMessagePartType;
import dev.apwire.protocol.NetworkItem;
import dev.apwire.protocol.PacketProblemType;
import dev.apwire.protocol.PrintJsonType;
import dev.apwire.protocol.client.CreateHintsPacket;
import dev.apwire.protocol.client.LocationScoutsPacket;
import dev.apwire.protocol.client.UpdateHintPacket;
import dev.apwire.protocol.server.InvalidPacket;
import dev.apwire.protocol.server.LocationInfoPacket;
import dev.apwire.protocol.server.PrintJsonPacket;
import dev.apwire.protocol.server.RoomUpdatePacket;
import dev.apwire.protocol.server.ServerPacket;
import dev.apwire.server.SlotState.HintKey;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Hints: building them (server-features.md §5.5), storing and announcing them ({@code notify_hints}, §5.7),
 * re-checking them when locations are checked, and the hint packets LocationScouts, CreateHints and UpdateHint
 * (reference-server.md §4.4-4.6). A hint lives once in its team's table, keyed by (finder, location); each slot
 * that holds it (the finder and every receiving member, never a group) lists its key.
 *
 * @param <C> the connection id type
 */
final class HintBook<C> {

    private final RoomCore<C> core;

    HintBook(RoomCore<C> core) {
        this.core = core;
    }

    /** {@code get_hint}: the hint the finder holds for a location, or {@code null}. */
    @Nullable Hint get(int team, int finder, long location) {
        SlotState st = core.slots.get(new TeamSlot(team, finder));
        HintKey key = new HintKey(finder, location);
        return st != null && st.hints.contains(key) ? core.hints(team).get(key) : null;
    }

    private Hint build(int team, int finder, NetworkItem at, @Nullable HintStatus status) {
        boolean found = core.state(new TeamSlot(team, finder)).checked.contains(at.location());
        HintStatus s = found ? HintStatus.FOUND
                : status != null ? status
                : (at.flags() & NetworkItem.TRAP) != 0 ? HintStatus.AVOID : HintStatus.PRIORITY;
        String entrance = core.world.world(finder).entrances().getOrDefault(at.location(), "");
        return new Hint(at.player(), finder, at.location(), at.item(), found, entrance, at.flags(), s);
    }

    /** {@code collect_hints}: every placement of the item for the slot or a group it is in, in store order. */
    List<Hint> collectItem(int team, int slot, long item) {
        Set<Integer> receivers = new LinkedHashSet<>();
        receivers.add(slot);
        receivers.addAll(core.index.groupsOf(slot));
        List<Hint> out = new ArrayList<>();
        for (SlotIndex.Placement p : core.index.placements(item)) {
            if (!receivers.contains(p.at().player())) {
                continue;
            }
            Hint prev = get(team, p.finder(), p.at().location());
            out.add(prev != null ? prev : build(team, p.finder(), p.at(), null));
        }
        return out;
    }

    /** {@code collect_hint_location_id}: the hint for one of the slot's own locations, or none. */
    List<Hint> collectLocation(int team, int slot, long location, @Nullable HintStatus status) {
        Hint prev = get(team, slot, location);
        if (prev != null) {
            return List.of(prev);
        }
        NetworkItem at = core.index.locations(slot).get(location);
        return at == null ? List.of() : List.of(build(team, slot, at, status));
    }

    /**
     * {@code notify_hints}: stores the hints that are not found (or all, with {@code persist}); each slot that
     * gained one gets the {@code _read_hints} SetReply, then RoomUpdate {hint_points}; then each concerned slot's
     * text connections get one frame of Hint messages, its own finds first.
     */
    void notifyHints(int team, List<Hint> given, boolean onlyNew, boolean persist, @Nullable Set<Integer> recipients) {
        List<Hint> list = new ArrayList<>();
        for (Hint h : given) {
            if (!onlyNew || get(team, h.findingPlayer(), h.location()) == null) {
                list.add(h);
            }
        }
        if (list.isEmpty()) {
            return;
        }
        list.sort(Comparator.comparing(Hint::found).reversed());
        TreeSet<Integer> gained = new TreeSet<>();
        LinkedHashMap<Integer, List<Hint>> concerns = new LinkedHashMap<>();
        LinkedHashMap<HintKey, Hint> table = core.hints(team);
        for (Hint h : list) {
            for (int p : core.index.slotSet(h.receivingPlayer())) {
                concerns.computeIfAbsent(p, k -> new ArrayList<>()).add(h);
            }
            List<Hint> finderList = concerns.computeIfAbsent(h.findingPlayer(), k -> new ArrayList<>());
            if (h.receivingPlayer() != h.findingPlayer() && !finderList.contains(h)) {
                finderList.add(h);
            }
            if (!h.found() || persist) {
                HintKey key = new HintKey(h.findingPlayer(), h.location());
                SlotState finder = core.slots.get(new TeamSlot(team, h.findingPlayer()));
                if (finder != null && !finder.hints.contains(key)) {
                    table.put(key, h);
                    finder.hints.add(key);
                    gained.add(h.findingPlayer());
                    for (int p : core.index.slotSet(h.receivingPlayer())) {
                        SlotState st = core.slots.get(new TeamSlot(team, p));
                        if (st != null) {
                            st.hints.add(key);
                            gained.add(p);
                        }
                    }
                    core.changed();
                }
            }
        }
        for (int s : gained) {
            TeamSlot key = new TeamSlot(team, s);
            core.hintsChanged(key);
            core.toSlot(key, List.of(RoomUpdatePacket.builder().hintPoints(core.hintPoints(key)).build()), false);
        }
        for (Map.Entry<Integer, List<Hint>> e : concerns.entrySet()) {
            int s = e.getKey();
            if (e.getValue().isEmpty() || (recipients != null && !recipients.contains(s))) {
                continue;
            }
            List<Hint> mine = new ArrayList<>(e.getValue());
            mine.sort(Comparator.comparing(h -> h.findingPlayer() != s));
            List<ServerPacket> frame = new ArrayList<>();
            for (Hint h : mine) {
                frame.add(message(h));
            }
            core.toSlot(new TeamSlot(team, s), List.copyOf(frame), true);
        }
    }

    /** Location checks turn the finder's hints on them into found ones; every slot holding one is told. */
    void recheck(TeamSlot finder, Set<Long> checked) {
        LinkedHashMap<HintKey, Hint> table = core.hints(finder.team());
        TreeSet<Integer> concerned = new TreeSet<>();
        for (HintKey k : core.state(finder).hints) {
            Hint h = table.get(k);
            if (h != null && k.finder() == finder.slot() && !h.found() && checked.contains(k.location())) {
                table.put(k, with(h, true, HintStatus.FOUND));
                concerned.add(h.findingPlayer());
                concerned.addAll(core.index.slotSet(h.receivingPlayer()));
            }
        }
        for (int s : concerned) {
            core.hintsChanged(new TeamSlot(finder.team(), s));
        }
    }

    static Hint with(Hint h, boolean found, HintStatus status) {
        return new Hint(h.receivingPlayer(), h.findingPlayer(), h.location(), h.item(), found || h.found(), h.entrance(),
                h.itemFlags(), status);
    }

    static PrintJsonPacket message(Hint h) {
        List<JsonMessagePart> parts = new ArrayList<>();
        parts.add(JsonMessagePart.text("[Hint]: "));
        parts.add(RoomCore.playerPart(h.receivingPlayer()));
        parts.add(JsonMessagePart.text("'s "));
        parts.add(RoomCore.itemPart(h.item(), h.receivingPlayer(), h.itemFlags()));
        parts.add(JsonMessagePart.text(" is at "));
        parts.add(RoomCore.locationPart(h.location(), h.findingPlayer()));
        parts.add(JsonMessagePart.text(" in "));
        parts.add(RoomCore.playerPart(h.findingPlayer()));
        parts.add(JsonMessagePart.text("'s World"));
        if (!h.entrance().isEmpty()) {
            parts.add(JsonMessagePart.text(" at "));
            parts.add(new JsonMessagePart(h.entrance(), JsonMessagePartType.ENTRANCE_NAME, null, null, null, null));
        }
        parts.add(JsonMessagePart.text(". "));
        parts.add(new JsonMessagePart("(" + h.status().label() + ")", JsonMessagePartType.HINT_STATUS, null, null, null,
                h.status()));
        return new PrintJsonPacket(parts, PrintJsonType.HINT, h.receivingPlayer(),
                new NetworkItem(h.item(), h.location(), h.findingPlayer(), h.itemFlags()), h.found(), null, null, null, null, null);
    }

    // ------------------------------------------------------------------ packets (§4.4-4.6)

    void locationScouts(C c, Connection conn, LocationScoutsPacket p) {
        Map<Long, NetworkItem> placed = core.index.locations(conn.slot());
        List<NetworkItem> infos = new ArrayList<>();
        for (Long id : p.locations()) {
            NetworkItem at = placed.get(id);
            if (at == null) {
                // deviation: the reference closes the connection (KeyError in the location store)
                core.send(c, new InvalidPacket(PacketProblemType.ARGUMENTS, "LocationScouts",
                        "LocationScouts: no location " + id + " for player " + conn.slot()));
                return;
            }
            infos.add(at);
        }
        int createAsHint = p.createAsHint() == null ? 0 : p.createAsHint();
        core.send(c, new LocationInfoPacket(infos));
        if (createAsHint != 0) {
            LinkedHashMap<Long, Hint> wanted = new LinkedHashMap<>();
            for (Long id : p.locations()) {
                if (!wanted.containsKey(id)) {
                    wanted.put(id, collectLocation(conn.team(), conn.slot(), id, HintStatus.UNSPECIFIED).get(0));
                }
            }
            notifyHints(conn.team(), new ArrayList<>(wanted.values()), createAsHint == 2, true, null);
        }
    }

    void createHints(C c, Connection conn, CreateHintsPacket p) {
        int sender = conn.slot();
        int player = p.player() == null ? sender : p.player();
        if (p.locations().isEmpty()) {
            invalid(c, "CreateHints: No locations specified.");
            return;
        }
        HintStatus status = p.status() == null ? HintStatus.UNSPECIFIED : p.status();
        if (!status.isKnown()) {
            invalid(c, "Unknown Status: " + status.value() + " is not a valid HintStatus");
            return;
        }
        Set<Integer> mine = new LinkedHashSet<>();
        mine.add(sender);
        mine.addAll(core.index.groupsOf(sender));
        LinkedHashMap<Long, Hint> wanted = new LinkedHashMap<>();
        for (Long id : p.locations()) {
            NetworkItem at = core.index.exists(player) ? core.index.locations(player).get(id) : null;
            if (at == null) {
                // for the sender's own slot the reference closes the connection instead (deviation)
                invalid(c, player != sender
                        ? "CreateHints: One or more of the locations do not exist for the specified off-world player. "
                                + "Please refrain from hinting other slot's locations that you don't know contain your items."
                        : "CreateHints: no location " + id + " for player " + player);
                return;
            }
            if (!mine.contains(at.player())) {
                if (!status.equals(HintStatus.UNSPECIFIED)) {
                    invalid(c, "CreateHints: Must use \"unspecified\"/None status for items from other players.");
                    return;
                }
                if (player != sender) {
                    invalid(c, "CreateHints: Can only create hints for own items or own locations.");
                    return;
                }
            }
            if (!wanted.containsKey(id)) {
                Hint prev = get(conn.team(), player, id);
                wanted.put(id, prev != null ? prev : build(conn.team(), player, at, status));
            }
        }
        notifyHints(conn.team(), new ArrayList<>(wanted.values()), true, true, null);
        core.changed();
    }

    void updateHint(C c, Connection conn, UpdateHintPacket p) {
        int team = conn.team();
        Hint hint = get(team, p.player(), p.location());
        if (hint == null) {
            return;
        }
        if (!core.index.slotSet(hint.receivingPlayer()).contains(conn.slot())) {
            invalid(c, "UpdateHint", "UpdateHint: No Permission");
            return;
        }
        HintStatus status = p.status();
        if (status == null) {
            return;
        }
        if (!status.isKnown()) {
            invalid(c, "UpdateHint", "UpdateHint: Invalid Status");
            return;
        }
        if (status.equals(HintStatus.FOUND)) {
            invalid(c, "UpdateHint", "UpdateHint: Cannot manually update status to \"HINT_FOUND\"");
            return;
        }
        if (hint.found() || hint.status().equals(status)) {
            return;
        }
        core.hints(team).put(new HintKey(hint.findingPlayer(), hint.location()), with(hint, false, status));
        core.changed();
        TreeSet<Integer> concerning = new TreeSet<>(core.index.slotSet(hint.receivingPlayer()));
        concerning.add(hint.findingPlayer());
        for (int s : concerning) {
            core.hintsChanged(new TeamSlot(team, s));
        }
    }

    private void invalid(C c, String text) {
        invalid(c, "CreateHints", text);
    }

    private void invalid(C c, String cmd, String text) {
        core.send(c, new InvalidPacket(PacketProblemType.ARGUMENTS, cmd, text));
    }

    /** {@return the hints a (team, slot) holds, in the order it gained them} */
    List<Hint> held(TeamSlot key) {
        List<Hint> out = new ArrayList<>();
        LinkedHashMap<HintKey, Hint> table = core.hints(key.team());
        for (HintKey k : core.state(key).hints) {
            Hint h = table.get(k);
            if (h != null) {
                out.add(h);
            }
        }
        return out;
    }

    /** {@return whether the hints are all known to the slot} */
    boolean holds(TeamSlot key, Collection<Hint> hints) {
        SlotState st = core.state(key);
        for (Hint h : hints) {
            if (!st.hints.contains(new HintKey(h.findingPlayer(), h.location()))) {
                return false;
            }
        }
        return true;
    }
}
