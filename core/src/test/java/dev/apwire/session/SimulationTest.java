package dev.apwire.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.apwire.protocol.LongList;
import dev.apwire.protocol.NetworkItem;
import dev.apwire.protocol.client.ClientPacket;
import dev.apwire.protocol.client.ConnectPacket;
import dev.apwire.json.JsonObject;
import dev.apwire.json.JsonValue;
import dev.apwire.protocol.client.GetDataPackagePacket;
import dev.apwire.protocol.client.GetPacket;
import dev.apwire.protocol.server.RetrievedPacket;
import dev.apwire.protocol.client.LocationChecksPacket;
import dev.apwire.protocol.server.ReceivedItemsPacket;
import dev.apwire.protocol.server.RoomUpdatePacket;
import dev.apwire.protocol.server.ServerPacket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A seeded simulation: a scripted in-memory server that owns the true item list and checked set,
 * an in-memory link that loses everything in flight on disconnect, and a game that processes
 * items and persists its last index and the outbox after every step. Random events: items found
 * by other players, deltas the server loses (gaps), duplicated deltas, resent full lists,
 * overlapping resends, checks (new and repeated), disconnects, reconnects, and game restarts
 * (a new session resumed from the persisted index and outbox).
 *
 * <p>Asserted after every step: the items the game processed are a prefix of the server's list,
 * in order, each once, with consecutive indexes; no protocol violation or close. At the end,
 * after a final reconnect and drain: the game holds the server's whole list, and every location
 * the game ever checked is checked on the server with an empty outbox; every {@code Get} the game
 * sent was answered or failed (timed out, connection lost) exactly once.
 */
class SimulationTest {

    static final int STEPS = 5_000;
    static final long FIRST_LOCATION = 2001;
    static final int LOCATIONS = 300;

    /** The true state and the one connection of the scripted server. */
    static final class FakeServer {
        final List<NetworkItem> items = new ArrayList<>();
        final Set<Long> checked = new LinkedHashSet<>();
        boolean authenticated;
        int sendIndex;
        ReceivedItemsPacket lastItems;

        NetworkItem newItem(int player) {
            int n = items.size();
            NetworkItem it = new NetworkItem(100_000 + n, 4000 + n, player, n % 3);
            items.add(it);
            return it;
        }

        List<ServerPacket> onOpen() {
            authenticated = false;
            sendIndex = 0;
            lastItems = null;
            return List.of(Fixtures.roomInfo());
        }

        List<ServerPacket> handle(ClientPacket p, SplittableRandom rnd) {
            List<ServerPacket> out = new ArrayList<>();
            switch (p.command()) {
                case GET_DATA_PACKAGE:
                    out.add(Fixtures.dataPackage(((GetDataPackagePacket) p).games().toArray(new String[0])));
                    break;
                case CONNECT:
                    assertThat(((ConnectPacket) p).uuid()).isEqualTo("uuid-alice");
                    authenticated = true;
                    long[] checkedIds = checked.stream().mapToLong(Long::longValue).toArray();
                    List<Long> missingIds = new ArrayList<>();
                    for (long id = FIRST_LOCATION; id < FIRST_LOCATION + LOCATIONS; id++) {
                        if (!checked.contains(id)) {
                            missingIds.add(id);
                        }
                    }
                    out.add(Fixtures.connected(LongList.copyOf(missingIds).toLongArray(), checkedIds));
                    full(out);
                    break;
                case SYNC:
                    full(out);
                    break;
                case GET:
                    GetPacket get = (GetPacket) p;
                    LinkedHashMap<String, JsonValue> values = new LinkedHashMap<>();
                    for (String k : get.keys()) {
                        values.put(k, JsonValue.of(checked.size()));
                    }
                    out.add(new RetrievedPacket(JsonObject.adopt(values), get.extras()));
                    break;
                case LOCATION_CHECKS:
                    List<Long> fresh = new ArrayList<>();
                    for (long id : ((LocationChecksPacket) p).locations().toLongArray()) {
                        if (id >= FIRST_LOCATION && id < FIRST_LOCATION + LOCATIONS && checked.add(id)) {
                            fresh.add(id);
                        }
                    }
                    if (!fresh.isEmpty()) {
                        for (int i = 0; i < fresh.size(); i++) {
                            if (rnd.nextInt(2) == 0) {
                                newItem(1);
                            }
                        }
                        delta(out);
                        out.add(RoomUpdatePacket.builder().hintPoints(checked.size()).checkedLocations(LongList.copyOf(fresh)).build());
                    }
                    break;
                default:
                    fail("the simulated client sent an unexpected " + p.cmd());
            }
            return out;
        }

