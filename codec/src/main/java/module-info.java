/**
 * apwire codec: the Archipelago JSON wire format on Jackson 3's streaming API, and a Jackson module
 * for users' own mappers.
 */
module dev.apwire.codec {
    requires transitive dev.apwire.core;
    requires transitive tools.jackson.core;
    requires transitive tools.jackson.databind;
    requires static org.jspecify;

    exports dev.apwire.codec;
    exports dev.apwire.codec.changes;
    exports dev.apwire.codec.jackson;
}
