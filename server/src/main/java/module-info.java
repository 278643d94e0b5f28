/**
 * apwire server: a pure Archipelago server core. {@link dev.apwire.server.ArchipelagoRoom} serves one
 * multiworld; {@link dev.apwire.server.MultiworldFiles} reads one from the generator's {@code .archipelago}
 * files or apwire's JSON format; a driver (a WebSocket server) owns the sockets, threads and clock. No
 * sockets, no threads, no clock; the only I/O is reading a multiworld file the caller names.
 */
@SuppressWarnings("requires-automatic")
module dev.apwire.server {
    requires transitive dev.apwire.core;
    requires transitive dev.apwire.storage;
    requires dev.apwire.codec;
    requires static org.jspecify;
    // Razorvine pickle 1.5 has no module descriptor: its automatic module name comes from its jar, pickle-1.5.jar.
    requires pickle;

    exports dev.apwire.server;
}
