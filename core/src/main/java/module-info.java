/**
 * apwire core: the immutable model of the Archipelago protocol (v1.0 and the v2.0 {@code Join}),
 * its JSON value type, and pure sessions. No I/O, no threads, no clock: time and randomness are
 * parameters.
 */
module dev.apwire.core {
    requires static transitive org.jspecify;

    exports dev.apwire.changes;
    exports dev.apwire.json;
    exports dev.apwire.protocol;
    exports dev.apwire.protocol.client;
    exports dev.apwire.protocol.server;
    exports dev.apwire.session;
}
