package dev.apwire.server;

import dev.apwire.json.JsonValue;
import dev.apwire.json.JsonInt;
import dev.apwire.json.JsonObject;
import dev.apwire.json.PythonText;
import dev.apwire.protocol.ClientStatus;
import dev.apwire.protocol.ConnectionRefusedError;
import dev.apwire.protocol.DataPackageContents;
import dev.apwire.protocol.GameData;
import dev.apwire.protocol.Hint;
import dev.apwire.protocol.ItemsHandling;
import dev.apwire.protocol.JsonMessagePart;
import dev.apwire.protocol.LongList;
import dev.apwire.protocol.NetworkItem;
import dev.apwire.protocol.NetworkVersion;
import dev.apwire.protocol.PacketProblemType;
import dev.apwire.protocol.PrintJsonType;
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
import dev.apwire.protocol.server.PrintJsonPacket;
import dev.apwire.protocol.server.ReceivedItemsPacket;
import dev.apwire.protocol.server.RoomInfoPacket;
import dev.apwire.protocol.server.ServerPacket;
import dev.apwire.server.RoomRules.Phase;
import dev.apwire.server.SlotState.HintKey;
import dev.apwire.storage.DataStore;
import dev.apwire.storage.Delivery;
import dev.apwire.storage.Rejection;
import dev.apwire.storage.SetResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;

/**
 * One Archipelago room: the reference server's rules (reference-server.md, server-features.md) for one
 * {@link Multiworld}, as a pure state machine over connections identified by values of type {@code C}.
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
 * <p>Besides the connections, the driver may call the admin operations ({@link #release}, {@link #collect},
 * {@link #sendItem}, {@link #sendLocations}, {@link #hint}, {@link #setOption}, {@link #allowRelease},
 * {@link #setAlias}, {@link #countdown}, {@link #serverChat}) or feed console lines to {@link #console}, which
 * takes MultiServer's {@code /} commands. Time: {@link #nextDeadline()} says when the room wants
 * {@link #onTimeout} (a running countdown, a delayed login); a spurious call is a no-op. Logins
 * ({@link LoginLimits}): the driver passes each socket's remote address to {@link #open(Object, String, Instant)};
 * before a successful {@code Connect} a connection may send only a few other commands, and the failed logins of an
 * address delay its next {@code Connect}s (evaluated at a deadline, never by sleeping) while other addresses go on
 * unslowed; a connection is closed after repeated failures. Persistence: {@link #changes()} grows
 * with every change a save must hold; a driver saves {@link #snapshot()} (through {@link RoomStateCodec}) soon
 * after it grows, at once when {@link #pollSaveRequest()} says an admin asked, and at shutdown; it starts again
 * with {@link #restore}. {@link #exitRequested()} reports {@code /exit}.
 *
 * <p>The parts: {@link RoomRules} (phases and what each may send), {@code RoomCore} (shared state and the
 * output primitives), {@code Progress} (items, checks, release, collect, goal), {@code HintBook} (hints),
 * {@code ChatCommands} ({@code !} commands), {@code ServerCommands} ({@code /} commands and admin
 * operations), {@code Countdown}.
 *
 * <p>Pure (no threads, no clock, no I/O) and <b>not thread-safe</b>: call it from one thread (the driver's room
 * thread) or guard it externally.
 *
 * @param <C> the connection id type; needs value-based {@code equals} and {@code hashCode}
 */
public final class ArchipelagoRoom<C> {

    /** The most PrintJSON messages in one frame (the reference splits ItemSend broadcasts like this). */
    static final int MESSAGES_PER_FRAME = RoomCore.MESSAGES_PER_FRAME;
    private static final String TUTORIAL = "Now that you are connected, you can use !help to list commands to run via "
            + "the server. If your client supports it, you may have additional local commands you can list with /help.";

    private final RoomCore<C> core;
    private final HintBook<C> hints;
    private final Progress<C> progress;
    private final Countdown<C> countdown;
    private final ServerCommands<C> server;
    private final ChatCommands<C> chat;
    private final LoginGuard<C> logins;

    /**
     * Creates a room for a multiworld with {@link RoomConfig#DEFAULT} and the multiworld's options.
     *
     * @param world the multiworld
     */
    public ArchipelagoRoom(Multiworld world) {
        this(world, RoomConfig.DEFAULT);
    }

    /**
     * Creates a room for a multiworld with the multiworld's options ({@link RoomOptions#of}).
     *
     * @param world the multiworld
     * @param config the room's policy
     */
    public ArchipelagoRoom(Multiworld world, RoomConfig config) {
        this(world, config, RoomOptions.of(world), new SplittableRandom(world.seedName().hashCode()));
    }

