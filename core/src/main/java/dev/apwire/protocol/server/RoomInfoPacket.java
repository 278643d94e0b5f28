package dev.apwire.protocol.server;

import dev.apwire.json.JsonObject;
import dev.apwire.protocol.Checks;
import dev.apwire.protocol.NetworkVersion;
import dev.apwire.protocol.Permission;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * {@code RoomInfo}: what the room is; the first packet a client receives.
 *
 * @param password whether joining needs a password
 * @param games the games of the room (with {@code Archipelago})
 * @param tags the server's tags
 * @param version the server's Archipelago version
 * @param generatorVersion the version that generated the multiworld, or {@code null} from old servers
 * @param permissions {@code release}, {@code remaining} and {@code collect} permissions, in wire order
 * @param hintCost the percentage of locations a hint costs
 * @param locationCheckPoints the hint points earned per check
 * @param datapackageChecksums each game's data package checksum, or {@code null} from old servers
 * @param datapackageVersions each game's data package version (deprecated), or {@code null}
 * @param seedName the name of the generated multiworld
 * @param time the server's clock, Unix seconds
 * @param extras the fields the protocol does not define, kept in order and written back unchanged
 */
public record RoomInfoPacket(
        boolean password,
        List<String> games,
        List<String> tags,
        NetworkVersion version,
        @Nullable NetworkVersion generatorVersion,
        Map<String, Permission> permissions,
        int hintCost,
        int locationCheckPoints,
        @Nullable Map<String, String> datapackageChecksums,
        @Nullable Map<String, Integer> datapackageVersions,
        String seedName,
        double time,
        JsonObject extras) implements ServerPacket {

    /**
     * Checks every field and copies collections.
     *
     * @param password whether joining needs a password
     * @param games the games of the room (with {@code Archipelago})
     * @param tags the server's tags
     * @param version the server's Archipelago version
     * @param generatorVersion the version that generated the multiworld, or {@code null} from old servers
     * @param permissions {@code release}, {@code remaining} and {@code collect} permissions, in wire order
     * @param hintCost the percentage of locations a hint costs
     * @param locationCheckPoints the hint points earned per check
     * @param datapackageChecksums each game's data package checksum, or {@code null} from old servers
     * @param datapackageVersions each game's data package version (deprecated), or {@code null}
     * @param seedName the name of the generated multiworld
     * @param time the server's clock, Unix seconds
     * @param extras the fields the protocol does not define, kept in order and written back unchanged
     */
    public RoomInfoPacket {
        games = List.copyOf(games);
        tags = List.copyOf(tags);
        Objects.requireNonNull(version, "version");
        permissions = Checks.orderedMap(permissions);
        if (datapackageChecksums != null) {
            datapackageChecksums = Checks.orderedMap(datapackageChecksums);
        }
        if (datapackageVersions != null) {
            datapackageVersions = Checks.orderedMap(datapackageVersions);
        }
        Objects.requireNonNull(seedName, "seedName");
        Objects.requireNonNull(extras, "extras");
    }

    /**
     * Creates the record with no extra fields.
     *
     * @param password whether joining needs a password
     * @param games the games of the room (with {@code Archipelago})
     * @param tags the server's tags
     * @param version the server's Archipelago version
     * @param generatorVersion the version that generated the multiworld, or {@code null} from old servers
     * @param permissions {@code release}, {@code remaining} and {@code collect} permissions, in wire order
     * @param hintCost the percentage of locations a hint costs
     * @param locationCheckPoints the hint points earned per check
     * @param datapackageChecksums each game's data package checksum, or {@code null} from old servers
     * @param datapackageVersions each game's data package version (deprecated), or {@code null}
     * @param seedName the name of the generated multiworld
     * @param time the server's clock, Unix seconds
     */
    public RoomInfoPacket(boolean password, List<String> games, List<String> tags, NetworkVersion version, @Nullable NetworkVersion generatorVersion, Map<String, Permission> permissions, int hintCost, int locationCheckPoints, @Nullable Map<String, String> datapackageChecksums, @Nullable Map<String, Integer> datapackageVersions, String seedName, double time) {
        this(password, games, tags, version, generatorVersion, permissions, hintCost, locationCheckPoints, datapackageChecksums, datapackageVersions, seedName, time, JsonObject.EMPTY);
    }

    @Override
    public ServerCommand command() {
        return ServerCommand.ROOM_INFO;
    }
}
