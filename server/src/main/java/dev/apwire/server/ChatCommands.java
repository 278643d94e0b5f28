package dev.apwire.server;

import dev.apwire.protocol.ClientStatus;
import dev.apwire.protocol.Hint;
import dev.apwire.protocol.HintStatus;
import dev.apwire.protocol.NetworkItem;
import dev.apwire.protocol.PrintJsonType;
import dev.apwire.protocol.server.PrintJsonPacket;
import dev.apwire.protocol.JsonMessagePart;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The {@code !} commands of a {@code Say} (MultiServer's {@code ClientMessageProcessor},
 * server-features.md §2, §4, §5), with the reference's texts. Output goes to the sender as
 * {@code CommandResult} (nothing for NoText clients). Where the reference would send a Python traceback, the
 * room sends its last line (for example {@code ValueError: 4000 is invalid. Maximum is 1 hour.}).
 *
 * @param <C> the connection id type
 */
final class ChatCommands<C> {

    /** A command: its name, parameters as the help shows them, whether it takes the raw text, its help text. */
    record Command(String name, String args, boolean raw, int minArgs, int maxArgs, String doc) {

        /**
         * {@return the arguments of a typed line: the raw rest of the line for a raw command (none if empty),
         * else the tokens after the command's name}
         *
         * @param line the whole typed line
         * @param tokens the line's tokens, the command first
         */
        List<String> arguments(String line, List<String> tokens) {
            if (!raw) {
                return tokens.subList(1, tokens.size());
            }
            String rest = CommandText.rawArgument(line);
            return rest == null ? List.of() : List.of(rest);
        }
    }

    /** The client commands in the reference's registry order (the order {@code !help} lists them). */
    static final List<Command> COMMANDS = List.of(
            new Command("help", "", false, 0, 0, "Returns the help listing"),
            new Command("license", "", false, 0, 0, "Returns the licensing information"),
            new Command("options", "", false, 0, 0, "List all current options. Warning: lists password."),
            new Command("admin", "[command] ", true, 0, 1, "Allow remote administration of the multiworld server\n"
                    + "Usage: \"!admin login <password>\" in order to log in to the remote interface.\n"
                    + "Once logged in, you can then use \"!admin <command>\" to issue commands.\n"
                    + "If you need further help once logged in.  use \"!admin /help\" "),
            new Command("players", "", false, 0, 0, "Get information about connected and missing players."),
            new Command("status", "[tag] ", false, 0, 1, "Get status information about your team.\n"
                    + "Optionally mention a Tag name and get information on who has that Tag.\n"
                    + "For example: DeathLink or EnergyLink."),
            new Command("release", "", false, 0, 0, "Sends remaining items in your world to their recipients."),
            new Command("collect", "", false, 0, 0, "Send your remaining items to yourself"),
            new Command("countdown", "seconds=10 ", false, 0, 1, "Start a countdown in seconds"),
            new Command("remaining", "", false, 0, 0, "List remaining items in your game, but not their location or recipient"),
            new Command("missing", "[filter_text] ", true, 0, 1, "List all missing location checks from the server's perspective.\n"
                    + "Can be given text, which will be used as filter."),
            new Command("checked", "[filter_text] ", true, 0, 1, "List all done location checks from the server's perspective.\n"
                    + "Can be given text, which will be used as filter."),
            new Command("alias", "[alias_name] ", true, 0, 1, "Set your alias to the passed name."),
            new Command("getitem", "item_name ", true, 1, 1, "Cheat in an item, if it is enabled on this server"),
            new Command("hint", "[item_name] ", true, 0, 1, "Use !hint {item_name},\n"
                    + "for example !hint Lamp to get a spoiler peek for that item.\n"
                    + "If hint costs are on, this will only give you one new result,\n"
                    + "you can rerun the command to get more in that case."),
            new Command("hint_location", "[location] ", true, 0, 1, "Use !hint_location {location_name},\n"
                    + "for example !hint_location atomic-bomb to get a spoiler peek for that location."));

    private final RoomCore<C> core;
    private final Progress<C> progress;
    private final HintBook<C> hints;
    private final ServerCommands<C> server;
    private final Countdown<C> countdown;

    ChatCommands(RoomCore<C> core, Progress<C> progress, HintBook<C> hints, ServerCommands<C> server, Countdown<C> countdown) {
        this.core = core;
        this.progress = progress;
        this.hints = hints;
        this.server = server;
        this.countdown = countdown;
    }

