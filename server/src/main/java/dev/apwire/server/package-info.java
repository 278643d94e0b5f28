/**
 * The server side of the Archipelago protocol: {@link dev.apwire.server.ArchipelagoRoom}, a pure state
 * machine for one room serving one {@link dev.apwire.server.Multiworld}, following
 * {@code shared/spec/reference-server.md}.
 *
 * <h2>Theory of operation</h2>
 * A driver (a WebSocket server) decodes each text frame with the codec and feeds the room: {@code open} on
 * connect, {@code receive} per decoded command, {@code receiveInvalid} per command the codec rejected,
 * {@code receiveMalformed} for an unusable frame, {@code close} on disconnect. Each call returns a
 * {@link dev.apwire.server.RoomStep}: frames to send (one {@link dev.apwire.server.RoomDelivery} is one
 * WebSocket frame; broadcasts share one packet list so the driver can encode once) and connections to close
 * ({@link dev.apwire.server.RoomClose}). The room owns no socket, thread or clock; time comes in as
 * {@code Instant now}.
 *
 * <h2>Many rooms on one address (protocol v2.0)</h2>
 * {@link dev.apwire.server.RoomHost} is the pure v2.0 host: a connection that accepted the {@code v2.0}
 * subprotocol gets nothing until its {@code Join}; a valid {@code Join} hands it to that room (whose
 * {@code RoomInfo} answers), an invalid one closes it with no further information; a connection without
 * {@code v2.0} joins the configured default room, or is closed when there is none. Rooms, named by
 * case-insensitive {@link dev.apwire.server.RoomId}s the host assigns, are loaded on demand from a
 * {@link dev.apwire.server.RoomStore} ({@link dev.apwire.server.DirectoryRoomStore}: one directory per room) and
 * saved and unloaded when idle. The host only decides; the driver runs each room on its own thread or serial
 * executor and does the store's I/O.
 *
 * <h2>Deviations from the reference server</h2>
 * <table>
 *   <caption>Where the room does the safe thing instead</caption>
 *   <tr><th>reference behaviour</th><th>apwire room</th></tr>
 *   <tr><td>ConnectionRefused errors in hash-random order</td>
 *       <td>fixed order: InvalidPassword, InvalidSlot, InvalidGame, IncompatibleVersion, InvalidItemsHandling</td></tr>
 *   <tr><td>a second Connect to another slot on the same socket closes it</td>
 *       <td>InvalidPacket ({@code arguments}, {@code Connect}); the socket stays logged in as before</td></tr>
 *   <tr><td>LocationScouts of a location the slot does not have closes the connection</td>
 *       <td>InvalidPacket ({@code arguments}, {@code LocationScouts}); nothing is sent or created</td></tr>
 *   <tr><td>CreateHints of a missing location in one's own slot closes the connection</td>
 *       <td>InvalidPacket ({@code arguments}, {@code CreateHints}); no hint is created</td></tr>
 *   <tr><td>a failing Set closes the connection, earlier in-place steps stay applied</td>
 *       <td>the {@link dev.apwire.storage.DataStore} rules: atomic, bounded, InvalidPacket</td></tr>
 *   <tr><td>a fatal packet problem (no {@code cmd}) always closes</td>
 *       <td>closes in strict mode ({@link dev.apwire.server.RoomConfig#strict()}, the default); lenient rooms
 *       only send the InvalidPacket</td></tr>
 *   <tr><td>RoomInfo {@code games} is an unordered set</td><td>sorted</td></tr>
 *   <tr><td>RoomUpdate {@code checked_locations} after checks is unordered; {@code _read_hints} is unordered</td>
 *       <td>ascending; hints in creation order</td></tr>
 *   <tr><td>GetDataPackage without {@code games} sends every installed world</td>
 *       <td>the room's games (including Archipelago)</td></tr>
 *   <tr><td>a client without permessage-deflate gets a warning PrintJSON</td>
 *       <td>not sent (the room does not know; the example server negotiates deflate)</td></tr>
 * </table>
 *
 * <p>Not implemented: release, collect (also the "auto" modes on goal), {@code !hint <item>} with hint
 * points spent, other {@code !} commands than help/hint/players/missing/checked, admin commands, countdown,
 * aliases, item-link group fan-out, several teams, persistence of progress (data storage has
 * {@link dev.apwire.storage.DataStore#snapshot()}), the activity timer.
 */
@NullMarked
package dev.apwire.server;

import org.jspecify.annotations.NullMarked;
