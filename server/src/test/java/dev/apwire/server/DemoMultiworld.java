package dev.apwire.server;

/**
 * The two-player reference world of the captured frames ({@code spec/frames}), read from the fixture
 * {@code multiworlds/pebble.archipelago} (written by {@code src/test/python/write_multiworld.py demo}): Alice plays
 * "Pebble Quest" (slot 1), Bob plays "Lantern Run" (slot 2), password {@code sesame}, hint cost 10 %, one hint
 * point per check, release and collect "auto", remaining "goal".
 *
 * <p>Placements (location: item → receiver): Pebble Cave 2001: Lantern Oil → Bob (progression); Pebble Hill
 * 2002: Blue Pebble → Alice; Pebble Lake 2003: Wick → Bob (useful); Dark Hall 4001: Golden Key → Alice
 * (progression); Stair Top 4002: Red Pebble → Alice; Crypt 4003: Pebble Trap → Alice (trap). Alice starts with
 * a Red Pebble. Item group Pebbles = Blue Pebble, Red Pebble; location group Outdoors = Pebble Hill, Pebble Lake.
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
        try {
            return MultiworldFiles.read(MultiworldFilesTest.resource("pebble.archipelago"));
        } catch (MultiworldFileException e) {
            throw new IllegalStateException("the demo fixture does not load", e);
        }
    }
}
