package dev.apwire.server;

import dev.apwire.json.JsonValue;
import dev.apwire.protocol.ClientStatus;
import dev.apwire.protocol.Hint;
import dev.apwire.protocol.HintStatus;
import dev.apwire.protocol.PrintJsonType;
import dev.apwire.protocol.server.PrintJsonPacket;
import dev.apwire.protocol.server.RoomUpdatePacket;
import dev.apwire.protocol.JsonMessagePart;
import dev.apwire.server.ChatCommands.Command;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The admin side: MultiServer's {@code /} commands ({@code ServerCommandProcessor}, server-features.md §7.2)
 * as typed console text, and the admin operations they and the room's typed API share. Output goes to the
 * console's line list and, while a client is logged in with {@code !admin}, to that client as
 * {@code AdminCommandResult} (as the reference mirrors console output to the remote admin).
 *
 * @param <C> the connection id type
 */
final class ServerCommands<C> {

    /** The server commands in the reference's registry order. */
    static final List<Command> COMMANDS = List.of(
            new Command("help", "", false, 0, 0, "Returns the help listing"),
            new Command("license", "", false, 0, 0, "Returns the licensing information"),
            new Command("options", "", false, 0, 0, "List all current options. Warning: lists password."),
            new Command("save", "", false, 0, 0, "Save current state to multidata"),
            new Command("players", "", false, 0, 0, "Get information about connected players"),
            new Command("status", "[tag] ", false, 0, 1, "Get status information about teams.\n"
                    + "Optionally mention a Tag name and get information on who has that Tag.\n"
                    + "For example: DeathLink or EnergyLink."),
            new Command("exit", "", false, 0, 0, "Shutdown the server"),
            new Command("alias", "player_name_then_alias_name ", true, 1, 1,
                    "Set a player's alias, by listing their base name and then their intended alias."),
            new Command("collect", "player_name ", true, 1, 1, "Send out the remaining items to player."),
            new Command("countdown", "seconds=10 ", false, 0, 1, "Start a countdown in seconds"),
            new Command("release", "player_name ", true, 1, 1,
                    "Send out the remaining items from a player to their intended recipients."),
            new Command("allow_release", "player_name ", true, 1, 1, "Allow the specified player to use the !release command."),
            new Command("forbid_release", "player_name ", true, 1, 1,
                    "Disallow the specified player from using the !release command."),
            new Command("send_multiple", "amount player_name item_name ", false, 2, Integer.MAX_VALUE,
                    "Sends multiples of an item to the specified player"),
            new Command("send", "player_name item_name ", false, 1, Integer.MAX_VALUE, "Sends an item to the specified player"),
            new Command("send_location", "player_name location_name ", false, 1, Integer.MAX_VALUE,
                    "Send out item from a player's location as though they checked it"),
            new Command("hint", "player_name item_name ", false, 1, Integer.MAX_VALUE,
                    "Send out a hint for a player's item to their team"),
            new Command("hint_location", "player_name location_name ", false, 1, Integer.MAX_VALUE,
                    "Send out a hint for a player's location to their team"),
            new Command("option", "option_name option_value ", false, 2, 2, "Set an option for the server."),
            new Command("datastore", "", false, 0, 0,
                    "Debug Tool: list writable datastorage keys and approximate the size of their values with pickle."));

    private final RoomCore<C> core;
    private final Progress<C> progress;
    private final HintBook<C> hints;
    private final Countdown<C> countdown;
    private @Nullable List<String> console;

    ServerCommands(RoomCore<C> core, Progress<C> progress, HintBook<C> hints, Countdown<C> countdown) {
        this.core = core;
        this.progress = progress;
        this.hints = hints;
        this.countdown = countdown;
    }

    private void out(String text) {
        if (console != null) {
            console.add(text);
        }
        if (core.admin != null) {
            core.notifyClient(core.admin, PrintJsonType.ADMIN_COMMAND_RESULT, text);
        }
    }

    /**
     * Runs one console line; {@code lines} collects the console output (or is {@code null} for a remote admin's
     * command, whose output goes only to that client).
     */
    void run(String raw, Instant now, @Nullable List<String> lines) {
        console = lines;
        try {
            dispatch(raw, now);
        } finally {
            console = null;
        }
    }