    /** {@return the help listing: {@code "{marker}{name} {args}\n    {doc}\n"} per command} */
    static String helpText(String marker, List<Command> commands) {
        StringBuilder b = new StringBuilder();
        for (Command c : commands) {
            b.append(marker).append(c.name()).append(' ').append(c.args()).append("\n    ")
                    .append(c.doc().replace("\n", "\n    ")).append('\n');
        }
        return b.toString();
    }

    static String unknown(String typed, List<Command> commands) {
        List<String> names = new ArrayList<>();
        for (Command c : commands) {
            names.add(c.name());
        }
        return "Could not find command " + typed + ". Known commands: " + String.join(", ", names);
    }

    static @Nullable Command find(String name, List<Command> commands) {
        for (Command c : commands) {
            if (c.name().equals(name)) {
                return c;
            }
        }
        return null;
    }

    /** The last line of the traceback Python prints for a wrong argument count. */
    static String arity(String processor, Command c, int given) {
        String method = processor + "._cmd_" + c.name() + "()";
        if (given < c.minArgs()) {
            String param = c.name().equals("getitem") ? "item_name" : c.args().strip().split(" ")[given];
            return "TypeError: " + method + " missing 1 required positional argument: '" + param + "'";
        }
        int lo = c.minArgs() + 1;
        int hi = c.maxArgs() + 1;
        String takes = lo == hi ? "takes " + lo + " positional argument" + (lo == 1 ? "" : "s")
                : "takes from " + lo + " to " + hi + " positional arguments";
        return "TypeError: " + method + " " + takes + " but " + (given + 1) + " were given";
    }

    /** A Say from a logged-in connection: the Chat broadcast, then the command if it is one. */
    void say(C c, Connection conn, String raw, Instant now) {
        List<String> tokens = CommandText.split(raw);
        boolean admin = !tokens.isEmpty() && tokens.get(0).toLowerCase(Locale.ROOT).equals("!admin");
        // deviation: the reference echoes " !admin login pw" and "!ADMIN login pw" verbatim; any !admin is masked here
        if (!raw.startsWith("!admin") && !admin) {
            core.broadcast(List.of(new PrintJsonPacket(List.of(JsonMessagePart.text(core.aliasedName(conn.key) + ": " + raw)),
                    PrintJsonType.CHAT, null, null, null, conn.team(), conn.slot(), raw, null, null)), x -> !x.noText);
        }
        if (raw.isEmpty()) {
            return;
        }
        if (tokens.isEmpty()) {
            out(c, "IndexError: list index out of range");
            return;
        }
        String base = tokens.get(0);
        if (!base.startsWith("!")) {
            return;
        }
        Command cmd = find(base.substring(1).toLowerCase(Locale.ROOT), COMMANDS);
        if (cmd == null) {
            out(c, unknown(base.substring(1), COMMANDS));
            return;
        }
        List<String> args = cmd.arguments(raw, tokens);
        if (args.size() < cmd.minArgs() || args.size() > cmd.maxArgs()) {
            out(c, arity("ClientMessageProcessor", cmd, args.size()));
            return;
        }
        String arg = args.isEmpty() ? "" : args.get(0);
        TeamSlot me = conn.key;
        switch (cmd.name()) {
            case "help":
                out(c, helpText("!", COMMANDS));
                break;
            case "license":
                out(c, License.TEXT);
                break;
            case "options":
                out(c, "Current options:");
                for (String name : RoomOptions.NAMES) {
                    out(c, name.equals("server_password") ? "Option server_password is set to " + "*".repeat(core.random.nextInt(4, 17))
                            : "Option " + name + " is set to " + core.options.text(name));
                }
                break;
            case "admin":
                admin(c, conn, arg, now);
                break;
            case "players":
                if (core.index.slots.size() < 10) {
                    core.broadcastTextAll(RoomCore.print(PrintJsonType.COMMAND_RESULT, server.playersText()));
                } else {
                    out(c, server.playersText());
                }
                break;
            case "status":
                out(c, server.statusText(me.team(), arg));
                break;
            case "release":
                if (core.state(me).allowRelease || core.options.releaseMode().contains("enabled")) {
                    progress.release(me);
                } else if (core.options.releaseMode().contains("disabled")) {
                    out(c, "Sorry, client item releasing has been disabled on this server. You can ask the server admin for a /release");
                } else if (core.state(me).status.equals(ClientStatus.GOAL)) {
                    progress.release(me);
                } else {
                    out(c, "Sorry, client item releasing requires you to have beaten the game on this server."
                            + " You can ask the server admin for a /release");
                }
                break;
            case "collect":
                if (core.options.collectMode().contains("enabled")) {
                    progress.collect(me, false);
                } else if (core.options.collectMode().contains("disabled")) {
                    out(c, "Sorry, client collecting has been disabled on this server. You can ask the server admin for a /collect");
                } else if (core.state(me).status.equals(ClientStatus.GOAL)) {
                    progress.collect(me, false);
                } else {
                    out(c, "Sorry, client collecting requires you to have beaten the game on this server."
                            + " You can ask the server admin for a /collect");
                }
                break;
            case "countdown":
                if (core.options.countdownMode().equals("disabled")
                        || (core.options.countdownMode().equals("auto") && core.index.slots.size() >= 30)) {
                    out(c, "Sorry, client countdowns have been disabled on this server. You can ask the server admin for a /countdown");
                    break;
                }
                Integer timer = args.isEmpty() ? Integer.valueOf(10) : CommandText.pythonInt(arg);
                int t = timer == null ? 10 : timer;
                if (t > 3600) {
                    out(c, "ValueError: " + t + " is invalid. Maximum is 1 hour.");
                    break;
                }
                countdown.start(t, now);
                break;
            case "remaining":
                remaining(c, me);
                break;
            case "missing":
            case "checked":
                locations(c, me, cmd.name().equals("missing"), arg);
                break;
            case "alias":
                alias(c, me, arg);
                break;
            case "getitem":
                getItem(c, me, arg);
                break;
            case "hint":
                getHints(c, me, arg, false);
                break;
            case "hint_location":
                getHints(c, me, arg, true);
                break;
            default:
                break;
        }
    }

