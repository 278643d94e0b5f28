package dev.apwire.server;

import dev.apwire.json.JsonArray;
import dev.apwire.json.JsonBool;
import dev.apwire.json.JsonInt;
import dev.apwire.json.JsonObject;
import dev.apwire.json.JsonString;
import dev.apwire.json.JsonValue;
import dev.apwire.json.PythonText;
import dev.apwire.protocol.ClientStatus;
import dev.apwire.protocol.ClientTags;
import dev.apwire.protocol.Hint;
import dev.apwire.protocol.JsonMessagePart;
import dev.apwire.protocol.JsonMessagePartType;
import dev.apwire.protocol.NetworkPlayer;
import dev.apwire.protocol.PrintJsonType;
import dev.apwire.protocol.server.PrintJsonPacket;
import dev.apwire.protocol.server.ServerPacket;
import dev.apwire.server.SlotState.HintKey;
import dev.apwire.storage.DataStore;
import dev.apwire.storage.Delivery;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;

/**
 * The state every part of a room shares (its connections, the progress of each (team, slot), the hint tables,
 * the options) and the reference's output primitives (server-features.md §1), which collect the actions of
 * the current step. The parts ({@link Progress}, {@link HintBook}, {@link ChatCommands},
 * {@link ServerCommands}, {@link Countdown}) hold rules; this class holds data. Not thread-safe.
 *
 * @param <C> the connection id type
 */
final class RoomCore<C> {

    /** The most PrintJSON messages in one frame (the reference splits ItemSend broadcasts like this). */
    static final int MESSAGES_PER_FRAME = 140;

    final Multiworld world;
    final RoomConfig config;
    final SlotIndex index;
    final DataStore<C> store;
    final RandomGenerator random;
    RoomOptions options;
    final LinkedHashMap<C, Connection> connections = new LinkedHashMap<>();
    /** The authenticated connections of each (team, slot), in login order. */
    final Map<TeamSlot, LinkedHashSet<C>> sockets = new HashMap<>();
    final TreeMap<TeamSlot, SlotState> slots = new TreeMap<>();
    /** Per team: every hint by (finder, location), holding its current value. */
    final Map<Integer, LinkedHashMap<HintKey, Hint>> hintTables = new HashMap<>();
    /** The members of each group that collected (the reference keys this by group only, not team). */
    final TreeMap<Integer, TreeSet<Integer>> groupCollected = new TreeMap<>();
    /** The connection logged in with {@code !admin login}: one per room, as in the reference. */
    @Nullable C admin;
    long changes;
    /** The time of the call being processed, for rules deep in a call that need it. */
    java.time.Instant lastNow = java.time.Instant.EPOCH;
    boolean saveRequested;
    boolean exitRequested;
    private List<RoomAction<C>> out = new ArrayList<>();

    RoomCore(Multiworld world, RoomConfig config, RoomOptions options, DataStore<C> store, RandomGenerator random) {
        this.world = Objects.requireNonNull(world, "world");
        this.config = Objects.requireNonNull(config, "config");
        this.options = Objects.requireNonNull(options, "options");
        this.store = store;
        this.random = Objects.requireNonNull(random, "random");
        this.index = new SlotIndex(world);
        for (int slot : index.slots) {
            slots.put(TeamSlot.of(slot), new SlotState(index.isPlayer(slot) ? ClientStatus.UNKNOWN : ClientStatus.GOAL));
        }
        hintTables.put(0, new LinkedHashMap<>());
        for (int slot : index.slots) {
            // the generator's precollected hints: each slot's list holds the hints it is finder or receiver of;
            // a group never holds hints (its members do)
            if (index.isGroup(slot)) {
                continue;
            }
            SlotState st = slots.get(TeamSlot.of(slot));
            for (Hint h : world.world(slot).precollectedHints()) {
                HintKey k = new HintKey(h.findingPlayer(), h.location());
                hintTables.get(0).putIfAbsent(k, h);
                st.hints.add(k);
            }
        }
    }

