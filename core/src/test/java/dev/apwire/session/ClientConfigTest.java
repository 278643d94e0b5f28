package dev.apwire.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The builder's defaults that matter across runs. */
class ClientConfigTest {

    @Test
    void twoRunsWithTheSameUuidDoNotReuseRequestIds() {
        Set<Long> first = new HashSet<>();
        for (int run = 0; run < 8; run++) {
            first.add(ClientConfig.builder("Alice", "Pebble Quest", "same-uuid").build().random().nextLong());
        }
        assertThat(first).as("no seed from the uuid's hash code").hasSize(8);
    }

    @Test
    void aGivenGeneratorMakesRunsReproducible() {
        long a = ClientConfig.builder("A", "G", "u").random(new SplittableRandom(5)).build().random().nextLong();
        long b = ClientConfig.builder("A", "G", "u").random(new SplittableRandom(5)).build().random().nextLong();
        assertThat(a).isEqualTo(b);
    }
}
