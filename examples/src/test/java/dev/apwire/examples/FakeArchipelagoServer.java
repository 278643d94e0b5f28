package dev.apwire.examples;

import dev.apwire.codec.ArchipelagoCodec;
import dev.apwire.codec.Decoded;
import dev.apwire.codec.JsonValues;
import dev.apwire.json.JsonObject;
import dev.apwire.json.JsonValue;
import dev.apwire.protocol.DataPackageContents;
import dev.apwire.protocol.GameData;
import dev.apwire.protocol.LongList;
import dev.apwire.protocol.NetworkItem;
import dev.apwire.protocol.client.ClientPacket;
import dev.apwire.protocol.client.ConnectPacket;
import dev.apwire.protocol.client.GetDataPackagePacket;
import dev.apwire.protocol.client.GetPacket;
import dev.apwire.protocol.client.LocationChecksPacket;
import dev.apwire.protocol.client.SayPacket;
import dev.apwire.protocol.server.ConnectedPacket;
import dev.apwire.protocol.server.DataPackagePacket;
import dev.apwire.protocol.server.ReceivedItemsPacket;
import dev.apwire.protocol.server.RetrievedPacket;
import dev.apwire.protocol.server.ServerPacket;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.ExtensionConfig;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;

/**
 * An in-process Archipelago server on loopback that speaks the reference server's wire format through
 * {@link ArchipelagoCodec}, for the room of {@code /work/shared/spec/frames}: Alice (slot 1) plays Pebble Quest,
 * Bob (slot 2) plays Lantern Run, password {@code sesame}. It answers only what the text client needs, in the
 * reference server's order (§3.4-3.6, §4.3, §4.8, §4.10, §1.5). Thread-safe: every handler is synchronized.
 */
final class FakeArchipelagoServer implements AutoCloseable {

    /** frames/01-RoomInfo.json. */
    static final String ROOM_INFO = "[{\"cmd\":\"RoomInfo\",\"password\":true,\"games\":[\"Archipelago\",\"Lantern Run\",\"Pebble Quest\"],\"tags\":[\"AP\"],\"version\":{\"major\":0,\"minor\":6,\"build\":2,\"class\":\"Version\"},\"generator_version\":{\"major\":0,\"minor\":6,\"build\":2,\"class\":\"Version\"},\"permissions\":{\"release\":6,\"remaining\":2,\"collect\":6},\"hint_cost\":10,\"location_check_points\":1,\"datapackage_checksums\":{\"Archipelago\":\"ac9141e9ad0318df2fa27da5f20c50a842afeecb\",\"Pebble Quest\":\"be9d365063adf3d56f6caf1a9a13705f10185d2d\",\"Lantern Run\":\"c3fd621a93625a3bb6f1b85b4df8d869df5c389f\"},\"dynamic_checksums\":{},\"seed_name\":\"48213906571023846519\",\"time\":1795462051.9460378}]";

    /** frames/03-DataPackage-all-games.json. */
    static final String ALL_GAMES = "[{\"cmd\":\"DataPackage\",\"data\":{\"games\":{\"Archipelago\":{\"item_name_to_id\":{\"Nothing\":-1},\"location_name_to_id\":{\"Cheat Console\":-1,\"Server\":-2},\"checksum\":\"ac9141e9ad0318df2fa27da5f20c50a842afeecb\"},\"Pebble Quest\":{\"item_name_to_id\":{\"Red Pebble\":1001,\"Blue Pebble\":1002,\"Golden Key\":1003,\"Pebble Trap\":1004},\"location_name_to_id\":{\"Pebble Cave\":2001,\"Pebble Hill\":2002,\"Pebble Lake\":2003},\"checksum\":\"be9d365063adf3d56f6caf1a9a13705f10185d2d\"},\"Lantern Run\":{\"item_name_to_id\":{\"Lantern Oil\":3001,\"Wick\":3002},\"location_name_to_id\":{\"Dark Hall\":4001,\"Stair Top\":4002,\"Crypt\":4003},\"checksum\":\"c3fd621a93625a3bb6f1b85b4df8d869df5c389f\"}},\"dynamic\":{}}}]";

