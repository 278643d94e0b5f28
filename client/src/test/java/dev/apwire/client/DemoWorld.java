package dev.apwire.client;

import dev.apwire.server.Multiworld;
import dev.apwire.server.MultiworldFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The two-player reference world of the captures, read from the generator file the server module writes. */
final class DemoWorld {

    /** Alice's slot (Pebble Quest). */
    static final int ALICE = 1;
    /** Bob's slot (Lantern Run). */
    static final int BOB = 2;
    /** The room password. */
    static final String PASSWORD = "sesame";

    private DemoWorld() {
    }

    /** {@return the demo multiworld} */
    static Multiworld create() {
        try (InputStream in = DemoWorld.class.getResourceAsStream("/multiworlds/pebble.archipelago")) {
            if (in == null) {
                throw new IllegalStateException("missing test resource multiworlds/pebble.archipelago");
            }
            return MultiworldFiles.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
