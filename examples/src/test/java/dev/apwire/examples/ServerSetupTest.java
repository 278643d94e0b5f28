package dev.apwire.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apwire.server.ArchipelagoRoom;
import dev.apwire.server.RoomConfig;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The server command's game options: MultiServer's names in both spellings, checked, applied over the world's. */
class ServerSetupTest {

    @Test
    void takesTheRoomOptionsAndLeavesTheRest() throws Exception {
        ServerSetup s = ServerSetup.parse(new String[] {"--port", "0", "--hint_cost", "25", "--release-mode", "enabled",
            "--server-password", "pw", "--item-cheat", "--location-check-points", "2", "--collect_mode", "goal",
            "--remaining-mode", "enabled", "--password", ""});
        assertThat(s.rest()).containsExactly("--port", "0");
        assertThat(s.saveFile()).isNull();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ArchipelagoRoom<Long> room = s.openRoom(RoomConfig.DEFAULT, new PrintStream(out, true, StandardCharsets.UTF_8));
        assertThat(room.options().hintCost()).isEqualTo(25);
        assertThat(room.options().locationCheckPoints()).isEqualTo(2);
        assertThat(room.options().releaseMode()).isEqualTo("enabled");
        assertThat(room.options().collectMode()).isEqualTo("goal");
        assertThat(room.options().remainingMode()).isEqualTo("enabled");
        assertThat(room.options().serverPassword()).isEqualTo("pw");
        assertThat(room.options().password()).isNull();
        assertThat(room.options().itemCheat()).isTrue();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("server: loaded the demo multiworld", "in memory only");
    }

    @Test
    void theSaveDefaultsToTheMultiworldsNameAndCanBeTurnedOff() {
        assertThat(ServerSetup.parse(new String[] {"--multiworld", "/games/AP_123.archipelago"}).saveFile())
                .isEqualTo(Path.of("/games/AP_123.apwsave"));
        assertThat(ServerSetup.parse(new String[] {"--multiworld", "w.zip", "--save", "s.json"}).saveFile())
                .isEqualTo(Path.of("s.json"));
        assertThat(ServerSetup.parse(new String[] {"--multiworld", "w.zip", "--disable-save"}).saveFile()).isNull();
    }

    @Test
    void badValuesAreRefusedWithTheRule() {
        for (List<String> args : List.of(List.of("--hint-cost", "-1"), List.of("--release-mode", "sometimes"),
                List.of("--remaining-mode", "auto"), List.of("--save"))) {
            assertThatThrownBy(() -> ServerSetup.parse(args.toArray(new String[0])))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith(args.get(0).startsWith("--save")
                            ? "missing value after --save" : args.get(0));
        }
    }
}
