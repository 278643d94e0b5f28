package dev.apwire.protocol;

import dev.apwire.json.JsonObject;
import java.util.Objects;

/**
 * A software version ({@code NetworkVersion}, written with {@code "class":"Version"}).
 *
 * @param major the major number, &gt;= 0
 * @param minor the minor number, &gt;= 0
 * @param build the build number, &gt;= 0
 * @param extras the fields the protocol does not define, kept in order and written back unchanged
 */
public record NetworkVersion(
        int major,
        int minor,
        int build,
        JsonObject extras) implements Comparable<NetworkVersion> {

    /**
     * Checks every field and copies collections.
     *
     * @param major the major number, &gt;= 0
     * @param minor the minor number, &gt;= 0
     * @param build the build number, &gt;= 0
     * @param extras the fields the protocol does not define, kept in order and written back unchanged
     */
    public NetworkVersion {
        Checks.nonNegative(major, "major");
        Checks.nonNegative(minor, "minor");
        Checks.nonNegative(build, "build");
        Objects.requireNonNull(extras, "extras");
    }

    /**
     * Creates the record with no extra fields.
     *
     * @param major the major number, &gt;= 0
     * @param minor the minor number, &gt;= 0
     * @param build the build number, &gt;= 0
     */
    public NetworkVersion(int major, int minor, int build) {
        this(major, minor, build, JsonObject.EMPTY);
    }

    /**
     * Orders versions as the reference server does: by major, then minor, then build.
     *
     * @param other the other version
     * @return negative, zero or positive
     */
    @Override
    public int compareTo(NetworkVersion other) {
        int c = Integer.compare(major, other.major);
        if (c == 0) {
            c = Integer.compare(minor, other.minor);
        }
        return c != 0 ? c : Integer.compare(build, other.build);
    }

    @Override
    public String toString() {
        return major + "." + minor + "." + build;
    }
}
