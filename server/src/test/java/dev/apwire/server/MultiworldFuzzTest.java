package dev.apwire.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Seeded mutations of the fixtures' pickles (re-compressed, so that they reach the unpickler) and JSON: every
 * mutant either loads or is refused with a {@link MultiworldFileException}; nothing else escapes.
 */
class MultiworldFuzzTest {

    private static final MultiworldLimits LIMITS = new MultiworldLimits(1 << 20, 4 << 20, 200_000, 100);

    @Test
    void mutatedPicklesAreLoadedOrRefusedWithATypedError() throws Exception {
        Map<MultiworldFileException.Kind, Integer> kinds = new EnumMap<>(MultiworldFileException.Kind.class);
        int loaded = 0;
        for (String fixture : new String[] {"pebble.archipelago", "linked.archipelago"}) {
            byte[] pickle = MultiworldFiles.inflate(MultiworldFilesTest.resource(fixture), 1, 1 << 20);
            SplittableRandom random = new SplittableRandom(fixture.hashCode());
            for (int i = 0; i < 500; i++) {
                byte[] mutant = mutate(pickle, random);
                loaded += read(MultiworldFilesTest.archipelago(mutant), kinds);
            }
        }
        assertThat(kinds.keySet()).contains(MultiworldFileException.Kind.MALFORMED, MultiworldFileException.Kind.INVALID);
        assertThat(loaded).isPositive();
    }

    @Test
    void mutatedJsonIsLoadedOrRefusedWithATypedError() throws Exception {
        Map<MultiworldFileException.Kind, Integer> kinds = new EnumMap<>(MultiworldFileException.Kind.class);
        byte[] json = MultiworldFilesTest.resource("linked.json");
        SplittableRandom random = new SplittableRandom(7);
        int loaded = 0;
        for (int i = 0; i < 1000; i++) {
            loaded += read(mutate(json, random), kinds);
        }
        assertThat(kinds.keySet()).contains(MultiworldFileException.Kind.MALFORMED);
        assertThat(loaded).isPositive();
        assertThat(new String(json, StandardCharsets.UTF_8)).contains("apwire_multiworld");
    }

    private static int read(byte[] content, Map<MultiworldFileException.Kind, Integer> kinds) {
        try {
            MultiworldFiles.read(content, LIMITS);
            return 1;
        } catch (MultiworldFileException e) {
            kinds.merge(e.kind(), 1, Integer::sum);
            return 0;
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            fail("a mutant escaped with " + e + ": " + Arrays.toString(Arrays.copyOf(content, Math.min(64, content.length))), e);
            return 0;
        }
    }

    private static byte[] mutate(byte[] original, SplittableRandom random) {
        byte[] b = original.clone();
        int edits = 1 + random.nextInt(3);
        for (int e = 0; e < edits; e++) {
            int at = random.nextInt(b.length);
            switch (random.nextInt(4)) {
                case 0 -> b[at] = (byte) random.nextInt(256);
                case 1 -> b[at] ^= (byte) (1 << random.nextInt(8));
                case 2 -> {
                    byte[] shorter = new byte[b.length - 1];
                    System.arraycopy(b, 0, shorter, 0, at);
                    System.arraycopy(b, at + 1, shorter, at, b.length - at - 1);
                    b = shorter.length > 0 ? shorter : b;
                }
                default -> {
                    byte[] longer = new byte[b.length + 1];
                    System.arraycopy(b, 0, longer, 0, at);
                    longer[at] = (byte) random.nextInt(256);
                    System.arraycopy(b, at, longer, at + 1, b.length - at);
                    b = longer;
                }
            }
        }
        return b;
    }
}