    private void out(C c, String text) {
        core.notifyClient(c, PrintJsonType.COMMAND_RESULT, text);
    }

    // ------------------------------------------------------------------ !admin (§7.1)

    private void admin(C c, Connection conn, String command, Instant now) {
        String echo = "!admin " + command;
        String lower = echo.toLowerCase(Locale.ROOT);
        if (lower.startsWith("!admin login")) {
            echo = "!admin login " + "*".repeat(core.random.nextInt(4, 17));
        } else if (lower.startsWith("!admin /option server_password")) {
            echo = "!admin /option server_password " + "*".repeat(core.random.nextInt(4, 17));
        }
        core.broadcast(List.of(new PrintJsonPacket(List.of(JsonMessagePart.text(core.aliasedName(conn.key) + ": " + echo)),
                PrintJsonType.CHAT, null, null, null, conn.team(), conn.slot(), echo, null, null)), x -> !x.noText);
        String password = core.options.serverPassword();
        if (password == null || password.isEmpty()) {
            out(c, "Sorry, Remote administration is disabled");
            return;
        }
        boolean loggedIn = c.equals(core.admin);
        if (command.isEmpty()) {
            out(c, loggedIn ? "Usage: !admin [Server command].\nUse !admin /help for help.\n"
                    + "Use !admin logout to log out of the current session." : "Usage: !admin login [password]");
            return;
        }
        if (command.startsWith("login ")) {
            if (command.equals("login " + password)) {
                out(c, "Login successful. You can now issue server side commands.");
                core.admin = c;
            } else {
                out(c, "Password incorrect.");
            }
            return;
        }
        if (!loggedIn) {
            out(c, "You must first login using !admin login [password]");
            return;
        }
        if (command.equals("logout")) {
            out(c, "Logout successful. You can no longer issue server side commands.");
            core.admin = null;
            return;
        }
        server.run(command, now, null);
    }

    // ------------------------------------------------------------------ !remaining, !missing, !checked, !alias (§4.7-4.9)

