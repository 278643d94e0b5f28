/**
 * Client-to-server packets: the sealed {@link dev.apwire.protocol.client.ClientPacket} family, one
 * record per command, and {@link dev.apwire.protocol.client.ClientCommand}, where each wire name is
 * written once.
 */
@NullMarked
package dev.apwire.protocol.client;

import org.jspecify.annotations.NullMarked;
