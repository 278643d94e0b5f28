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
import dev.apwire.protocol.ConnectionRefusedError;
import dev.apwire.protocol.DataPackageContents;
import dev.apwire.protocol.GameData;
import dev.apwire.protocol.Hint;
import dev.apwire.protocol.HintStatus;
import dev.apwire.protocol.ItemsHandling;
import dev.apwire.protocol.JsonMessagePart;
import dev.apwire.protocol.JsonMessagePartType;
import dev.apwire.protocol.LongList;
import dev.apwire.protocol.NetworkItem;
import dev.apwire.protocol.NetworkPlayer;
import dev.apwire.protocol.NetworkSlot;
import dev.apwire.protocol.NetworkVersion;
import dev.apwire.protocol.PacketProblemType;
import dev.apwire.protocol.PrintJsonType;
import dev.apwire.protocol.SlotType;
import dev.apwire.protocol.client.BouncePacket;
import dev.apwire.protocol.client.ClientCommand;
import dev.apwire.protocol.client.ClientPacket;
import dev.apwire.protocol.client.ConnectPacket;
import dev.apwire.protocol.client.ConnectUpdatePacket;
import dev.apwire.protocol.client.CreateHintsPacket;
import dev.apwire.protocol.client.GetDataPackagePacket;
import dev.apwire.protocol.client.GetPacket;
import dev.apwire.protocol.client.LocationChecksPacket;
import dev.apwire.protocol.client.LocationScoutsPacket;
import dev.apwire.protocol.client.SayPacket;
import dev.apwire.protocol.client.SetNotifyPacket;
import dev.apwire.protocol.client.SetPacket;
import dev.apwire.protocol.client.StatusUpdatePacket;
import dev.apwire.protocol.client.UpdateHintPacket;
import dev.apwire.protocol.server.BouncedPacket;
import dev.apwire.protocol.server.ConnectedPacket;
import dev.apwire.protocol.server.ConnectionRefusedPacket;
import dev.apwire.protocol.server.DataPackagePacket;
import dev.apwire.protocol.server.InvalidPacket;
import dev.apwire.protocol.server.LocationInfoPacket;
import dev.apwire.protocol.server.PrintJsonPacket;
import dev.apwire.protocol.server.ReceivedItemsPacket;
import dev.apwire.protocol.server.RoomInfoPacket;
import dev.apwire.protocol.server.RoomUpdatePacket;
import dev.apwire.protocol.server.ServerPacket;
import dev.apwire.server.RoomRules.Phase;
import dev.apwire.storage.DataStore;
import dev.apwire.storage.Delivery;
import dev.apwire.storage.Rejection;
import dev.apwire.storage.SetResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * One Archipelago room: the reference server's rules (reference-server.md) for one {@link Multiworld}, as a
 * pure state machine over connections identified by values of type {@code C}.
 *
 * <h2>Theory of operation</h2>
 * A driver owns the sockets and calls, for each connection, in this order:
 * <ol>
 *   <li>{@link #open} when the WebSocket opens: the step sends {@code RoomInfo} (§6) to it;</li>
 *   <li>for each command of each incoming frame, in order, {@link #receive} with the decoded packet, or
 *       {@link #receiveInvalid} with the codec's {@code InvalidPacket} for a command it could not decode,
 *       or {@link #receiveMalformed} when the whole frame is unusable (invalid JSON, a binary frame);</li>
 *   <li>{@link #close} when the socket closes, whoever closed it.</li>
 * </ol>
 * Each call returns a {@link RoomStep}: frames to send ({@link RoomDelivery}, one WebSocket text frame each,
 * e.g. {@code [Connected, ReceivedItems]}) and connections to close ({@link RoomClose}), in order. A driver
 * sends them in that order; after a {@link RoomClose} the room has forgotten the connection, so the driver
 * drops the rest of that connection's frame and its later {@link #close} is a no-op. Broadcast deliveries
 * share one packet list, so a driver can encode once per distinct list.
 *
 * <p>A connection is in phase {@code OPENED} until a {@code Connect} succeeds, then {@code AUTHENTICATED};
 * {@link RoomRules} holds the table of what each phase processes (before login only {@code Connect} and
 * {@code GetDataPackage}; unknown commands never get a reply). Everything a client observes follows the
 * reference server except the deviations listed in the package documentation.
 *
 * <p>Time is an argument ({@code now} is the {@code RoomInfo.time}); the room has no timers, so there is no
 * {@code onTimeout}. Pure (no threads, no clock, no I/O) and <b>not thread-safe</b>: call it from one thread
 * (the driver's room thread) or guard it externally.
 *
 * @param <C> the connection id type; needs value-based {@code equals} and {@code hashCode}
 */
public final class ArchipelagoRoom<C> {

    /** The most PrintJSON messages in one frame (the reference splits ItemSend broadcasts like this). */
    static final int MESSAGES_PER_FRAME = 140;
    private static final int TEAM = 0;
    private static final String TUTORIAL = "Now that you are connected, you can use !help to list commands to run via "
            + "the server. If your client supports it, you may have additional local commands you can list with /help.";
    private static final List<String> COMMANDS = List.of("help", "hint", "players", "missing", "checked");

    private final Multiworld world;
    private final RoomConfig config;
    private final DataStore<C> store;
    private final Map<String, Integer> slotsByName = new HashMap<>();
    private final LinkedHashMap<C, Conn> connections = new LinkedHashMap<>();
    private final TreeMap<Integer, SlotState> slots = new TreeMap<>();
    private final LinkedHashMap<HintKey, Hint> hints = new LinkedHashMap<>();
    private List<RoomAction<C>> out = new ArrayList<>();

    /** A connection's state; {@code slot} and the login fields mean something only when authenticated. */
    private static final class Conn {
        Phase phase = Phase.OPENED;
        int slot;
        List<String> tags = List.of();
        NetworkVersion version = new NetworkVersion(0, 0, 0);
        ItemsHandling itemsHandling = ItemsHandling.NONE;
        int sendIndex;
        boolean noLocations;
        boolean noText;
    }

    /** A slot's progress. */
    private static final class SlotState {
        /** Every item received, in order (the reference's "remote" list). */
        final List<NetworkItem> items = new ArrayList<>();
        /** The items found in other worlds only (the "non-remote" list). */
        final List<NetworkItem> fromOthers = new ArrayList<>();
        final TreeSet<Long> checked = new TreeSet<>();
        int hintsUsed;
        ClientStatus status;

        SlotState(ClientStatus status) {
            this.status = status;
        }
    }

    /** A hint's identity: the finding slot and the location. */
    private record HintKey(int finder, long location) {
    }

    /**
     * Creates a room for a multiworld with {@link RoomConfig#DEFAULT}.
     *
     * @param world the multiworld
     */
    public ArchipelagoRoom(Multiworld world) {
        this(world, RoomConfig.DEFAULT);
    }

    /**
     * Creates a room for a multiworld: nothing checked, no hints, empty data storage; player slots start at
     * status UNKNOWN, groups and spectators at GOAL (§1.6).
     *
     * @param world the multiworld
     * @param config the room's policy
     */
    public ArchipelagoRoom(Multiworld world, RoomConfig config) {
        this.world = Objects.requireNonNull(world, "world");
        this.config = Objects.requireNonNull(config, "config");
        this.store = new DataStore<>(config.storageLimits());
        for (Map.Entry<Integer, NetworkSlot> e : world.slots().entrySet()) {
            boolean player = e.getValue().type().equals(SlotType.PLAYER);
            slots.put(e.getKey(), new SlotState(player ? ClientStatus.UNKNOWN : ClientStatus.GOAL));
            if (!e.getValue().type().equals(SlotType.GROUP)) {
                slotsByName.put(e.getValue().name(), e.getKey());
            }
        }
    }

    // ---------------------------------------------------------------- driver inputs

    /**
     * A socket opened: sends it {@code RoomInfo} (§6).
     *
     * @param connection the new connection
     * @param now the current time, sent as {@code RoomInfo.time}
     * @return the step
     * @throws IllegalStateException if the connection is already open
     */
    public RoomStep<C> open(C connection, Instant now) {
        Objects.requireNonNull(connection, "connection");
        if (connections.containsKey(connection)) {
            throw new IllegalStateException("connection already open: " + connection);
        }
        connections.put(connection, new Conn());
        send(connection, roomInfo(now));
        return finish();
    }

    /**
     * Processes the commands of one frame in order; stops early if one of them closes the connection.
     *
     * @param connection the sending connection
     * @param packets the decoded commands
     * @param now the current time
     * @return the step for all of them
     */
    public RoomStep<C> receive(C connection, List<? extends ClientPacket> packets, Instant now) {
        for (ClientPacket p : packets) {
            if (!connections.containsKey(connection)) {
                break;
            }
            handle(connection, p);
        }
        return finish();
    }

    /**
     * Processes one command. Commands from an unknown (never opened or already closed) connection are ignored.
     *
     * @param connection the sending connection
     * @param packet the decoded command
     * @param now the current time
     * @return the step
     */
    public RoomStep<C> receive(C connection, ClientPacket packet, Instant now) {
        if (connections.containsKey(connection)) {
            handle(connection, packet);
        }
        return finish();
    }

    /**
     * A command of a frame could not be decoded (the codec's {@code Decoded.Problem}). Sends the
     * {@code InvalidPacket}; when {@code fatal} and the room is {@linkplain RoomConfig#strict() strict},
     * then closes the connection, as the reference does (§2.1). For malformed arguments of Connect,
     * Get, Set, SetNotify, Say, UpdateHint and LocationScouts the text is replaced by the reference's (§2.3). Before login an {@code arguments} problem of
     * a command other than {@code Connect} / {@code GetDataPackage} is ignored, since the reference never
     * looks at such commands (§2.2).
     *
     * @param connection the sending connection
     * @param invalid the problem, as the packet to send
     * @param fatal whether the reference closes the connection after it
     * @param now the current time
     * @return the step
     */
    public RoomStep<C> receiveInvalid(C connection, InvalidPacket invalid, boolean fatal, Instant now) {
        Conn conn = connections.get(connection);
        if (conn == null) {
            return finish();
        }
        if (conn.phase == Phase.OPENED && invalid.type().equals(PacketProblemType.ARGUMENTS)) {
            ClientCommand cmd = invalid.originalCmd() == null ? null : ClientCommand.fromWireName(invalid.originalCmd());
            if (cmd == null || !RoomRules.accepts(conn.phase, cmd)) {
                return finish();
            }
        }
        String text = invalid.type().equals(PacketProblemType.ARGUMENTS) ? RoomRules.argumentsText(invalid.originalCmd()) : null;
        send(connection, text == null ? invalid : new InvalidPacket(invalid.type(), invalid.originalCmd(), text));
        if (fatal && config.strict()) {
            drop(connection, "invalid packet");
        }
        return finish();
    }

    /**
     * A frame was unusable as a whole (invalid JSON, too large, binary): the reference closes the connection
     * without a word (§2.1). The room forgets the connection (broadcasting {@code Part} if it was logged in)
     * and asks the driver to close it.
     *
     * @param connection the connection
     * @param reason a short reason for the close frame
     * @param now the current time
     * @return the step
     */
    public RoomStep<C> receiveMalformed(C connection, String reason, Instant now) {
        if (connections.containsKey(connection)) {
            drop(connection, reason);
        }
        return finish();
    }

    /**
     * The socket closed. If it was logged in, the others see {@code Part}, and the slot's status falls back to
     * UNKNOWN when this was its last socket and it is not at GOAL (§3.6). Its {@code SetNotify}
     * subscriptions end. A no-op for a connection the room does not know.
     *
     * @param connection the connection
     * @param now the current time
     * @return the step
     */
    public RoomStep<C> close(C connection, Instant now) {
        forget(connection);
        return finish();
    }

    // ---------------------------------------------------------------- queries

    /** {@return the multiworld this room serves} */
    public Multiworld multiworld() {
        return world;
    }

    /** {@return the room's data storage (for persistence through {@link DataStore#snapshot()})} */
    public DataStore<C> storage() {
        return store;
    }

    /** {@return whether the room knows this connection (opened and not closed)}
     *
     * @param connection the connection
     */
    public boolean isOpen(C connection) {
        return connections.containsKey(connection);
    }

    /** {@return the slot a connection is logged in as, or empty before login}
     *
     * @param connection the connection
     */
    public Optional<Integer> slotOf(C connection) {
        Conn conn = connections.get(connection);
        return conn == null || conn.phase != Phase.AUTHENTICATED ? Optional.empty() : Optional.of(conn.slot);
    }

    /** {@return a slot's checked locations, ascending}
     *
     * @param slot the slot number
     */
    public LongList checkedLocations(int slot) {
        return LongList.copyOf(state(slot).checked);
    }

    /** {@return every item a slot has received from locations, in order (no starting inventory)}
     *
     * @param slot the slot number
     */
    public List<NetworkItem> receivedItems(int slot) {
        return List.copyOf(state(slot).items);
    }

    /** {@return the hints concerning a slot (as finder or receiver), in creation order}
     *
     * @param slot the slot number
     */
    public List<Hint> hints(int slot) {
        List<Hint> list = new ArrayList<>();
        for (Hint h : hints.values()) {
            if (h.receivingPlayer() == slot || h.findingPlayer() == slot) {
                list.add(h);
            }
        }
        return list;
    }

    /** {@return a slot's client status}
     *
     * @param slot the slot number
     */
    public ClientStatus clientStatus(int slot) {
        return state(slot).status;
    }

    /** {@return a slot's hint points: {@code location_check_points * checked - hint cost * hints used} (§3.5)}
     *
     * @param slot the slot number
     */
    public int hintPoints(int slot) {
        SlotState s = state(slot);
        return world.locationCheckPoints() * s.checked.size() - world.hintCostForSlot(slot) * s.hintsUsed;
    }

    private SlotState state(int slot) {
        SlotState s = slots.get(slot);
        if (s == null) {
            throw new IllegalArgumentException("no slot " + slot);
        }
        return s;
    }

    // ---------------------------------------------------------------- dispatch

    private void handle(C c, ClientPacket packet) {
        Conn conn = Objects.requireNonNull(connections.get(c));
        ClientCommand command = packet.command();
        if (!RoomRules.accepts(conn.phase, command)) {
            return;
        }
        switch (command) {
            case CONNECT:
                connect(c, conn, (ConnectPacket) packet);
                break;
            case GET_DATA_PACKAGE:
                dataPackage(c, (GetDataPackagePacket) packet);
                break;
            case CONNECT_UPDATE:
                connectUpdate(c, conn, (ConnectUpdatePacket) packet);
                break;
            case SYNC:
                sendFullItems(c, conn);
                break;
            case LOCATION_CHECKS:
                locationChecks(c, conn, (LocationChecksPacket) packet);
                break;
            case LOCATION_SCOUTS:
                locationScouts(c, conn, (LocationScoutsPacket) packet);
                break;
            case CREATE_HINTS:
                createHints(c, conn, (CreateHintsPacket) packet);
                break;
            case UPDATE_HINT:
                updateHint(c, conn, (UpdateHintPacket) packet);
                break;
            case STATUS_UPDATE:
                statusUpdate(c, conn, (StatusUpdatePacket) packet);
                break;
            case SAY:
                say(c, conn, (SayPacket) packet);
                break;
            case BOUNCE:
                bounce(conn, (BouncePacket) packet);
                break;
            case GET:
                send(c, store.get((GetPacket) packet, this::readKey));
                break;
            case SET:
                set(c, conn, (SetPacket) packet);
                break;
            case SET_NOTIFY:
                store.setNotify(c, (SetNotifyPacket) packet);
                break;
            default:
                // RoomRules never accepts JOIN or UNKNOWN
                break;
        }
    }

    // ---------------------------------------------------------------- Connect (§3)

    private void connect(C c, Conn conn, ConnectPacket p) {
        // §3.2 in a fixed order (the reference's order is hash-random)
        List<ConnectionRefusedError> errors = new ArrayList<>();
        String password = world.password();
        if (password != null && !password.equals(p.password())) {
            errors.add(ConnectionRefusedError.INVALID_PASSWORD);
        }
        Integer slot = slotsByName.get(p.name());
        if (slot == null) {
            errors.add(ConnectionRefusedError.INVALID_SLOT);
        } else {
            String game = p.game();
            boolean ignoreGame = (game == null || game.isEmpty()) && ClientTags.isNoLocations(p.tags());
            if (!ignoreGame && !world.slots().get(slot).game().equals(game)) {
                errors.add(ConnectionRefusedError.INVALID_GAME);
            }
            if (p.version().compareTo(world.minimumClientVersion()) < 0) {
                errors.add(ConnectionRefusedError.INCOMPATIBLE_VERSION);
            }
            if (!p.itemsHandling().isValid()) {
                errors.add(ConnectionRefusedError.INVALID_ITEMS_HANDLING);
            }
        }
        if (!errors.isEmpty()) {
            send(c, new ConnectionRefusedPacket(errors));
            return;
        }
        int s = slot;
        if (conn.phase == Phase.AUTHENTICATED && conn.slot != s) {
            // deviation: the reference closes the connection here (§3.4 step 1)
            send(c, new InvalidPacket(PacketProblemType.ARGUMENTS, "Connect", "Connect: this connection is logged in as "
                    + world.slots().get(conn.slot).name() + "; open a new connection to log in as another slot"));
            return;
        }
        boolean first = conn.phase == Phase.OPENED;
        conn.slot = s;
        setTags(conn, p.tags());
        conn.version = p.version();
        conn.itemsHandling = p.itemsHandling();
        List<NetworkItem> full = fullItems(conn);
        conn.sendIndex = full.size();
        ConnectedPacket connected = new ConnectedPacket(TEAM, s, players(), missing(s), checkedLocations(s),
                p.wantsSlotData() ? world.world(s).slotData() : null, world.slots(), hintPoints(s));
        if (full.isEmpty()) {
            send(c, connected);
        } else {
            send(c, List.of(connected, new ReceivedItemsPacket(0, full)));
        }
        if (!first) {
            return;
        }
        conn.phase = Phase.AUTHENTICATED;
        SlotState st = state(s);
        if (st.status.equals(ClientStatus.UNKNOWN)) {
            st.status = ClientStatus.CONNECTED;
            notifyReadKey(clientStatusKey(s), JsonInt.of(st.status.value()));
        }
        NetworkSlot info = world.slots().get(s);
        String text = info.name() + " (Team #" + (TEAM + 1) + ") " + verb(conn.tags) + " " + info.game()
                + " has joined. Client(" + conn.version + "), " + pyList(conn.tags) + ".";
        broadcast(List.of(new PrintJsonPacket(List.of(JsonMessagePart.text(text)), PrintJsonType.JOIN, null, null, null,
                TEAM, s, null, conn.tags, null)), x -> !x.noText);
        send(c, print(PrintJsonType.TUTORIAL, TUTORIAL));
    }

    private void setTags(Conn conn, List<String> tags) {
        conn.tags = List.copyOf(tags);
        conn.noLocations = ClientTags.isNoLocations(tags);
        conn.noText = tags.contains(ClientTags.NO_TEXT)
                || (tags.contains("PopTracker") && conn.version.compareTo(new NetworkVersion(0, 5, 1)) < 0);
    }

    private List<NetworkPlayer> players() {
        List<NetworkPlayer> players = new ArrayList<>();
        for (Map.Entry<Integer, NetworkSlot> e : world.slots().entrySet()) {
            players.add(new NetworkPlayer(TEAM, e.getKey(), e.getValue().name(), e.getValue().name()));
        }
        return players;
    }

    private LongList missing(int slot) {
        TreeSet<Long> missing = new TreeSet<>(world.world(slot).locations().keySet());
        missing.removeAll(state(slot).checked);
        return LongList.copyOf(missing);
    }

    // ---------------------------------------------------------------- items (§3.7)

    private List<NetworkItem> fullItems(Conn conn) {
        ItemsHandling h = conn.itemsHandling;
        if (h.normalized() == 0) {
            return List.of();
        }
        List<NetworkItem> items = new ArrayList<>();
        if (h.startingInventory()) {
            for (long id : world.world(conn.slot).startingInventory()) {
                items.add(new NetworkItem(id, -2, 0, 0));
            }
        }
        SlotState st = state(conn.slot);
        items.addAll(h.ownWorld() ? st.items : st.fromOthers);
        return items;
    }

    private void sendFullItems(C c, Conn conn) {
        List<NetworkItem> full = fullItems(conn);
        conn.sendIndex = full.size();
        if (!full.isEmpty()) {
            send(c, new ReceivedItemsPacket(0, full));
        }
    }

    private void sendNewItems() {
        for (Map.Entry<C, Conn> e : connections.entrySet()) {
            Conn conn = e.getValue();
            if (conn.phase != Phase.AUTHENTICATED) {
                continue;
            }
            List<NetworkItem> full = fullItems(conn);
            if (full.size() > conn.sendIndex) {
                send(e.getKey(), new ReceivedItemsPacket(conn.sendIndex, List.copyOf(full.subList(conn.sendIndex, full.size()))));
                conn.sendIndex = full.size();
            }
        }
    }

    // ---------------------------------------------------------------- ConnectUpdate, GetDataPackage (§4.1, §4.10)

    private void connectUpdate(C c, Conn conn, ConnectUpdatePacket p) {
        ItemsHandling h = p.itemsHandling();
        if (h != null && h.value() != conn.itemsHandling.normalized()) {
            if (!h.isValid()) {
                send(c, new InvalidPacket(PacketProblemType.ARGUMENTS, "ConnectUpdate",
                        "Invalid items_handling: Invalid flag combination"));
                return;
            }
            conn.itemsHandling = h;
            sendFullItems(c, conn);
        }
        List<String> tags = p.tags();
        if (tags != null) {
            List<String> old = conn.tags;
            setTags(conn, tags);
            if (!new HashSet<>(old).equals(new HashSet<>(tags))) {
                String text = world.slots().get(conn.slot).name() + " (Team #" + (TEAM + 1) + ") has changed tags from "
                        + pyList(old) + " to " + pyList(tags) + ".";
                broadcast(List.of(new PrintJsonPacket(List.of(JsonMessagePart.text(text)), PrintJsonType.TAGS_CHANGED,
                        null, null, null, TEAM, conn.slot, null, conn.tags, null)), x -> !x.noText);
            }
        }
    }

    private void dataPackage(C c, GetDataPackagePacket p) {
        List<String> wanted = p.games();
        LinkedHashMap<String, GameData> games = new LinkedHashMap<>();
        for (Map.Entry<String, GameData> e : world.dataPackages().entrySet()) {
            if (wanted == null || wanted.contains(e.getKey())) {
                games.put(e.getKey(), e.getValue());
            }
        }
        send(c, new DataPackagePacket(new DataPackageContents(games)));
    }

    // ---------------------------------------------------------------- LocationChecks (§4.3)

    private void locationChecks(C c, Conn conn, LocationChecksPacket p) {
        if (conn.noLocations) {
            send(c, new InvalidPacket(PacketProblemType.CMD, "LocationChecks", "Trackers can't register new Location Checks"));
            return;
        }
        registerChecks(conn.slot, p.locations());
    }

    private void registerChecks(int finder, Collection<Long> locations) {
        SlotState st = state(finder);
        Map<Long, NetworkItem> placed = world.world(finder).locations();
        TreeSet<Long> fresh = new TreeSet<>();
        for (Long id : locations) {
            if (placed.containsKey(id) && !st.checked.contains(id)) {
                fresh.add(id);
            }
        }
        if (fresh.isEmpty()) {
            return;
        }
        List<NetworkItem> found = new ArrayList<>();
        for (Long id : fresh) {
            found.add(placed.get(id));
        }
        found.sort(Comparator.comparingInt(NetworkItem::player).thenComparingLong(NetworkItem::item)
                .thenComparingLong(NetworkItem::location).thenComparingInt(NetworkItem::flags));
        List<ServerPacket> messages = new ArrayList<>();
        for (NetworkItem at : found) {
            int receiver = at.player();
            NetworkItem sent = new NetworkItem(at.item(), at.location(), finder, at.flags());
            SlotState target = slots.get(receiver);
            if (target != null) {
                target.items.add(sent);
                if (receiver != finder) {
                    target.fromOthers.add(sent);
                }
            }
            messages.add(itemSend(finder, receiver, sent));
        }
        for (int i = 0; i < messages.size(); i += MESSAGES_PER_FRAME) {
            broadcast(List.copyOf(messages.subList(i, Math.min(messages.size(), i + MESSAGES_PER_FRAME))), x -> !x.noText);
        }
        st.checked.addAll(fresh);
        sendNewItems();
        broadcast(List.of(RoomUpdatePacket.builder().hintPoints(hintPoints(finder)).checkedLocations(LongList.copyOf(fresh))
                .build()), x -> x.slot == finder);
        // hints on these locations are found now
        Set<Integer> concerned = new TreeSet<>();
        for (Map.Entry<HintKey, Hint> e : hints.entrySet()) {
            Hint h = e.getValue();
            if (h.findingPlayer() == finder && fresh.contains(h.location()) && !h.found()) {
                e.setValue(withStatus(h, true, HintStatus.FOUND));
                concerned.add(h.findingPlayer());
                concerned.add(h.receivingPlayer());
            }
        }
        for (int s : concerned) {
            notifyReadKey(hintsKey(s), readHints(s));
        }
    }

    private PrintJsonPacket itemSend(int finder, int receiver, NetworkItem item) {
        List<JsonMessagePart> parts = new ArrayList<>();
        parts.add(playerPart(finder));
        if (finder == receiver) {
            parts.add(JsonMessagePart.text(" found their "));
            parts.add(itemPart(item.item(), finder, item.flags()));
        } else {
            parts.add(JsonMessagePart.text(" sent "));
            parts.add(itemPart(item.item(), receiver, item.flags()));
            parts.add(JsonMessagePart.text(" to "));
            parts.add(playerPart(receiver));
        }
        parts.add(JsonMessagePart.text(" ("));
        parts.add(locationPart(item.location(), finder));
        parts.add(JsonMessagePart.text(")"));
        return new PrintJsonPacket(parts, PrintJsonType.ITEM_SEND, receiver, item, null, null, null, null, null, null);
    }

    // ---------------------------------------------------------------- hints (§4.4-4.6)

    private void locationScouts(C c, Conn conn, LocationScoutsPacket p) {
        int slot = conn.slot;
        Map<Long, NetworkItem> placed = world.world(slot).locations();
        List<NetworkItem> infos = new ArrayList<>();
        for (Long id : p.locations()) {
            NetworkItem at = placed.get(id);
            if (at == null) {
                // deviation: the reference closes the connection (KeyError in the location store)
                send(c, new InvalidPacket(PacketProblemType.ARGUMENTS, "LocationScouts",
                        "LocationScouts: no location " + id + " for player " + slot));
                return;
            }
            infos.add(at);
        }
        int createAsHint = p.createAsHint() == null ? 0 : p.createAsHint();
        send(c, new LocationInfoPacket(infos));
        if (createAsHint != 0) {
            LinkedHashMap<HintKey, Hint> wanted = new LinkedHashMap<>();
            for (Long id : p.locations()) {
                wanted.computeIfAbsent(new HintKey(slot, id), k -> hintFor(k, HintStatus.UNSPECIFIED));
            }
            notifyHints(wanted.values(), createAsHint == 2);
        }
    }

    private void createHints(C c, Conn conn, CreateHintsPacket p) {
        int sender = conn.slot;
        int player = p.player() == null ? sender : p.player();
        if (p.locations().isEmpty()) {
            invalid(c, "CreateHints", "CreateHints: No locations specified.");
            return;
        }
        HintStatus status = p.status() == null ? HintStatus.UNSPECIFIED : p.status();
        if (!status.isKnown()) {
            invalid(c, "CreateHints", "Unknown Status: " + status.value() + " is not a valid HintStatus");
            return;
        }
        LinkedHashMap<HintKey, Hint> wanted = new LinkedHashMap<>();
        for (Long id : p.locations()) {
            NetworkItem at = slots.containsKey(player) ? world.world(player).locations().get(id) : null;
            if (at == null) {
                // for the sender's own slot the reference closes the connection instead (deviation)
                invalid(c, "CreateHints", player != sender
                        ? "CreateHints: One or more of the locations do not exist for the specified off-world player. "
                                + "Please refrain from hinting other slot's locations that you don't know contain your items."
                        : "CreateHints: no location " + id + " for player " + player);
                return;
            }
            if (at.player() != sender) {
                if (!status.equals(HintStatus.UNSPECIFIED)) {
                    invalid(c, "CreateHints", "CreateHints: Must use \"unspecified\"/None status for items from other players.");
                    return;
                }
                if (player != sender) {
                    invalid(c, "CreateHints", "CreateHints: Can only create hints for own items or own locations.");
                    return;
                }
            }
            HintStatus st = status;
            wanted.computeIfAbsent(new HintKey(player, id), k -> hintFor(k, st));
        }
        notifyHints(wanted.values(), true);
    }

    private void updateHint(C c, Conn conn, UpdateHintPacket p) {
        HintKey key = new HintKey(p.player(), p.location());
        Hint hint = hints.get(key);
        if (hint == null) {
            return;
        }
        if (hint.receivingPlayer() != conn.slot) {
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
        hints.put(key, withStatus(hint, false, status));
        for (int s : new TreeSet<>(List.of(hint.receivingPlayer(), hint.findingPlayer()))) {
            notifyReadKey(hintsKey(s), readHints(s));
        }
    }

    /** The existing hint for a (finder, location), as is, or a new one (found if the location is checked). */
    private Hint hintFor(HintKey key, HintStatus status) {
        Hint existing = hints.get(key);
        if (existing != null) {
            return existing;
        }
        NetworkItem at = Objects.requireNonNull(world.world(key.finder()).locations().get(key.location()));
        boolean found = state(key.finder()).checked.contains(key.location());
        return new Hint(at.player(), key.finder(), key.location(), at.item(), found, "", at.flags(),
                found ? HintStatus.FOUND : status);
    }

    private static Hint withStatus(Hint h, boolean found, HintStatus status) {
        return new Hint(h.receivingPlayer(), h.findingPlayer(), h.location(), h.item(), found || h.found(), h.entrance(),
                h.itemFlags(), status);
    }

    /**
     * The reference's {@code notify_hints}: stores the new hints; for each slot that gained one, RoomUpdate
     * {hint_points} to its sockets and the {@code _read_hints} notification; then to each concerned slot one
     * frame of Hint messages (its own finds first).
     */
    private void notifyHints(Collection<Hint> given, boolean onlyNew) {
        List<Hint> sorted = new ArrayList<>(given);
        sorted.sort(Comparator.comparing(Hint::found).reversed());
        TreeMap<Integer, List<Hint>> concerns = new TreeMap<>();
        TreeSet<Integer> gained = new TreeSet<>();
        for (Hint h : sorted) {
            HintKey key = new HintKey(h.findingPlayer(), h.location());
            if (onlyNew && hints.containsKey(key)) {
                continue;
            }
            concerns.computeIfAbsent(h.receivingPlayer(), k -> new ArrayList<>()).add(h);
            if (h.receivingPlayer() != h.findingPlayer()) {
                concerns.computeIfAbsent(h.findingPlayer(), k -> new ArrayList<>()).add(h);
            }
            if (!hints.containsKey(key)) {
                hints.put(key, h);
                gained.add(h.findingPlayer());
                gained.add(h.receivingPlayer());
            }
        }
        for (int s : gained) {
            if (slots.containsKey(s)) {
                broadcast(List.of(RoomUpdatePacket.builder().hintPoints(hintPoints(s)).build()), x -> x.slot == s);
                notifyReadKey(hintsKey(s), readHints(s));
            }
        }
        for (Map.Entry<Integer, List<Hint>> e : concerns.entrySet()) {
            int s = e.getKey();
            List<Hint> list = new ArrayList<>(e.getValue());
            list.sort(Comparator.comparing(h -> h.findingPlayer() != s));
            List<ServerPacket> frame = new ArrayList<>();
            for (Hint h : list) {
                frame.add(hintMessage(h));
            }
            broadcast(List.copyOf(frame), x -> x.slot == s && !x.noText);
        }
    }

    private PrintJsonPacket hintMessage(Hint h) {
        List<JsonMessagePart> parts = new ArrayList<>();
        parts.add(JsonMessagePart.text("[Hint]: "));
        parts.add(playerPart(h.receivingPlayer()));
        parts.add(JsonMessagePart.text("'s "));
        parts.add(itemPart(h.item(), h.receivingPlayer(), h.itemFlags()));
        parts.add(JsonMessagePart.text(" is at "));
        parts.add(locationPart(h.location(), h.findingPlayer()));
        parts.add(JsonMessagePart.text(" in "));
        parts.add(playerPart(h.findingPlayer()));
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

    // ---------------------------------------------------------------- StatusUpdate, Say, Bounce, storage

    private void statusUpdate(C c, Conn conn, StatusUpdatePacket p) {
        ClientStatus status = p.status();
        if (status.equals(ClientStatus.GOAL) && conn.noLocations) {
            send(c, new InvalidPacket(PacketProblemType.CMD, "StatusUpdate", "Trackers can't register Goal Complete"));
            return;
        }
        SlotState st = state(conn.slot);
        if (st.status.equals(ClientStatus.GOAL)) {
            return;
        }
        if (status.equals(ClientStatus.GOAL)) {
            String name = world.slots().get(conn.slot).name();
            broadcast(List.of(new PrintJsonPacket(List.of(JsonMessagePart.text(name + " (Team #" + (TEAM + 1)
                    + ") has completed their goal.")), PrintJsonType.GOAL, null, null, null, TEAM, conn.slot, null, null, null)),
                    x -> !x.noText);
            boolean all = true;
            for (Map.Entry<Integer, SlotState> e : slots.entrySet()) {
                if (e.getKey() != conn.slot && !e.getValue().status.equals(ClientStatus.GOAL)) {
                    all = false;
                }
            }
            if (all) {
                broadcast(List.of(PrintJsonPacket.text("Team #" + (TEAM + 1)
                        + " has completed all of their games! Congratulations!")), x -> !x.noText);
            }
        }
        st.status = status;
        notifyReadKey(clientStatusKey(conn.slot), JsonInt.of(status.value()));
    }

    private void say(C c, Conn conn, SayPacket p) {
        String text = p.text();
        if (!text.codePoints().allMatch(PythonText::isPrintable)) {
            invalid(c, "Say", "Say");
            return;
        }
        String name = world.slots().get(conn.slot).name();
        if (!text.startsWith("!admin")) {
            broadcast(List.of(new PrintJsonPacket(List.of(JsonMessagePart.text(name + ": " + text)), PrintJsonType.CHAT, null,
                    null, null, TEAM, conn.slot, text, null, null)), x -> !x.noText);
        }
        String stripped = text.strip();
        if (!stripped.startsWith("!")) {
            return;
        }
        String[] words = stripped.split("\\s+");
        String command = words[0].substring(1).toLowerCase(Locale.ROOT);
        switch (command) {
            case "help":
                commandResult(c, "Commands: !help (this list), !hint (your hints and hint points), !players (the slots), "
                        + "!missing (your unchecked locations), !checked (your checked locations)");
                break;
            case "hint":
                if (words.length > 1) {
                    commandResult(c, "This server does not give hints for items by name; !hint alone lists your hints.");
                    break;
                }
                List<ServerPacket> frame = new ArrayList<>();
                for (Hint h : hints(conn.slot)) {
                    frame.add(hintMessage(h));
                }
                if (!frame.isEmpty() && !conn.noText) {
                    send(c, List.copyOf(frame));
                }
                commandResult(c, "A hint costs " + world.hintCostForSlot(conn.slot) + " points. You have "
                        + hintPoints(conn.slot) + " points.");
                break;
            case "players":
                StringBuilder b = new StringBuilder();
                for (Map.Entry<Integer, NetworkSlot> e : world.slots().entrySet()) {
                    b.append(b.length() == 0 ? "" : ", ").append(e.getValue().name()).append(" (").append(e.getValue().game())
                            .append(connections.values().stream().anyMatch(x -> x.phase == Phase.AUTHENTICATED
                                    && x.slot == e.getKey()) ? ", connected)" : ")");
                }
                commandResult(c, b.toString());
                break;
            case "missing":
            case "checked":
                GameData game = world.dataPackages().get(world.slots().get(conn.slot).game());
                LongList ids = command.equals("missing") ? missing(conn.slot) : checkedLocations(conn.slot);
                List<String> names = new ArrayList<>();
                for (long id : ids) {
                    String n = game == null ? null : game.locationNameToId().name(id);
                    names.add(n == null ? String.valueOf(id) : n);
                }
                commandResult(c, names.size() + " " + command + " locations" + (names.isEmpty() ? "" : ": "
                        + String.join(", ", names)));
                break;
            default:
                commandResult(c, "Could not find command " + words[0] + ". Known commands: !" + String.join(", !", COMMANDS));
                break;
        }
    }

    private void commandResult(C c, String text) {
        Conn conn = connections.get(c);
        if (conn != null && !conn.noText) {
            send(c, print(PrintJsonType.COMMAND_RESULT, text));
        }
    }

    private void bounce(Conn sender, BouncePacket p) {
        Set<String> games = p.games() == null ? Set.of() : new HashSet<>(p.games());
        Set<Integer> targets = p.slots() == null ? Set.of() : new HashSet<>(p.slots());
        Set<String> tags = p.tags() == null ? Set.of() : new HashSet<>(p.tags());
        List<ServerPacket> frame = List.of(new BouncedPacket(p.games(), p.slots(), p.tags(), p.data(), p.extras()));
        broadcast(frame, x -> games.contains(world.slots().get(x.slot).game()) || targets.contains(x.slot)
                || x.tags.stream().anyMatch(tags::contains));
    }

    private void set(C c, Conn conn, SetPacket p) {
        SetResult<C> result = store.set(c, conn.slot, p);
        if (result instanceof Rejection) {
            send(c, ((Rejection<C>) result).invalid());
            return;
        }
        Delivery<C> d = (Delivery<C>) result;
        List<ServerPacket> frame = List.of(d.reply());
        for (C to : d.recipients()) {
            if (connections.containsKey(to)) {
                out.add(new RoomDelivery<>(to, frame));
            }
        }
    }

    /** The {@code _read_} keys (§1.6); only team 0 exists. */
    private @Nullable JsonValue readKey(String key) {
        String name = key.substring(DataStore.READ_PREFIX.length());
        if (name.equals("race_mode")) {
            return JsonInt.of(world.raceMode());
        }
        Integer slot;
        if (name.startsWith("hints_0_") && (slot = parseSlot(name.substring(8))) != null) {
            return readHints(slot);
        }
        if (name.startsWith("client_status_0_") && (slot = parseSlot(name.substring(16))) != null) {
            return JsonInt.of(state(slot).status.value());
        }
        if (name.startsWith("slot_data_") && (slot = parseSlot(name.substring(10))) != null) {
            return world.world(slot).slotData();
        }
        if (name.startsWith("item_name_groups_")) {
            return groups(world.itemNameGroups(), name.substring(17));
        }
        if (name.startsWith("location_name_groups_")) {
            return groups(world.locationNameGroups(), name.substring(21));
        }
        return null;
    }

    private @Nullable JsonValue groups(Map<String, JsonObject> groups, String game) {
        JsonObject g = groups.get(game);
        return g != null ? g : world.dataPackages().containsKey(game) ? JsonObject.EMPTY : null;
    }

    private @Nullable Integer parseSlot(String s) {
        if (s.isEmpty() || s.length() > 9 || !s.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
            return null;
        }
        int slot = Integer.parseInt(s);
        return slots.containsKey(slot) ? slot : null;
    }

    private JsonArray readHints(int slot) {
        List<JsonValue> list = new ArrayList<>();
        for (Hint h : hints(slot)) {
            list.add(hintJson(h));
        }
        return JsonArray.of(list);
    }

    private static JsonObject hintJson(Hint h) {
        return JsonObject.of("receiving_player", JsonInt.of(h.receivingPlayer()), "finding_player",
                JsonInt.of(h.findingPlayer()), "location", JsonInt.of(h.location()), "item", JsonInt.of(h.item()),
                "found", JsonBool.of(h.found()), "entrance", new JsonString(h.entrance()), "item_flags",
                JsonInt.of(h.itemFlags()), "status", JsonInt.of(h.status().value()), "class", new JsonString("Hint"));
    }

    private static String hintsKey(int slot) {
        return DataStore.READ_PREFIX + "hints_" + TEAM + "_" + slot;
    }

    private static String clientStatusKey(int slot) {
        return DataStore.READ_PREFIX + "client_status_" + TEAM + "_" + slot;
    }

    private void notifyReadKey(String key, JsonValue value) {
        Delivery<C> d = store.readKeyChanged(key, value);
        List<ServerPacket> frame = List.of(d.reply());
        for (C to : d.recipients()) {
            if (connections.containsKey(to)) {
                out.add(new RoomDelivery<>(to, frame));
            }
        }
    }

    // ---------------------------------------------------------------- output helpers

    private RoomInfoPacket roomInfo(Instant now) {
        List<String> games = new ArrayList<>(new TreeSet<>(world.dataPackages().keySet()));
        LinkedHashMap<String, String> checksums = new LinkedHashMap<>();
        for (Map.Entry<String, GameData> e : world.dataPackages().entrySet()) {
            if (e.getValue().checksum() != null) {
                checksums.put(e.getKey(), e.getValue().checksum());
            }
        }
        double time = now.getEpochSecond() + now.getNano() / 1e9;
        return new RoomInfoPacket(world.password() != null, games, config.tags(), world.serverVersion(),
                world.generatorVersion(), world.permissions(), world.hintCost(), world.locationCheckPoints(), checksums, null,
                world.seedName(), time);
    }

    private static PrintJsonPacket print(PrintJsonType type, String text) {
        return new PrintJsonPacket(List.of(JsonMessagePart.text(text)), type, null, null, null, null, null, null, null, null);
    }

    private static JsonMessagePart playerPart(int slot) {
        return new JsonMessagePart(String.valueOf(slot), JsonMessagePartType.PLAYER_ID, null, null, null, null);
    }

    private static JsonMessagePart itemPart(long item, int player, int flags) {
        return new JsonMessagePart(String.valueOf(item), JsonMessagePartType.ITEM_ID, null, flags, player, null);
    }

    private static JsonMessagePart locationPart(long location, int player) {
        return new JsonMessagePart(String.valueOf(location), JsonMessagePartType.LOCATION_ID, null, null, player, null);
    }

    private static String verb(List<String> tags) {
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
    private static String pyList(List<String> items) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                b.append(", ");
            }
            PythonText.appendStringRepr(b, items.get(i));
        }
        return b.append(']').toString();
    }

    private void invalid(C c, String cmd, String text) {
        send(c, new InvalidPacket(PacketProblemType.ARGUMENTS, cmd, text));
    }

    private void send(C c, ServerPacket packet) {
        send(c, List.of(packet));
    }

    private void send(C c, List<ServerPacket> frame) {
        if (connections.containsKey(c)) {
            out.add(new RoomDelivery<>(c, frame));
        }
    }

    /** Sends one frame (one shared list) to every authenticated connection that matches. */
    private void broadcast(List<ServerPacket> frame, Predicate<Conn> who) {
        for (Map.Entry<C, Conn> e : connections.entrySet()) {
            if (e.getValue().phase == Phase.AUTHENTICATED && who.test(e.getValue())) {
                out.add(new RoomDelivery<>(e.getKey(), frame));
            }
        }
    }

    /** Forgets a connection and asks the driver to close it. */
    private void drop(C c, String reason) {
        forget(c);
        out.add(new RoomClose<>(c, reason));
    }

    private void forget(C c) {
        Conn conn = connections.remove(c);
        if (conn == null) {
            return;
        }
        store.disconnect(c);
        if (conn.phase != Phase.AUTHENTICATED) {
            return;
        }
        int s = conn.slot;
        NetworkSlot info = world.slots().get(s);
        String verb = verb(conn.tags);
        String text = info.name() + " (Team #" + (TEAM + 1) + ") "
                + (verb.equals("playing") ? "has left the game" : "has stopped " + verb + " the game")
                + ". Client(" + conn.version + "), " + pyList(conn.tags) + ".";
        broadcast(List.of(new PrintJsonPacket(List.of(JsonMessagePart.text(text)), PrintJsonType.PART, null, null, null,
                TEAM, s, null, null, null)), x -> !x.noText);
        boolean last = connections.values().stream().noneMatch(x -> x.phase == Phase.AUTHENTICATED && x.slot == s);
        SlotState st = state(s);
        if (last && !st.status.equals(ClientStatus.GOAL)) {
            st.status = ClientStatus.UNKNOWN;
            notifyReadKey(clientStatusKey(s), JsonInt.of(st.status.value()));
        }
    }

    private RoomStep<C> finish() {
        RoomStep<C> step = new RoomStep<>(out);
        out = new ArrayList<>();
        return step;
    }

    /** {@return a short description for logs} */
    @Override
    public String toString() {
        return "ArchipelagoRoom[" + world.seedName() + ", " + connections.size() + " connections]";
    }
}
