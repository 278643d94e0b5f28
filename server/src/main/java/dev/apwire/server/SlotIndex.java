package dev.apwire.server;

import dev.apwire.json.JsonArray;
import dev.apwire.json.JsonObject;
import dev.apwire.json.JsonString;
import dev.apwire.json.JsonValue;
import dev.apwire.protocol.GameData;
import dev.apwire.protocol.NameTable;
import dev.apwire.protocol.NetworkItem;
import dev.apwire.protocol.NetworkSlot;
import dev.apwire.protocol.SlotType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * What a room looks up again and again, computed once from its {@link Multiworld}: slot names and kinds,
 * item-link groups both ways, where each item is placed (for item hints), which locations hold items for each
 * receiver (for collect), and the names of each game with its groups (for commands). Immutable.
 */
final class SlotIndex {

    /** One placement: the finder's location holding an item. */
    record Placement(int finder, NetworkItem at) {
    }

    /** A game's names: items and locations both ways, and their groups (the automatic ones included). */
    static final class GameNames {
        final NameTable items;
        final NameTable locations;
        final Map<String, List<String>> itemGroups;
        final Map<String, List<String>> locationGroups;
        /** Item names then item group names: what {@code !hint} matches against. */
        final List<String> itemAndGroupNames;
        /** Location names then location group names. */
        final List<String> locationAndGroupNames;

        GameNames(NameTable items, NameTable locations, Map<String, List<String>> itemGroups,
                Map<String, List<String>> locationGroups) {
            this.items = items;
            this.locations = locations;
            this.itemGroups = itemGroups;
            this.locationGroups = locationGroups;
            this.itemAndGroupNames = merged(items, itemGroups);
            this.locationAndGroupNames = merged(locations, locationGroups);
        }

        List<String> itemNames() {
            return names(items);
        }

        List<String> locationNames() {
            return names(locations);
        }

        private static List<String> names(NameTable t) {
            List<String> out = new ArrayList<>(t.size());
            for (int i = 0; i < t.size(); i++) {
                out.add(t.nameAt(i));
            }
            return out;
        }

        private static List<String> merged(NameTable t, Map<String, List<String>> groups) {
            LinkedHashSet<String> out = new LinkedHashSet<>(names(t));
            out.addAll(groups.keySet());
            return List.copyOf(out);
        }
    }

    final Multiworld world;
    /** Every slot number, ascending. */
    final List<Integer> slots;
    /** Player and spectator slots by name: what Connect accepts (groups are refused, §9.3). */
    final Map<String, Integer> connectable = new HashMap<>();
    /** Every slot by name, groups included (the admin commands' player names). */
    final Map<String, Integer> byName = new LinkedHashMap<>();
    private final Map<Integer, List<Integer>> members = new HashMap<>();
    private final Map<Integer, List<Integer>> groupsOf = new HashMap<>();
    private final Map<Long, List<Placement>> placementsOfItem = new HashMap<>();
    private final Map<Integer, TreeMap<Integer, List<Long>>> forReceiver = new HashMap<>();
    private final Map<String, GameNames> games = new HashMap<>();

    SlotIndex(Multiworld world) {
        this.world = world;
        this.slots = List.copyOf(new TreeMap<>(world.slots()).keySet());
        for (int slot : slots) {
            NetworkSlot info = world.slots().get(slot);
            byName.put(info.name(), slot);
            if (info.type().equals(SlotType.GROUP)) {
                members.put(slot, List.copyOf(info.groupMembers()));
                for (int m : info.groupMembers()) {
                    groupsOf.computeIfAbsent(m, k -> new ArrayList<>()).add(slot);
                }
            } else {
                connectable.put(info.name(), slot);
            }
        }
        for (int finder : slots) {
            for (NetworkItem at : world.world(finder).locations().values()) {
                placementsOfItem.computeIfAbsent(at.item(), k -> new ArrayList<>()).add(new Placement(finder, at));
                forReceiver.computeIfAbsent(at.player(), k -> new TreeMap<>())
                        .computeIfAbsent(finder, k -> new ArrayList<>()).add(at.location());
            }
        }
        for (Map.Entry<String, GameData> e : world.dataPackages().entrySet()) {
            GameData g = e.getValue();
            Map<String, List<String>> ig = groups(world.itemNameGroups().get(e.getKey()));
            Map<String, List<String>> lg = groups(world.locationNameGroups().get(e.getKey()));
            if (!e.getKey().equals("Archipelago")) {
                ig.putIfAbsent("Everything", GameNames.names(g.itemNameToId()));
                lg.putIfAbsent("Everywhere", GameNames.names(g.locationNameToId()));
            }
            games.put(e.getKey(), new GameNames(g.itemNameToId(), g.locationNameToId(), ig, lg));
        }
    }