        void full(List<ServerPacket> out) {
            if (!items.isEmpty()) {
                lastItems = new ReceivedItemsPacket(0, items);
                out.add(lastItems);
            }
            sendIndex = items.size();
        }

        void delta(List<ServerPacket> out) {
            if (sendIndex < items.size()) {
                lastItems = new ReceivedItemsPacket(sendIndex, items.subList(sendIndex, items.size()));
                out.add(lastItems);
                sendIndex = items.size();
            }
        }
    }

    /** Everything of one run. */
    static final class World {
        final SplittableRandom rnd;
        final FakeServer server = new FakeServer();
        final Deque<ServerPacket> toClient = new ArrayDeque<>();
        final Deque<ClientPacket> toServer = new ArrayDeque<>();
        Instant now = Instant.parse("2025-01-01T00:00:00Z");
        boolean open;
        ClientSession session;
        // what the game persists
        final List<NetworkItem> processed = new ArrayList<>();
        int persistedIndex = -1;
        List<Long> persistedOutbox = List.of();
        final Set<Long> gameChecked = new LinkedHashSet<>();
        final Set<String> outstanding = new LinkedHashSet<>();
        int requests;
        int answered;
        int timedOut;
        int lost;
        int gaps;
        int restarts;
        int disconnects;

        World(long seed) {
            rnd = new SplittableRandom(seed);
            session = newSession();
        }

        ClientSession newSession() {
            return new ClientSession(Fixtures.alice().lastProcessedIndex(persistedIndex).pendingChecks(persistedOutbox)
                    .requestTimeout(Duration.ofSeconds(2)).random(new SplittableRandom(rnd.nextLong())).build());
        }

        void apply(Step step) {
            if (step.close() != null) {
                fail("unexpected close: " + step.close());
            }
            if (open) {
                toServer.addAll(step.send());
            }
            for (SessionEvent e : step.events()) {
                if (e instanceof ItemsReceived) {
                    for (ReceivedItem r : ((ItemsReceived) e).items()) {
                        assertThat(r.index()).as("consecutive indexes").isEqualTo(processed.size());
                        processed.add(r.item());
                    }
                    persistedIndex = ((ItemsReceived) e).lastIndex();
                } else if (e instanceof RequestSent) {
                    assertThat(outstanding.add(((RequestSent) e).requestId())).as("fresh id").isTrue();
                    requests++;
                } else if (e instanceof ValuesRetrieved) {
                    String id = ((ValuesRetrieved) e).requestId();
                    if (id != null) {
                        assertThat(outstanding.remove(id)).as("answered once").isTrue();
                        answered++;
                    }
                } else if (e instanceof RequestFailed) {
                    RequestFailed f = (RequestFailed) e;
                    assertThat(outstanding.remove(f.requestId())).as("failed once").isTrue();
                    if (f.reason() == RequestFailed.FailureReason.TIMED_OUT) {
                        timedOut++;
                    } else {
                        lost++;
                    }
                } else if (e instanceof ItemsOutOfSync) {
                    gaps++;
                } else if (e instanceof ProtocolViolated) {
                    fail("violation: " + ((ProtocolViolated) e).rule());
                } else if (!(e instanceof LocationsChecked || e instanceof RoomUpdated || e instanceof ConnectionAccepted
                        || e instanceof RoomInfoReceived || e instanceof DataPackageUpdated || e instanceof Disconnected)) {
                    fail("unexpected event " + e);
                }
            }
            persistedOutbox = session.outbox();
        }

        void open() {
            open = true;
            apply(session.connected(now));
            toClient.addAll(server.onOpen());
        }

        void close() {
            open = false;
            toClient.clear();
            toServer.clear();
            server.authenticated = false;
            apply(session.disconnected(now));
            disconnects++;
        }

