package dev.apwire.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.apwire.protocol.NetworkItem;
import dev.apwire.server.Multiworld;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The demo world in the jar is the reference world of the captures. */
class DemoWorldTest {

    @Test
    void theJarsDemoWorldIsTheReferenceWorld() {
        Multiworld world = DemoWorld.load();
        assertThat(world.world(2).locations().get(4002L)).isEqualTo(new NetworkItem(1001, 4002, 1, 0));
        assertThat(world.world(2).locations().get(4003L)).isEqualTo(new NetworkItem(1004, 4003, 1, NetworkItem.TRAP));
        Map<String, String> checksums = new LinkedHashMap<>();
        world.dataPackages().forEach((game, data) -> checksums.put(game, data.checksum()));
        // The datapackage_checksums of ../shared/spec/frames/01-RoomInfo.json.
        assertThat(checksums).containsExactly(
                Map.entry("Archipelago", "ac9141e9ad0318df2fa27da5f20c50a842afeecb"),
                Map.entry("Pebble Quest", "be9d365063adf3d56f6caf1a9a13705f10185d2d"),
                Map.entry("Lantern Run", "c3fd621a93625a3bb6f1b85b4df8d869df5c389f"));
    }
}
