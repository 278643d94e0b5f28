package dev.apwire.server;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.jspecify.annotations.Nullable;

/**
 * A room identifier as the v2.0 document recommends ({@code Join.id}): case-insensitive, 4 to 8 letters and
 * digits, without easily confused symbols. The alphabet is {@value #ALPHABET}: the digits 2-9 and the upper-case
 * letters without {@code I}, {@code L} and {@code O} (confused with {@code 1} and {@code 0}, which are left out
 * too). The canonical form is upper case; {@link #parse} accepts either case, so {@code "k7pq"} and
 * {@code "K7PQ"} name the same room.
 *
 * @param value the canonical (upper-case) identifier
 */
public record RoomId(String value) implements Comparable<RoomId> {

    /** The symbols a room id is made of. */
    public static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    /** The shortest id. */
    public static final int MIN_LENGTH = 4;
    /** The longest id. */
    public static final int MAX_LENGTH = 8;

    /**
     * Checks the value is canonical.
     *
     * @param value the canonical identifier
     * @throws IllegalArgumentException if it is not 4 to 8 symbols of {@link #ALPHABET}
     */
    public RoomId {
        Objects.requireNonNull(value, "value");
        String problem = problem(value);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
    }

    /**
     * Reads an id in either case.
     *
     * @param text the text, e.g. a {@code Join.id} or a directory name
     * @return the id, or empty if the text is not a room id
     */
    public static Optional<RoomId> parse(String text) {
        if (text.length() < MIN_LENGTH || text.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        String upper = text.toUpperCase(Locale.ROOT);
        return problem(upper) == null ? Optional.of(new RoomId(upper)) : Optional.empty();
    }

    /**
     * Draws a new id of the given length, each symbol uniformly from {@link #ALPHABET}.
     *
     * @param random the source of randomness
     * @param length the length, 4 to 8
     * @return the id
     */
    public static RoomId random(RandomGenerator random, int length) {
        checkLength(length);
        char[] chars = new char[length];
        for (int i = 0; i < length; i++) {
            chars[i] = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
        }
        return new RoomId(new String(chars));
    }

    static void checkLength(int length) {
        if (length < MIN_LENGTH || length > MAX_LENGTH) {
            throw new IllegalArgumentException("a room id has " + MIN_LENGTH + " to " + MAX_LENGTH + " symbols, not " + length);
        }
    }

    private static @Nullable String problem(String value) {
        if (value.length() < MIN_LENGTH || value.length() > MAX_LENGTH) {
            return "a room id has " + MIN_LENGTH + " to " + MAX_LENGTH + " symbols, got " + value.length();
        }
        for (int i = 0; i < value.length(); i++) {
            if (ALPHABET.indexOf(value.charAt(i)) < 0) {
                return "a room id is made of " + ALPHABET + ", got '" + value + "'";
            }
        }
        return null;
    }

    /** {@return the order of the canonical ids}
     *
     * @param other the other id
     */
    @Override
    public int compareTo(RoomId other) {
        return value.compareTo(other.value);
    }

    /** {@return the canonical id} */
    @Override
    public String toString() {
        return value;
    }
}