    /** frames/04-ConnectionRefused-InvalidPassword.json. */
    static final String REFUSED_PASSWORD = "[{\"cmd\":\"ConnectionRefused\",\"errors\":[\"InvalidPassword\"]}]";

    /** frames/05-Connected+ReceivedItems-Alice.json. */
    static final String CONNECTED_ALICE = "[{\"cmd\":\"Connected\",\"team\":0,\"slot\":1,\"players\":[{\"team\":0,\"slot\":1,\"alias\":\"Alice\",\"name\":\"Alice\",\"class\":\"NetworkPlayer\"},{\"team\":0,\"slot\":2,\"alias\":\"Bob\",\"name\":\"Bob\",\"class\":\"NetworkPlayer\"}],\"missing_locations\":[2001,2002,2003],\"checked_locations\":[],\"slot_info\":{\"1\":{\"name\":\"Alice\",\"game\":\"Pebble Quest\",\"type\":1,\"group_members\":[],\"class\":\"NetworkSlot\"},\"2\":{\"name\":\"Bob\",\"game\":\"Lantern Run\",\"type\":1,\"group_members\":[],\"class\":\"NetworkSlot\"}},\"hint_points\":0,\"slot_data\":{\"goal\":\"collect pebbles\",\"pebbles_needed\":2}},{\"cmd\":\"ReceivedItems\",\"index\":0,\"items\":[{\"item\":1001,\"location\":-2,\"player\":0,\"flags\":0,\"class\":\"NetworkItem\"}]}]";

    /** The hints of frames/15-Retrieved.json ({@code _read_hints_0_1}). */
    static final String HINTS = "[{\"receiving_player\":2,\"finding_player\":1,\"location\":2001,\"item\":3001,\"found\":false,\"entrance\":\"\",\"item_flags\":1,\"status\":0,\"class\":\"Hint\"},{\"receiving_player\":1,\"finding_player\":1,\"location\":2002,\"item\":1002,\"found\":false,\"entrance\":\"\",\"item_flags\":0,\"status\":0,\"class\":\"Hint\"}]";

    /** What is at Alice's locations (frames/12-LocationInfo.json, plus Pebble Lake). */
    private static final Map<Long, NetworkItem> PLACEMENT = Map.of(
            2001L, new NetworkItem(3001, 2001, 2, 1),
            2002L, new NetworkItem(1002, 2002, 1, 0),
            2003L, new NetworkItem(3002, 2003, 2, 2));

    private static final ArchipelagoCodec CODEC = ArchipelagoCodec.create();

    private final Server server = new Server();
    private final ServerConnector connector = new ServerConnector(server);

    private final Set<Long> checked = new LinkedHashSet<>();
    private final List<NetworkItem> aliceItems = new ArrayList<>();
    private int dropsLeft;
    private boolean ignoreChecks;
    private boolean ignoreJoin;

    /** Every client packet, in arrival order, over all connections. */
    final List<ClientPacket> packets = new CopyOnWriteArrayList<>();
    /** Per connection: the extensions and the subprotocol the server side negotiated. */
    final List<String> negotiated = new CopyOnWriteArrayList<>();

    FakeArchipelagoServer() throws Exception {
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        server.setHandler(WebSocketUpgradeHandler.from(server, container -> {
            container.setMaxTextMessageSize(1 << 20);
            container.addMapping("/", (request, response, callback) -> {
                if (request.hasSubProtocol("v2.0")) {
                    response.setAcceptedSubProtocol("v2.0");
                }
                return new Endpoint();
            });
        }));
        aliceItems.add(new NetworkItem(1001, -2, 0, 0));
        server.start();
    }

    /** {@return the server's URL} */
    String url() {
        return "ws://127.0.0.1:" + connector.getLocalPort() + "/";
    }

    /** Makes the server close the socket right after the next {@code n} logins. */
    synchronized void dropAfterLogin(int n) {
        dropsLeft = n;
    }

    /** Makes the server ignore every LocationChecks (as it does for unknown ids, reference-server §4.3). */
    synchronized void ignoreChecks() {
        ignoreChecks = true;
    }

