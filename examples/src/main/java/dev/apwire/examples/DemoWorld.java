package dev.apwire.examples;

import dev.apwire.server.Multiworld;
import dev.apwire.server.MultiworldFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The demo multiworld the example server serves without {@code --multiworld}: the two-player reference world of
 * the captured frames (Alice in "Pebble Quest", Bob in "Lantern Run", password {@code sesame}), shipped in the jar
 * as the generator-format file {@code multiworlds/pebble.archipelago} (written by the server module's
 * {@code src/test/python/write_multiworld.py demo}) and read like any other multiworld file.
 */
final class DemoWorld {

    /** The resource holding the demo world. */
    static final String RESOURCE = "/multiworlds/pebble.archipelago";
    /** Alice's slot. */
    static final int ALICE = 1;
    /** Bob's slot. */
    static final int BOB = 2;
    /** The room password. */
    static final String PASSWORD = "sesame";

    private DemoWorld() {
    }

    /** {@return the demo multiworld, read from the jar} */
    static Multiworld load() {
        try (InputStream in = DemoWorld.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the jar lacks " + RESOURCE);
            }
            return MultiworldFiles.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("the demo multiworld in the jar does not load", e);
        }
    }
}
