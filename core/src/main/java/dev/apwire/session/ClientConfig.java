package dev.apwire.session;

import dev.apwire.protocol.ClientTags;
import dev.apwire.protocol.ItemsHandling;
import dev.apwire.protocol.NetworkVersion;
import java.time.Duration;
import java.security.SecureRandom;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;

/**
 * How a {@link ClientSession} connects and behaves. Immutable except for the
 * {@link RandomGenerator} and the {@link DataPackageCache}, which the session uses.
 * Build one with {@link #builder(String, String, String)}.
 *
 * @param name the slot name to connect as
 * @param game the game, or {@code null} / empty for TextOnly, Tracker and HintGame clients
 * @param password the room password, or {@code null}
 * @param uuid the client's id, kept across reconnects
 * @param version the Archipelago version the client speaks
 * @param itemsHandling which items the server sends
 * @param tags the client's tags
 * @param slotData whether {@code Connected} should carry slot data
 * @param protocol the handshake
 * @param roomId the room to {@code Join} (v2.0 only), or {@code null}
 * @param compliance what an illegal server packet does
 * @param requestTimeout how long a Get, Set or LocationScouts may wait for its answer
 * @param deathLinkDebounce a received DeathLink within this long of the last one (sent or received) is dropped
 * @param lastProcessedIndex the index of the last item the game processed, persisted by the game; {@code -1} for none
 * @param pendingChecks checks the last run made that the server never confirmed (its {@link ClientSession#outbox()})
 * @param trackHints whether to follow {@code _read_hints_{team}_{slot}} (SetNotify and Get on connect)
 * @param random the source of request correlation ids
 * @param cache where data packages are kept
 */