    private void remaining(C c, TeamSlot me) {
        String mode = core.options.remainingMode();
        if (mode.equals("disabled")) {
            out(c, "Sorry, !remaining has been disabled on this server.");
            return;
        }
        if (!mode.equals("enabled") && !core.state(me).status.equals(ClientStatus.GOAL)) {
            out(c, "Sorry, !remaining requires you to have beaten the game on this server");
            return;
        }
        List<NetworkItem> rest = new ArrayList<>();
        Set<Long> checked = core.state(me).checked;
        for (NetworkItem at : core.index.locations(me.slot()).values()) {
            if (!checked.contains(at.location())) {
                rest.add(at);
            }
        }
        if (rest.isEmpty()) {
            out(c, "No remaining items found.");
            return;
        }
        rest.sort(Comparator.comparingInt(NetworkItem::player).thenComparingLong(NetworkItem::item));
        List<String> names = new ArrayList<>();
        for (NetworkItem at : rest) {
            names.add(core.index.itemName(at.player(), at.item()));
        }
        out(c, "Remaining items: " + String.join(", ", names));
    }

    private void locations(C c, TeamSlot me, boolean missing, String filter) {
        List<Long> ids = new ArrayList<>();
        Set<Long> checked = core.state(me).checked;
        for (Long id : new java.util.TreeSet<>(core.index.locations(me.slot()).keySet())) {
            if (checked.contains(id) != missing) {
                ids.add(id);
            }
        }
        String word = missing ? "missing" : "done";
        if (ids.isEmpty()) {
            out(c, "No " + word + " location checks found.");
            return;
        }
        List<String> names = new ArrayList<>();
        for (long id : ids) {
            names.add(core.index.locationName(me.slot(), id));
        }
        if (!filter.isEmpty()) {
            SlotIndex.GameNames g = core.index.gameOf(me.slot());
            List<String> group = g == null ? null : g.locationGroups.get(filter);
            List<String> kept = new ArrayList<>();
            for (String n : names) {
                if (group != null ? group.contains(n) : n.contains(filter)) {
                    kept.add(n);
                }
            }
            names = kept;
        }
        List<String> texts = new ArrayList<>();
        for (String n : names) {
            texts.add((missing ? "Missing: " : "Checked: ") + n);
        }
        texts.add(filter.isEmpty() ? "Found " + ids.size() + " " + word + " location checks"
                : "Found " + ids.size() + " " + word + " location checks, displaying " + names.size() + " of them.");
        core.notifyClientMultiple(c, PrintJsonType.COMMAND_RESULT, texts);
    }

    private void alias(C c, TeamSlot me, String name) {
        SlotState st = core.state(me);
        if (!name.isEmpty()) {
            int end = name.offsetByCodePoints(0, Math.min(16, name.codePointCount(0, name.length())));
            String alias = name.substring(0, end).strip();
            st.alias = alias;
            out(c, "Hello, " + alias);
            server.updateAliases(me.team());
            core.changed();
        } else if (st.alias != null) {
            st.alias = null;
            out(c, "Removed Alias");
            server.updateAliases(me.team());
            core.changed();
        }
    }

    private void getItem(C c, TeamSlot me, String input) {
        if (!core.options.itemCheat()) {
            out(c, "Cheating is disabled.");
            return;
        }
        SlotIndex.GameNames g = core.index.gameOf(me.slot());
        List<String> names = g == null ? List.of() : g.itemNames();
        if (names.isEmpty()) {
            out(c, "IndexError: list index out of range");
            return;
        }
        CommandText.Match m = CommandText.intended(input, names);
        if (!m.usable()) {
            out(c, m.response());
            return;
        }
        progress.cheatItem(me, g.items.id(m.name()), m.name());
    }

    // ------------------------------------------------------------------ !hint, !hint_location (§5)