    /**
     * Creates a room: nothing checked, no hints, empty data storage; player slots start at status UNKNOWN,
     * groups and spectators at GOAL.
     *
     * @param world the multiworld
     * @param config the room's policy
     * @param options the options (hint cost, passwords, permission modes, ...)
     * @param random the randomness of hint choice and of the masks hiding passwords
     */
    public ArchipelagoRoom(Multiworld world, RoomConfig config, RoomOptions options, RandomGenerator random) {
        this(new RoomCore<>(world, config, options, new DataStore<>(config.storageLimits()), random));
    }

    private ArchipelagoRoom(RoomCore<C> core) {
        this.core = core;
        this.hints = new HintBook<>(core);
        this.progress = new Progress<>(core, hints);
        this.countdown = new Countdown<>(core);
        this.server = new ServerCommands<>(core, progress, hints, countdown);
        this.chat = new ChatCommands<>(core, progress, hints, server, countdown);
        this.logins = new LoginGuard<>(core.config.loginLimits());
    }

    /**
     * Creates a room from a saved state with {@link RoomConfig#DEFAULT} (see
     * {@link #restore(Multiworld, RoomConfig, RoomState, RandomGenerator)}).
     *
     * @param world the multiworld the state was saved from
     * @param state the state
     * @param <C> the connection id type
     * @return the room
     * @throws IllegalArgumentException if the state does not belong to this multiworld or is newer than this library
     */
    public static <C> ArchipelagoRoom<C> restore(Multiworld world, RoomState state) {
        return restore(world, RoomConfig.DEFAULT, state, new SplittableRandom(world.seedName().hashCode()));
    }

    /**
     * Creates a room from a saved state, as it was when saved (no connections).
     *
     * @param world the multiworld the state was saved from
     * @param config the room's policy
     * @param state the state
     * @param random the randomness of hint choice and password masks
     * @param <C> the connection id type
     * @return the room
     * @throws IllegalArgumentException if the state does not belong to this multiworld (other seed or slots) or
     *     is newer than this library
     */
    public static <C> ArchipelagoRoom<C> restore(Multiworld world, RoomConfig config, RoomState state,
            RandomGenerator random) {
        if (state.version() > RoomState.VERSION) {
            throw new IllegalArgumentException("This savegame is newer than the server.");
        }
        Map<Integer, String> names = new TreeMap<>();
        world.slots().forEach((slot, info) -> names.put(slot, info.name()));
        if (!state.seedName().equals(world.seedName()) || !state.slotNames().equals(names)) {
            throw new IllegalArgumentException("This savegame does not appear to match the loaded multiworld.");
        }
        DataStore<C> store = DataStore.restore(state.dataStorage(), config.storageLimits());
        RoomCore<C> core = new RoomCore<>(world, config, state.options(), store, random);
        for (SlotProgress p : state.slots()) {
            SlotState st = core.slots.get(p.key());
            if (st == null) {
                if (p.key().team() == 0) {
                    throw new IllegalArgumentException("This savegame does not appear to match the loaded multiworld.");
                }
                st = new SlotState(ClientStatus.UNKNOWN);
                core.slots.put(p.key(), st);
            }
            st.checked.addAll(p.checked());
            st.items.addAll(p.items());
            st.fromOthers.addAll(p.itemsFromOthers());
            st.hintsUsed = p.hintsUsed();
            st.status = new ClientStatus(p.status());
            st.alias = p.alias();
            for (Hint h : p.hints()) {
                HintKey k = new HintKey(h.findingPlayer(), h.location());
                core.hints(p.key().team()).put(k, h);
                st.hints.add(k);
            }
        }
        state.groupCollected().forEach((g, m) -> core.groupCollected.put(g, new TreeSet<>(m)));
        return new ArchipelagoRoom<>(core);
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
        return open(connection, "", now);
    }