    /** {@return the reference's {@code get_sphere}: the first sphere holding the location; -1 without spheres} */
    int sphere(int slot, long location) {
        List<Map<Integer, Set<Long>>> spheres = world.spheres();
        if (spheres.isEmpty()) {
            return -1;
        }
        for (int i = 0; i < spheres.size(); i++) {
            Set<Long> s = spheres.get(i).get(slot);
            if (s != null && s.contains(location)) {
                return i;
            }
        }
        // the reference raises KeyError here; such a hint is paid last
        return Integer.MAX_VALUE;
    }

    // ------------------------------------------------------------------ state

    SlotState state(TeamSlot key) {
        SlotState s = slots.get(key);
        if (s == null) {
            throw new IllegalArgumentException("no slot " + key.slot() + " on team " + key.team());
        }
        return s;
    }

    LinkedHashMap<HintKey, Hint> hints(int team) {
        return hintTables.computeIfAbsent(team, t -> new LinkedHashMap<>());
    }

    Set<C> socketsOf(TeamSlot key) {
        LinkedHashSet<C> s = sockets.get(key);
        return s == null ? Set.of() : s;
    }

    /** {@return the name with the alias, as {@code get_aliased_name}: {@code "Alias (Name)"} or the name} */
    String aliasedName(TeamSlot key) {
        SlotState s = slots.get(key);
        String name = index.name(key.slot());
        return s != null && s.alias != null ? s.alias + " (" + name + ")" : name;
    }

    /** {@return {@code get_hint_cost}: {@code max(1, int(hint_cost * 0.01 * locations))}, or 0 when hints are free} */
    int hintCost(int slot) {
        if (options.hintCost() <= 0) {
            return 0;
        }
        return Math.max(1, (int) (options.hintCost() * 0.01 * index.locations(slot).size()));
    }

    /** {@return {@code location_check_points * checked - cost * hints used} (server-features.md §5.1)} */
    int hintPoints(TeamSlot key) {
        SlotState s = state(key);
        return options.locationCheckPoints() * s.checked.size() - hintCost(key.slot()) * s.hintsUsed;
    }

    /** {@return one NetworkPlayer per slot of the team, groups included, aliases applied} */
    List<NetworkPlayer> players(int team) {
        List<NetworkPlayer> players = new ArrayList<>();
        for (int slot : index.slots) {
            TeamSlot k = new TeamSlot(team, slot);
            players.add(new NetworkPlayer(team, slot, aliasedName(k), index.name(slot)));
        }
        return players;
    }

    /** Marks the saved state as changed, so a driver saves soon. */
    void changed() {
        changes++;
    }

    // ------------------------------------------------------------------ output primitives (§1)

    void send(C c, ServerPacket packet) {
        send(c, List.of(packet));
    }

    void send(C c, List<ServerPacket> frame) {
        if (connections.containsKey(c)) {
            out.add(new RoomDelivery<>(c, frame));
        }
    }

    void close(C c, String reason) {
        out.add(new RoomClose<>(c, reason));
    }

    /** {@code notify_client}: text to one authenticated, not NoText connection. */
    void notifyClient(C c, PrintJsonType type, String text) {
        Connection conn = connections.get(c);
        if (conn != null && conn.authenticated() && !conn.noText) {
            send(c, print(type, text));
        }
    }

    /** {@code notify_client_multiple}: several texts in one frame. */
    void notifyClientMultiple(C c, PrintJsonType type, List<String> texts) {
        Connection conn = connections.get(c);
        if (conn != null && conn.authenticated() && !conn.noText && !texts.isEmpty()) {
            List<ServerPacket> frame = new ArrayList<>();
            for (String t : texts) {
                frame.add(print(type, t));
            }
            send(c, List.copyOf(frame));
        }
    }

    /** One frame (one shared list) to every authenticated connection that matches. */
    void broadcast(List<ServerPacket> frame, Predicate<Connection> who) {
        for (Map.Entry<C, Connection> e : connections.entrySet()) {
            if (e.getValue().authenticated() && who.test(e.getValue())) {
                out.add(new RoomDelivery<>(e.getKey(), frame));
            }
        }
    }

