/**
 * Server-to-client packets: the sealed {@link dev.apwire.protocol.server.ServerPacket} family, one
 * record per command, and {@link dev.apwire.protocol.server.ServerCommand}, where each wire name is
 * written once.
 */
@NullMarked
package dev.apwire.protocol.server;

import org.jspecify.annotations.NullMarked;
