package dev.apwire.client;

/** A registered listener or watch; {@link #close()} removes it. Thread-safe and idempotent. */
@FunctionalInterface
public interface Subscription extends AutoCloseable {

    /** Removes the listener; later events no longer reach it. */
    @Override
    void close();
}