    /** {@return the slot's info} */
    NetworkSlot info(int slot) {
        return world.slots().get(slot);
    }

    /** {@return the slot's name} */
    String name(int slot) {
        NetworkSlot s = world.slots().get(slot);
        return s == null ? "Archipelago" : s.name();
    }

    /** {@return whether the slot exists} */
    boolean exists(int slot) {
        return world.slots().containsKey(slot);
    }

    /** {@return whether the slot is an item-link group} */
    boolean isGroup(int slot) {
        return members.containsKey(slot);
    }

    /** {@return whether the slot is a player (not a spectator, not a group)} */
    boolean isPlayer(int slot) {
        NetworkSlot s = world.slots().get(slot);
        return s != null && s.type().equals(SlotType.PLAYER);
    }

    /** {@return the reference's {@code slot_set}: a group's members, or the slot itself} */
    List<Integer> slotSet(int slot) {
        List<Integer> m = members.get(slot);
        return m != null ? m : List.of(slot);
    }

    /** {@return the groups a slot is a member of, ascending} */
    List<Integer> groupsOf(int slot) {
        return groupsOf.getOrDefault(slot, List.of());
    }

    /** {@return where an item id is placed, in store order (slot, then the world's location order)} */
    List<Placement> placements(long item) {
        return placementsOfItem.getOrDefault(item, List.of());
    }

    /** {@return for a receiver: each sender slot (ascending) and its locations holding items for it} */
    Map<Integer, List<Long>> locationsFor(int receiver) {
        TreeMap<Integer, List<Long>> m = forReceiver.get(receiver);
        return m == null ? Map.of() : Collections.unmodifiableMap(m);
    }

    /** {@return the placements of a slot's world} */
    Map<Long, NetworkItem> locations(int slot) {
        return world.world(slot).locations();
    }

    /** {@return the names of a game, or {@code null} when the room has no package for it} */
    @Nullable GameNames game(String game) {
        return games.get(game);
    }

    /** {@return the names of a slot's game, or {@code null}} */
    @Nullable GameNames gameOf(int slot) {
        NetworkSlot s = world.slots().get(slot);
        return s == null ? null : games.get(s.game());
    }

    /** {@return an item's name in a game, or the reference's {@code Unknown item (ID:n)}} */
    String itemName(int receiver, long item) {
        GameNames g = gameOf(receiver);
        String n = g == null ? null : g.items.name(item);
        if (n == null) {
            GameNames ap = games.get("Archipelago");
            n = ap == null ? null : ap.items.name(item);
        }
        return n != null ? n : "Unknown item (ID:" + item + ")";
    }

    /** {@return a location's name in a slot's game, or the reference's {@code Unknown location (ID:n)}} */
    String locationName(int slot, long location) {
        GameNames g = gameOf(slot);
        String n = g == null ? null : g.locations.name(location);
        if (n == null) {
            GameNames ap = games.get("Archipelago");
            n = ap == null ? null : ap.locations.name(location);
        }
        return n != null ? n : "Unknown location (ID:" + location + ")";
    }

    private static Map<String, List<String>> groups(@Nullable JsonObject groups) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (groups == null) {
            return out;
        }
        for (Map.Entry<String, JsonValue> e : groups.members().entrySet()) {
            List<String> names = new ArrayList<>();
            if (e.getValue() instanceof JsonArray a) {
                for (JsonValue v : a.elements()) {
                    if (v instanceof JsonString s) {
                        names.add(s.value());
                    }
                }
            }
            out.put(e.getKey(), List.copyOf(names));
        }
        return out;
    }

    /** {@return a group's member set as the reference compares it} */
    Set<Integer> memberSet(int group) {
        return new LinkedHashSet<>(members.getOrDefault(group, List.of()));
    }
}
