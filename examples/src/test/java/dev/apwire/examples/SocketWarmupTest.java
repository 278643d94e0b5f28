package dev.apwire.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apwire.server.ArchipelagoRoom;
import dev.apwire.server.RoomState;
import org.junit.jupiter.api.Test;

class SocketWarmupTest {

    @Test
    void everyWarmUpConnectionReadsRoomInfoAndTheRealRoomIsUntouched() {
        ArchipelagoRoom<Long> room = new ArchipelagoRoom<>(DemoWorld.load());
        RoomState before = room.snapshot();

        int received = SocketWarmup.run(room, ConnectionLimits.DEFAULT);

        assertThat(received).isEqualTo(SocketWarmup.SOCKETS);
        assertThat(room.snapshot()).isEqualTo(before);
    }
}
