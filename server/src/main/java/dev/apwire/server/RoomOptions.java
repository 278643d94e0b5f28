package dev.apwire.server;

import dev.apwire.json.JsonBool;
import dev.apwire.json.JsonInt;
import dev.apwire.json.JsonObject;
import dev.apwire.json.JsonString;
import dev.apwire.protocol.Permission;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The options of a room an admin may change while it runs: MultiServer's {@code simple_options}
 * (server-features.md §4.1, §7.2), in its order. They are part of the room's saved state (§13.1).
 *
 * <p>The three permission modes are {@code disabled}, {@code enabled}, {@code goal}, {@code auto} and
 * {@code auto-enabled} (remaining: the first three); {@code countdown_mode} is {@code enabled},
 * {@code disabled} or {@code auto} (refused to clients in rooms of 30 slots or more). Modes are kept
 * lower-case, with {@code auto_enabled} written {@code auto-enabled} (the reference keeps what the admin
 * typed, so {@code ENABLED} passes its check but then acts as {@code goal}).
 *
 * @param hintCost the hint cost in percent of a slot's location count (0: hints are free)
 * @param locationCheckPoints the hint points earned per checked location
 * @param serverPassword the admin password for {@code !admin login}, or {@code null}: remote administration off
 * @param password the join password, or {@code null} for a room anyone may join
 * @param releaseMode who may {@code !release}, and whether goal releases automatically
 * @param remainingMode who may {@code !remaining}
 * @param collectMode who may {@code !collect}, and whether goal collects automatically
 * @param countdownMode whether clients may start a {@code !countdown}
 * @param itemCheat whether {@code !getitem} works
 * @param compatibility the reference's compatibility level (0: clients must match the server version exactly)
 */