    private void dispatch(String raw, Instant now) {
        if (raw.isEmpty()) {
            return;
        }
        List<String> tokens = CommandText.split(raw);
        if (tokens.isEmpty()) {
            out("IndexError: list index out of range");
            return;
        }
        String base = tokens.get(0);
        if (!base.startsWith("/")) {
            core.broadcastTextAll(new PrintJsonPacket(List.of(JsonMessagePart.text("[Server]: " + raw)),
                    PrintJsonType.SERVER_CHAT, null, null, null, null, null, raw, null, null));
            return;
        }
        Command cmd = ChatCommands.find(base.substring(1).toLowerCase(Locale.ROOT), COMMANDS);
        if (cmd == null) {
            out(ChatCommands.unknown(base.substring(1), COMMANDS));
            return;
        }
        List<String> args = cmd.arguments(raw, tokens);
        if (args.size() < cmd.minArgs() || args.size() > cmd.maxArgs()) {
            out(ChatCommands.arity("ServerCommandProcessor", cmd, args.size()));
            return;
        }
        String arg = args.isEmpty() ? "" : args.get(0);
        switch (cmd.name()) {
            case "help":
                out(ChatCommands.helpText("/", COMMANDS));
                break;
            case "license":
                out(License.TEXT);
                break;
            case "options":
                out("Current options:");
                for (String name : RoomOptions.NAMES) {
                    out("Option " + name + " is set to " + core.options.text(name));
                }
                break;
            case "save":
                core.saveRequested = true;
                core.changed();
                out("Game saved");
                break;
            case "players":
                out(playersText());
                break;
            case "status":
                out(statusText(0, arg));
                break;
            case "exit":
                core.exitRequested = true;
                break;
            case "alias":
                aliasCommand(arg);
                break;
            case "collect":
            case "release": {
                TeamSlot p = resolve(arg);
                if (p == null) {
                    out("Could not find player " + arg + " to " + cmd.name());
                } else if (cmd.name().equals("collect")) {
                    progress.collect(p, core.index.isGroup(p.slot()));
                } else {
                    progress.release(p);
                }
                break;
            }
            case "countdown": {
                Integer timer = args.isEmpty() ? Integer.valueOf(10) : CommandText.pythonInt(arg);
                int t = timer == null ? 10 : timer;
                if (t > 3600) {
                    out("ValueError: " + t + " is invalid. Maximum is 1 hour.");
                } else {
                    countdown.start(t, now);
                }
                break;
            }
            case "allow_release":
            case "forbid_release": {
                TeamSlot p = resolve(arg);
                boolean allow = cmd.name().equals("allow_release");
                if (p == null) {
                    out("Could not find player " + arg + " to " + (allow ? "allow" : "forbid") + " the !release command for.");
                } else {
                    core.state(p).allowRelease = allow;
                    out(allow ? "Player " + core.index.name(p.slot()) + " is now allowed to use the !release command at any time."
                            : "Player " + core.index.name(p.slot())
                                    + " has to follow the server restrictions on use of the !release command.");
                }
                break;
            }
            case "send_multiple":
                send(args.get(0), args.get(1), String.join(" ", args.subList(2, args.size())));
                break;
            case "send":
                send("1", args.get(0), String.join(" ", args.subList(1, args.size())));
                break;
            case "send_location":
                sendLocation(args.get(0), String.join(" ", args.subList(1, args.size())));
                break;
            case "hint":
            case "hint_location":
                hint(args.get(0), String.join(" ", args.subList(1, args.size())), cmd.name().equals("hint_location"));
                break;
            case "option":
                option(args.get(0), args.get(1));
                break;
            case "datastore":
                datastore();
                break;
            default:
                break;
        }
    }

    // ------------------------------------------------------------------ texts shared with the client commands

    /** {@code get_players_string} (server-features.md §4.3). */
    String playersText() {
        Set<TeamSlot> connected = new java.util.HashSet<>();
        for (Map.Entry<TeamSlot, java.util.LinkedHashSet<C>> e : core.sockets.entrySet()) {
            if (!e.getValue().isEmpty()) {
                connected.add(e.getKey());
            }
        }
        StringBuilder text = new StringBuilder();
        int players = 0;
        int team = -1;
        for (TeamSlot k : core.slots.keySet()) {
            if (!core.index.isPlayer(k.slot())) {
                continue;
            }
            players++;
            if (k.team() != team) {
                team = k.team();
                text.append(":: Team #").append(team + 1).append(": ");
            }
            String name = core.index.name(k.slot());
            text.append(connected.contains(k) ? name + " " : "(" + name + ") ");
        }
        String t = text.length() == 0 ? "" : text.substring(0, text.length() - 1);
        return connected.size() + " players of " + players + " connected " + t;
    }

    /** {@code get_status_string} (server-features.md §4.4). */
    String statusText(int team, String tag) {
        StringBuilder b = new StringBuilder("Player Status on team " + team + ":");
        for (int slot : core.index.slots) {
            if (core.index.isGroup(slot)) {
                continue;
            }
            TeamSlot k = new TeamSlot(team, slot);
            SlotState st = core.state(k);
            int n = core.socketsOf(k).size();
            String tagText = "";
            if (n > 0 && !tag.isEmpty()) {
                int tagged = 0;
                for (C c : core.socketsOf(k)) {
                    if (core.connections.get(c).tags.contains(tag)) {
                        tagged++;
                    }
                }
                tagText = " " + tagged + " of which are tagged " + tag;
            }
            String status = st.status.equals(ClientStatus.GOAL) ? " and has finished."
                    : st.status.equals(ClientStatus.READY) ? " and is ready." : ".";
            b.append('\n').append(core.aliasedName(k)).append(" has ").append(n).append(" connection")
                    .append(n == 1 ? "" : "s").append(tagText).append(status).append(" (").append(st.checked.size()).append('/')
                    .append(core.index.locations(slot).size()).append(')');
        }
        return b.toString();
    }

