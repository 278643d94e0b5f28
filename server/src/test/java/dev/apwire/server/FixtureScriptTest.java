package dev.apwire.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The committed multiworld fixtures are the outputs of {@code src/test/python/write_multiworld.py}: the script is
 * run again (with {@code PYTHONHASHSEED=0}, which fixes the order of Python's sets of strings) and its pickles and
 * JSON compared with the fixtures. Skipped where there is no {@code python3}; the 100-slot world also needs the
 * load generator's description in {@code ../shared/bench/load}.
 */
class FixtureScriptTest {

    private static final Path SCRIPT = Path.of("src/test/python/write_multiworld.py");
    private static final Path LOAD_WORLD = Path.of("../../shared/bench/load/world-100.json");

    @ParameterizedTest
    @CsvSource({"demo, pebble, true", "linked, linked, true", "shared-lists, hostile-shared-lists, false",
        "deep-lists, hostile-deep-lists, false", "load-world, world-100, true"})
    void theScriptWritesTheCommittedFixtures(String world, String fixture, boolean json, @TempDir Path dir)
            throws Exception {
        assumeTrue(python(), "python3 is not installed");
        Path out = dir.resolve(fixture + ".archipelago");
        List<String> command = new ArrayList<>(List.of("python3", SCRIPT.toString(), world));
        if (world.equals("load-world")) {
            assumeTrue(Files.isRegularFile(LOAD_WORLD), "no " + LOAD_WORLD);
            command.add(LOAD_WORLD.toString());
        }
        command.add(out.toString());
        if (json) {
            command.add("--json");
            command.add(dir.resolve(fixture + ".json").toString());
        }
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("PYTHONHASHSEED", "0");
        Process p = pb.start();
        boolean done = p.waitFor(60, TimeUnit.SECONDS);
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!done) {
            p.destroyForcibly();
        }
        assertThat(done).as("the script ends within 60 s").isTrue();
        assertThat(p.exitValue()).as(output).isZero();

        byte[] written = Files.readAllBytes(out);
        byte[] committed = MultiworldFilesTest.resource(fixture + ".archipelago");
        assertThat(written[0]).isEqualTo(committed[0]).isEqualTo((byte) 3);
        // zlib builds may compress differently; the pickles must be identical.
        assertThat(MultiworldFiles.inflate(written, 1, 64 << 20)).isEqualTo(MultiworldFiles.inflate(committed, 1, 64 << 20));
        if (json) {
            assertThat(Files.readString(dir.resolve(fixture + ".json")))
                    .isEqualTo(new String(MultiworldFilesTest.resource(fixture + ".json"), StandardCharsets.UTF_8));
        }
    }

    private static boolean python() {
        try {
            Process p = new ProcessBuilder("python3", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
