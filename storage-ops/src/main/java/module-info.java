/**
 * apwire storage-ops: the reference server's data storage operations computed exactly, with
 * bounds, and the data store behind {@code Get} / {@code Set} / {@code SetNotify}. Pure: no I/O,
 * no threads, no clock.
 */
module dev.apwire.storage {
    requires transitive dev.apwire.core;
    requires static org.jspecify;

    exports dev.apwire.storage;
}
