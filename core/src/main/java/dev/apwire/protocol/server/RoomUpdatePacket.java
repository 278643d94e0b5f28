package dev.apwire.protocol.server;

import dev.apwire.json.JsonObject;
import dev.apwire.protocol.Checks;
import dev.apwire.protocol.LongList;
import dev.apwire.protocol.NetworkPlayer;
import dev.apwire.protocol.NetworkVersion;
import dev.apwire.protocol.Permission;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * {@code RoomUpdate}: the parts of the room state that changed. Every field is optional; {@code null} means absent. Use {@link #builder()} to make one.
 *
 * @param password whether joining needs a password
 * @param games the games
 * @param tags the server's tags
 * @param version the server's version
 * @param generatorVersion the generator's version
 * @param permissions the permissions
 * @param hintCost the hint cost percentage
 * @param locationCheckPoints the hint points per check
 * @param datapackageChecksums the data package checksums
 * @param datapackageVersions the data package versions (deprecated)
 * @param seedName the seed name
 * @param time the server's clock
 * @param hintPoints the client's hint points
 * @param players every player (after an alias change)
 * @param checkedLocations newly checked locations (or, after release/collect, all of them)
 * @param missingLocations missing locations (never sent by the reference server)
 * @param extras the fields the protocol does not define, kept in order and written back unchanged
 */
public record RoomUpdatePacket(
        @Nullable Boolean password,
        @Nullable List<String> games,
        @Nullable List<String> tags,
        @Nullable NetworkVersion version,
        @Nullable NetworkVersion generatorVersion,
        @Nullable Map<String, Permission> permissions,
        @Nullable Integer hintCost,
        @Nullable Integer locationCheckPoints,
        @Nullable Map<String, String> datapackageChecksums,
        @Nullable Map<String, Integer> datapackageVersions,
        @Nullable String seedName,
        @Nullable Double time,
        @Nullable Integer hintPoints,
        @Nullable List<NetworkPlayer> players,
        @Nullable LongList checkedLocations,
        @Nullable LongList missingLocations,
        JsonObject extras) implements ServerPacket {

    /**
     * Checks every field and copies collections.
     *
     * @param password whether joining needs a password
     * @param games the games
     * @param tags the server's tags
     * @param version the server's version
     * @param generatorVersion the generator's version
     * @param permissions the permissions
     * @param hintCost the hint cost percentage
     * @param locationCheckPoints the hint points per check
     * @param datapackageChecksums the data package checksums
     * @param datapackageVersions the data package versions (deprecated)
     * @param seedName the seed name
     * @param time the server's clock
     * @param hintPoints the client's hint points
     * @param players every player (after an alias change)
     * @param checkedLocations newly checked locations (or, after release/collect, all of them)
     * @param missingLocations missing locations (never sent by the reference server)
     * @param extras the fields the protocol does not define, kept in order and written back unchanged
     */
    public RoomUpdatePacket {
        if (games != null) {
            games = List.copyOf(games);
        }
        if (tags != null) {
            tags = List.copyOf(tags);
        }
        if (permissions != null) {
            permissions = Checks.orderedMap(permissions);
        }
        if (datapackageChecksums != null) {
            datapackageChecksums = Checks.orderedMap(datapackageChecksums);
        }
        if (datapackageVersions != null) {
            datapackageVersions = Checks.orderedMap(datapackageVersions);
        }
        if (players != null) {
            players = List.copyOf(players);
        }
        Objects.requireNonNull(extras, "extras");
    }

    /**
     * Creates the record with no extra fields.
     *
     * @param password whether joining needs a password
     * @param games the games
     * @param tags the server's tags
     * @param version the server's version
     * @param generatorVersion the generator's version
     * @param permissions the permissions
     * @param hintCost the hint cost percentage
     * @param locationCheckPoints the hint points per check
     * @param datapackageChecksums the data package checksums
     * @param datapackageVersions the data package versions (deprecated)
     * @param seedName the seed name
     * @param time the server's clock
     * @param hintPoints the client's hint points
     * @param players every player (after an alias change)
     * @param checkedLocations newly checked locations (or, after release/collect, all of them)
     * @param missingLocations missing locations (never sent by the reference server)
     */
    public RoomUpdatePacket(@Nullable Boolean password, @Nullable List<String> games, @Nullable List<String> tags, @Nullable NetworkVersion version, @Nullable NetworkVersion generatorVersion, @Nullable Map<String, Permission> permissions, @Nullable Integer hintCost, @Nullable Integer locationCheckPoints, @Nullable Map<String, String> datapackageChecksums, @Nullable Map<String, Integer> datapackageVersions, @Nullable String seedName, @Nullable Double time, @Nullable Integer hintPoints, @Nullable List<NetworkPlayer> players, @Nullable LongList checkedLocations, @Nullable LongList missingLocations) {
        this(password, games, tags, version, generatorVersion, permissions, hintCost, locationCheckPoints, datapackageChecksums, datapackageVersions, seedName, time, hintPoints, players, checkedLocations, missingLocations, JsonObject.EMPTY);
    }

    @Override
    public ServerCommand command() {
        return ServerCommand.ROOM_UPDATE;
    }

    /** {@return a builder with every field absent} */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link RoomUpdatePacket} field by field. Not thread-safe. */
    public static final class Builder {
        private @Nullable Boolean password;
        private @Nullable List<String> games;
        private @Nullable List<String> tags;
        private @Nullable NetworkVersion version;
        private @Nullable NetworkVersion generatorVersion;
        private @Nullable Map<String, Permission> permissions;
        private @Nullable Integer hintCost;
        private @Nullable Integer locationCheckPoints;
        private @Nullable Map<String, String> datapackageChecksums;
        private @Nullable Map<String, Integer> datapackageVersions;
        private @Nullable String seedName;
        private @Nullable Double time;
        private @Nullable Integer hintPoints;
        private @Nullable List<NetworkPlayer> players;
        private @Nullable LongList checkedLocations;
        private @Nullable LongList missingLocations;
        private JsonObject extras = JsonObject.EMPTY;

        private Builder() {
        }

        /**
         * Sets {@code password}.
         *
         * @param v the value
         * @return this builder
         */
        public Builder password(boolean v) {
            password = v;
            return this;
        }

        /**
         * Sets {@code games}.
         *
         * @param v the value
         * @return this builder
         */
        public Builder games(List<String> v) {
            games = v;
            return this;
        }

        /**
         * Sets {@code tags}.
         *
         * @param v the value
         * @return this builder
         */
        public Builder tags(List<String> v) {
            tags = v;
            return this;
        }

        /**
         * Sets {@code version}.
         *
         * @param v the value
         * @return this builder
         */
        public Builder version(NetworkVersion v) {
            version = v;
            return this;
        }

        /**
         * Sets {@code generator_version}.
         *
         * @param v the value
         * @return this builder
         */
        public Builder generatorVersion(NetworkVersion v) {
            generatorVersion = v;
            return this;
        }

        /**
         * Sets {@code permissions}.
         *
         * @param v the value
         * @return this builder
         */
        public Builder permissions(Map<String, Permission> v) {
            permissions = v;
            return this;
        }

        /**
         * Sets {@code hint_cost}.
         *
         * @param v the value
         * @return this builder
         */
        public Builder hintCost(int v) {
            hintCost = v;
            return this;
        }

        /**
         * Sets {@code location_check_points}.
         *
         * @param v the value
         * @return this builder
         */
        public Builder locationCheckPoints(int v) {
            locationCheckPoints = v;
            return this;
        }

        /**
         * Sets {@code datapackage_checksums}.
         *
         * @param v the value
         * @return this builder
         */
        public Builder datapackageChecksums(Map<String, String> v) {
            datapackageChecksums = v;
            return this;
        }

        /**
         * Sets {@code datapackage_versions}.
         *
         * @param v the value
         * @return this builder
         */
        public Builder datapackageVersions(Map<String, Integer> v) {
            datapackageVersions = v;
            return this;
        }

        /**
         * Sets {@code seed_name}.
         *
         * @param v the value
         * @return this builder
         */
        public Builder seedName(String v) {
            seedName = v;
            return this;
        }

        /**
         * Sets {@code time}.
         *
         * @param v the value
         * @return this builder
         */
        public Builder time(double v) {
            time = v;
            return this;
        }

        /**
         * Sets {@code hint_points}.
         *
         * @param v the value
         * @return this builder
         */
        public Builder hintPoints(int v) {
            hintPoints = v;
            return this;
        }

        /**
         * Sets {@code players}.
         *
         * @param v the value
         * @return this builder
         */
        public Builder players(List<NetworkPlayer> v) {
            players = v;
            return this;
        }

        /**
         * Sets {@code checked_locations}.
         *
         * @param v the value
         * @return this builder
         */
        public Builder checkedLocations(LongList v) {
            checkedLocations = v;
            return this;
        }

        /**
         * Sets {@code missing_locations}.
         *
         * @param v the value
         * @return this builder
         */
        public Builder missingLocations(LongList v) {
            missingLocations = v;
            return this;
        }

        /**
         * Sets the extra fields.
         *
         * @param v the value
         * @return this builder
         */
        public Builder extras(JsonObject v) {
            extras = v;
            return this;
        }

        /** {@return the packet} */
        public RoomUpdatePacket build() {
            return new RoomUpdatePacket(password, games, tags, version, generatorVersion, permissions, hintCost,
                    locationCheckPoints, datapackageChecksums, datapackageVersions, seedName, time, hintPoints, players,
                    checkedLocations, missingLocations, extras);
        }
    }
}