    /** {@code update_aliases}: RoomUpdate {players} to every connection of the team. */
    void updateAliases(int team) {
        core.broadcast(List.of(RoomUpdatePacket.builder().players(core.players(team)).build()), x -> x.team() == team);
    }

    // ------------------------------------------------------------------ operations

    /** {@code resolve_player}: an exact name, else the one case-insensitive match. */
    @Nullable TeamSlot resolve(String input) {
        Integer exact = core.index.byName.get(input);
        if (exact != null) {
            return TeamSlot.of(exact);
        }
        TeamSlot match = null;
        for (Map.Entry<String, Integer> e : core.index.byName.entrySet()) {
            if (e.getKey().toLowerCase(Locale.ROOT).equals(input.toLowerCase(Locale.ROOT))) {
                if (match != null) {
                    return null;
                }
                match = TeamSlot.of(e.getValue());
            }
        }
        return match;
    }

    private @Nullable TeamSlot fuzzyPlayer(String input) {
        CommandText.Match m = CommandText.intended(input, new ArrayList<>(core.index.byName.keySet()));
        if (!m.usable()) {
            out(m.response());
            return null;
        }
        return TeamSlot.of(core.index.byName.get(m.name()));
    }

    private void aliasCommand(String text) {
        int space = text.indexOf(' ');
        String player = space < 0 ? text : text.substring(0, space);
        String alias = space < 0 ? "" : text.substring(space + 1);
        TeamSlot p = fuzzyPlayer(player);
        if (p == null) {
            return;
        }
        String name = core.index.name(p.slot());
        if (!alias.isEmpty()) {
            String a = alias.strip();
            a = a.substring(0, a.offsetByCodePoints(0, Math.min(15, a.codePointCount(0, a.length()))));
            setAlias(p, a);
            out("Named " + name + " as " + a);
        } else if (core.state(p).alias == null) {
            out("KeyError: (" + p.team() + ", " + p.slot() + ")");
        } else {
            setAlias(p, null);
            out("Removed Alias for " + name);
        }
    }

    void setAlias(TeamSlot p, @Nullable String alias) {
        core.state(p).alias = alias;
        updateAliases(p.team());
        core.changed();
    }

    private void send(String amountText, String player, String item) {
        TeamSlot p = fuzzyPlayer(player);
        if (p == null) {
            return;
        }
        SlotIndex.GameNames g = core.index.gameOf(p.slot());
        if (g == null || g.items.size() == 0) {
            out("IndexError: list index out of range");
            return;
        }
        CommandText.Match m = CommandText.intended(item, g.itemNames());
        if (!m.usable()) {
            out(m.response());
            return;
        }
        Integer amount = CommandText.pythonInt(amountText);
        if (amount == null) {
            out("ValueError: invalid literal for int() with base 10: '" + amountText + "'");
            return;
        }
        if (amount > 100) {
            out("ValueError: " + amount + " is invalid. Maximum is 100.");
            return;
        }
        progress.sendFromServer(p, g.items.id(m.name()), m.name(), amount);
    }

    private void sendLocation(String player, String location) {
        TeamSlot p = fuzzyPlayer(player);
        if (p == null) {
            return;
        }
        Long id;
        if (CommandText.isNumeric(location)) {
            id = CommandText.number(location);
        } else {
            SlotIndex.GameNames g = core.index.gameOf(p.slot());
            if (g == null) {
                out("Can't look up location for unknown game. Send by ID instead.");
                return;
            }
            CommandText.Match m = CommandText.intended(location, g.locationNames());
            if (!m.usable()) {
                out(m.response());
                return;
            }
            id = g.locations.id(m.name());
        }
        if (id != null) {
            progress.registerChecks(p, List.of(id), true);
        }
    }

