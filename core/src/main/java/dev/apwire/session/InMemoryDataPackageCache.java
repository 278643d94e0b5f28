package dev.apwire.session;

import dev.apwire.protocol.GameData;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** A {@link DataPackageCache} in a map, keeping every game and checksum it was given. Not thread-safe. */
public final class InMemoryDataPackageCache implements DataPackageCache {

    private final Map<String, GameData> entries = new LinkedHashMap<>();

    /** Creates an empty cache. */
    public InMemoryDataPackageCache() {
    }

    private static String key(String game, String checksum) {
        return game.length() + ":" + game + checksum;
    }

    @Override
    public Optional<GameData> get(String game, String checksum) {
        return Optional.ofNullable(entries.get(key(game, checksum)));
    }

    @Override
    public void put(String game, String checksum, GameData data) {
        entries.put(key(game, checksum), Objects.requireNonNull(data, "data"));
    }

    /** {@return how many (game, checksum) entries the cache holds} */
    public int size() {
        return entries.size();
    }
}