    /**
     * A socket opened from a remote address: sends it {@code RoomInfo} (§6). The address keys the throttle of
     * failed logins ({@link LoginLimits}): connections from one address share it, others are never slowed by it.
     *
     * @param connection the new connection
     * @param remoteAddress the peer's address (an IP address as text; any stable key will do)
     * @param now the current time, sent as {@code RoomInfo.time}
     * @return the step
     * @throws IllegalStateException if the connection is already open
     */
    public RoomStep<C> open(C connection, String remoteAddress, Instant now) {
        Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(remoteAddress, "remoteAddress");
        if (core.connections.containsKey(connection)) {
            throw new IllegalStateException("connection already open: " + connection);
        }
        Connection fresh = new Connection();
        fresh.address = remoteAddress;
        core.connections.put(connection, fresh);
        core.send(connection, roomInfo(now));
        return finish(now);
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
            if (!core.connections.containsKey(connection)) {
                break;
            }
            handle(connection, p, now);
        }
        return finish(now);
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
        if (core.connections.containsKey(connection)) {
            handle(connection, packet, now);
        }
        return finish(now);
    }

    /**
     * A command of a frame could not be decoded (the codec's {@code Decoded.Problem}). Sends the
     * {@code InvalidPacket}; when {@code fatal} and the room is {@linkplain RoomConfig#strict() strict},
     * then closes the connection, as the reference does (§2.1). For malformed arguments of Connect,
     * Get, Set, SetNotify, Say, UpdateHint and LocationScouts the text is replaced by the reference's (§2.3).
     * Before login an {@code arguments} problem of a command other than {@code Connect} /
     * {@code GetDataPackage} is ignored, since the reference never looks at such commands (§2.2).
     *
     * @param connection the sending connection
     * @param invalid the problem, as the packet to send
     * @param fatal whether the reference closes the connection after it
     * @param now the current time
     * @return the step
     */
    public RoomStep<C> receiveInvalid(C connection, InvalidPacket invalid, boolean fatal, Instant now) {
        Connection conn = core.connections.get(connection);
        if (conn == null) {
            return finish(now);
        }
        if (conn.phase == Phase.OPENED && invalid.type().equals(PacketProblemType.ARGUMENTS)) {
            ClientCommand cmd = invalid.originalCmd() == null ? null : ClientCommand.fromWireName(invalid.originalCmd());
            if (cmd == null || !RoomRules.accepts(conn.phase, cmd)) {
                return finish(now);
            }
        }
        String text = invalid.type().equals(PacketProblemType.ARGUMENTS) ? RoomRules.argumentsText(invalid.originalCmd()) : null;
        core.send(connection, text == null ? invalid : new InvalidPacket(invalid.type(), invalid.originalCmd(), text));
        if (fatal && core.config.strict()) {
            drop(connection, "invalid packet");
        }
        return finish(now);
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
        if (core.connections.containsKey(connection)) {
            drop(connection, reason);
        }
        return finish(now);
    }

    /**
     * The socket closed. If it was logged in, the others see {@code Part}, and the slot's status falls back to
     * UNKNOWN when this was its last socket and it is not at GOAL (§3.6). Its {@code SetNotify}
     * subscriptions and an {@code !admin} login end. A no-op for a connection the room does not know.
     *
     * @param connection the connection
     * @param now the current time
     * @return the step
     */
    public RoomStep<C> close(C connection, Instant now) {
        forget(connection);
        return finish(now);
    }

    /** {@return when the room next wants {@link #onTimeout} (a countdown's next second, a delayed Connect's
     * answer), or empty} */
    public Optional<Instant> nextDeadline() {
        Instant c = countdown.deadline();
        Optional<Instant> l = logins.nextDeadline();
        if (c == null) {
            return l;
        }
        return Optional.of(l.isPresent() && l.get().isBefore(c) ? l.get() : c);
    }

    /**
     * Time passed: sends what is due by {@code now} (countdown messages). A call before the deadline is a no-op.
     *
     * @param now the current time
     * @return the step
     */
    public RoomStep<C> onTimeout(Instant now) {
        for (LoginGuard.Waiting<C> w : logins.due(now)) {
            Connection conn = core.connections.get(w.connection());
            if (conn != null) {
                connect(w.connection(), conn, w.packet(), now);
            }
        }
        countdown.onTimeout(now);
        return finish(now);
    }

    // ---------------------------------------------------------------- admin operations (server-features.md §7)

    /**
     * A line typed on the server console: a MultiServer {@code /} command ({@code /help} lists them), or text
     * without {@code /} sent to everyone as {@code [Server]: text}. Output is returned for the console and, while
     * a client is logged in with {@code !admin}, also sent to it.
     *
     * @param line the line, stripped by the caller
     * @param now the current time
     * @return the console output and the step
     */
    public ConsoleResult<C> console(String line, Instant now) {
        core.lastNow = now;
        List<String> output = new ArrayList<>();
        server.run(line, now, output);
        return new ConsoleResult<>(output, finish(now));
    }

    /**
     * Releases a slot: all its locations are checked and their items sent ({@code /release}, §6.1).
     *
     * @param slot the slot
     * @param now the current time
     * @return the step
     */
    public RoomStep<C> release(TeamSlot slot, Instant now) {
        core.state(slot);
        progress.release(slot);
        return finish(now);
    }

    /**
     * Collects for a slot: every location anywhere holding an item for it is checked ({@code /collect}, §6.2).
     *
     * @param slot the slot (a group collects the items addressed to the group)
     * @param now the current time
     * @return the step
     */
    public RoomStep<C> collect(TeamSlot slot, Instant now) {
        core.state(slot);
        progress.collect(slot, core.index.isGroup(slot.slot()));
        return finish(now);
    }

    /**
     * Sends items from the server (slot 0) to a slot, as {@code /send_multiple} does: groups fan out to their
     * members, everyone sees {@code Cheat console: sending ...}.
     *
     * @param slot the receiving slot
     * @param item the item id
     * @param amount how many, 1 to 100
     * @param now the current time
     * @return the step
     */
    public RoomStep<C> sendItem(TeamSlot slot, long item, int amount, Instant now) {
        core.state(slot);
        if (amount < 1 || amount > 100) {
            throw new IllegalArgumentException("amount must be 1 to 100, got " + amount);
        }
        progress.sendFromServer(slot, item, core.index.itemName(slot.slot(), item), amount);
        return finish(now);
    }

    /**
     * Checks locations of a slot as if its client had ({@code /send_location}); unknown ids are ignored.
     *
     * @param slot the slot
     * @param locations the location ids
     * @param now the current time
     * @return the step
     */
    public RoomStep<C> sendLocations(TeamSlot slot, Collection<Long> locations, Instant now) {
        core.state(slot);
        progress.registerChecks(slot, List.copyOf(locations), true);
        return finish(now);
    }

    /**
     * Creates hints for free ({@code /hint}, {@code /hint_location}): for an item, every placement of it for the
     * slot (or a group it is in); for a location, the slot's own location.
     *
     * @param slot the slot
     * @param id an item id, or with {@code location} a location id
     * @param location whether {@code id} is a location
     * @param now the current time
     * @return the step
     */
    public RoomStep<C> hint(TeamSlot slot, long id, boolean location, Instant now) {
        core.state(slot);
        List<Hint> found = location ? hints.collectLocation(slot.team(), slot.slot(), id, dev.apwire.protocol.HintStatus.UNSPECIFIED)
                : hints.collectItem(slot.team(), slot.slot(), id);
        hints.notifyHints(slot.team(), found, false, false, null);
        return finish(now);
    }

    /**
     * Changes one option ({@code /option}); clients see permission, hint cost and check point changes.
     *
     * @param name an option name of {@link RoomOptions#NAMES}
     * @param value the value, of the option's type ({@link Integer}, {@link String}, {@link Boolean}; passwords may be
     *     {@code null})
     * @param now the current time
     * @return the step
     * @throws IllegalArgumentException for an unknown name or a bad value
     * @throws ClassCastException for a value of the wrong type
     */
    public RoomStep<C> setOption(String name, @Nullable Object value, Instant now) {
        core.options.with(name, value);
        server.setOption(name, value);
        return finish(now);
    }

    /**
     * Allows a slot to {@code !release} at any time, or withdraws that ({@code /allow_release},
     * {@code /forbid_release}; withdrawing cannot forbid what the release mode allows).
     *
     * @param slot the slot
     * @param allowed whether it is allowed
     */
    public void allowRelease(TeamSlot slot, boolean allowed) {
        core.state(slot).allowRelease = allowed;
    }

    /**
     * Sets or removes a slot's alias; the team sees the new player list.
     *
     * @param slot the slot
     * @param alias the alias, or {@code null} to remove it
     * @param now the current time
     * @return the step
     */
    public RoomStep<C> setAlias(TeamSlot slot, @Nullable String alias, Instant now) {
        core.state(slot);
        server.setAlias(slot, alias);
        return finish(now);
    }

    /**
     * Starts a countdown (regardless of {@code countdown_mode}).
     *
     * @param seconds the seconds, at most 3600
     * @param now the current time
     * @return the step
     */
    public RoomStep<C> countdown(int seconds, Instant now) {
        if (seconds > 3600) {
            throw new IllegalArgumentException(seconds + " is invalid. Maximum is 1 hour.");
        }
        countdown.start(seconds, now);
        return finish(now);
    }

    /**
     * Sends {@code [Server]: text} to everyone (a console line without {@code /}).
     *
     * @param text the text
     * @param now the current time
     * @return the step
     */
    public RoomStep<C> serverChat(String text, Instant now) {
        core.broadcastTextAll(new PrintJsonPacket(List.of(JsonMessagePart.text("[Server]: " + text)), PrintJsonType.SERVER_CHAT,
                null, null, null, null, null, text, null, null));
        return finish(now);
    }

    // ---------------------------------------------------------------- persistence

    /** {@return how many changes a save must hold have happened since the room was made (grows only)} */
    public long changes() {
        return core.changes;
    }

    /** {@return whether an admin asked to save now ({@code /save}); the request is cleared by this call} */
    public boolean pollSaveRequest() {
        boolean r = core.saveRequested;
        core.saveRequested = false;
        return r;
    }

    /** {@return whether an admin asked the server to stop ({@code /exit})} */
    public boolean exitRequested() {
        return core.exitRequested;
    }

    /** {@return the whole state a restart needs: progress, hints, statuses, aliases, options, data storage} */
    public RoomState snapshot() {
        Map<Integer, String> names = new TreeMap<>();
        core.world.slots().forEach((slot, info) -> names.put(slot, info.name()));
        List<SlotProgress> slots = new ArrayList<>();
        for (Map.Entry<TeamSlot, SlotState> e : core.slots.entrySet()) {
            SlotState st = e.getValue();
            slots.add(new SlotProgress(e.getKey(), LongList.copyOf(st.checked), st.items, st.fromOthers, st.hintsUsed,
                    st.status.value(), st.alias, hints.held(e.getKey())));
        }
        Map<Integer, List<Integer>> groups = new TreeMap<>();
        core.groupCollected.forEach((g, m) -> groups.put(g, List.copyOf(m)));
        return new RoomState(RoomState.VERSION, core.world.seedName(), names, core.options, slots, groups, core.store.snapshot());
    }

    // ---------------------------------------------------------------- queries

    /** {@return the multiworld this room serves} */
    public Multiworld multiworld() {
        return core.world;
    }

    /** {@return the current options} */
    public RoomOptions options() {
        return core.options;
    }

    /** {@return the room's data storage} */
    public DataStore<C> storage() {
        return core.store;
    }

    /** {@return whether the room knows this connection (opened and not closed)}
     *
     * @param connection the connection
     */
    public boolean isOpen(C connection) {
        return core.connections.containsKey(connection);
    }

    /** {@return the slot a connection is logged in as, or empty before login}
     *
     * @param connection the connection
     */
    public Optional<Integer> slotOf(C connection) {
        Connection conn = core.connections.get(connection);
        return conn == null || !conn.authenticated() ? Optional.empty() : Optional.of(conn.slot());
    }

    /** {@return a team-0 slot's checked locations, ascending}
     *
     * @param slot the slot number
     */
    public LongList checkedLocations(int slot) {
        return LongList.copyOf(core.state(TeamSlot.of(slot)).checked);
    }

    /** {@return every item a team-0 slot has received, in order (no starting inventory)}
     *
     * @param slot the slot number
     */
    public List<NetworkItem> receivedItems(int slot) {
        return List.copyOf(core.state(TeamSlot.of(slot)).items);
    }

    /** {@return the hints a team-0 slot holds, in the order it gained them}
     *
     * @param slot the slot number
     */
    public List<Hint> hints(int slot) {
        return hints.held(TeamSlot.of(slot));
    }

    /** {@return a team-0 slot's client status}
     *
     * @param slot the slot number
     */
    public ClientStatus clientStatus(int slot) {
        return core.state(TeamSlot.of(slot)).status;
    }

    /** {@return a team-0 slot's hint points: {@code location_check_points * checked - hint cost * hints used}}
     *
     * @param slot the slot number
     */
    public int hintPoints(int slot) {
        return core.hintPoints(TeamSlot.of(slot));
    }

    /** {@return a slot's alias, or empty}
     *
     * @param slot the team and slot
     */
    public Optional<String> alias(TeamSlot slot) {
        return Optional.ofNullable(core.state(slot).alias);
    }

    // ---------------------------------------------------------------- dispatch

    private void handle(C c, ClientPacket packet, Instant now) {
        core.lastNow = now;
        Connection conn = Objects.requireNonNull(core.connections.get(c));
        ClientCommand command = packet.command();
        if (!conn.authenticated() && command != ClientCommand.CONNECT
                && ++conn.preLoginCommands > core.config.loginLimits().maxPreLoginCommands()) {
            // deviation: the reference lets a connection send anything forever without logging in
            drop(c, "more than " + core.config.loginLimits().maxPreLoginCommands() + " commands before a successful Connect");
            return;
        }
        if (!RoomRules.accepts(conn.phase, command)) {
            return;
        }
        switch (command) {
            case CONNECT:
                throttledConnect(c, conn, (ConnectPacket) packet, now);
                break;
            case GET_DATA_PACKAGE:
                dataPackage(c, (GetDataPackagePacket) packet);
                break;
            case CONNECT_UPDATE:
                connectUpdate(c, conn, (ConnectUpdatePacket) packet);
                break;
            case SYNC:
                progress.sendFullItems(c, conn);
                break;
            case LOCATION_CHECKS:
                if (conn.noLocations) {
                    core.send(c, new InvalidPacket(PacketProblemType.CMD, "LocationChecks",
                            "Trackers can't register new Location Checks"));
                } else {
                    progress.registerChecks(conn.key, ((LocationChecksPacket) packet).locations(), true);
                }
                break;
            case LOCATION_SCOUTS:
                hints.locationScouts(c, conn, (LocationScoutsPacket) packet);
                break;
            case CREATE_HINTS:
                hints.createHints(c, conn, (CreateHintsPacket) packet);
                break;
            case UPDATE_HINT:
                hints.updateHint(c, conn, (UpdateHintPacket) packet);
                break;
            case STATUS_UPDATE:
                ClientStatus status = ((StatusUpdatePacket) packet).status();
                if (status.equals(ClientStatus.GOAL) && conn.noLocations) {
                    core.send(c, new InvalidPacket(PacketProblemType.CMD, "StatusUpdate", "Trackers can't register Goal Complete"));
                } else {
                    progress.updateStatus(conn.key, status);
                }
                break;
            case SAY:
                String text = ((SayPacket) packet).text();
                if (!text.codePoints().allMatch(PythonText::isPrintable)) {
                    core.send(c, new InvalidPacket(PacketProblemType.ARGUMENTS, "Say", "Say"));
                } else {
                    chat.say(c, conn, text, now);
                }
                break;
            case BOUNCE:
                bounce(conn, (BouncePacket) packet);
                break;
            case GET:
                core.send(c, core.store.retrieve((GetPacket) packet, this::readKey));
                break;
            case SET:
                set(c, conn, (SetPacket) packet);
                break;
            case SET_NOTIFY:
                core.store.setNotify(c, (SetNotifyPacket) packet).ifPresent(refusal -> core.send(c, refusal));
                break;
            default:
                // RoomRules never accepts JOIN or UNKNOWN
                break;
        }
    }

    // ---------------------------------------------------------------- Connect (reference-server.md §3)

    /** A Connect through the login throttle: evaluated now, later, or not at all (LoginGuard). */
    private void throttledConnect(C c, Connection conn, ConnectPacket p, Instant now) {
        switch (logins.check(c, conn.address, p, now)) {
            case EVALUATE:
                connect(c, conn, p, now);
                break;
            case DEFER:
                break;
            case BUSY:
                drop(c, "too many logins waiting from this address");
                break;
            default:
                drop(c, "a Connect is already waiting for its answer");
                break;
        }
    }

    private void connect(C c, Connection conn, ConnectPacket p, Instant now) {
        // §3.2 in a fixed order (the reference's order is hash-random)
        List<ConnectionRefusedError> errors = new ArrayList<>();
        String password = core.options.password();
        if (password != null && !password.isEmpty() && !password.equals(p.password())) {
            errors.add(ConnectionRefusedError.INVALID_PASSWORD);
        }
        // a group's name is refused here; the reference accepts it and then fails (server-features.md §9.3)
        Integer slot = core.index.connectable.get(p.name());
        if (slot == null) {
            errors.add(ConnectionRefusedError.INVALID_SLOT);
        } else {
            String game = p.game();
            boolean ignoreGame = (game == null || game.isEmpty()) && dev.apwire.protocol.ClientTags.isNoLocations(p.tags());
            if (!ignoreGame && !core.index.info(slot).game().equals(game)) {
                errors.add(ConnectionRefusedError.INVALID_GAME);
            }
            NetworkVersion minimum = ignoreGame ? new NetworkVersion(0, 5, 0) : core.world.minimumClientVersion(slot);
            if (p.version().compareTo(minimum) < 0
                    || (core.options.compatibility() == 0 && !p.version().equals(core.world.serverVersion()))) {
                errors.add(ConnectionRefusedError.INCOMPATIBLE_VERSION);
            }
            if (!p.itemsHandling().isValid()) {
                errors.add(ConnectionRefusedError.INVALID_ITEMS_HANDLING);
            }
        }
        if (!errors.isEmpty()) {
            core.send(c, new ConnectionRefusedPacket(errors));
            logins.failed(conn.address, now);
            if (++conn.failedLogins >= core.config.loginLimits().maxFailuresPerConnection()) {
                drop(c, "too many failed logins");
            }
            return;
        }
        logins.succeeded(conn.address);
        TeamSlot key = TeamSlot.of(slot);
        if (conn.authenticated() && !conn.key.equals(key)) {
            // deviation: the reference closes the connection here (§3.4 step 1)
            core.send(c, new InvalidPacket(PacketProblemType.ARGUMENTS, "Connect", "Connect: this connection is logged in as "
                    + core.index.name(conn.slot()) + "; open a new connection to log in as another slot"));
            return;
        }
        boolean first = !conn.authenticated();
        conn.key = key;
        conn.version = p.version();
        conn.setTags(p.tags());
        conn.itemsHandling = p.itemsHandling();
        List<NetworkItem> full = progress.fullItems(conn);
        conn.sendIndex = full.size();
        SlotState st = core.state(key);
        TreeSet<Long> missing = new TreeSet<>(core.index.locations(slot).keySet());
        missing.removeAll(st.checked);
        ConnectedPacket connected = new ConnectedPacket(key.team(), slot, core.players(key.team()), LongList.copyOf(missing),
                LongList.copyOf(st.checked), p.wantsSlotData() ? core.world.world(slot).slotData() : null, core.world.slots(),
                core.hintPoints(key));
        if (full.isEmpty()) {
            core.send(c, connected);
        } else {
            core.send(c, List.of(connected, new ReceivedItemsPacket(0, full)));
        }
        if (!first) {
            return;
        }
        conn.phase = Phase.AUTHENTICATED;
        core.sockets.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(c);
        if (st.status.equals(ClientStatus.UNKNOWN)) {
            st.status = ClientStatus.CONNECTED;
            core.statusChanged(key);
            core.changed();
        }
        String text = core.aliasedName(key) + " (Team #" + (key.team() + 1) + ") " + RoomCore.verb(conn.tags) + " "
                + core.index.info(slot).game() + " has joined. Client(" + conn.version + "), " + RoomCore.pyList(conn.tags) + ".";
        core.broadcastTextAll(new PrintJsonPacket(List.of(JsonMessagePart.text(text)), PrintJsonType.JOIN, null, null, null,
                key.team(), slot, null, conn.tags, null));
        core.notifyClient(c, PrintJsonType.TUTORIAL, TUTORIAL);
    }

    private void connectUpdate(C c, Connection conn, ConnectUpdatePacket p) {
        ItemsHandling h = p.itemsHandling();
        if (h != null && h.value() != conn.itemsHandling.normalized()) {
            if (!h.isValid()) {
                core.send(c, new InvalidPacket(PacketProblemType.ARGUMENTS, "ConnectUpdate",
                        "Invalid items_handling: Invalid flag combination"));
                return;
            }
            conn.itemsHandling = h;
            progress.sendFullItems(c, conn);
        }
        List<String> tags = p.tags();
        if (tags != null) {
            List<String> old = conn.tags;
            conn.setTags(tags);
            if (!new HashSet<>(old).equals(new HashSet<>(tags))) {
                String text = core.aliasedName(conn.key) + " (Team #" + (conn.team() + 1) + ") has changed tags from "
                        + RoomCore.pyList(old) + " to " + RoomCore.pyList(tags) + ".";
                core.broadcastTextAll(new PrintJsonPacket(List.of(JsonMessagePart.text(text)), PrintJsonType.TAGS_CHANGED,
                        null, null, null, conn.team(), conn.slot(), null, conn.tags, null));
            }
        }
    }

    private void dataPackage(C c, GetDataPackagePacket p) {
        List<String> wanted = p.games();
        LinkedHashMap<String, GameData> games = new LinkedHashMap<>();
        for (Map.Entry<String, GameData> e : core.world.dataPackages().entrySet()) {
            if (wanted == null || wanted.contains(e.getKey())) {
                games.put(e.getKey(), e.getValue());
            }
        }
        core.send(c, new DataPackagePacket(new DataPackageContents(games)));
    }

    // ---------------------------------------------------------------- Bounce, storage

    private void bounce(Connection sender, BouncePacket p) {
        Set<String> games = p.games() == null ? Set.of() : new HashSet<>(p.games());
        Set<Integer> targets = p.slots() == null ? Set.of() : new HashSet<>(p.slots());
        Set<String> tags = p.tags() == null ? Set.of() : new HashSet<>(p.tags());
        List<ServerPacket> frame = List.of(new BouncedPacket(p.games(), p.slots(), p.tags(), p.data(), p.extras()));
        core.broadcast(frame, x -> x.team() == sender.team() && (games.contains(core.index.info(x.slot()).game())
                || targets.contains(x.slot()) || x.tags.stream().anyMatch(tags::contains)));
    }

    private void set(C c, Connection conn, SetPacket p) {
        SetResult<C> result = core.store.set(c, conn.slot(), p);
        if (result instanceof Rejection<C> rejection) {
            core.send(c, rejection.invalid());
            return;
        }
        Delivery<C> d = (Delivery<C>) result;
        core.changed();
        List<ServerPacket> frame = List.of(d.reply());
        for (C to : d.recipients()) {
            core.send(to, frame);
        }
    }

    /** The {@code _read_} keys (reference-server.md §1.6). */
    private @Nullable JsonValue readKey(String key) {
        String name = key.substring(DataStore.READ_PREFIX.length());
        if (name.equals("race_mode")) {
            return JsonInt.of(core.world.raceMode());
        }
        if (name.startsWith("hints_") || name.startsWith("client_status_")) {
            String rest = name.substring(name.startsWith("hints_") ? 6 : 14);
            int u = rest.indexOf('_');
            Integer team = u < 0 ? null : number(rest.substring(0, u));
            Integer slot = u < 0 ? null : number(rest.substring(u + 1));
            if (team == null || slot == null || !core.slots.containsKey(new TeamSlot(team, Math.max(1, slot))) || slot < 1) {
                return null;
            }
            TeamSlot k = new TeamSlot(team, slot);
            return name.startsWith("hints_") ? core.readHints(k) : JsonInt.of(core.state(k).status.value());
        }
        Integer slot;
        if (name.startsWith("slot_data_") && (slot = number(name.substring(10))) != null && core.index.exists(slot)) {
            return core.world.world(slot).slotData();
        }
        if (name.startsWith("item_name_groups_")) {
            return groups(core.world.itemNameGroups(), name.substring(17));
        }
        if (name.startsWith("location_name_groups_")) {
            return groups(core.world.locationNameGroups(), name.substring(21));
        }
        return null;
    }

    private @Nullable JsonValue groups(Map<String, JsonObject> groups, String game) {
        JsonObject g = groups.get(game);
        return g != null ? g : core.world.dataPackages().containsKey(game) ? JsonObject.EMPTY : null;
    }

    private static @Nullable Integer number(String s) {
        if (s.isEmpty() || s.length() > 9 || !s.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
            return null;
        }
        return Integer.parseInt(s);
    }

    // ---------------------------------------------------------------- output

    private RoomInfoPacket roomInfo(Instant now) {
        List<String> games = new ArrayList<>(new TreeSet<>(core.world.dataPackages().keySet()));
        LinkedHashMap<String, String> checksums = new LinkedHashMap<>();
        for (Map.Entry<String, GameData> e : core.world.dataPackages().entrySet()) {
            if (e.getValue().checksum() != null) {
                checksums.put(e.getKey(), e.getValue().checksum());
            }
        }
        double time = now.getEpochSecond() + now.getNano() / 1e9;
        String password = core.options.password();
        return new RoomInfoPacket(password != null && !password.isEmpty(), games, core.config.tags(), core.world.serverVersion(),
                core.world.generatorVersion(), core.options.permissions(), core.options.hintCost(),
                core.options.locationCheckPoints(), checksums, null, core.world.seedName(), time);
    }

    /** Forgets a connection and asks the driver to close it. */
    private void drop(C c, String reason) {
        forget(c);
        core.close(c, reason);
    }

    private void forget(C c) {
        Connection conn = core.connections.remove(c);
        if (conn == null) {
            return;
        }
        core.store.disconnect(c);
        logins.forget(c);
        if (c.equals(core.admin)) {
            core.admin = null;
        }
        if (!conn.authenticated()) {
            return;
        }
        TeamSlot key = conn.key;
        Set<C> mine = core.sockets.get(key);
        if (mine != null) {
            mine.remove(c);
            if (mine.isEmpty()) {
                core.sockets.remove(key);
            }
        }
        String verb = RoomCore.verb(conn.tags);
        String text = core.aliasedName(key) + " (Team #" + (key.team() + 1) + ") "
                + (verb.equals("playing") ? "has left the game" : "has stopped " + verb + " the game")
                + ". Client(" + conn.version + "), " + RoomCore.pyList(conn.tags) + ".";
        core.broadcastTextAll(new PrintJsonPacket(List.of(JsonMessagePart.text(text)), PrintJsonType.PART, null, null, null,
                key.team(), key.slot(), null, null, null));
        SlotState st = core.state(key);
        if (core.socketsOf(key).isEmpty() && !st.status.equals(ClientStatus.GOAL)) {
            st.status = ClientStatus.UNKNOWN;
            core.statusChanged(key);
            core.changed();
        }
    }

    private RoomStep<C> finish(Instant now) {
        core.lastNow = now;
        return new RoomStep<>(core.drain());
    }

    /** {@return a short description for logs} */
    @Override
    public String toString() {
        return "ArchipelagoRoom[" + core.world.seedName() + ", " + core.connections.size() + " connections]";
    }
}