    /** {@code broadcast_text_all}: PrintJSON to every authenticated connection of every team, NoText skipped. */
    void broadcastTextAll(PrintJsonPacket message) {
        broadcast(List.of(message), x -> !x.noText);
    }

    /** One frame to every connection of one (team, slot). */
    void toSlot(TeamSlot key, List<ServerPacket> frame, boolean text) {
        for (C c : socketsOf(key)) {
            if (!text || !Objects.requireNonNull(connections.get(c)).noText) {
                out.add(new RoomDelivery<>(c, frame));
            }
        }
    }

    /** The {@code SetReply} of a {@code _read_} key to its subscribers (reference-server.md §1.7). */
    void notifyReadKey(String key, JsonValue value) {
        Delivery<C> d = store.readKeyChanged(key, value);
        List<ServerPacket> frame = List.of(d.reply());
        for (C to : d.recipients()) {
            if (connections.containsKey(to)) {
                out.add(new RoomDelivery<>(to, frame));
            }
        }
    }

    void hintsChanged(TeamSlot key) {
        notifyReadKey(hintsKey(key), readHints(key));
    }

    void statusChanged(TeamSlot key) {
        notifyReadKey(DataStore.READ_PREFIX + "client_status_" + key.team() + "_" + key.slot(),
                JsonInt.of(state(key).status.value()));
    }

    static String hintsKey(TeamSlot key) {
        return DataStore.READ_PREFIX + "hints_" + key.team() + "_" + key.slot();
    }

    JsonArray readHints(TeamSlot key) {
        List<JsonValue> list = new ArrayList<>();
        LinkedHashMap<HintKey, Hint> table = hints(key.team());
        for (HintKey k : state(key).hints) {
            Hint h = table.get(k);
            if (h != null) {
                list.add(hintJson(h));
            }
        }
        return JsonArray.of(list);
    }

    static JsonObject hintJson(Hint h) {
        return JsonObject.of("receiving_player", JsonInt.of(h.receivingPlayer()), "finding_player",
                JsonInt.of(h.findingPlayer()), "location", JsonInt.of(h.location()), "item", JsonInt.of(h.item()),
                "found", JsonBool.of(h.found()), "entrance", new JsonString(h.entrance()), "item_flags",
                JsonInt.of(h.itemFlags()), "status", JsonInt.of(h.status().value()), "class", new JsonString("Hint"));
    }

    List<RoomAction<C>> drain() {
        List<RoomAction<C>> step = out;
        out = new ArrayList<>();
        return step;
    }

    // ------------------------------------------------------------------ message shapes

    static PrintJsonPacket print(@Nullable PrintJsonType type, String text) {
        return new PrintJsonPacket(List.of(JsonMessagePart.text(text)), type, null, null, null, null, null, null, null, null);
    }

    static PrintJsonPacket print(PrintJsonType type, String text, TeamSlot who) {
        return new PrintJsonPacket(List.of(JsonMessagePart.text(text)), type, null, null, null, who.team(), who.slot(), null,
                null, null);
    }

    static JsonMessagePart playerPart(int slot) {
        return new JsonMessagePart(String.valueOf(slot), JsonMessagePartType.PLAYER_ID, null, null, null, null);
    }

    static JsonMessagePart itemPart(long item, int player, int flags) {
        return new JsonMessagePart(String.valueOf(item), JsonMessagePartType.ITEM_ID, null, flags, player, null);
    }

    static JsonMessagePart locationPart(long location, int player) {
        return new JsonMessagePart(String.valueOf(location), JsonMessagePartType.LOCATION_ID, null, null, player, null);
    }

    static String verb(List<String> tags) {
        if (tags.contains(ClientTags.HINT_GAME)) {
            return "hinting";
        }
        if (tags.contains(ClientTags.TRACKER)) {
            return "tracking";
        }
        if (tags.contains(ClientTags.TEXT_ONLY)) {
            return "viewing";
        }
        return "playing";
    }

    /** A Python list repr of strings: {@code ['AP', 'DeathLink']}. */
    static String pyList(List<String> items) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                b.append(", ");
            }
            PythonText.appendStringRepr(b, items.get(i));
        }
        return b.append(']').toString();
    }
}