        void step() {
            now = now.plus(Duration.ofMillis(1 + rnd.nextInt(200)));
            if (session.nextDeadline().isPresent() && !now.isBefore(session.nextDeadline().get())) {
                apply(session.onTimeout(now));
            }
            int r = rnd.nextInt(100);
            if (!open) {
                if (r < 30) {
                    open();
                } else if (r < 40) {
                    check();
                } else if (r < 45) {
                    restart();
                } else if (r < 60) {
                    server.newItem(2); // found while we are away
                }
                return;
            }
            if (r < 30 && !toClient.isEmpty()) {
                apply(session.receive(toClient.poll(), now));
            } else if (r < 50 && !toServer.isEmpty()) {
                toClient.addAll(server.handle(toServer.poll(), rnd));
            } else if (r < 62) {
                server.newItem(2);
                if (server.authenticated) {
                    List<ServerPacket> out = new ArrayList<>();
                    server.delta(out);
                    toClient.addAll(out);
                }
            } else if (r < 66) {
                // the server loses a delta: the next one arrives with a gap
                server.newItem(2);
                if (server.authenticated) {
                    server.sendIndex = server.items.size();
                }
            } else if (r < 70 && server.lastItems != null && server.authenticated) {
                toClient.add(server.lastItems); // duplicated
            } else if (r < 72 && server.authenticated) {
                List<ServerPacket> out = new ArrayList<>();
                server.full(out); // an unasked full list
                toClient.addAll(out);
            } else if (r < 74 && server.authenticated && server.sendIndex > 1) {
                int from = 1 + rnd.nextInt(server.sendIndex - 1);
                toClient.add(new ReceivedItemsPacket(from, server.items.subList(from, server.sendIndex))); // overlap
            } else if (r < 88) {
                check();
            } else if (r < 90 && session.phase() == Phase.CONNECTED) {
                apply(session.get(List.of("k" + rnd.nextInt(3)), now));
            } else if (r < 92) {
                close();
            } else if (r < 94) {
                close();
                restart();
            }
        }

        void check() {
            long id = FIRST_LOCATION + rnd.nextInt(LOCATIONS);
            gameChecked.add(id);
            apply(session.checkLocations(List.of(id), now));
        }

        void restart() {
            if (open) {
                close();
            }
            assertThat(outstanding).isEmpty();
            session = newSession();
            restarts++;
        }

        void assertPrefix() {
            assertThat(processed.size()).isLessThanOrEqualTo(server.items.size());
            assertThat(processed).isEqualTo(server.items.subList(0, processed.size()));
        }

        void settle() {
            if (open) {
                close();
            }
            open();
            for (int guard = 0; guard < 10_000 && (!toClient.isEmpty() || !toServer.isEmpty()); guard++) {
                if (!toClient.isEmpty()) {
                    apply(session.receive(toClient.poll(), now));
                } else {
                    toClient.addAll(server.handle(toServer.poll(), rnd));
                }
            }
            assertThat(toClient).isEmpty();
            assertThat(toServer).isEmpty();
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 5, 8, 13, 21, 34, 55, 89, 144, 233, 377, 610, 987, 1597, 2584, 4181, 6765, 10946})
    void exactlyOnceInOrderAndNoCheckLost(long seed) {
        World w = new World(seed);
        for (int i = 0; i < STEPS; i++) {
            w.step();
            w.assertPrefix();
        }
        w.settle();
        assertThat(w.processed).as("every item reached the game once, in server order").isEqualTo(w.server.items);
        assertThat(w.server.checked).as("no check lost").containsAll(w.gameChecked);
        assertThat(w.session.outbox()).isEmpty();
        assertThat(w.session.phase()).isEqualTo(Phase.CONNECTED);
        // the run exercised what it claims to
        assertThat(w.server.items.size()).isGreaterThan(500);
        assertThat(w.gaps).isPositive();
        assertThat(w.disconnects).isGreaterThan(50);
        assertThat(w.restarts).isPositive();
        assertThat(w.outstanding).as("every request answered or failed exactly once").isEmpty();
        assertThat(w.answered).isPositive();
        assertThat(w.lost + w.timedOut).isPositive();
    }
}
