package dev.apwire.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apwire.protocol.PacketProblemType;
import dev.apwire.protocol.client.ClientPacket;
import dev.apwire.protocol.client.GetDataPackagePacket;
import dev.apwire.protocol.client.JoinPacket;
import dev.apwire.protocol.client.SayPacket;
import dev.apwire.protocol.server.InvalidPacket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Conversations with the v2.0 host on a virtual clock: every row of its table in both compliance modes, ids, load and unload. */
class RoomHostTest {

    private static final RoomId ROOM = new RoomId("ABCD");
    private static final RoomId OTHER_ROOM = new RoomId("WXYZ");
    private static final RoomId LOBBY_ROOM = new RoomId("D3FA");
    private static final List<String> V2 = List.of("v2.0");
    private static final Duration IDLE = Duration.ofMinutes(5);
    private static final Duration JOIN = Duration.ofSeconds(30);

    private Instant now = Instant.parse("2026-01-01T00:00:00Z");

    private RoomHost<String> host(boolean strict, RoomId defaultRoom) {
        return new RoomHost<>(new HostConfig(strict, defaultRoom, IDLE, JOIN, 6), new SplittableRandom(1));
    }

    /** Renders a step's actions, e.g. {@code [attach a ABCD, load ABCD, close a, forward a ABCD, unload ABCD]}. */
    private static List<String> render(HostStep<String> step) {
        List<String> out = new ArrayList<>();
        for (HostAction<String> a : step.actions()) {
            if (a instanceof HostAttach<String> x) {
                out.add("attach " + x.connection() + " " + x.room());
            } else if (a instanceof HostForward<String> x) {
                out.add("forward " + x.connection() + " " + x.room());
            } else if (a instanceof HostClose<String> x) {
                out.add("close " + x.connection());
            } else if (a instanceof HostLoad<String> x) {
                out.add("load " + x.room());
            } else if (a instanceof HostUnload<String> x) {
                out.add("unload " + x.room());
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- the table

    /** Drives connection "c" into a phase of HostRules. */
    enum Phase {
        LOBBY, WAITING, JOINED, DEFAULT_WAITING, DEFAULT_JOINED;

        void enter(RoomHost<String> host, Instant now) {
            switch (this) {
                case LOBBY:
                    assertThat(render(host.open("c", V2, "v2.0", now))).isEmpty();
                    break;
                case WAITING:
                    host.open("c", V2, "v2.0", now);
                    assertThat(render(host.receive("c", new JoinPacket("abcd"), now))).containsExactly("load ABCD");
                    break;
                case JOINED:
                    host.open("c", V2, "v2.0", now);
                    host.receive("c", new JoinPacket("ABCD"), now);
                    assertThat(render(host.roomLoaded(ROOM, now))).containsExactly("attach c ABCD");
                    break;
                case DEFAULT_WAITING:
                    assertThat(render(host.open("c", List.of(), null, now))).containsExactly("load D3FA");
                    break;
                case DEFAULT_JOINED:
                    host.open("c", List.of(), null, now);
                    assertThat(render(host.roomLoaded(LOBBY_ROOM, now))).containsExactly("attach c D3FA");
                    break;
                default:
                    throw new AssertionError(this);
            }
        }

        RoomId room() {
            return this == DEFAULT_WAITING || this == DEFAULT_JOINED ? LOBBY_ROOM : ROOM;
        }
    }

    /** An input to the table, applied to connection "c". */
    enum Input {
        JOIN_OTHER_ROOM((h, n) -> h.receive("c", new JoinPacket("wxyz"), n)),
        JOIN_NOT_AN_ID((h, n) -> h.receive("c", new JoinPacket("no such room!"), n)),
        JOIN_UNDECODABLE((h, n) -> h.receiveInvalid("c", new InvalidPacket(PacketProblemType.ARGUMENTS, "Join", "id missing"), n)),
        PACKET((h, n) -> h.receive("c", new GetDataPackagePacket(List.of("Pebble Quest")), n)),
        INVALID_PACKET((h, n) -> h.receiveInvalid("c", new InvalidPacket(PacketProblemType.CMD, "Foo", "unknown"), n)),
        MALFORMED((h, n) -> h.receiveMalformed("c", n));

        final BiFunction<RoomHost<String>, Instant, HostStep<String>> apply;

        Input(BiFunction<RoomHost<String>, Instant, HostStep<String>> apply) {
            this.apply = apply;
        }
    }

    /**
     * The table, written out cell by cell: what the host does in each phase with each input, strict and lenient.
     * "closed" means a silent close and the host forgetting the connection; "ignored" means nothing happens.
     */
    static Stream<Arguments> table() {
        List<Arguments> rows = new ArrayList<>();
        for (boolean strict : new boolean[] {true, false}) {
            String illegal = strict ? "closed" : "ignored";
            // LOBBY: a valid Join resolves (loads), an invalid one closes in both modes, anything else is illegal
            rows.add(Arguments.of(Phase.LOBBY, Input.JOIN_OTHER_ROOM, strict, "load WXYZ"));
            rows.add(Arguments.of(Phase.LOBBY, Input.JOIN_NOT_AN_ID, strict, "closed"));
            rows.add(Arguments.of(Phase.LOBBY, Input.JOIN_UNDECODABLE, strict, "closed"));
            rows.add(Arguments.of(Phase.LOBBY, Input.PACKET, strict, illegal));
            rows.add(Arguments.of(Phase.LOBBY, Input.INVALID_PACKET, strict, illegal));
            rows.add(Arguments.of(Phase.LOBBY, Input.MALFORMED, strict, "closed"));
            for (Phase waiting : new Phase[] {Phase.WAITING, Phase.DEFAULT_WAITING}) {
                for (Input i : new Input[] {Input.JOIN_OTHER_ROOM, Input.JOIN_NOT_AN_ID, Input.JOIN_UNDECODABLE, Input.PACKET,
                        Input.INVALID_PACKET}) {
                    rows.add(Arguments.of(waiting, i, strict, illegal));
                }
                rows.add(Arguments.of(waiting, Input.MALFORMED, strict, "closed"));
            }
            // JOINED (v2.0): Join is illegal, everything else goes to the room
            for (Input i : new Input[] {Input.JOIN_OTHER_ROOM, Input.JOIN_NOT_AN_ID, Input.JOIN_UNDECODABLE}) {
                rows.add(Arguments.of(Phase.JOINED, i, strict, illegal));
            }
            for (Input i : new Input[] {Input.PACKET, Input.INVALID_PACKET, Input.MALFORMED}) {
                rows.add(Arguments.of(Phase.JOINED, i, strict, "forward c ABCD"));
            }
            // DEFAULT_JOINED (v1.0): everything goes to the room, which ignores Join as the reference ignores it
            for (Input i : Input.values()) {
                rows.add(Arguments.of(Phase.DEFAULT_JOINED, i, strict, "forward c D3FA"));
            }
        }
        return rows.stream();
    }

    @ParameterizedTest(name = "{0} + {1}, strict={2}: {3}")
    @MethodSource("table")
    void everyRowOfTheTable(Phase phase, Input input, boolean strict, String expected) {
        RoomHost<String> host = host(strict, LOBBY_ROOM);
        phase.enter(host, now);
        Optional<RoomId> roomBefore = host.roomOf("c");
        List<String> step = render(input.apply.apply(host, now));
        switch (expected) {
            case "closed":
                assertThat(step).containsExactly("close c");
                assertThat(host.isOpen("c")).isFalse();
                assertThat(host.roomOf("c")).isEmpty();
                break;
            case "ignored":
                assertThat(step).isEmpty();
                assertThat(host.isOpen("c")).isTrue();
                assertThat(host.roomOf("c")).isEqualTo(roomBefore);
                break;
            default:
                assertThat(step).containsExactly(expected);
                assertThat(host.isOpen("c")).isTrue();
                break;
        }
        // Input from the connection after a close changes nothing.
        if (!host.isOpen("c")) {
            assertThat(render(host.receive("c", new JoinPacket("ABCD"), now))).isEmpty();
            assertThat(render(host.close("c", now))).isEmpty();
        }
    }

    @Test
    void tableCoversEveryPhaseAndInput() {
        assertThat(table().map(a -> a.get()[0]).distinct()).containsExactlyInAnyOrder((Object[]) Phase.values());
        assertThat(table().map(a -> a.get()[1]).distinct()).containsExactlyInAnyOrder((Object[]) Input.values());
        assertThat(table().count()).isEqualTo(2L * Phase.values().length * Input.values().length);
        assertThat(Stream.of(Phase.values()).map(Enum::name))
                .containsExactlyElementsOf(Stream.of(HostRules.Phase.values()).map(Enum::name).toList());
    }

    // ---------------------------------------------------------------- handshake

    @Test
    void aV2ConnectionGetsNothingUntilJoinThenTheRoomsRoomInfoThroughAttach() {
        RoomHost<String> host = host(true, null);
        assertThat(render(host.open("a", List.of("v2.0"), "v2.0", now))).isEmpty();
        assertThat(host.roomOf("a")).isEmpty();
        assertThat(render(host.receive("a", new JoinPacket("AbCd"), now))).containsExactly("load ABCD");
        assertThat(render(host.roomLoaded(ROOM, now))).containsExactly("attach a ABCD");
        assertThat(host.roomOf("a")).contains(ROOM);
        assertThat(host.loadedRooms()).containsExactly(ROOM);
        // A second v2.0 connection to the loaded room is attached at once, without another load.
        host.open("b", List.of("v1.0", "v2.0"), "v2.0", now);
        assertThat(render(host.receive("b", new JoinPacket("ABCD"), now))).containsExactly("attach b ABCD");
    }

    @Test
    void joinAndPacketsInOneFrameAreAttachThenForward() {
        RoomHost<String> host = host(true, null);
        host.open("a", V2, "v2.0", now);
        host.receive("a", new JoinPacket("ABCD"), now);
        host.roomLoaded(ROOM, now);
        host.open("b", V2, "v2.0", now);
        List<String> steps = new ArrayList<>();
        steps.addAll(render(host.receive("b", new JoinPacket("ABCD"), now)));
        steps.addAll(render(host.receive("b", new SayPacket("hi"), now)));
        assertThat(steps).containsExactly("attach b ABCD", "forward b ABCD");
    }

    @Test
    void withoutV2AConnectionJoinsTheDefaultRoomOrIsClosed() {
        RoomHost<String> none = host(true, null);
        assertThat(render(none.open("a", List.of(), null, now))).containsExactly("close a");
        assertThat(none.isOpen("a")).isFalse();
        // v2.0 offered but not accepted by the driver: treated as v1.0.
        assertThat(render(none.open("b", List.of("v2.0"), null, now))).containsExactly("close b");

        RoomHost<String> host = host(true, LOBBY_ROOM);
        assertThat(render(host.open("a", List.of(), null, now))).containsExactly("load D3FA");
        assertThat(render(host.open("b", List.of("chat"), "chat", now))).isEmpty();
        assertThat(render(host.roomLoaded(LOBBY_ROOM, now))).containsExactly("attach a D3FA", "attach b D3FA");
        assertThat(render(host.open("c", List.of(), null, now))).containsExactly("attach c D3FA");
    }

    @Test
    void aJoinOfARoomTheStoreDoesNotHaveIsClosedWithNoInformation() {
        RoomHost<String> host = host(true, null);
        host.open("a", V2, "v2.0", now);
        host.open("b", V2, "v2.0", now);
        assertThat(render(host.receive("a", new JoinPacket("ZZZZ"), now))).containsExactly("load ZZZZ");
        assertThat(render(host.receive("b", new JoinPacket("zzzz"), now))).as("one load for both").isEmpty();
        HostStep<String> failed = host.roomLoadFailed(new RoomId("ZZZZ"), now);
        assertThat(render(failed)).containsExactly("close a", "close b");
        assertThat(host.isOpen("a")).isFalse();
        assertThat(host.loadedRooms()).isEmpty();
        // The next Join tries the store again.
        host.open("c", V2, "v2.0", now);
        assertThat(render(host.receive("c", new JoinPacket("ZZZZ"), now))).containsExactly("load ZZZZ");
    }

    @Test
    void aWaitingConnectionThatClosesIsNotAttached() {
        RoomHost<String> host = host(true, null);
        host.open("a", V2, "v2.0", now);
        host.open("b", V2, "v2.0", now);
        host.receive("a", new JoinPacket("ABCD"), now);
        host.receive("b", new JoinPacket("ABCD"), now);
        assertThat(render(host.close("a", now))).isEmpty();
        assertThat(render(host.roomLoaded(ROOM, now))).containsExactly("attach b ABCD");
    }

    @Test
    void aV2ConnectionThatDoesNotJoinInTimeIsClosed() {
        RoomHost<String> host = host(true, null);
        host.open("a", V2, "v2.0", now);
        assertThat(host.nextDeadline()).contains(now.plus(JOIN));
        assertThat(render(host.onTimeout(now.plus(JOIN).minusMillis(1)))).as("spurious").isEmpty();
        assertThat(host.isOpen("a")).isTrue();
        assertThat(render(host.onTimeout(now.plus(JOIN)))).containsExactly("close a");
        assertThat(host.nextDeadline()).isEmpty();
    }

    @Test
    void localMisuseThrowsBeforeAnyChange() {
        RoomHost<String> host = host(true, null);
        host.open("a", V2, "v2.0", now);
        assertThatThrownBy(() -> host.open("a", V2, "v2.0", now)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> host.open("b", List.of(), "v2.0", now)).isInstanceOf(IllegalArgumentException.class);
        assertThat(host.isOpen("b")).isFalse();
        assertThatThrownBy(() -> host.roomLoaded(ROOM, now)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> host.roomUnloaded(ROOM, now)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> host.roomLoadFailed(ROOM, now)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> host.roomUnloadFailed(ROOM, now)).isInstanceOf(IllegalStateException.class);
        assertThat(host.isOpen("a")).isTrue();
    }

    @Test
    void theSubprotocolIsAcceptedOnlyWhenOffered() {
        assertThat(RoomHost.selectSubprotocol(List.of("v1.0", "v2.0"))).contains("v2.0");
        assertThat(RoomHost.selectSubprotocol(List.of())).isEmpty();
        assertThat(RoomHost.selectSubprotocol(List.of("V2.0", "v2"))).isEmpty();
    }

    // ---------------------------------------------------------------- load and unload

    @Test
    void anIdleRoomIsUnloadedAfterTheIdleTimeAndLoadedAgainOnJoin() {
        RoomHost<String> host = host(true, null);
        host.open("a", V2, "v2.0", now);
        host.receive("a", new JoinPacket("ABCD"), now);
        host.roomLoaded(ROOM, now);
        assertThat(host.nextDeadline()).as("a room with a member is not idle").isEmpty();
        now = now.plusSeconds(10);
        host.close("a", now);
        assertThat(host.nextDeadline()).contains(now.plus(IDLE));
        assertThat(render(host.onTimeout(now.plus(IDLE).minusSeconds(1)))).isEmpty();
        // A connection arriving within the idle time keeps the room and restarts the idle time when it leaves.
        Instant back = now.plus(IDLE).minusSeconds(1);
        host.open("b", V2, "v2.0", back);
        assertThat(render(host.receive("b", new JoinPacket("ABCD"), back))).containsExactly("attach b ABCD");
        assertThat(render(host.onTimeout(now.plus(IDLE)))).isEmpty();
        host.close("b", back);
        Instant unload = back.plus(IDLE);
        assertThat(host.nextDeadline()).contains(unload);
        assertThat(render(host.onTimeout(unload))).containsExactly("unload ABCD");
        assertThat(host.loadedRooms()).isEmpty();
        assertThat(host.nextDeadline()).isEmpty();
        // A Join while the room is being saved waits, and loads the room once the save is done.
        host.open("c", V2, "v2.0", unload);
        assertThat(render(host.receive("c", new JoinPacket("ABCD"), unload))).isEmpty();
        assertThat(render(host.roomUnloaded(ROOM, unload))).containsExactly("load ABCD");
        assertThat(render(host.roomLoaded(ROOM, unload))).containsExactly("attach c ABCD");
    }

    @Test
    void anUnloadedRoomIsForgottenUntilTheNextJoin() {
        RoomHost<String> host = host(true, null);
        host.open("a", V2, "v2.0", now);
        host.receive("a", new JoinPacket("ABCD"), now);
        host.roomLoaded(ROOM, now);
        host.close("a", now);
        host.onTimeout(now.plus(IDLE));
        assertThat(render(host.roomUnloaded(ROOM, now.plus(IDLE)))).isEmpty();
        host.open("b", V2, "v2.0", now);
        assertThat(render(host.receive("b", new JoinPacket("ABCD"), now))).containsExactly("load ABCD");
    }

    @Test
    void aRoomWhoseSaveFailedStaysLoadedAndAdmitsWhoWaited() {
        RoomHost<String> host = host(true, null);
        host.open("a", V2, "v2.0", now);
        host.receive("a", new JoinPacket("ABCD"), now);
        host.roomLoaded(ROOM, now);
        host.close("a", now);
        host.onTimeout(now.plus(IDLE));
        host.open("b", V2, "v2.0", now);
        host.receive("b", new JoinPacket("ABCD"), now);
        Instant t = now.plus(IDLE);
        assertThat(render(host.roomUnloadFailed(ROOM, t))).containsExactly("attach b ABCD");
        assertThat(host.loadedRooms()).containsExactly(ROOM);
        host.close("b", t);
        assertThat(host.nextDeadline()).as("the idle time starts again").contains(t.plus(IDLE));
    }

    @Test
    void aRoomLoadedForConnectionsThatLeftIsIdleFromItsLoad() {
        RoomHost<String> host = host(true, null);
        host.open("a", V2, "v2.0", now);
        host.receive("a", new JoinPacket("ABCD"), now);
        host.close("a", now);
        Instant loaded = now.plusSeconds(2);
        assertThat(render(host.roomLoaded(ROOM, loaded))).isEmpty();
        assertThat(host.nextDeadline()).contains(loaded.plus(IDLE));
    }

    @Test
    void roomsAreIndependent() {
        RoomHost<String> host = host(true, null);
        host.open("a", V2, "v2.0", now);
        host.open("b", V2, "v2.0", now);
        host.receive("a", new JoinPacket("ABCD"), now);
        host.receive("b", new JoinPacket("WXYZ"), now);
        assertThat(render(host.roomLoaded(OTHER_ROOM, now))).containsExactly("attach b WXYZ");
        assertThat(render(host.roomLoaded(ROOM, now))).containsExactly("attach a ABCD");
        assertThat(render(host.receive("a", new SayPacket("x"), now))).containsExactly("forward a ABCD");
        assertThat(render(host.receive("b", new SayPacket("y"), now))).containsExactly("forward b WXYZ");
        host.close("a", now);
        assertThat(render(host.onTimeout(now.plus(IDLE)))).containsExactly("unload ABCD");
        assertThat(host.loadedRooms()).containsExactly(OTHER_ROOM);
    }

    // ---------------------------------------------------------------- ids

    @Test
    void roomIdsAreCaseInsensitiveFourToEightSymbolsWithoutConfusables() {
        assertThat(RoomId.parse("k7pq")).contains(new RoomId("K7PQ"));
        assertThat(RoomId.parse("K7pQ3xYz")).contains(new RoomId("K7PQ3XYZ"));
        for (String bad : new String[] {"", "ABC", "ABCDEFGHJ", "AB0D", "ABOD", "AB1D", "ABID", "ABLD", "abl2", "AB D",
                "AB-D", "ÄBCD", "ABCD\n"}) {
            assertThat(RoomId.parse(bad)).as(bad).isEmpty();
        }
        assertThatThrownBy(() -> new RoomId("abcd")).isInstanceOf(IllegalArgumentException.class);
        assertThat(RoomId.ALPHABET).doesNotContain("0", "O", "1", "I", "L").hasSize(31);
    }

    @Test
    void theHostAssignsIdsFromItsRandomGeneratorAvoidingLoadedRooms() {
        RoomHost<String> a = new RoomHost<>(HostConfig.DEFAULT, new SplittableRandom(42));
        RoomHost<String> b = new RoomHost<>(HostConfig.DEFAULT, new SplittableRandom(42));
        RoomId first = a.newRoomId();
        assertThat(b.newRoomId()).as("same seed, same id").isEqualTo(first);
        assertThat(first.value()).hasSize(6);
        assertThat(RoomId.parse(first.value().toLowerCase(java.util.Locale.ROOT))).contains(first);
        // Load the room with the id the generator would give next; the host skips it.
        RoomHost<String> c = new RoomHost<>(HostConfig.DEFAULT, new SplittableRandom(7));
        RoomId next = new RoomHost<String>(HostConfig.DEFAULT, new SplittableRandom(7)).newRoomId();
        c.open("x", V2, "v2.0", now);
        c.receive("x", new JoinPacket(next.value()), now);
        c.roomLoaded(next, now);
        assertThat(c.newRoomId()).isNotEqualTo(next);
        // Every symbol comes from the alphabet, and all of it is used.
        StringBuilder all = new StringBuilder();
        RoomHost<String> d = new RoomHost<>(new HostConfig(true, null, IDLE, JOIN, 8), new SplittableRandom(3));
        for (int i = 0; i < 200; i++) {
            all.append(d.newRoomId().value());
        }
        assertThat(all.chars().distinct().count()).isEqualTo(RoomId.ALPHABET.length());
        assertThatThrownBy(() -> new HostConfig(true, null, IDLE, JOIN, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new HostConfig(true, null, Duration.ZERO, JOIN, 6)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void packetsOfAnUnknownConnectionAreIgnored() {
        RoomHost<String> host = host(true, LOBBY_ROOM);
        List<ClientPacket> packets = List.of(new JoinPacket("ABCD"), new SayPacket("x"));
        for (ClientPacket p : packets) {
            assertThat(render(host.receive("ghost", p, now))).isEmpty();
        }
        assertThat(render(host.receiveMalformed("ghost", now))).isEmpty();
    }
}
