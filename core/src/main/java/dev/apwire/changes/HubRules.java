package dev.apwire.changes;

import dev.apwire.json.JsonInt;
import dev.apwire.json.JsonObject;
import dev.apwire.json.JsonString;
import dev.apwire.json.JsonValue;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Every rule the hub applies to what a client sends, in one place, one check per rule; each refusal's message
 * states the rule. The checks only read: the hub mutates nothing before they all pass.
 */
final class HubRules {

    /** The only type a client may send to {@code "server"}: its own properties. */
    static final String SET_PROPERTIES = ChangesPacket.TYPE;

    /** The server's own packet types, which clients may not send to peers (V1 refused the same). */
    static final Set<String> RESERVED_TYPES = Set.of(ChangesPacket.TYPE, ErrorCode.PACKET_TYPE, "metadata");

    /** The largest integer JavaScript clients read exactly, 2^53 - 1. */
    static final long MAX_SAFE_INTEGER = (1L << 53) - 1;

    /** A refused packet: the error code and the broken rule. */
    record Refusal(ErrorCode code, String message) {
    }

    private HubRules() {
    }

    /** {@return the first rule the packet breaks, or {@code null}}; properties are checked apart. */
    static @Nullable Refusal checkPacket(HubConfig config, ChangesClientPacket p) {
        if (p.extras().members().containsKey("from")) {
            return new Refusal(ErrorCode.BAD_PACKET, "a client packet must not carry 'from': the server sets it");
        }
        if (p.type().length() > config.maxTypeLength()) {
            return new Refusal(ErrorCode.BAD_PACKET, "'type' must be at most " + config.maxTypeLength() + " characters");
        }
        if (p.to() instanceof ServerTarget) {
            if (!p.type().equals(SET_PROPERTIES)) {
                return new Refusal(ErrorCode.UNKNOWN_TYPE,
                        "the only type a client may send to \"server\" is \"changes\", not \"" + p.type() + "\"");
            }
            if (!(p.data() instanceof JsonObject)) {
                return new Refusal(ErrorCode.BAD_PACKET,
                        "the data of a changes packet must be an object of properties, not " + p.data().kind());
            }
            return null;
        }
        TokensTarget to = (TokensTarget) p.to();
        if (RESERVED_TYPES.contains(p.type())) {
            return new Refusal(ErrorCode.RESERVED_TYPE,
                    "\"" + p.type() + "\" is a server packet type; clients cannot send it to peers");
        }
        if (to.tokens().size() > config.maxRecipients()) {
            return new Refusal(ErrorCode.TOO_MANY_RECIPIENTS,
                    "'to' may list at most " + config.maxRecipients() + " tokens, got " + to.tokens().size());
        }
        return null;
    }

    /** {@return the first rule a properties update breaks against the current properties, or {@code null}} */
    static @Nullable Refusal checkProperties(HubConfig config, Map<String, JsonValue> current, JsonObject update) {
        int count = current.size();
        for (Map.Entry<String, JsonValue> e : update.members().entrySet()) {
            String key = e.getKey();
            JsonValue value = e.getValue();
            if (key.isEmpty() || key.length() > config.maxKeyLength()) {
                return new Refusal(ErrorCode.BAD_PROPERTY,
                        "property keys must have 1 to " + config.maxKeyLength() + " characters");
            }
            switch (value.kind()) {
                case NULL:
                    if (current.containsKey(key)) {
                        count--;
                    }
                    continue;
                case STRING:
                    if (((JsonString) value).value().length() > config.maxStringLength()) {
                        return new Refusal(ErrorCode.BAD_PROPERTY, "property '" + key + "': strings must have at most "
                                + config.maxStringLength() + " characters");
                    }
                    break;
                case INTEGER:
                    JsonInt i = (JsonInt) value;
                    if (!i.fitsLong() || Math.abs(i.longValue()) > MAX_SAFE_INTEGER) {
                        return new Refusal(ErrorCode.BAD_PROPERTY,
                                "property '" + key + "': integers must be within +-(2^53-1)");
                    }
                    break;
                case FLOAT:
                case BOOLEAN:
                    break;
                default:
                    return new Refusal(ErrorCode.BAD_PROPERTY, "property '" + key
                            + "': values must be strings, numbers or booleans (null deletes), not " + value.kind());
            }
            if (!current.containsKey(key)) {
                count++;
            }
        }
        if (count > config.maxProperties()) {
            return new Refusal(ErrorCode.TOO_MANY_PROPERTIES,
                    "a token may hold at most " + config.maxProperties() + " properties; this update would leave " + count);
        }
        return null;
    }

    /** {@return the size of a token's properties as {@link HubConfig#maxSnapshotBytes()} counts it: JSON keys and values} */
    static long size(Map<String, JsonValue> properties) {
        long size = 0;
        for (Map.Entry<String, JsonValue> e : properties.entrySet()) {
            size += entrySize(e.getKey(), e.getValue());
        }
        return size;
    }

    /** {@return the size of a token's properties after an update that {@link #checkProperties} accepted} */
    static long sizeAfter(Map<String, JsonValue> current, JsonObject update) {
        Map<String, JsonValue> after = new java.util.HashMap<>(current);
        for (Map.Entry<String, JsonValue> e : update.members().entrySet()) {
            if (e.getValue().kind() == JsonValue.Kind.NULL) {
                after.remove(e.getKey());
            } else {
                after.put(e.getKey(), e.getValue());
            }
        }
        return size(after);
    }

    private static long entrySize(String key, JsonValue value) {
        long v = value instanceof JsonString s ? s.value().length() + 2 : 24;
        return key.length() + 4 + v;
    }
}