public record ClientConfig(
        String name,
        @Nullable String game,
        @Nullable String password,
        String uuid,
        NetworkVersion version,
        ItemsHandling itemsHandling,
        List<String> tags,
        boolean slotData,
        ProtocolVersion protocol,
        @Nullable String roomId,
        Compliance compliance,
        Duration requestTimeout,
        Duration deathLinkDebounce,
        int lastProcessedIndex,
        List<Long> pendingChecks,
        boolean trackHints,
        RandomGenerator random,
        DataPackageCache cache) {

    /**
     * Checks the fields and copies lists.
     *
     * @param name the slot name to connect as
     * @param game the game, or {@code null} / empty for TextOnly, Tracker and HintGame clients
     * @param password the room password, or {@code null}
     * @param uuid the client's id, kept across reconnects
     * @param version the Archipelago version the client speaks
     * @param itemsHandling which items the server sends
     * @param tags the client's tags
     * @param slotData whether {@code Connected} should carry slot data
     * @param protocol the handshake
     * @param roomId the room to {@code Join} (v2.0 only), or {@code null}
     * @param compliance what an illegal server packet does
     * @param requestTimeout how long a Get, Set or LocationScouts may wait for its answer
     * @param deathLinkDebounce a received DeathLink within this long of the last one (sent or received) is dropped
     * @param lastProcessedIndex the index of the last item the game processed, persisted by the game; {@code -1} for none
     * @param pendingChecks checks the last run made that the server never confirmed (its {@link ClientSession#outbox()})
     * @param trackHints whether to follow {@code _read_hints_{team}_{slot}} (SetNotify and Get on connect)
     * @param random the source of request correlation ids
     * @param cache where data packages are kept
     */
    public ClientConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(uuid, "uuid");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(itemsHandling, "itemsHandling");
        if (!itemsHandling.isValid()) {
            throw new IllegalArgumentException("items_handling " + itemsHandling.value() + " is not a valid flag combination");
        }
        tags = List.copyOf(tags);
        Objects.requireNonNull(protocol, "protocol");
        if (protocol == ProtocolVersion.V2_0 && roomId == null) {
            throw new IllegalArgumentException("protocol v2.0 needs a roomId to Join");
        }
        Objects.requireNonNull(compliance, "compliance");
        if (requestTimeout.isNegative() || requestTimeout.isZero()) {
            throw new IllegalArgumentException("requestTimeout must be positive, got " + requestTimeout);
        }
        if (deathLinkDebounce.isNegative()) {
            throw new IllegalArgumentException("deathLinkDebounce must be >= 0, got " + deathLinkDebounce);
        }
        if (lastProcessedIndex < -1) {
            throw new IllegalArgumentException("lastProcessedIndex must be >= -1, got " + lastProcessedIndex);
        }
        pendingChecks = List.copyOf(pendingChecks);
        Objects.requireNonNull(random, "random");
        Objects.requireNonNull(cache, "cache");
    }

    /**
     * {@return a builder with the defaults: version 0.6.2, all items, tag AP, slot data, v1.0, strict,
     * 30 s request timeout, 3 s DeathLink debounce, nothing processed, no hint tracking, a
     * {@code SplittableRandom} seeded from a {@link java.security.SecureRandom} (so two runs never reuse
     * request ids; pass your own generator for reproducible runs) and an in-memory cache}
     *
     * @param name the slot name
     * @param game the game, or {@code null} for a text client
     * @param uuid the client's id
     */
    public static Builder builder(String name, @Nullable String game, String uuid) {
        return new Builder(name, game, uuid);
    }

    /** Builds a {@link ClientConfig}. Not thread-safe. */
    public static final class Builder {
        private String name;
        private @Nullable String game;
        private @Nullable String password;
        private String uuid;
        private NetworkVersion version = new NetworkVersion(0, 6, 2);
        private ItemsHandling itemsHandling = ItemsHandling.ALL;
        private List<String> tags = List.of(ClientTags.AP);
        private boolean slotData = true;
        private ProtocolVersion protocol = ProtocolVersion.V1_0;
        private @Nullable String roomId;
        private Compliance compliance = Compliance.STRICT;
        private Duration requestTimeout = Duration.ofSeconds(30);
        private Duration deathLinkDebounce = Duration.ofSeconds(3);
        private int lastProcessedIndex = -1;
        private List<Long> pendingChecks = List.of();
        private boolean trackHints = false;
        private @Nullable RandomGenerator random;
        private DataPackageCache cache = new InMemoryDataPackageCache();

        private Builder(String name, @Nullable String game, String uuid) {
            this.name = name;
            this.game = game;
            this.uuid = uuid;
        }

        /**
         * Sets password: the room password, or {@code null}.
         *
         * @param value the value
         * @return this builder
         */
        public Builder password(@Nullable String value) {
            this.password = value;
            return this;
        }

        /**
         * Sets version: the Archipelago version the client speaks.
         *
         * @param value the value
         * @return this builder
         */
        public Builder version(NetworkVersion value) {
            this.version = value;
            return this;
        }

        /**
         * Sets itemsHandling: which items the server sends.
         *
         * @param value the value
         * @return this builder
         */
        public Builder itemsHandling(ItemsHandling value) {
            this.itemsHandling = value;
            return this;
        }

        /**
         * Sets tags: the client's tags.
         *
         * @param value the value
         * @return this builder
         */
        public Builder tags(List<String> value) {
            this.tags = value;
            return this;
        }

        /**
         * Sets slotData: whether {@code Connected} should carry slot data.
         *
         * @param value the value
         * @return this builder
         */
        public Builder slotData(boolean value) {
            this.slotData = value;
            return this;
        }

        /**
         * Sets protocol: the handshake.
         *
         * @param value the value
         * @return this builder
         */
        public Builder protocol(ProtocolVersion value) {
            this.protocol = value;
            return this;
        }

        /**
         * Sets roomId: the room to {@code Join} (v2.0 only), or {@code null}.
         *
         * @param value the value
         * @return this builder
         */
        public Builder roomId(@Nullable String value) {
            this.roomId = value;
            return this;
        }

        /**
         * Sets compliance: what an illegal server packet does.
         *
         * @param value the value
         * @return this builder
         */
        public Builder compliance(Compliance value) {
            this.compliance = value;
            return this;
        }

        /**
         * Sets requestTimeout: how long a Get, Set or LocationScouts may wait for its answer.
         *
         * @param value the value
         * @return this builder
         */
        public Builder requestTimeout(Duration value) {
            this.requestTimeout = value;
            return this;
        }

        /**
         * Sets deathLinkDebounce: a received DeathLink within this long of the last one (sent or received) is dropped.
         *
         * @param value the value
         * @return this builder
         */
        public Builder deathLinkDebounce(Duration value) {
            this.deathLinkDebounce = value;
            return this;
        }

        /**
         * Sets lastProcessedIndex: the index of the last item the game processed, persisted by the game; {@code -1} for none.
         *
         * @param value the value
         * @return this builder
         */
        public Builder lastProcessedIndex(int value) {
            this.lastProcessedIndex = value;
            return this;
        }

        /**
         * Sets pendingChecks: checks the last run made that the server never confirmed (its {@link ClientSession#outbox()}).
         *
         * @param value the value
         * @return this builder
         */
        public Builder pendingChecks(List<Long> value) {
            this.pendingChecks = value;
            return this;
        }

        /**
         * Sets trackHints: whether to follow {@code _read_hints_{team}_{slot}} (SetNotify and Get on connect).
         *
         * @param value the value
         * @return this builder
         */
        public Builder trackHints(boolean value) {
            this.trackHints = value;
            return this;
        }

        /**
         * Sets random: the source of request correlation ids ({@code null} for one seeded from a {@link java.security.SecureRandom}).
         *
         * @param value the value
         * @return this builder
         */
        public Builder random(@Nullable RandomGenerator value) {
            this.random = value;
            return this;
        }

        /**
         * Sets cache: where data packages are kept.
         *
         * @param value the value
         * @return this builder
         */
        public Builder cache(DataPackageCache value) {
            this.cache = value;
            return this;
        }

        /** {@return the configuration} */
        public ClientConfig build() {
            RandomGenerator r = random != null ? random : new SplittableRandom(new SecureRandom().nextLong());
            return new ClientConfig(name, game, password, uuid, version, itemsHandling, tags, slotData, protocol, roomId, compliance, requestTimeout, deathLinkDebounce, lastProcessedIndex, pendingChecks, trackHints, r, cache);
        }
    }
}
