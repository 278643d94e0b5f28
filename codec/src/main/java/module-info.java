/**
 * apwire codec: the Archipelago JSON wire format on Jackson 3's streaming API, and a Jackson module
 * for users' own mappers.
 *
 * <p>Decoding and encoding need {@code tools.jackson.core} alone. {@code tools.jackson.databind} is
 * optional ({@code requires static}; {@code transitive} because {@link dev.apwire.codec.jackson.ApwireModule}
 * extends its {@code SimpleModule}): only that class uses it, so an application that uses it adds
 * {@code jackson-databind} to its own dependencies and, as a named module,
 * {@code requires tools.jackson.databind}.
 */
module dev.apwire.codec {
    requires transitive dev.apwire.core;
    requires transitive tools.jackson.core;
    requires static transitive tools.jackson.databind;
    requires static org.jspecify;

    exports dev.apwire.codec;
    exports dev.apwire.codec.changes;
    exports dev.apwire.codec.jackson;
}
