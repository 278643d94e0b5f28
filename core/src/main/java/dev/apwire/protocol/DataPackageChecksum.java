package dev.apwire.protocol;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The data package checksum as Archipelago computes it ({@code worlds/AutoWorld.py},
 * {@code data_package_checksum}; server-features.md §12.1, reference-server.md §4.10).
 *
 * <p>The checksum is the lower-case hex SHA-1 of the UTF-8 bytes of one compact JSON object with four keys in
 * this order:
 * <ol>
 *   <li>{@code item_name_groups}: the groups sorted by name, each group's members sorted;</li>
 *   <li>{@code item_name_to_id}: the names and ids in the package's own order;</li>
 *   <li>{@code location_name_groups}: sorted as the item groups;</li>
 *   <li>{@code location_name_to_id}: in the package's own order.</li>
 * </ol>
 * The JSON is Python's {@code json} with {@code ensure_ascii=False} and separators {@code ,} and {@code :}
 * ({@code NetUtils.encode}): non-ASCII characters are written raw, {@code "} and <code>&#92;</code> are escaped, the
 * control characters below U+0020 become {@code \n}, {@code \r}, {@code \t}, {@code \b}, {@code \f} or
 * <code>&#92;u00xx</code>. Sorting compares names by UTF-16 code units, which is Python's code point order for every
 * name without characters outside the Basic Multilingual Plane.
 *
 * <p>The groups are part of the hash but not of the package a server sends ({@code GetDataPackage} strips
 * them), so a client cannot recompute a checksum it received: it keys its cache by it. A server that serves a
 * package without a checksum computes it here, so that what it advertises in {@code RoomInfo} is always the
 * checksum of what it serves.
 *
 * <pre>{@code
 * String checksum = DataPackageChecksum.of(
 *         Map.of("Pebbles", List.of("Red Pebble", "Blue Pebble")), items,
 *         Map.of("Outdoors", List.of("Pebble Hill", "Pebble Lake")), locations);
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 */
public final class DataPackageChecksum {

    private DataPackageChecksum() {
    }

    /**
     * {@return the checksum of one game's data package: 40 lower-case hex digits}
     *
     * @param itemNameGroups the item name groups (any order: they are sorted), including the automatic
     *     {@code Everything} group when the package has it
     * @param itemNameToId the item names and ids, in the package's order
     * @param locationNameGroups the location name groups, including {@code Everywhere} when the package has it
     * @param locationNameToId the location names and ids, in the package's order
     */
    public static String of(Map<String, ? extends Collection<String>> itemNameGroups, NameTable itemNameToId,
            Map<String, ? extends Collection<String>> locationNameGroups, NameTable locationNameToId) {
        byte[] text = hashedText(itemNameGroups, itemNameToId, locationNameGroups, locationNameToId)
                .getBytes(StandardCharsets.UTF_8);
        MessageDigest sha1;
        try {
            sha1 = MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-1", e);
        }
        byte[] digest = sha1.digest(text);
        StringBuilder hex = new StringBuilder(40);
        for (byte b : digest) {
            hex.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
        }
        return hex.toString();
    }

    /**
     * {@return the checksum of a package whose groups are kept beside it}
     *
     * @param data the package (its own checksum is ignored)
     * @param itemNameGroups the item name groups
     * @param locationNameGroups the location name groups
     */
    public static String of(GameData data, Map<String, ? extends Collection<String>> itemNameGroups,
            Map<String, ? extends Collection<String>> locationNameGroups) {
        return of(itemNameGroups, data.itemNameToId(), locationNameGroups, data.locationNameToId());
    }

    /**
     * {@return the exact text that is hashed, for diagnosing a checksum that differs from another
     * implementation's}
     *
     * @param itemNameGroups the item name groups
     * @param itemNameToId the item names and ids
     * @param locationNameGroups the location name groups
     * @param locationNameToId the location names and ids
     */
    public static String hashedText(Map<String, ? extends Collection<String>> itemNameGroups, NameTable itemNameToId,
            Map<String, ? extends Collection<String>> locationNameGroups, NameTable locationNameToId) {
        StringBuilder sb = new StringBuilder(64 + 32 * (itemNameToId.size() + locationNameToId.size()));
        sb.append("{\"item_name_groups\":");
        groups(sb, itemNameGroups);
        sb.append(",\"item_name_to_id\":");
        table(sb, itemNameToId);
        sb.append(",\"location_name_groups\":");
        groups(sb, locationNameGroups);
        sb.append(",\"location_name_to_id\":");
        table(sb, locationNameToId);
        return sb.append('}').toString();
    }

    private static void groups(StringBuilder sb, Map<String, ? extends Collection<String>> groups) {
        TreeMap<String, List<String>> sorted = new TreeMap<>();
        for (Map.Entry<String, ? extends Collection<String>> e : groups.entrySet()) {
            List<String> members = new ArrayList<>(e.getValue());
            members.sort(null);
            sorted.put(e.getKey(), members);
        }
        sb.append('{');
        boolean first = true;
        for (Map.Entry<String, List<String>> e : sorted.entrySet()) {
            if (!first) {
                sb.append(',');
            }
            first = false;
            string(sb, e.getKey());
            sb.append(":[");
            for (int i = 0; i < e.getValue().size(); i++) {
                if (i > 0) {
                    sb.append(',');
                }
                string(sb, e.getValue().get(i));
            }
            sb.append(']');
        }
        sb.append('}');
    }

    private static void table(StringBuilder sb, NameTable table) {
        sb.append('{');
        for (int i = 0; i < table.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            string(sb, table.nameAt(i));
            sb.append(':').append(table.idAt(i));
        }
        sb.append('}');
    }

    private static void string(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                default -> {
                    if (c < 0x20) {
                        sb.append("\\u00").append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 0xf, 16));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }
}