    private void getHints(C c, TeamSlot me, String input, boolean forLocation) {
        int points = core.hintPoints(me);
        int cost = core.hintCost(me.slot());
        int team = me.team();
        if (input.isEmpty()) {
            List<Hint> mine = hints.held(me);
            hints.notifyHints(team, mine, false, false, Set.of(me.slot()));
            out(c, "A hint costs " + cost + " points. You have " + points + " points.");
            return;
        }
        SlotIndex.GameNames g = core.index.gameOf(me.slot());
        List<Hint> found;
        String hintName;
        if (CommandText.isNumeric(input)) {
            Long id = CommandText.number(input);
            hintName = id == null || g == null ? null : forLocation ? g.locations.name(id) : g.items.name(id);
            found = id == null ? List.of() : forLocation ? hints.collectLocation(team, me.slot(), id, HintStatus.UNSPECIFIED)
                    : hints.collectItem(team, me.slot(), id);
        } else {
            if (g == null) {
                out(c, "Can't look up item/location for unknown game. Hint for ID instead.");
                return;
            }
            List<String> candidates = forLocation ? g.locationAndGroupNames : g.itemAndGroupNames;
            if (candidates.isEmpty()) {
                out(c, "IndexError: list index out of range");
                return;
            }
            CommandText.Match m = CommandText.intended(input, candidates);
            if (!m.usable()) {
                out(c, m.response());
                return;
            }
            hintName = m.name();
            found = new ArrayList<>();
            if (!forLocation && g.itemGroups.containsKey(hintName)) {
                for (String item : g.itemGroups.get(hintName)) {
                    Long id = g.items.id(item);
                    if (id != null) {
                        found.addAll(hints.collectItem(team, me.slot(), id));
                    }
                }
            } else if (!forLocation && g.items.id(hintName) != null) {
                found.addAll(hints.collectItem(team, me.slot(), g.items.id(hintName)));
            } else if (g.locationGroups.containsKey(hintName)) {
                for (String loc : g.locationGroups.get(hintName)) {
                    Long id = g.locations.id(loc);
                    if (id != null) {
                        found.addAll(hints.collectLocation(team, me.slot(), id, HintStatus.UNSPECIFIED));
                    }
                }
            } else {
                Long id = g.locations.id(hintName);
                if (id != null) {
                    found.addAll(hints.collectLocation(team, me.slot(), id, HintStatus.UNSPECIFIED));
                }
            }
        }
        if (found.isEmpty()) {
            if (hintName == null) {
                hintName = "None";
            }
            if (points >= cost) {
                out(c, forLocation ? "Nothing found for recognized location name \"" + hintName
                        + "\". Location appears to not exist in this multiworld."
                        : "Nothing found for recognized item name \"" + hintName + "\". Item appears to not exist in this multiworld.");
            } else {
                out(c, "You can't afford the hint. You have " + points + " points and need at least " + cost + ".");
            }
            return;
        }
        LinkedHashMap<String, Hint> distinct = new LinkedHashMap<>();
        for (Hint h : found) {
            distinct.putIfAbsent(h.findingPlayer() + ":" + h.location(), h);
        }
        List<Hint> fresh = new ArrayList<>();
        List<Hint> old = new ArrayList<>();
        for (Hint h : distinct.values()) {
            (hints.holds(me, List.of(h)) ? old : fresh).add(h);
        }
        if (fresh.isEmpty()) {
            hints.notifyHints(team, old, false, false, null);
            out(c, "Hint was previously used, no points deducted.");
            return;
        }
        List<Hint> foundHints = new ArrayList<>();
        List<Hint> notFound = new ArrayList<>();
        for (Hint h : fresh) {
            (h.found() ? foundHints : notFound).add(h);
        }
        int canPay = notFound.isEmpty() || cost == 0 ? 1000 : Math.floorDiv(points, cost) > 0 ? 1 : 0;
        java.util.Collections.shuffle(notFound, new java.util.Random(core.random.nextLong()));
        notFound.sort(Comparator.comparingInt(h -> h.receivingPlayer() != h.findingPlayer() ? 1 : 0));
        notFound.sort(Comparator.comparingInt((Hint h) -> core.sphere(h.findingPlayer(), h.location())).reversed());
        List<Hint> send = new ArrayList<>(foundHints);
        send.addAll(old);
        while (canPay > 0 && !notFound.isEmpty()) {
            send.add(notFound.remove(notFound.size() - 1));
            canPay--;
            core.state(me).hintsUsed++;
        }
        hints.notifyHints(team, send, false, false, null);
        if (!notFound.isEmpty()) {
            int now = core.hintPoints(me);
            if (!send.isEmpty() && cost != 0 && Math.floorDiv(now, cost) == 0) {
                out(c, "There may be more hintables, however, you cannot afford to pay for any more.  You have " + now
                        + " and need at least " + core.hintCost(me.slot()) + ".");
            } else if (!send.isEmpty()) {
                out(c, "There may be more hintables, you can rerun the command to find more.");
            } else {
                out(c, "You can't afford the hint. You have " + now + " points and need at least " + core.hintCost(me.slot()) + ".");
            }
        }
        core.changed();
    }
}