    /** Makes the server ignore Join: a v2.0 client then never gets RoomInfo. */
    synchronized void ignoreJoin() {
        ignoreJoin = true;
    }

    /** {@return the client packets of one kind} */
    <T extends ClientPacket> List<T> packets(Class<T> kind) {
        List<T> out = new ArrayList<>();
        for (ClientPacket p : packets) {
            if (kind.isInstance(p)) {
                out.add(kind.cast(p));
            }
        }
        return out;
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("could not stop the fake server", e);
        }
    }

    /** One connection. Public for Jetty's method lookup. */
    public final class Endpoint implements Session.Listener.AutoDemanding {
        private Session session;
        private boolean v2;

        @Override
        public void onWebSocketOpen(Session s) {
            session = s;
            StringBuilder n = new StringBuilder();
            for (ExtensionConfig e : s.getUpgradeResponse().getExtensions()) {
                n.append(e.getName()).append(' ');
            }
            v2 = "v2.0".equals(s.getUpgradeResponse().getAcceptedSubProtocol());
            n.append("subprotocol=").append(s.getUpgradeResponse().getAcceptedSubProtocol());
            negotiated.add(n.toString());
            if (!v2) {
                send(ROOM_INFO); // reference-server: RoomInfo as soon as the socket opens (v1.0)
            }
        }

        @Override
        public void onWebSocketText(String frame) {
            synchronized (FakeArchipelagoServer.this) {
                try {
                    for (Decoded<ClientPacket> d : CODEC.decodeClientFrame(frame)) {
                        if (d instanceof Decoded.Ok<ClientPacket> ok) {
                            packets.add(ok.packet());
                            answer(ok.packet());
                        } else {
                            send(CODEC.encodeServerFrame(List.of(((Decoded.Problem<ClientPacket>) d).invalidPacket())));
                        }
                    }
                } catch (Exception e) {
                    session.close(1011, e.toString(), Callback.NOOP);
                }
            }
        }

        private void answer(ClientPacket p) throws Exception {
            switch (p.command()) {
                case JOIN:
                    if (v2 && !ignoreJoin) {
                        send(ROOM_INFO);
                    }
                    break;
                case GET_DATA_PACKAGE:
                    DataPackagePacket all = (DataPackagePacket) decode(ALL_GAMES);
                    Map<String, GameData> games = new LinkedHashMap<>();
                    List<String> wanted = ((GetDataPackagePacket) p).games();
                    for (Map.Entry<String, GameData> e : all.data().games().entrySet()) {
                        if (wanted == null || wanted.contains(e.getKey())) {
                            games.put(e.getKey(), e.getValue());
                        }
                    }
                    send(CODEC.encodeServerFrame(List.of(new DataPackagePacket(new DataPackageContents(games)))));
                    break;
                case CONNECT:
                    ConnectPacket c = (ConnectPacket) p;
                    if (!"sesame".equals(c.password())) {
                        send(REFUSED_PASSWORD);
                        break;
                    }
                    ConnectedPacket model = (ConnectedPacket) decode(CONNECTED_ALICE);
                    List<Long> missing = new ArrayList<>();
                    for (long id : model.missingLocations().toLongArray()) {
                        if (!checked.contains(id)) {
                            missing.add(id);
                        }
                    }
                    ConnectedPacket connected = new ConnectedPacket(model.team(), model.slot(), model.players(),
                            LongList.copyOf(missing), LongList.copyOf(checked), model.slotData(), model.slotInfo(),
                            checked.size(), JsonObject.EMPTY);
                    List<ServerPacket> frame = new ArrayList<>();
                    frame.add(connected);
                    frame.add(new ReceivedItemsPacket(0, aliceItems, JsonObject.EMPTY));
                    send(CODEC.encodeServerFrame(frame));
                    send("[{\"cmd\":\"PrintJSON\",\"data\":[{\"text\":\"Alice (Team #1) playing Pebble Quest has joined. Client(0.6.2), ['AP'].\"}],\"type\":\"Join\",\"team\":0,\"slot\":1,\"tags\":[\"AP\"]}]");
                    if (dropsLeft > 0) {
                        dropsLeft--;
                        session.close(1001, "going away", Callback.NOOP);
                    }
                    break;
                case LOCATION_CHECKS:
                    List<Long> fresh = new ArrayList<>();
                    if (ignoreChecks) {
                        break;
                    }
                    for (long id : ((LocationChecksPacket) p).locations().toLongArray()) {
                        if (PLACEMENT.containsKey(id) && checked.add(id)) {
                            fresh.add(id);
                        }
                    }
                    if (fresh.isEmpty()) {
                        break; // §4.3: nothing new, nothing sent
                    }
                    for (long id : fresh) {
                        NetworkItem item = PLACEMENT.get(id);
                        send("[{\"cmd\":\"PrintJSON\",\"data\":[{\"text\":\"1\",\"type\":\"player_id\"},{\"text\":\" sent \"},"
                                + "{\"text\":\"" + item.item() + "\",\"player\":" + item.player() + ",\"flags\":" + item.flags()
                                + ",\"type\":\"item_id\"},{\"text\":\" to \"},{\"text\":\"" + item.player()
                                + "\",\"type\":\"player_id\"},{\"text\":\" (\"},{\"text\":\"" + id
                                + "\",\"player\":1,\"type\":\"location_id\"},{\"text\":\")\"}],\"type\":\"ItemSend\",\"receiving\":"
                                + item.player() + ",\"item\":{\"item\":" + item.item() + ",\"location\":" + id
                                + ",\"player\":1,\"flags\":" + item.flags() + ",\"class\":\"NetworkItem\"}}]");
                    }
                    send("[{\"cmd\":\"RoomUpdate\",\"hint_points\":" + checked.size() + ",\"checked_locations\":"
                            + fresh.toString().replace(" ", "") + "}]");
                    break;
                case SAY:
                    String text = ((SayPacket) p).text();
                    if (text.equals("!misbehave")) { // test hook: the server errs in three ways, before the echo
                        send("[{\"cmd\":\"InvalidPacket\",\"type\":\"arguments\",\"text\":\"Retrieve\",\"original_cmd\":\"Get\"}]");
                        send("not json");
                        send("[{\"cmd\":\"ReceivedItems\",\"index\":\"zero\"},{\"cmd\":\"Frobnicated\"}]");
                    }
                    send("[{\"cmd\":\"PrintJSON\",\"data\":[{\"text\":" + JsonValues.toJson(JsonValue.of("Alice: " + text))
                            + "}],\"type\":\"Chat\",\"team\":0,\"slot\":1,\"message\":" + JsonValues.toJson(JsonValue.of(text)) + "}]");
                    if (text.startsWith("!hint ")) { // as the reference: a found hint is a Hint message, no CommandResult
                        send("[{\"cmd\":\"PrintJSON\",\"data\":[{\"text\":\"[Hint]: Alice's Golden Key is at Dark Hall in Bob's World.\"}],"
                                + "\"type\":\"Hint\",\"receiving\":1,\"item\":{\"item\":1003,\"location\":4001,\"player\":2,\"flags\":1,"
                                + "\"class\":\"NetworkItem\"},\"found\":false}]");
                    }
                    break;
                case GET:
                    GetPacket get = (GetPacket) p;
                    LinkedHashMap<String, JsonValue> keys = new LinkedHashMap<>();
                    for (String k : get.keys()) {
                        keys.put(k, k.equals("_read_hints_0_1") ? JsonValues.parse(HINTS) : JsonValue.nullValue());
                    }
                    send(CODEC.encodeServerFrame(List.of(new RetrievedPacket(JsonObject.of(keys), get.extras()))));
                    break;
                default:
                    break; // SetNotify and the rest: no reply
            }
        }

        private void send(String frame) {
            session.sendText(frame, Callback.NOOP);
        }

        @Override
        public void onWebSocketClose(int statusCode, String reason, Callback callback) {
            callback.succeed();
        }
    }

    private static ServerPacket decode(String frame) throws Exception {
        return ((Decoded.Ok<ServerPacket>) CODEC.decodeServerFrame(frame).get(0)).packet();
    }
}
