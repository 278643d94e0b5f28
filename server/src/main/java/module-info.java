/**
 * apwire server: a pure Archipelago server core. {@link dev.apwire.server.ArchipelagoRoom} serves one
 * multiworld; a driver (a WebSocket server) owns the sockets, threads and clock. No I/O, no threads, no clock.
 */
module dev.apwire.server {
    requires transitive dev.apwire.core;
    requires transitive dev.apwire.storage;
    requires dev.apwire.codec;
    requires static org.jspecify;

    exports dev.apwire.server;
}
