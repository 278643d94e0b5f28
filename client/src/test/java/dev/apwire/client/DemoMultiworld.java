package dev.apwire.client;

import dev.apwire.server.Multiworld;
import dev.apwire.server.MultiworldFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The two-player reference world of the captured frames (Alice in "Pebble Quest", Bob in "Lantern Run", password
 * {@code sesame}), read from {@code multiworlds/pebble.archipelago}, a copy of the server module's fixture
 * (written by {@code server/src/test/python/write_multiworld.py demo}).
 */
final class DemoMultiworld {

    /** Alice's slot. */
    static final int ALICE = 1;
    /** Bob's slot. */
    static final int BOB = 2;
    /** The room password. */
    static final String PASSWORD = "sesame";

    private DemoMultiworld() {
    }

    /** {@return the demo multiworld} */
    static Multiworld create() {
        try (InputStream in = DemoMultiworld.class.getResourceAsStream("/multiworlds/pebble.archipelago")) {
            if (in == null) {
                throw new IllegalStateException("missing test resource multiworlds/pebble.archipelago");
            }
            return MultiworldFiles.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
