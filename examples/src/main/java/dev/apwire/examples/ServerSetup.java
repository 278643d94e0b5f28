package dev.apwire.examples;

import dev.apwire.json.JsonObject;
import dev.apwire.server.ArchipelagoRoom;
import dev.apwire.server.Multiworld;
import dev.apwire.server.MultiworldFiles;
import dev.apwire.server.RoomConfig;
import dev.apwire.server.RoomOptions;
import dev.apwire.server.RoomState;
import dev.apwire.server.RoomStateException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;

/**
 * The game options of the {@code server} command and how it builds its room: which multiworld, which save file,
 * and the room options MultiServer takes on its command line ({@code --password}, {@code --server_password},
 * {@code --hint_cost}, {@code --location_check_points}, {@code --release_mode}, {@code --collect_mode},
 * {@code --remaining_mode}, {@code --item-cheat}; each also spelled with hyphens). Options given override the
 * multiworld's; a restored save's options (changed by admins while it ran) override both, as in the reference.
 *
 * @param multiworld the multiworld file, or {@code null} for the demo multiworld
 * @param save the save file, or {@code null}: the default beside the multiworld file, none for the demo
 * @param disableSave {@code --disable_save}: keep progress in memory only
 * @param overrides option name to the text given, in {@link RoomOptions#NAMES} spelling
 * @param rest the arguments this class does not know, for the connection options
 */
record ServerSetup(@Nullable Path multiworld, @Nullable Path save, boolean disableSave, List<String[]> overrides,
        List<String> rest) {

    static final String USAGE = "[--multiworld FILE] [--save FILE] [--password P] [--server-password P] [--hint-cost N] "
            + "[--location-check-points N] [--release-mode M] [--collect-mode M] [--remaining-mode M] [--item-cheat] [--disable-save]";

    /** The extension of the default save file next to the multiworld. */
    static final String SAVE_EXTENSION = ".apwsave";

    /**
     * Takes the game options out of the arguments.
     *
     * @param args the command's arguments
     * @return the setup, with the other arguments in {@code rest}
     * @throws IllegalArgumentException for a game option without its value or with a bad value
     */
    static ServerSetup parse(String[] args) {
        Path multiworld = null;
        Path save = null;
        boolean disableSave = false;
        List<String[]> overrides = new ArrayList<>();
        List<String> rest = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            String name = a.startsWith("--") ? a.substring(2).replace('-', '_') : "";
            if (name.equals("item_cheat")) {
                overrides.add(new String[] {"item_cheat", "true"});
                continue;
            }
            if (name.equals("disable_save")) {
                disableSave = true;
                continue;
            }
            boolean known = name.equals("multiworld") || name.equals("save") || name.equals("savefile")
                    || (RoomOptions.NAMES.contains(name) && !name.equals("countdown_mode") && !name.equals("compatibility"));
            if (!known) {
                rest.add(a);
                if (i + 1 < args.length) {
                    rest.add(args[++i]);
                }
                continue;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("missing value after " + a);
            }
            String v = args[++i];
            switch (name) {
                case "multiworld":
                    multiworld = Path.of(v);
                    break;
                case "save":
                case "savefile":
                    save = Path.of(v);
                    break;
                default:
                    check(name, v);
                    overrides.add(new String[] {name, v});
                    break;
            }
        }
        return new ServerSetup(multiworld, save, disableSave, overrides, rest);
    }

    private static void check(String name, String v) {
        if (name.equals("hint_cost") || name.equals("location_check_points")) {
            try {
                if (Integer.parseInt(v) < 0) {
                    throw new NumberFormatException();
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--" + name.replace('_', '-') + " needs a non-negative integer, got '" + v + "'");
            }
        } else if (name.endsWith("_mode")) {
            List<String> modes = name.equals("remaining_mode") ? List.of("enabled", "disabled", "goal")
                    : List.of("enabled", "disabled", "goal", "auto", "auto-enabled");
            if (!modes.contains(v.toLowerCase(Locale.ROOT).replace('_', '-'))) {
                throw new IllegalArgumentException("--" + name.replace('_', '-') + " is one of " + String.join(", ", modes)
                        + ", got '" + v + "'");
            }
        }
    }

    /** {@return the save file: the one given, else {@code <multiworld without extension>.apwsave}, else none} */
    @Nullable Path saveFile() {
        if (disableSave) {
            return null;
        }
        if (save != null) {
            return save;
        }
        if (multiworld == null) {
            return null;
        }
        String file = multiworld.getFileName().toString();
        int dot = file.lastIndexOf('.');
        return multiworld.resolveSibling((dot > 0 ? file.substring(0, dot) : file) + SAVE_EXTENSION);
    }

    /**
     * Loads the multiworld and restores the save if there is one, reporting both on {@code out}.
     *
     * @param config the room policy
     * @param out where to report
     * @return the room
     * @throws IOException if the multiworld cannot be read
     * @throws RoomStateException if the save exists but cannot be read or does not belong to the multiworld
     */
    ArchipelagoRoom<Long> openRoom(RoomConfig config, PrintStream out) throws IOException, RoomStateException {
        Multiworld world = multiworld == null ? DemoWorld.load() : MultiworldFiles.read(multiworld);
        out.println("server: loaded " + (multiworld == null ? "the demo multiworld" : multiworld.toString()) + ": seed "
                + world.seedName() + ", " + world.slots().size() + " slots, games "
                + String.join(", ", world.dataPackages().keySet()));
        RoomOptions options = RoomOptions.of(world);
        for (String[] o : overrides) {
            String v = o[1];
            Object value = o[0].equals("item_cheat") ? (Object) Boolean.TRUE
                    : o[0].equals("hint_cost") || o[0].equals("location_check_points") ? (Object) Integer.valueOf(v)
                    : o[0].endsWith("password") ? (v.isEmpty() ? null : v) : v;
            options = options.with(o[0], value);
        }
        Path file = saveFile();
        SplittableRandom random = new SplittableRandom();
        if (file == null) {
            out.println("server: progress is kept in memory only (" + (disableSave ? "--disable-save" : "no --save") + ")");
            return new ArchipelagoRoom<>(world, config, options, random);
        }
        Optional<RoomState> state = SaveFile.read(file);
        if (state.isEmpty()) {
            out.println("server: no save at " + file + "; starting a new game, saving there");
            return new ArchipelagoRoom<>(world, config, options, random);
        }
        ArchipelagoRoom<Long> room;
        try {
            room = ArchipelagoRoom.restore(world, config, state.get(), random);
        } catch (IllegalArgumentException e) {
            throw new RoomStateException(file + ": " + e.getMessage(), e);
        }
        int checks = 0;
        int items = 0;
        for (var p : state.get().slots()) {
            checks += p.checked().size();
            items += p.items().size();
        }
        out.println("server: restored " + file + ": " + checks + " checked locations, " + items + " received items, "
                + (state.get().dataStorage().members().get("data") instanceof JsonObject d ? d.members().size() : 0)
                + " data storage keys");
        return room;
    }
}
