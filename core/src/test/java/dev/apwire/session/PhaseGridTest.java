package dev.apwire.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apwire.json.JsonObject;
import dev.apwire.json.JsonValue;
import dev.apwire.protocol.ClientStatus;
import dev.apwire.protocol.DataPackageContents;
import dev.apwire.protocol.HintStatus;
import dev.apwire.protocol.JsonMessagePart;
import dev.apwire.protocol.PacketProblemType;
import dev.apwire.protocol.server.BouncedPacket;
import dev.apwire.protocol.server.ConnectionRefusedPacket;
import dev.apwire.protocol.server.InvalidPacket;
import dev.apwire.protocol.server.LocationInfoPacket;
import dev.apwire.protocol.server.PrintJsonPacket;
import dev.apwire.protocol.server.RetrievedPacket;
import dev.apwire.protocol.server.RoomUpdatePacket;
import dev.apwire.protocol.server.ServerCommand;
import dev.apwire.protocol.server.ServerPacket;
import dev.apwire.protocol.server.SetReplyPacket;
import dev.apwire.protocol.server.UnknownServerPacket;
import dev.apwire.protocol.server.DataPackagePacket;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * The phase x command grid: every server command fed in every phase is either accepted (as the
 * table says) or a ProtocolViolated with the state unchanged, a Close in strict mode and none in
 * lenient mode; and every intent outside its phases throws with the state unchanged.
 */
class PhaseGridTest {

    static final Instant NOW = Instant.parse("2025-01-01T00:00:00Z");

    /** A minimal packet of each command. */
    static ServerPacket minimal(ServerCommand command) {
        switch (command) {
            case ROOM_INFO: return Fixtures.roomInfo();
            case CONNECTION_REFUSED: return new ConnectionRefusedPacket(List.of());
            case CONNECTED: return Fixtures.connected();
            case RECEIVED_ITEMS: return Fixtures.items(0, 1001);
            case LOCATION_INFO: return new LocationInfoPacket(List.of());
            case ROOM_UPDATE: return RoomUpdatePacket.builder().hintPoints(1).build();
            case PRINT_JSON: return new PrintJsonPacket(List.of(JsonMessagePart.text("hi")), null, null, null, null, null, null, null, null, null);
            case DATA_PACKAGE: return new DataPackagePacket(new DataPackageContents(Map.of()));
            case BOUNCED: return new BouncedPacket(null, null, List.of("X"), JsonValue.of(1));
            case INVALID_PACKET: return new InvalidPacket(PacketProblemType.of("cmd"), "Get", "nope");
            case RETRIEVED: return new RetrievedPacket(JsonObject.EMPTY);
            case SET_REPLY: return new SetReplyPacket("k", JsonValue.of(1), null, null);
            case UNKNOWN: return new UnknownServerPacket("Future", JsonObject.EMPTY);
            default: throw new AssertionError(command);
        }
    }

    /** Drives a fresh session into a phase. */
    static ClientSession inPhase(Phase phase, Compliance compliance) {
        ClientSession s = new ClientSession(Fixtures.alice().compliance(compliance).trackHints(true).build());
        if (phase == Phase.DISCONNECTED) {
            return s;
        }
        s.connected(NOW);
        if (phase == Phase.AWAITING_ROOM_INFO) {
            return s;
        }
        s.receive(Fixtures.roomInfo(), NOW);
        if (phase == Phase.AWAITING_CONNECTED) {
            return s;
        }
        if (phase == Phase.REFUSED) {
            s.receive(new ConnectionRefusedPacket(List.of()), NOW);
            return s;
        }
        s.receive(Fixtures.connected(), NOW);
        return s;
    }

