package dev.apwire.codec.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apwire.codec.ArchipelagoCodec;
import dev.apwire.codec.Decoded;
import dev.apwire.protocol.client.ClientPacket;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The per-thread list stacks are empty after every command, whether its lists were read whole or abandoned. */
class ScratchTest {

    @Test
    void listsAbandonedByProblemsAreDroppedWhenTheirCommandEnds() throws Exception {
        String frame = "[{\"cmd\":\"LocationChecks\",\"locations\":[1,2,3,\"x\"]},"
                + "{\"cmd\":\"Set\",\"key\":\"k\",\"operations\":[{\"operation\":\"add\",\"value\":1},{\"operation\":5,\"value\":2}]},"
                + "{\"cmd\":\"Sync\"}]";
        List<Decoded<ClientPacket>> decoded = ArchipelagoCodec.create().decodeClientFrame(frame);
        assertThat(decoded).hasSize(3);
        assertThat(decoded.get(0)).isInstanceOf(Decoded.Problem.class);
        assertThat(decoded.get(1)).isInstanceOf(Decoded.Problem.class);
        assertThat(decoded.get(2)).isInstanceOf(Decoded.Ok.class);
        assertThat(Scratch.get().mark()).isZero();
        assertThat(Scratch.get().markLongs()).isZero();
    }

    @Test
    void aStackGrownByAHugeListIsNotKept() throws Exception {
        StringBuilder ids = new StringBuilder();
        for (int i = 0; i < Scratch.KEEP * 2; i++) {
            ids.append(i == 0 ? "" : ",").append(i);
        }
        StringBuilder names = new StringBuilder();
        for (int i = 0; i < Scratch.KEEP * 2; i++) {
            names.append(i == 0 ? "" : ",").append('"').append(i).append('"');
        }
        String frame = "[{\"cmd\":\"LocationChecks\",\"locations\":[" + ids + "]},{\"cmd\":\"GetDataPackage\",\"games\":[" + names + "]}]";
        List<Decoded<ClientPacket>> decoded = ArchipelagoCodec.create().decodeClientFrame(frame);
        assertThat(decoded).allSatisfy(d -> assertThat(d).isInstanceOf(Decoded.Ok.class));
        assertThat(Scratch.get().capacity()).isLessThanOrEqualTo(Scratch.KEEP);
        assertThat(Scratch.get().longCapacity()).isLessThanOrEqualTo(Scratch.KEEP);
    }
}