public record RoomOptions(
        int hintCost,
        int locationCheckPoints,
        @Nullable String serverPassword,
        @Nullable String password,
        String releaseMode,
        String remainingMode,
        String collectMode,
        String countdownMode,
        boolean itemCheat,
        int compatibility) {

    /** The option names in the reference's order. */
    public static final List<String> NAMES = List.of("hint_cost", "location_check_points", "server_password", "password",
            "release_mode", "remaining_mode", "collect_mode", "countdown_mode", "item_cheat", "compatibility");

    private static final List<String> MODES = List.of("goal", "enabled", "disabled", "auto", "auto-enabled");
    private static final List<String> REMAINING_MODES = List.of("goal", "enabled", "disabled");
    private static final List<String> COUNTDOWN_MODES = List.of("enabled", "disabled", "auto");

    /**
     * Checks the modes and normalises them.
     *
     * @param hintCost the hint cost in percent
     * @param locationCheckPoints the points per check
     * @param serverPassword the admin password or {@code null}
     * @param password the join password or {@code null}
     * @param releaseMode the release mode
     * @param remainingMode the remaining mode
     * @param collectMode the collect mode
     * @param countdownMode the countdown mode
     * @param itemCheat whether {@code !getitem} works
     * @param compatibility the compatibility level
     */
    public RoomOptions {
        releaseMode = mode("release_mode", releaseMode, MODES);
        remainingMode = mode("remaining_mode", remainingMode, REMAINING_MODES);
        collectMode = mode("collect_mode", collectMode, MODES);
        countdownMode = mode("countdown_mode", countdownMode, COUNTDOWN_MODES);
        if (hintCost < 0) {
            throw new IllegalArgumentException("hint_cost must not be negative, got " + hintCost);
        }
    }

    /**
     * {@return the options a multiworld carries: its password, hint cost, check points and permissions, and from its
     * embedded server options the admin password, countdown mode, item cheat and compatibility (defaults: none,
     * "auto", off, 2, MultiServer's)}
     *
     * @param world the multiworld
     */
    public static RoomOptions of(Multiworld world) {
        Map<String, Permission> p = world.permissions();
        JsonObject embedded = world.serverOptions();
        String serverPassword = embedded.members().get("server_password") instanceof JsonString s && !s.value().isEmpty()
                ? s.value() : null;
        String countdown = embedded.members().get("countdown_mode") instanceof JsonString s
                && COUNTDOWN_MODES.contains(s.value().toLowerCase(Locale.ROOT)) ? s.value() : "auto";
        boolean cheat = embedded.members().get("disable_item_cheat") instanceof JsonBool b ? !b.value()
                : embedded.members().get("item_cheat") instanceof JsonBool b2 && b2.value();
        int compatibility = embedded.members().get("compatibility") instanceof JsonInt i && i.fitsLong()
                && i.longValue() >= 0 && i.longValue() <= 2 ? (int) i.longValue() : 2;
        return new RoomOptions(world.hintCost(), world.locationCheckPoints(), serverPassword, world.password(),
                modeText(p.get("release"), "auto"), remaining(modeText(p.get("remaining"), "goal")), modeText(p.get("collect"), "auto"),
                countdown, cheat, compatibility);
    }

    /** {@return the permissions as RoomInfo and RoomUpdate send them: release, remaining, collect} */
    public Map<String, Permission> permissions() {
        Map<String, Permission> m = new LinkedHashMap<>();
        m.put("release", Permission.fromText(releaseMode));
        m.put("remaining", Permission.fromText(remainingMode));
        m.put("collect", Permission.fromText(collectMode));
        return m;
    }

    /** {@return the value of an option as Python's {@code str()} prints it ({@code None}, {@code True})}
     *
     * @param name an option name from {@link #NAMES}
     */
    public String text(String name) {
        Object v = value(name);
        if (v == null) {
            return "None";
        }
        if (v instanceof Boolean b) {
            return b ? "True" : "False";
        }
        return v.toString();
    }

    /** {@return the value of an option: an Integer, a String, a Boolean or {@code null}}
     *
     * @param name an option name from {@link #NAMES}
     * @throws IllegalArgumentException for an unknown name
     */
    public @Nullable Object value(String name) {
        switch (name) {
            case "hint_cost": return hintCost;
            case "location_check_points": return locationCheckPoints;
            case "server_password": return serverPassword;
            case "password": return password;
            case "release_mode": return releaseMode;
            case "remaining_mode": return remainingMode;
            case "collect_mode": return collectMode;
            case "countdown_mode": return countdownMode;
            case "item_cheat": return itemCheat;
            case "compatibility": return compatibility;
            default: throw new IllegalArgumentException("unknown option " + name);
        }
    }

    /** {@return the Python type name of an option for the {@code /option} listing: int, str or bool}
     *
     * @param name an option name from {@link #NAMES}
     */
    static String typeName(String name) {
        switch (name) {
            case "hint_cost":
            case "location_check_points":
            case "compatibility":
                return "int";
            case "item_cheat":
                return "bool";
            default:
                return "str";
        }
    }

    /** {@return the values a mode option accepts, in the order its error text lists them}
     *
     * @param name a mode option name
     */
    static List<String> modes(String name) {
        return name.equals("countdown_mode") ? COUNTDOWN_MODES
                : name.equals("remaining_mode") ? REMAINING_MODES : List.of("goal", "enabled", "disabled", "auto", "auto_enabled");
    }

    /**
     * {@return these options with one changed}
     *
     * @param name an option name from {@link #NAMES}
     * @param value the new value, of the option's type
     */
    public RoomOptions with(String name, @Nullable Object value) {
        int hc = hintCost;
        int lcp = locationCheckPoints;
        String sp = serverPassword;
        String pw = password;
        String rel = releaseMode;
        String rem = remainingMode;
        String col = collectMode;
        String cd = countdownMode;
        boolean cheat = itemCheat;
        int comp = compatibility;
        switch (name) {
            case "hint_cost": hc = (Integer) Objects.requireNonNull(value); break;
            case "location_check_points": lcp = (Integer) Objects.requireNonNull(value); break;
            case "server_password": sp = (String) value; break;
            case "password": pw = (String) value; break;
            case "release_mode": rel = (String) Objects.requireNonNull(value); break;
            case "remaining_mode": rem = (String) Objects.requireNonNull(value); break;
            case "collect_mode": col = (String) Objects.requireNonNull(value); break;
            case "countdown_mode": cd = (String) Objects.requireNonNull(value); break;
            case "item_cheat": cheat = (Boolean) Objects.requireNonNull(value); break;
            case "compatibility": comp = (Integer) Objects.requireNonNull(value); break;
            default: throw new IllegalArgumentException("unknown option " + name);
        }
        return new RoomOptions(hc, lcp, sp, pw, rel, rem, col, cd, cheat, comp);
    }

    private static String mode(String name, String value, List<String> allowed) {
        String v = value.toLowerCase(Locale.ROOT).replace('_', '-');
        if (!allowed.contains(v)) {
            throw new IllegalArgumentException(name + " must be one of " + allowed + ", got '" + value + "'");
        }
        return v;
    }

    private static String remaining(String mode) {
        return REMAINING_MODES.contains(mode) ? mode : "goal";
    }

    private static String modeText(@Nullable Permission p, String fallback) {
        if (p == null) {
            return fallback;
        }
        switch (p.value()) {
            case 0: return "disabled";
            case 1: return "enabled";
            case 2: return "goal";
            case 6: return "auto";
            case 7: return "auto-enabled";
            default: return fallback;
        }
    }
}
