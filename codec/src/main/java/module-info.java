/**
 * apwire codec: the Archipelago JSON wire format on Jackson 3's streaming API, and a Jackson module
 * for users' own mappers.
 *
 * <p>Decoding and encoding need {@code tools.jackson.core} alone. {@code tools.jackson.databind} is
 * optional ({@code requires static}, not {@code transitive}, which would make every module that reads
 * this one need databind to compile): only {@link dev.apwire.codec.jackson.ApwireModule} uses it, so an
 * application that uses that class adds {@code jackson-databind} to its own dependencies and, as a
 * named module, {@code requires tools.jackson.databind}.
 */
module dev.apwire.codec {
    requires transitive dev.apwire.core;
    requires transitive tools.jackson.core;
    requires static tools.jackson.databind;
    requires static org.jspecify;

    exports dev.apwire.codec;
    exports dev.apwire.codec.changes;
    exports dev.apwire.codec.jackson;
}
