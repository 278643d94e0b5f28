package dev.apwire.changes;

/** The target {@code "server"}: the packet is for the hub itself (in this protocol, a {@code changes} packet). */
public record ServerTarget() implements Target {

    /** The wire value of {@code to} for this target. */
    public static final String WIRE = "server";

    /** The only instance needed; every instance is equal to it. */
    public static final ServerTarget INSTANCE = new ServerTarget();
}
