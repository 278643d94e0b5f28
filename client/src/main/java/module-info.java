/**
 * apwire client: the ready Archipelago client, a thin driver of the pure
 * {@code dev.apwire.session.ClientSession} on a WebSocket (the JDK's {@code java.net.http} by default).
 */
module dev.apwire.client {
    requires transitive dev.apwire.core;
    requires dev.apwire.codec;
    requires transitive java.net.http;
    requires static org.jspecify;

    exports dev.apwire.client;
}
