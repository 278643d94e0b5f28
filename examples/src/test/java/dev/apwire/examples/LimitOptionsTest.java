package dev.apwire.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.apwire.changes.HubConfig;
import dev.apwire.server.LoginLimits;
import dev.apwire.server.RoomConfig;
import dev.apwire.storage.StorageLimits;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Every limit shows in {@code --help} with its default and can be overridden on the command line. */
class LimitOptionsTest {

    @Test
    void serverHelpListsEveryLimitWithItsDefault() {
        String help = ExampleServerCommand.help();
        assertThat(help).contains("--max-queued-bytes N", "(4194304)", "--login-timeout-ms N", "(30000)",
                "--handshake-timeout-ms N", "(10000)", "--accept-queue N", "(1024)", "--bytes-per-second N", "(262144)",
                "--storage-value-bytes N", "(1048576)", "--storage-total-bytes N", "(67108864)", "--storage-subscriptions N",
                "--storage-reply-bytes N", "(2097152)", "--prelogin-commands N", "(32)", "--login-max-delay-ms N", "(10000)");
        assertThat(RelayCommand.help()).contains("--max-tokens N", "(1000)", "--max-snapshot-bytes N", "(262144)",
                "--max-queued-bytes N");
    }

    @Test
    void serverOptionsOverrideEachLimit() {
        ExampleServerCommand.Options o = ExampleServerCommand.parse(new String[] {"--port", "0", "--max-queued-bytes", "1000",
                "--login-timeout-ms", "1500", "--storage-total-bytes", "4096", "--login-max-failures", "2",
                "--commands-per-second", "7", "--bytes-per-second", "9000"});
        assertThat(o.limits().maxQueuedBytes()).isEqualTo(1000);
        assertThat(o.limits().loginTimeout()).isEqualTo(Duration.ofMillis(1500));
        assertThat(o.limits().commandsPerSecond()).isEqualTo(7);
        assertThat(o.limits().bytesPerSecond()).isEqualTo(9000);
        assertThat(o.room().storageLimits()).isEqualTo(StorageLimits.DEFAULT.withSizes(1L << 20, 4096, 1024, 1000, 2L << 20));
        assertThat(o.room().loginLimits().maxFailuresPerConnection()).isEqualTo(2);
        assertThat(o.room().loginLimits().freeFailures()).isEqualTo(LoginLimits.DEFAULT.freeFailures());
        assertThat(ExampleServerCommand.parse(new String[0]).room()).isEqualTo(RoomConfig.DEFAULT);
        assertThatThrownBy(() -> ExampleServerCommand.parse(new String[] {"--max-queued-bytes", "-1"}))
                .hasMessageContaining("--max-queued-bytes needs a positive integer");
    }

    @Test
    void relayOptionsOverrideTheHubBounds() {
        RelayCommand.Options o = RelayCommand.parse(new String[] {"--max-tokens", "5", "--max-snapshot-bytes", "100",
                "--max-properties", "3", "--accept-queue", "64"});
        assertThat(o.config()).isEqualTo(HubConfig.DEFAULT.withBounds(5, 3, 100));
        assertThat(o.limits().acceptQueueSize()).isEqualTo(64);
    }
}