    private void hint(String player, String name, boolean forLocation) {
        TeamSlot p = fuzzyPlayer(player);
        if (p == null) {
            return;
        }
        SlotIndex.GameNames g = core.index.gameOf(p.slot());
        List<Hint> found = new ArrayList<>();
        if (CommandText.isNumeric(name)) {
            Long id = CommandText.number(name);
            if (id != null) {
                found.addAll(forLocation ? hints.collectLocation(p.team(), p.slot(), id, HintStatus.UNSPECIFIED)
                        : hints.collectItem(p.team(), p.slot(), id));
            }
        } else {
            if (g == null) {
                out(forLocation ? "Can't look up location for unknown game. Hint for ID instead."
                        : "Can't look up item for unknown game. Hint for ID instead.");
                return;
            }
            CommandText.Match m = CommandText.intended(name, forLocation ? g.locationAndGroupNames : g.itemAndGroupNames);
            if (!m.usable()) {
                out(m.response());
                return;
            }
            if (!forLocation) {
                List<String> group = g.itemGroups.get(m.name());
                for (String item : group != null ? group : List.of(m.name())) {
                    Long id = g.items.id(item);
                    if (id != null && id != 0) {
                        found.addAll(hints.collectItem(p.team(), p.slot(), id));
                    }
                }
            } else {
                List<String> group = g.locationGroups.get(m.name());
                for (String loc : group != null ? group : List.of(m.name())) {
                    Long id = g.locations.id(loc);
                    if (id != null) {
                        found.addAll(hints.collectLocation(p.team(), p.slot(), id, HintStatus.UNSPECIFIED));
                    }
                }
            }
        }
        if (found.isEmpty()) {
            out("No hints found.");
        } else {
            hints.notifyHints(p.team(), found, false, false, null);
        }
    }

    private void option(String name, String value) {
        if (!RoomOptions.NAMES.contains(name)) {
            List<String> known = new ArrayList<>();
            for (String n : RoomOptions.NAMES) {
                known.add(n + ": <class '" + RoomOptions.typeName(n) + "'>");
            }
            out("Unrecognized option '" + name + "', known: " + String.join(", ", known));
            return;
        }
        String type = RoomOptions.typeName(name);
        Object v;
        String lower = value.toLowerCase(Locale.ROOT);
        if (type.equals("bool")) {
            v = !Set.of("off", "0", "false", "none", "null", "no").contains(lower);
        } else if (name.endsWith("password")) {
            v = Set.of("null", "none", "\"\"", "''").contains(lower) ? null : value;
        } else if (name.endsWith("_mode")) {
            List<String> valid = RoomOptions.modes(name);
            if (!valid.contains(lower)) {
                out("Unrecognized " + name + " value '" + value + "', known: " + String.join(", ", valid));
                return;
            }
            v = lower.replace('_', '-');
        } else {
            Integer i = CommandText.pythonInt(value);
            if (i == null) {
                out("ValueError: invalid literal for int() with base 10: '" + value + "'");
                return;
            }
            if (name.equals("hint_cost") && i < 0) {
                out("ValueError: hint_cost must not be negative");
                return;
            }
            v = i;
        }
        setOption(name, v);
        out("Set option " + name + " to " + core.options.text(name));
    }

    /** Changes one option; clients see the permissions, hint cost or check points change (§7.2). */
    void setOption(String name, @Nullable Object value) {
        core.options = core.options.with(name, value);
        core.changed();
        if (Set.of("release_mode", "remaining_mode", "collect_mode").contains(name)) {
            core.broadcast(List.of(RoomUpdatePacket.builder().permissions(core.options.permissions()).build()), x -> true);
        } else if (name.equals("hint_cost")) {
            core.broadcast(List.of(RoomUpdatePacket.builder().hintCost(core.options.hintCost()).build()), x -> true);
        } else if (name.equals("location_check_points")) {
            core.broadcast(List.of(RoomUpdatePacket.builder().locationCheckPoints(core.options.locationCheckPoints()).build()),
                    x -> true);
        }
    }

    private void datastore() {
        long total = 0;
        List<String> lines = new ArrayList<>();
        JsonValue data = core.store.snapshot().members().get("data");
        Map<String, JsonValue> values = data instanceof dev.apwire.json.JsonObject o ? o.members() : Map.of();
        for (Map.Entry<String, JsonValue> e : values.entrySet()) {
            // the reference measures pickled sizes; the JSON size is the same kind of estimate
            long size = dev.apwire.codec.JsonValues.toJson(e.getValue()).getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
            total += size;
            lines.add("Key: " + e.getKey() + " | Size: " + size + "B");
        }
        lines.add(0, "Found " + lines.size() + " keys, approximately totaling " + siPrefix(total) + "B");
        out(String.join("\n", lines));
    }

    /** {@code Utils.format_SI_prefix(value, 1024)}: the value scaled below 1024 with a k/M/G prefix. */
    static String siPrefix(long value) {
        String[] prefixes = {"", "k", "M", "G", "T", "P", "E"};
        double v = value;
        int n = 0;
        while (v > 1024 && n < prefixes.length - 1) {
            v /= 1024;
            n++;
        }
        if (n == 0) {
            return value + " ";
        }
        return String.format(Locale.ROOT, "%.2f %s", v, prefixes[n]);
    }
}