    static Stream<Arguments> grid() {
        List<Arguments> out = new ArrayList<>();
        for (Phase p : Phase.values()) {
            for (ServerCommand c : ServerCommand.values()) {
                for (Compliance m : Compliance.values()) {
                    out.add(Arguments.of(p, c, m));
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} receives {1} ({2})")
    @MethodSource("grid")
    void everyCommandInEveryPhase(Phase phase, ServerCommand command, Compliance compliance) {
        ClientSession s = inPhase(phase, compliance);
        assertThat(s.phase()).isEqualTo(phase);
        String before = s.toString();
        ServerPacket packet = minimal(command);
        Step step = s.receive(packet, NOW);
        if (ClientPhases.mayReceive(phase, command)) {
            assertThat(step.events()).noneMatch(e -> e instanceof ProtocolViolated);
            assertThat(step.close()).isNull();
        } else {
            assertThat(step.events()).hasSize(1);
            ProtocolViolated v = (ProtocolViolated) step.events().get(0);
            assertThat(v.packet()).isSameAs(packet);
            assertThat(v.rule()).contains(phase.name());
            assertThat(step.send()).isEmpty();
            if (compliance == Compliance.STRICT) {
                assertThat(step.close()).isNotNull();
                assertThat(step.close().reason()).isEqualTo(v.rule());
            } else {
                assertThat(step.close()).isNull();
            }
            assertThat(s.toString()).as("illegal input changes nothing").isEqualTo(before);
        }
    }

    @Test
    void theTableItself() {
        assertThat(ServerCommand.values()).noneMatch(c -> ClientPhases.mayReceive(Phase.DISCONNECTED, c));
        assertThat(ClientPhases.mayReceive(Phase.AWAITING_ROOM_INFO, ServerCommand.ROOM_INFO)).isTrue();
        assertThat(ClientPhases.mayReceive(Phase.AWAITING_ROOM_INFO, ServerCommand.CONNECTED)).isFalse();
        assertThat(ClientPhases.mayReceive(Phase.AWAITING_CONNECTED, ServerCommand.RECEIVED_ITEMS)).isFalse();
        assertThat(ClientPhases.mayReceive(Phase.CONNECTED, ServerCommand.ROOM_INFO)).isFalse();
        assertThat(ClientPhases.mayReceive(Phase.CONNECTED, ServerCommand.CONNECTED)).isFalse();
        assertThat(ClientPhases.mayReceive(Phase.CONNECTED, ServerCommand.RECEIVED_ITEMS)).isTrue();
    }

    static Stream<Arguments> connectedOnlyIntents() {
        List<Function<ClientSession, Step>> intents = List.of(
                s -> s.say("hi", NOW),
                s -> s.get(List.of("k"), NOW),
                s -> s.set("k", JsonValue.of(0), true, List.of(), NOW),
                s -> s.scout(List.of(2001L), 0, NOW),
                s -> s.statusUpdate(ClientStatus.PLAYING, NOW),
                s -> s.goal(NOW),
                s -> s.sendDeathLink("fell", NOW),
                s -> s.bounce(null, null, List.of("RingLink"), JsonValue.of(1), NOW),
                s -> s.createHints(List.of(2001L), null, null, NOW),
                s -> s.updateHint(1, 2001, HintStatus.PRIORITY, NOW),
                s -> s.resync(NOW));
        List<Arguments> out = new ArrayList<>();
        for (Phase p : Phase.values()) {
            if (p == Phase.CONNECTED) {
                continue;
            }
            for (int i = 0; i < intents.size(); i++) {
                out.add(Arguments.of(p, i, intents.get(i)));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}: intent #{1} throws")
    @MethodSource("connectedOnlyIntents")
    void localMisuseThrowsBeforeAnyChange(Phase phase, int index, Function<ClientSession, Step> intent) {
        ClientSession s = inPhase(phase, Compliance.STRICT);
        String before = s.toString();
        assertThatThrownBy(() -> intent.apply(s)).isInstanceOf(IllegalStateException.class);
        assertThat(s.toString()).isEqualTo(before);
    }

    @Test
    void queueingIntentsWorkInEveryPhase() {
        for (Phase p : Phase.values()) {
            ClientSession s = inPhase(p, Compliance.STRICT);
            s.checkLocations(List.of(2002L), NOW);
            s.subscribe(List.of("k"), NOW);
            s.setTags(List.of("AP"), NOW);
            assertThat(s.outbox()).contains(2002L);
            assertThat(s.subscriptions()).containsExactly("k");
        }
    }

    @Test
    void aMalformedHintListIsAViolationThatChangesNothing() {
        ClientSession s = inPhase(Phase.CONNECTED, Compliance.LENIENT);
        String before = s.toString();
        Step step = s.receive(new SetReplyPacket(ReadKeys.hints(0, 1), JsonValue.of("not a list"), null, null), NOW);
        assertThat(step.events()).singleElement().isInstanceOf(ProtocolViolated.class);
        assertThat(s.toString()).isEqualTo(before);
    }
}
