package dev.apwire.codec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apwire.codec.jackson.ApwireModule;
import dev.apwire.protocol.ClientTags;
import dev.apwire.protocol.ItemsHandling;
import dev.apwire.protocol.NetworkVersion;
import dev.apwire.protocol.client.ConnectPacket;
import dev.apwire.protocol.client.SyncPacket;
import dev.apwire.protocol.server.InvalidPacket;
import dev.apwire.protocol.server.ReceivedItemsPacket;
import dev.apwire.protocol.server.RoomUpdatePacket;
import dev.apwire.protocol.server.ServerPacket;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** The README's quickstart snippets, verbatim where possible, so the documentation cannot rot. */
class ReadmeExamplesTest {

    @Test
    void decodeWhatAServerSent() throws Exception {
        String frameText = "[{\"cmd\":\"ReceivedItems\",\"index\":0,\"items\":[{\"item\":1001,\"location\":-2,\"player\":0,"
                + "\"flags\":0,\"class\":\"NetworkItem\"}]},{\"cmd\":\"ReceivedItems\",\"index\":\"x\"}]";
        List<Object> seen = new ArrayList<>();
        ArchipelagoCodec codec = ArchipelagoCodec.create();
        for (Decoded<ServerPacket> d : codec.decodeServerFrame(frameText)) {
            if (d instanceof Decoded.Ok<ServerPacket> ok) {
                if (ok.packet() instanceof ReceivedItemsPacket items) {
                    seen.add(items.items().get(0).item());
                }
            } else if (d instanceof Decoded.Problem<ServerPacket> problem) {
                InvalidPacket invalid = problem.invalidPacket();
                seen.add(invalid.type().name() + "|" + invalid.originalCmd() + "|" + invalid.text());
            }
        }
        assertThat(seen).containsExactly(1001L,
                "arguments|ReceivedItems|ReceivedItems: `index` must be an integer within 32 bits, got string \"x\"");
    }

    @Test
    void buildAndEncodePackets() {
        ArchipelagoCodec codec = ArchipelagoCodec.create();
        ConnectPacket connect = new ConnectPacket(null, "Pebble Quest", "Alice", "my-install-uuid",
                new NetworkVersion(0, 6, 2), ItemsHandling.ALL, List.of(ClientTags.DEATH_LINK), true);
        String frame = codec.encodeClientFrame(List.of(connect, new SyncPacket()));
        assertThat(frame).isEqualTo("[{\"cmd\":\"Connect\",\"password\":null,\"game\":\"Pebble Quest\",\"name\":\"Alice\","
                + "\"uuid\":\"my-install-uuid\",\"version\":{\"major\":0,\"minor\":6,\"build\":2,\"class\":\"Version\"},"
                + "\"items_handling\":7,\"tags\":[\"DeathLink\"],\"slot_data\":true},{\"cmd\":\"Sync\"}]");
    }

    @Test
    void withYourOwnJacksonMapper() {
        ObjectMapper mapper = JsonMapper.builder().addModule(new ApwireModule()).build();
        ServerPacket p = mapper.readValue("{\"cmd\":\"RoomUpdate\",\"hint_points\":3}", ServerPacket.class);
        assertThat(((RoomUpdatePacket) p).hintPoints()).isEqualTo(3);
    }
}
