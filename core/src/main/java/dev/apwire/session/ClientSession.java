package dev.apwire.session;

import dev.apwire.json.JsonObject;
import dev.apwire.json.JsonString;
import dev.apwire.json.JsonValue;
import dev.apwire.protocol.Checks;
import dev.apwire.protocol.ClientStatus;
import dev.apwire.protocol.DataStorageOperation;
import dev.apwire.protocol.DeathLink;
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
import dev.apwire.protocol.client.BouncePacket;
import dev.apwire.protocol.client.ClientCommand;
import dev.apwire.protocol.client.ClientPacket;
import dev.apwire.protocol.client.ConnectPacket;
import dev.apwire.protocol.client.ConnectUpdatePacket;
import dev.apwire.protocol.client.CreateHintsPacket;
import dev.apwire.protocol.client.GetDataPackagePacket;
import dev.apwire.protocol.client.GetPacket;
import dev.apwire.protocol.client.JoinPacket;
import dev.apwire.protocol.client.LocationChecksPacket;
import dev.apwire.protocol.client.LocationScoutsPacket;
import dev.apwire.protocol.client.SayPacket;
import dev.apwire.protocol.client.SetNotifyPacket;
import dev.apwire.protocol.client.SetPacket;
import dev.apwire.protocol.client.StatusUpdatePacket;
import dev.apwire.protocol.client.SyncPacket;
import dev.apwire.protocol.client.UpdateHintPacket;
import dev.apwire.protocol.server.BouncedPacket;
import dev.apwire.protocol.server.ConnectedPacket;
import dev.apwire.protocol.server.ConnectionRefusedPacket;
import dev.apwire.protocol.server.DataPackagePacket;
import dev.apwire.protocol.server.InvalidPacket;
import dev.apwire.protocol.server.LocationInfoPacket;
import dev.apwire.protocol.server.PrintJsonPacket;
import dev.apwire.protocol.server.ReceivedItemsPacket;
import dev.apwire.protocol.server.RetrievedPacket;
import dev.apwire.protocol.server.RoomInfoPacket;
import dev.apwire.protocol.server.RoomUpdatePacket;
import dev.apwire.protocol.server.ServerPacket;
import dev.apwire.protocol.server.SetReplyPacket;
import dev.apwire.protocol.server.UnknownServerPacket;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * An Archipelago client without a socket: the protocol rules of a game mod, a tracker or a text
 * client, as a pure state machine. Mutable and <b>not thread-safe</b>: call it from one thread
 * (typically the game loop) or guard it.
 *
 * <h2>Theory of operation</h2>
 * <p>The session is driven by four kinds of input, each taking {@code now} and returning a
 * {@link Step}: the packets to send (in order, one frame is fine), the {@link SessionEvent events}
 * that happened (in order), and possibly a {@link Close} instruction. It never starts a thread,
 * opens a socket, reads a clock or calls user code; the only outside object it calls is the
 * {@link DataPackageCache} from its {@link ClientConfig}.
 * <ol>
 * <li><b>Transport:</b> {@link #connected(Instant)} when a socket opens,
 * {@link #disconnected(Instant)} when it closes (for any reason, including after a
 * {@link Step#close()}).</li>
 * <li><b>Server packets:</b> {@link #receive(ServerPacket, Instant)} for each decoded packet, in
 * frame order.</li>
 * <li><b>Intents</b> of the game: {@link #checkLocations}, {@link #scout}, {@link #get},
 * {@link #set}, {@link #subscribe}, {@link #say}, {@link #statusUpdate}, {@link #sendDeathLink},
 * {@link #bounce}, {@link #createHints}, {@link #updateHint}, {@link #setTags},
 * {@link #setItemsHandling}, {@link #connect(String, Instant)}, {@link #resync(Instant)}.</li>
 * <li><b>Time:</b> {@link #nextDeadline()} says when a request expires; call
 * {@link #onTimeout(Instant)} at or after it (a spurious call does nothing).</li>
 * </ol>
 *
 * <h2>Phases</h2>
 * <p>One table ({@code ClientPhases}) says what may be received and sent in each {@link Phase}:
 * <pre>
 * phase               may receive                                     may send (own or intent)
 * DISCONNECTED        nothing                                         nothing (intents that queue)
 * AWAITING_ROOM_INFO  RoomInfo, InvalidPacket, unknown                Join (v2.0)
 * AWAITING_CONNECTED  Connected, ConnectionRefused, DataPackage,      Connect, GetDataPackage
 *                     InvalidPacket, unknown
 * REFUSED             DataPackage, InvalidPacket, unknown             Connect
 * CONNECTED           ReceivedItems, LocationInfo, RoomUpdate,        every command except Connect, Join
 *                     PrintJSON, DataPackage, Bounced, Retrieved,
 *                     SetReply, InvalidPacket, unknown
 * </pre>
 * <p>Transitions: {@code connected} → AWAITING_ROOM_INFO (v2.0 sends {@code Join{id}});
 * {@code RoomInfo} → AWAITING_CONNECTED, sending {@code GetDataPackage} for every game whose
 * checksum the cache lacks and then {@code Connect} (which may go out before the data package
 * arrives, reference-server §11); {@code Connected} → CONNECTED, re-sending the outbox, the
 * subscriptions and the hint tracking; {@code ConnectionRefused} → REFUSED, from which
 * {@link #connect(String, Instant)} tries again; {@code disconnected} → DISCONNECTED from anywhere,
 * failing pending requests.
 *
 * <p>A packet the table does not allow is a {@link ProtocolViolated} event; in
 * {@link Compliance#STRICT} mode the step also carries a {@link Close}. Either way the session's
 * state is unchanged. An intent the current phase does not allow throws
 * {@link IllegalStateException} before any change.
 *
 * <h2>Items, exactly once</h2>
 * <p>Each item has an index: its position in the server's item list for the slot. The session
 * counts the items of the current connection's list it holds; {@code ReceivedItems} index 0 is
 * the full list (reference-server §3.7), any other index must equal that count. An index past
 * it means items were skipped: the session reports {@link ItemsOutOfSync}, sends {@code Sync}
 * and {@code LocationChecks} of every check it knows and ignores further skipping packets until
 * the full list arrives. Items at an index at or below the last delivered one (the game's
 * persisted {@link ClientConfig#lastProcessedIndex()} on a new session) are never delivered
 * again, so across disconnects, reconnects, duplicated packets and resyncs each item reaches the
 * game once, in server order, in {@link ItemsReceived}.
 *
 * <h2>Locations</h2>
 * <p>{@link #checkLocations} puts checks in an outbox. They are sent at once when connected, or
 * after the next {@code Connected}; a check already known as checked, or already sent on this
 * connection, is not sent again. A check leaves the outbox when the server reports it checked
 * ({@code Connected} or {@code RoomUpdate}). Persist {@link #outbox()} and hand it back through
 * {@link ClientConfig#pendingChecks()} to survive a restart.
 *
 * <h2>Requests</h2>
 * <p>{@code Get}, {@code Set} with {@code want_reply} and {@code LocationScouts} are requests with
 * a deadline ({@link ClientConfig#requestTimeout()}). Get and Set carry an extra argument
 * {@value #REQUEST_ID_KEY} whose value comes from the configured random generator; the server
 * echoes it (reference-server §1.5, §1.3). {@code LocationInfo} echoes nothing, so it is matched
 * to the oldest pending scout that asked for exactly its locations. Each request produces a
 * {@link RequestSent} event, then its answer event or a {@link RequestFailed}. A {@code SetReply}
 * whose {@code slot} is another slot's answers no request of this session (it is a notification).
 * The {@code Get} that hint tracking sends on its own reports no request events.
 *
 * <p>There is no acknowledgement call for items: an item counts as delivered once it is in a
 * returned {@link ItemsReceived}. A game that may crash between receiving a step and processing
 * it persists the index it really processed and passes it back as
 * {@link ClientConfig#lastProcessedIndex()}.
 */
public final class ClientSession {

    /** The extra argument of {@code Get} and {@code Set} that carries the correlation id. */
    public static final String REQUEST_ID_KEY = "apwire_id";

    private final ClientConfig config;

    private Phase phase = Phase.DISCONNECTED;
    private @Nullable String password;
    private List<String> tags;
    private ItemsHandling itemsHandling;
    private @Nullable RoomInfoPacket room;
    private @Nullable LoginState login;
    /** The last login's players and slots, kept after a disconnect so that names keep resolving. */
    private @Nullable LoginState names;
    private final Map<String, GameData> games = new LinkedHashMap<>();

    private int received;
    private int lastDelivered;
    private boolean resyncing;

    private final Set<Long> checked = new LinkedHashSet<>();
    private final Set<Long> missing = new LinkedHashSet<>();
    private final Set<Long> outbox = new LinkedHashSet<>();
    private final Set<Long> inFlight = new LinkedHashSet<>();

    private final Set<String> subscriptions = new LinkedHashSet<>();
    private final Map<String, Pending> pending = new LinkedHashMap<>();
    private final Map<String, Hint> hints = new LinkedHashMap<>();

    private @Nullable Instant lastDeathLinkAt;
    private @Nullable DeathLink lastSentDeathLink;

    /** A request waiting for its answer. */
    private static final class Pending {
        final RequestKind kind;
        final String id;
        final Instant deadline;
        final LongList locations;
        final boolean internal;

        Pending(RequestKind kind, String id, Instant deadline, LongList locations, boolean internal) {
            this.kind = kind;
            this.id = id;
            this.deadline = deadline;
            this.locations = locations;
            this.internal = internal;
        }

        @Override
        public String toString() {
            return kind + ":" + id + "@" + deadline + (internal ? "(internal)" : "");
        }
    }

    /** Collects one step's output; checks every outgoing packet against the table. */
    private final class Out {
        final List<ClientPacket> send = new ArrayList<>();
        final List<SessionEvent> events = new ArrayList<>();
        @Nullable Close close;

        void send(ClientPacket p) {
            if (!ClientPhases.maySend(phase, p.command())) {
                throw new IllegalStateException("bug: " + ClientPhases.sendRule(phase, p.command()));
            }
            send.add(p);
        }

        void event(SessionEvent e) {
            events.add(e);
        }

        Step step() {
            return send.isEmpty() && events.isEmpty() && close == null ? Step.NONE : new Step(send, events, close);
        }
    }

    /**
     * Creates a session in phase {@link Phase#DISCONNECTED}, with the outbox and item index the
     * configuration carries over from an earlier run.
     *
     * @param config how to connect and behave
     */
    public ClientSession(ClientConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        this.password = config.password();
        this.tags = config.tags();
        this.itemsHandling = config.itemsHandling();
        this.lastDelivered = config.lastProcessedIndex();
        for (long id : config.pendingChecks()) {
            outbox.add(Checks.id(id, "pending check"));
        }
    }

    // ---------------------------------------------------------------- transport

    /**
     * The transport opened. Starts the handshake: on v2.0 sends {@code Join{id}}; on v1.0 waits for {@code RoomInfo}.
     *
     * @param now the current time
     * @return the step
     * @throws IllegalStateException when the session is not {@link Phase#DISCONNECTED}
     */
    public Step connected(Instant now) {
        Objects.requireNonNull(now, "now");
        if (phase != Phase.DISCONNECTED) {
            throw new IllegalStateException("connected() needs phase DISCONNECTED, the session is " + phase);
        }
        Out out = new Out();
        phase = Phase.AWAITING_ROOM_INFO;
        if (config.protocol() == ProtocolVersion.V2_0) {
            out.send(new JoinPacket(Objects.requireNonNull(config.roomId())));
        }
        return out.step();
    }

    /**
     * The transport closed. Pending requests fail with {@link RequestFailed.FailureReason#CONNECTION_LOST};
     * the outbox, the item index, the subscriptions and the data packages are kept for the next
     * {@link #connected(Instant)}. Does nothing when already disconnected.
     *
     * @param now the current time
     * @return the step
     */
    public Step disconnected(Instant now) {
        Objects.requireNonNull(now, "now");
        if (phase == Phase.DISCONNECTED) {
            return Step.NONE;
        }
        Out out = new Out();
        out.event(new Disconnected(phase));
        phase = Phase.DISCONNECTED;
        login = null;
        room = null;
        inFlight.clear();
        received = 0;
        resyncing = false;
        for (Pending p : pending.values()) {
            if (!p.internal) {
                out.event(new RequestFailed(p.kind, p.id, RequestFailed.FailureReason.CONNECTION_LOST));
            }
        }
        pending.clear();
        return out.step();
    }

    // ---------------------------------------------------------------- server packets

    /**
     * A packet from the server, decoded. Packets of one frame go in one by one, in order.
     *
     * @param packet the packet
     * @param now the current time
     * @return the step
     */
    public Step receive(ServerPacket packet, Instant now) {
        Objects.requireNonNull(packet, "packet");
        Objects.requireNonNull(now, "now");
        if (!ClientPhases.mayReceive(phase, packet.command())) {
            return violation(ClientPhases.receiveRule(phase, packet.command()), packet);
        }
        Out out = new Out();
        switch (packet.command()) {
            case ROOM_INFO:
                onRoomInfo((RoomInfoPacket) packet, out);
                break;
            case CONNECTION_REFUSED:
                onConnectionRefused((ConnectionRefusedPacket) packet, out);
                break;
            case CONNECTED:
                return onConnected((ConnectedPacket) packet, now);
            case RECEIVED_ITEMS:
                onReceivedItems((ReceivedItemsPacket) packet, out);
                break;
            case LOCATION_INFO:
                onLocationInfo((LocationInfoPacket) packet, out);
                break;
            case ROOM_UPDATE:
                onRoomUpdate((RoomUpdatePacket) packet, out);
                break;
            case PRINT_JSON:
                PrintJsonPacket print = (PrintJsonPacket) packet;
                List<RenderedPart> parts = render(print);
                StringBuilder text = new StringBuilder();
                for (RenderedPart part : parts) {
                    text.append(part.text());
                }
                out.event(new MessagePrinted(text.toString(), parts, print));
                break;
            case DATA_PACKAGE:
                onDataPackage((DataPackagePacket) packet, out);
                break;
            case BOUNCED:
                onBounced((BouncedPacket) packet, now, out);
                break;
            case INVALID_PACKET:
                out.event(new InvalidPacketReceived((InvalidPacket) packet));
                break;
            case RETRIEVED:
                return onRetrieved((RetrievedPacket) packet);
            case SET_REPLY:
                return onSetReply((SetReplyPacket) packet);
            case UNKNOWN:
                out.event(new UnknownPacketReceived((UnknownServerPacket) packet));
                break;
            default:
                throw new AssertionError(packet.command());
        }
        return out.step();
    }

    private Step violation(String rule, ServerPacket packet) {
        Close close = config.compliance() == Compliance.STRICT ? new Close(rule) : null;
        return new Step(List.of(), List.of(new ProtocolViolated(rule, packet)), close);
    }

    private void onRoomInfo(RoomInfoPacket p, Out out) {
        List<String> need = new ArrayList<>();
        Map<String, GameData> cached = new LinkedHashMap<>();
        Map<String, String> checksums = p.datapackageChecksums();
        if (checksums == null) {
            need.addAll(p.games());
        } else {
            for (Map.Entry<String, String> e : checksums.entrySet()) {
                Optional<GameData> hit = config.cache().get(e.getKey(), e.getValue());
                if (hit.isPresent()) {
                    cached.put(e.getKey(), hit.get());
                } else {
                    need.add(e.getKey());
                }
            }
        }
        room = p;
        games.putAll(cached);
        phase = Phase.AWAITING_CONNECTED;
        out.event(new RoomInfoReceived(p));
        if (!need.isEmpty()) {
            out.send(new GetDataPackagePacket(need));
        }
        out.send(connectPacket());
    }

    private ConnectPacket connectPacket() {
        return new ConnectPacket(password, config.game() == null ? "" : config.game(), config.name(), config.uuid(),
                config.version(), itemsHandling, tags, config.slotData());
    }

    private void onConnectionRefused(ConnectionRefusedPacket p, Out out) {
        phase = Phase.REFUSED;
        out.event(new ConnectionRefused(p.errors() == null ? List.of() : p.errors(), p));
    }

    private Step onConnected(ConnectedPacket p, Instant now) {
        Out out = new Out();
        LoginState state = new LoginState(p.team(), p.slot(), p.players(), p.slotInfo(), p.slotData(),
                p.hintPoints() == null ? 0 : p.hintPoints());
        List<Long> newlyChecked = new ArrayList<>();
        for (long id : p.checkedLocations().toLongArray()) {
            if (!checked.contains(id)) {
                newlyChecked.add(id);
            }
        }
        login = state;
        names = state;
        phase = Phase.CONNECTED;
        checked.clear();
        missing.clear();
        for (long id : p.checkedLocations().toLongArray()) {
            checked.add(id);
        }
        for (long id : p.missingLocations().toLongArray()) {
            if (!checked.contains(id)) {
                missing.add(id);
            }
        }
        outbox.removeAll(checked);
        inFlight.clear();
        received = 0;
        resyncing = false;
        out.event(new ConnectionAccepted(state, p));
        if (!newlyChecked.isEmpty()) {
            out.event(new LocationsChecked(newlyChecked));
        }
        if (!outbox.isEmpty()) {
            out.send(new LocationChecksPacket(LongList.copyOf(outbox)));
            inFlight.addAll(outbox);
        }
        List<String> notify = new ArrayList<>(subscriptions);
        String hintKey = ReadKeys.hints(state.team(), state.slot());
        if (config.trackHints() && !subscriptions.contains(hintKey)) {
            notify.add(hintKey);
        }
        if (!notify.isEmpty()) {
            out.send(new SetNotifyPacket(notify));
        }
        if (config.trackHints()) {
            String id = newId();
            pending.put(id, new Pending(RequestKind.GET, id, now.plus(config.requestTimeout()), LongList.EMPTY, true));
            out.send(new GetPacket(List.of(hintKey), idExtras(id)));
        }
        return out.step();
    }

    private void onReceivedItems(ReceivedItemsPacket p, Out out) {
        int index = p.index();
        int base = index == 0 ? 0 : received;
        if (index > base) {
            if (!resyncing) {
                resyncing = true;
                out.event(new ItemsOutOfSync(received, index));
                out.send(new SyncPacket());
                Set<Long> all = new LinkedHashSet<>(checked);
                all.addAll(outbox);
                if (!all.isEmpty()) {
                    out.send(new LocationChecksPacket(LongList.copyOf(all)));
                    inFlight.addAll(outbox);
                }
            }
            return;
        }
        if (index == 0) {
            resyncing = false;
        }
        List<ReceivedItem> fresh = new ArrayList<>();
        List<NetworkItem> items = p.items();
        for (int i = 0; i < items.size(); i++) {
            int position = index + i;
            if (position > lastDelivered) {
                fresh.add(new ReceivedItem(position, items.get(i)));
            }
        }
        received = Math.max(base, index + items.size());
        if (!fresh.isEmpty()) {
            lastDelivered = fresh.get(fresh.size() - 1).index();
            out.event(new ItemsReceived(fresh));
        }
    }

    private void onLocationInfo(LocationInfoPacket p, Out out) {
        String matched = null;
        for (Pending q : pending.values()) {
            if (q.kind == RequestKind.LOCATION_SCOUTS && sameLocations(q.locations, p.locations())) {
                matched = q.id;
                break;
            }
        }
        if (matched != null) {
            pending.remove(matched);
        }
        out.event(new LocationsScouted(matched, p.locations()));
    }

    private static boolean sameLocations(LongList asked, List<NetworkItem> answered) {
        if (asked.size() != answered.size()) {
            return false;
        }
        for (int i = 0; i < asked.size(); i++) {
            if (asked.getLong(i) != answered.get(i).location()) {
                return false;
            }
        }
        return true;
    }

    private void onRoomUpdate(RoomUpdatePacket p, Out out) {
        LoginState state = Objects.requireNonNull(login);
        List<Long> newlyChecked = new ArrayList<>();
        if (p.checkedLocations() != null) {
            for (long id : p.checkedLocations().toLongArray()) {
                if (checked.add(id)) {
                    newlyChecked.add(id);
                }
                missing.remove(id);
                outbox.remove(id);
                inFlight.remove(id);
            }
        }
        if (p.players() != null) {
            state = state.withPlayers(p.players());
        }
        if (p.hintPoints() != null) {
            state = state.withHintPoints(p.hintPoints());
        }
        login = state;
        names = state;
        out.event(new RoomUpdated(p));
        if (!newlyChecked.isEmpty()) {
            out.event(new LocationsChecked(newlyChecked));
        }
    }

    private void onDataPackage(DataPackagePacket p, Out out) {
        List<String> names = new ArrayList<>();
        for (Map.Entry<String, GameData> e : p.data().games().entrySet()) {
            String game = e.getKey();
            GameData data = e.getValue();
            games.put(game, data);
            names.add(game);
            String checksum = data.checksum();
            if (checksum == null && room != null && room.datapackageChecksums() != null) {
                checksum = room.datapackageChecksums().get(game);
            }
            if (checksum != null) {
                config.cache().put(game, checksum, data);
            }
        }
        out.event(new DataPackageUpdated(names, p));
    }

    private void onBounced(BouncedPacket p, Instant now, Out out) {
        List<String> bounceTags = p.tags();
        JsonValue data = p.data();
        if (bounceTags == null || !bounceTags.contains(DeathLink.TAG) || data == null) {
            out.event(new BounceReceived(p));
            return;
        }
        DeathLink death;
        try {
            death = DeathLink.fromJson(data);
        } catch (IllegalArgumentException notADeathLink) {
            out.event(new BounceReceived(p));
            return;
        }
        DeathLink own = lastSentDeathLink;
        if (own != null && own.time() == death.time() && own.source().equals(death.source())) {
            return; // our own echo (reference-server §4.9: the sender receives its own Bounce)
        }
        Instant last = lastDeathLinkAt;
        if (last != null && now.isBefore(last.plus(config.deathLinkDebounce()))) {
            return; // inside the debounce window
        }
        lastDeathLinkAt = now;
        out.event(new DeathLinkReceived(death, p));
    }

    private Step onRetrieved(RetrievedPacket p) {
        String id = requestId(p.extras());
        Pending q = id == null ? null : pending.get(id);
        if (q != null && q.kind != RequestKind.GET) {
            q = null;
        }
        LoginState state = login;
        List<Hint> newHints = null;
        if (config.trackHints() && state != null) {
            JsonValue v = p.keys().get(ReadKeys.hints(state.team(), state.slot()));
            if (v != null) {
                try {
                    newHints = ReadKeys.parseHints(v);
                } catch (IllegalArgumentException e) {
                    return violation("a _read_hints_ value must be a list of Hint objects: " + e.getMessage(), p);
                }
            }
        }
        Out out = new Out();
        if (q != null) {
            pending.remove(q.id);
        }
        if (q == null || !q.internal) {
            out.event(new ValuesRetrieved(q == null ? null : q.id, p.keys(), p));
        }
        if (newHints != null) {
            updateHints(newHints, out);
        }
        return out.step();
    }

    private Step onSetReply(SetReplyPacket p) {
        String id = requestId(p.extras());
        Pending q = id == null ? null : pending.get(id);
        LoginState state = login;
        if (q != null && (q.kind != RequestKind.SET
                || (p.slot() != null && state != null && p.slot() != state.slot()))) {
            q = null; // not ours: another client's Set echoed to us as a subscriber
        }
        List<Hint> newHints = null;
        if (config.trackHints() && state != null && p.key().equals(ReadKeys.hints(state.team(), state.slot()))) {
            try {
                newHints = ReadKeys.parseHints(p.value());
            } catch (IllegalArgumentException e) {
                return violation("a _read_hints_ value must be a list of Hint objects: " + e.getMessage(), p);
            }
        }
        Out out = new Out();
        if (q != null) {
            pending.remove(q.id);
        }
        out.event(new ValueChanged(p.key(), p.originalValue(), p.value(), q == null ? null : q.id, p));
        if (newHints != null) {
            updateHints(newHints, out);
        }
        return out.step();
    }

    private static @Nullable String requestId(JsonObject extras) {
        JsonValue v = extras.get(REQUEST_ID_KEY);
        return v instanceof JsonString ? ((JsonString) v).value() : null;
    }

    private void updateHints(List<Hint> list, Out out) {
        Map<String, Hint> next = new LinkedHashMap<>();
        for (Hint h : list) {
            next.put(hintKey(h), h);
        }
        for (Map.Entry<String, Hint> e : next.entrySet()) {
            Hint before = hints.get(e.getKey());
            if (before == null) {
                out.event(new HintAdded(e.getValue()));
            } else if (!before.equals(e.getValue())) {
                out.event(new HintUpdated(before, e.getValue()));
            }
        }
        hints.clear();
        hints.putAll(next);
    }

    private static String hintKey(Hint h) {
        return h.findingPlayer() + ":" + h.location();
    }

    // ---------------------------------------------------------------- time

    /** {@return when the earliest pending request expires, or empty when none is pending} */
    public Optional<Instant> nextDeadline() {
        Instant min = null;
        for (Pending p : pending.values()) {
            if (min == null || p.deadline.isBefore(min)) {
                min = p.deadline;
            }
        }
        return Optional.ofNullable(min);
    }

    /**
     * Time passed: every request whose deadline is at or before {@code now} fails with
     * {@link RequestFailed.FailureReason#TIMED_OUT}. A late answer is still reported, without its id.
     *
     * @param now the current time
     * @return the step (empty when nothing expired)
     */
    public Step onTimeout(Instant now) {
        Objects.requireNonNull(now, "now");
        Out out = new Out();
        for (Iterator<Pending> it = pending.values().iterator(); it.hasNext();) {
            Pending p = it.next();
            if (!p.deadline.isAfter(now)) {
                it.remove();
                if (!p.internal) {
                    out.event(new RequestFailed(p.kind, p.id, RequestFailed.FailureReason.TIMED_OUT));
                }
            }
        }
        return out.step();
    }

    // ---------------------------------------------------------------- intents

    private void require(ClientCommand command) {
        if (!ClientPhases.maySend(phase, command)) {
            throw new IllegalStateException(ClientPhases.sendRule(phase, command));
        }
    }

    /**
     * Tries {@code Connect} again after a {@link ConnectionRefused}, possibly with another password.
     *
     * @param password the password to use from now on, or {@code null} for none
     * @param now the current time
     * @return the step
     * @throws IllegalStateException unless the session is {@link Phase#REFUSED}
     */
    public Step connect(@Nullable String password, Instant now) {
        Objects.requireNonNull(now, "now");
        if (phase != Phase.REFUSED) {
            throw new IllegalStateException("connect() needs phase REFUSED, the session is " + phase);
        }
        require(ClientCommand.CONNECT);
        Out out = new Out();
        this.password = password;
        phase = Phase.AWAITING_CONNECTED;
        out.send(connectPacket());
        return out.step();
    }

    /**
     * Marks locations as checked by the player. New checks join the outbox and, when connected,
     * are sent at once; checks the server already confirmed, or sent on this connection, are not
     * sent again. Allowed in every phase.
     *
     * @param locations the location ids
     * @param now the current time
     * @return the step
     * @throws IllegalArgumentException when an id is outside +-(2^53-1)
     */
    public Step checkLocations(Collection<Long> locations, Instant now) {
        Objects.requireNonNull(now, "now");
        List<Long> ids = new ArrayList<>(locations.size());
        for (Long id : locations) {
            ids.add(Checks.id(id, "location"));
        }
        Set<Long> toSend = new LinkedHashSet<>();
        for (long id : ids) {
            if (!checked.contains(id)) {
                outbox.add(id);
                if (!inFlight.contains(id)) {
                    toSend.add(id);
                }
            }
        }
        if (phase != Phase.CONNECTED || toSend.isEmpty()) {
            return Step.NONE;
        }
        Out out = new Out();
        out.send(new LocationChecksPacket(LongList.copyOf(toSend)));
        inFlight.addAll(toSend);
        return out.step();
    }

    /**
     * Asks the server for a full item list and confirms every known check ({@code Sync} and
     * {@code LocationChecks}), as the session does on its own when items were skipped.
     *
     * @param now the current time
     * @return the step
     * @throws IllegalStateException unless connected
     */
    public Step resync(Instant now) {
        Objects.requireNonNull(now, "now");
        require(ClientCommand.SYNC);
        Out out = new Out();
        resyncing = true;
        out.send(new SyncPacket());
        Set<Long> all = new LinkedHashSet<>(checked);
        all.addAll(outbox);
        if (!all.isEmpty()) {
            out.send(new LocationChecksPacket(LongList.copyOf(all)));
            inFlight.addAll(outbox);
        }
        return out.step();
    }

    /**
     * Asks what is at some locations ({@code LocationScouts}), answered by {@link LocationsScouted}.
     *
     * @param locations the location ids, in the order the answer will keep
     * @param createAsHint 0 for no hints, 1 to create and announce hints, 2 to create only new ones
     * @param now the current time
     * @return the step, with a {@link RequestSent}
     * @throws IllegalStateException unless connected
     */
    public Step scout(Collection<Long> locations, int createAsHint, Instant now) {
        Objects.requireNonNull(now, "now");
        require(ClientCommand.LOCATION_SCOUTS);
        LongList ids = LongList.copyOf(locations);
        Out out = new Out();
        String id = newId();
        Instant deadline = now.plus(config.requestTimeout());
        pending.put(id, new Pending(RequestKind.LOCATION_SCOUTS, id, deadline, ids, false));
        out.send(new LocationScoutsPacket(ids, createAsHint == 0 ? null : createAsHint));
        out.event(new RequestSent(RequestKind.LOCATION_SCOUTS, id, deadline));
        return out.step();
    }

    /**
     * Reads data storage keys ({@code Get}), answered by {@link ValuesRetrieved}. See {@link ReadKeys}
     * for the computed keys.
     *
     * @param keys the keys
     * @param now the current time
     * @return the step, with a {@link RequestSent}
     * @throws IllegalStateException unless connected
     */
    public Step get(List<String> keys, Instant now) {
        Objects.requireNonNull(now, "now");
        require(ClientCommand.GET);
        List<String> copy = List.copyOf(keys);
        Out out = new Out();
        String id = newId();
        Instant deadline = now.plus(config.requestTimeout());
        pending.put(id, new Pending(RequestKind.GET, id, deadline, LongList.EMPTY, false));
        out.send(new GetPacket(copy, idExtras(id)));
        out.event(new RequestSent(RequestKind.GET, id, deadline));
        return out.step();
    }

    /**
     * Changes a data storage key ({@code Set}). With {@code wantReply} it is a request answered by
     * a {@link ValueChanged} carrying its id.
     *
     * @param key the key (not a {@code _read_} key)
     * @param defaultValue the value to start from when the key is missing
     * @param wantReply whether to ask for a {@code SetReply}
     * @param operations the operations, applied in order
     * @param now the current time
     * @return the step
     * @throws IllegalStateException unless connected
     * @throws IllegalArgumentException for a {@code _read_} key (reference-server §1.6)
     */
    public Step set(String key, JsonValue defaultValue, boolean wantReply, List<DataStorageOperation> operations,
            Instant now) {
        Objects.requireNonNull(now, "now");
        require(ClientCommand.SET);
        if (key.startsWith(ReadKeys.PREFIX)) {
            throw new IllegalArgumentException("keys starting with _read_ cannot be Set: " + key);
        }
        Objects.requireNonNull(defaultValue, "defaultValue");
        List<DataStorageOperation> ops = List.copyOf(operations);
        Out out = new Out();
        String id = newId();
        out.send(new SetPacket(key, defaultValue, JsonValue.of(wantReply), ops, idExtras(id)));
        if (wantReply) {
            Instant deadline = now.plus(config.requestTimeout());
            pending.put(id, new Pending(RequestKind.SET, id, deadline, LongList.EMPTY, false));
            out.event(new RequestSent(RequestKind.SET, id, deadline));
        }
        return out.step();
    }

    /**
     * Subscribes to changes of data storage keys ({@code SetNotify}), reported as {@link ValueChanged}.
     * Subscriptions are kept and re-sent after every reconnect (the server forgets them with the
     * socket, reference-server §1.7). The server sends no current value: follow with {@link #get}.
     * Allowed in every phase.
     *
     * @param keys the keys
     * @param now the current time
     * @return the step
     */
    public Step subscribe(List<String> keys, Instant now) {
        Objects.requireNonNull(now, "now");
        List<String> fresh = new ArrayList<>();
        for (String k : List.copyOf(keys)) {
            if (subscriptions.add(k)) {
                fresh.add(k);
            }
        }
        if (phase != Phase.CONNECTED || fresh.isEmpty()) {
            return Step.NONE;
        }
        Out out = new Out();
        out.send(new SetNotifyPacket(fresh));
        return out.step();
    }

    /**
     * Sends a chat message or a {@code !command} ({@code Say}).
     *
     * @param text the text
     * @param now the current time
     * @return the step
     * @throws IllegalStateException unless connected
     */
    public Step say(String text, Instant now) {
        return single(ClientCommand.SAY, new SayPacket(text), now);
    }

    /**
     * Reports the client's status ({@code StatusUpdate}).
     *
     * @param status the status
     * @param now the current time
     * @return the step
     * @throws IllegalStateException unless connected
     */
    public Step statusUpdate(ClientStatus status, Instant now) {
        return single(ClientCommand.STATUS_UPDATE, new StatusUpdatePacket(status), now);
    }

    /**
     * Reports that the slot reached its goal ({@code StatusUpdate} 30; final on the server).
     *
     * @param now the current time
     * @return the step
     * @throws IllegalStateException unless connected
     */
    public Step goal(Instant now) {
        return statusUpdate(ClientStatus.GOAL, now);
    }

    /**
     * Sends a {@code Bounce} (custom tags make RingLink-style protocols).
     *
     * @param games the target games, or {@code null}
     * @param slots the target slots, or {@code null}
     * @param tags the target tags, or {@code null}
     * @param data the payload
     * @param now the current time
     * @return the step
     * @throws IllegalStateException unless connected
     */
    public Step bounce(@Nullable List<String> games, @Nullable List<Integer> slots, @Nullable List<String> tags,
            JsonValue data, Instant now) {
        return single(ClientCommand.BOUNCE, new BouncePacket(games, slots, tags, data), now);
    }

    /**
     * Sends a DeathLink: a {@code Bounce} to tag {@code DeathLink} with {@code time} taken from
     * {@code now} and {@code source} the slot name. Its echo is recognised and dropped, and
     * received DeathLinks within {@link ClientConfig#deathLinkDebounce()} of it are dropped.
     *
     * @param cause the cause of death, or {@code null}
     * @param now the current time
     * @return the step
     * @throws IllegalStateException unless connected
     */
    public Step sendDeathLink(@Nullable String cause, Instant now) {
        Objects.requireNonNull(now, "now");
        require(ClientCommand.BOUNCE);
        double time = now.getEpochSecond() + now.getNano() / 1e9;
        DeathLink death = new DeathLink(time, config.name(), cause);
        Out out = new Out();
        out.send(new BouncePacket(null, null, List.of(DeathLink.TAG), death.toJson()));
        lastSentDeathLink = death;
        lastDeathLinkAt = now;
        return out.step();
    }

    /**
     * Turns DeathLink on or off by adding or removing the {@code DeathLink} tag ({@link #setTags}).
     *
     * @param enabled whether to receive DeathLinks
     * @param now the current time
     * @return the step
     */
    public Step setDeathLink(boolean enabled, Instant now) {
        List<String> next = new ArrayList<>(tags);
        next.remove(DeathLink.TAG);
        if (enabled) {
            next.add(DeathLink.TAG);
        }
        return setTags(next, now);
    }

    /**
     * Replaces the client's tags: used by the next {@code Connect}, and sent at once with
     * {@code ConnectUpdate} when connected. Allowed in every phase.
     *
     * @param newTags the tags
     * @param now the current time
     * @return the step
     */
    public Step setTags(List<String> newTags, Instant now) {
        Objects.requireNonNull(now, "now");
        List<String> copy = List.copyOf(newTags);
        tags = copy;
        if (phase != Phase.CONNECTED) {
            return Step.NONE;
        }
        Out out = new Out();
        out.send(new ConnectUpdatePacket(null, copy));
        return out.step();
    }

    /**
     * Replaces which items the server sends: used by the next {@code Connect}, and sent at once
     * with {@code ConnectUpdate} when connected (the server then resends the full list, index 0).
     * Allowed in every phase. Item indexes are positions in the list the current flags select:
     * a change that adds or removes own-world or starting items shifts them, so a game that
     * persists an index should change flags only before its first item arrives.
     *
     * @param handling the flags
     * @param now the current time
     * @return the step
     * @throws IllegalArgumentException for an invalid flag combination (reference-server §3.7)
     */
    public Step setItemsHandling(ItemsHandling handling, Instant now) {
        Objects.requireNonNull(now, "now");
        if (!handling.isValid()) {
            throw new IllegalArgumentException("items_handling " + handling.value() + " is not a valid flag combination");
        }
        itemsHandling = handling;
        if (phase != Phase.CONNECTED) {
            return Step.NONE;
        }
        Out out = new Out();
        out.send(new ConnectUpdatePacket(handling, null));
        return out.step();
    }

    /**
     * Creates hints for locations ({@code CreateHints}); changes arrive as {@link HintAdded} when tracking hints.
     *
     * @param locations the locations
     * @param player the slot whose locations they are, or {@code null} for the client's own
     * @param status the status, or {@code null} for unspecified
     * @param now the current time
     * @return the step
     * @throws IllegalStateException unless connected
     */
    public Step createHints(Collection<Long> locations, @Nullable Integer player, @Nullable HintStatus status,
            Instant now) {
        return single(ClientCommand.CREATE_HINTS, new CreateHintsPacket(LongList.copyOf(locations), player, status), now);
    }

    /**
     * Changes a hint's status ({@code UpdateHint}); the change arrives as {@link HintUpdated} when tracking hints.
     *
     * @param player the finding slot
     * @param location the location
     * @param status the new status
     * @param now the current time
     * @return the step
     * @throws IllegalStateException unless connected
     */
    public Step updateHint(int player, long location, HintStatus status, Instant now) {
        return single(ClientCommand.UPDATE_HINT, new UpdateHintPacket(player, location, status), now);
    }

    private Step single(ClientCommand command, ClientPacket packet, Instant now) {
        Objects.requireNonNull(now, "now");
        require(command);
        Out out = new Out();
        out.send(packet);
        return out.step();
    }

    private String newId() {
        String id;
        do {
            id = String.format("%016x", config.random().nextLong());
        } while (pending.containsKey(id));
        return id;
    }

    private static JsonObject idExtras(String id) {
        return JsonObject.of(REQUEST_ID_KEY, JsonValue.of(id));
    }

    // ---------------------------------------------------------------- names and rendering

    /**
     * {@return the game a slot plays, from slot_info; empty before the first {@code Connected} or for an
     * unknown slot (kept while disconnected)}
     *
     * @param slot the slot
     */
    public Optional<String> slotGame(int slot) {
        LoginState state = names;
        NetworkSlot s = state == null ? null : state.slotInfo().get(slot);
        return s == null ? Optional.empty() : Optional.of(s.game());
    }

    /**
     * {@return the name of an item in the game of the slot it belongs to, when that game's data package is
     * known (also while disconnected, from the last login)}
     *
     * @param item the item id
     * @param slot the slot whose game defines the item (the receiving slot)
     */
    public Optional<String> itemName(long item, int slot) {
        GameData data = slotGame(slot).map(games::get).orElse(null);
        return data == null ? Optional.empty() : Optional.ofNullable(data.itemNameToId().name(item));
    }

    /**
     * {@return the name of a location in the game of the slot it belongs to, when that game's data package is
     * known (also while disconnected, from the last login)}
     *
     * @param location the location id
     * @param slot the slot whose world holds the location (the finding slot)
     */
    public Optional<String> locationName(long location, int slot) {
        GameData data = slotGame(slot).map(games::get).orElse(null);
        return data == null ? Optional.empty() : Optional.ofNullable(data.locationNameToId().name(location));
    }

    /**
     * {@return a slot's name from slot_info (the last login's while disconnected)}
     *
     * @param slot the slot
     */
    public Optional<String> slotName(int slot) {
        LoginState state = names;
        NetworkSlot s = state == null ? null : state.slotInfo().get(slot);
        return s == null ? Optional.empty() : Optional.of(s.name());
    }

    /**
     * {@return a player's alias (their name unless they set one) in the client's own team; the last known
     * alias while disconnected}
     *
     * @param slot the slot
     */
    public Optional<String> playerAlias(int slot) {
        LoginState state = names;
        return state == null ? Optional.empty() : playerAlias(state.team(), slot);
    }

    /**
     * {@return a player's alias in a team, falling back to the slot name from slot_info; the last known one
     * while disconnected}
     *
     * @param team the team
     * @param slot the slot
     */
    public Optional<String> playerAlias(int team, int slot) {
        LoginState state = names;
        if (state == null) {
            return Optional.empty();
        }
        NetworkPlayer p = state.player(team, slot);
        if (p != null) {
            return Optional.of(p.alias());
        }
        NetworkSlot s = state.slotInfo().get(slot);
        return s == null ? Optional.empty() : Optional.of(s.name());
    }

    /**
     * {@return a game's name tables, when received or cached}
     *
     * @param game the game
     */
    public Optional<GameData> dataPackage(String game) {
        return Optional.ofNullable(games.get(game));
    }

    /**
     * Renders a {@code PrintJSON} message: {@code player_id}, {@code item_id} and
     * {@code location_id} parts get names when known; other parts, unknown types included, keep
     * their text.
     *
     * @param packet the message
     * @return the parts, resolved
     */
    public List<RenderedPart> render(PrintJsonPacket packet) {
        List<RenderedPart> out = new ArrayList<>(packet.data().size());
        for (JsonMessagePart part : packet.data()) {
            JsonMessagePartType type = part.typeOrText();
            String text = part.text() == null ? "" : part.text();
            String resolved = null;
            if (type.equals(JsonMessagePartType.PLAYER_ID)) {
                Integer slot = parseInt(text);
                resolved = slot == null ? null : playerAlias(slot).orElse(null);
            } else if (type.equals(JsonMessagePartType.ITEM_ID) && part.player() != null) {
                Long id = parseLong(text);
                resolved = id == null ? null : itemName(id, part.player()).orElse(null);
            } else if (type.equals(JsonMessagePartType.LOCATION_ID) && part.player() != null) {
                Long id = parseLong(text);
                resolved = id == null ? null : locationName(id, part.player()).orElse(null);
            }
            out.add(new RenderedPart(resolved != null ? resolved : text, type, part));
        }
        return List.copyOf(out);
    }

    private static @Nullable Long parseLong(String s) {
        try {
            return Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static @Nullable Integer parseInt(String s) {
        Long v = parseLong(s);
        return v == null || v < 0 || v > Integer.MAX_VALUE ? null : (int) (long) v;
    }

    // ---------------------------------------------------------------- state

    /** {@return the current phase} */
    public Phase phase() {
        return phase;
    }

    /** {@return the configuration} */
    public ClientConfig config() {
        return config;
    }

    /** {@return the slot's data while {@link Phase#CONNECTED}, else empty} */
    public Optional<LoginState> login() {
        return Optional.ofNullable(login);
    }

    /** {@return the room's last {@code RoomInfo} on this connection, else empty} */
    public Optional<RoomInfoPacket> roomInfo() {
        return Optional.ofNullable(room);
    }

    /** {@return the locations the server reported checked, in the order learnt} */
    public Set<Long> checkedLocations() {
        return Collections.unmodifiableSet(new LinkedHashSet<>(checked));
    }

    /** {@return the slot's locations not yet checked, as far as the session knows} */
    public Set<Long> missingLocations() {
        return Collections.unmodifiableSet(new LinkedHashSet<>(missing));
    }

    /** {@return the checks not yet confirmed by the server, in order made: persist them with the item index} */
    public List<Long> outbox() {
        return List.copyOf(outbox);
    }

    /** {@return the index of the last item delivered to the game, {@code -1} for none} */
    public int lastDeliveredIndex() {
        return lastDelivered;
    }

    /** {@return the keys subscribed with {@link #subscribe}} */
    public Set<String> subscriptions() {
        return Collections.unmodifiableSet(new LinkedHashSet<>(subscriptions));
    }

    /** {@return the tracked hints of the slot (empty unless {@link ClientConfig#trackHints()})} */
    public List<Hint> hints() {
        return List.copyOf(hints.values());
    }

    /** {@return the client's current tags} */
    public List<String> tags() {
        return tags;
    }

    /** {@return the current items_handling flags} */
    public ItemsHandling itemsHandling() {
        return itemsHandling;
    }

    /** {@return how many requests wait for an answer} */
    public int pendingRequests() {
        return pending.size();
    }

    /** {@return a diagnostic snapshot of every piece of state; equal strings mean equal states} */
    @Override
    public String toString() {
        return "ClientSession[phase=" + phase + ", password=" + (password == null ? "none" : "set")
                + ", tags=" + tags + ", itemsHandling=" + itemsHandling + ", room=" + (room == null ? "none" : room.seedName())
                + ", login=" + login + ", games=" + games.keySet() + ", received=" + received
                + ", lastDelivered=" + lastDelivered + ", resyncing=" + resyncing + ", checked=" + checked
                + ", missing=" + missing + ", outbox=" + outbox + ", inFlight=" + inFlight
                + ", subscriptions=" + subscriptions + ", pending=" + pending.values() + ", hints=" + hints.values()
                + ", lastDeathLinkAt=" + lastDeathLinkAt + ", lastSentDeathLink=" + lastSentDeathLink + "]";
    }
}
