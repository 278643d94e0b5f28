/**
 * The server side of the Archipelago protocol: {@link dev.apwire.server.ArchipelagoRoom}, a pure state
 * machine for one room serving one {@link dev.apwire.server.Multiworld} (read from the generator's
 * {@code .archipelago} files or apwire's JSON format by {@link dev.apwire.server.MultiworldFiles}), following
 * {@code shared/spec/reference-server.md} and {@code shared/spec/server-features.md}.
 *
 * <h2>Theory of operation</h2>
 * A driver (a WebSocket server) owns the sockets, the threads and the clock, and calls the room from one
 * thread:
 * <ul>
 *   <li>connections: {@code open} on connect, {@code receive} per decoded command, {@code receiveInvalid} per
 *       command the codec rejected, {@code receiveMalformed} for an unusable frame, {@code close} on
 *       disconnect;</li>
 *   <li>time: {@code nextDeadline()} says when the room wants {@code onTimeout(now)} (a running countdown);</li>
 *   <li>administration: the typed operations ({@code release}, {@code collect}, {@code sendItem},
 *       {@code sendLocations}, {@code hint}, {@code setOption}, {@code allowRelease}, {@code setAlias},
 *       {@code countdown}, {@code serverChat}) or console lines for {@code console(line, now)}, which takes
 *       MultiServer's {@code /} commands; a client logged in with {@code !admin} reaches the same console;</li>
 *   <li>persistence: {@code changes()} grows with every change a save must hold; the driver writes
 *       {@code snapshot()} with {@link dev.apwire.server.RoomStateCodec} soon after (the example server writes
 *       before it sends the frames that acknowledge the change), at once after {@code pollSaveRequest()}, and
 *       at shutdown; {@code ArchipelagoRoom.restore} starts the room again from a {@link dev.apwire.server.RoomState}.</li>
 * </ul>
 * Each call returns a {@link dev.apwire.server.RoomStep}: frames to send (one
 * {@link dev.apwire.server.RoomDelivery} is one WebSocket frame; broadcasts share one packet list so the
 * driver can encode once) and connections to close ({@link dev.apwire.server.RoomClose}). The room owns no
 * socket, thread or clock; time comes in as {@code Instant now}, randomness (hint choice, password masks) as a
 * {@link java.util.random.RandomGenerator}.
 *
 * <p>Inside, the room is split by concern, each part package-private: {@code RoomRules} (the phase table:
 * what a connection may send before and after login), {@code RoomCore} (connections, the progress of each
 * (team, slot), hint tables, options, and the reference's output primitives), {@code SlotIndex} (what is
 * computed once per multiworld: names, groups both ways, where each item is placed, which locations hold
 * items for each receiver), {@code Progress} (item delivery with per-connection cursors, location checks,
 * release, collect, goal), {@code HintBook} (hints and the hint packets), {@code ChatCommands} ({@code !}
 * commands), {@code ServerCommands} ({@code /} commands and the admin operations), {@code Countdown} and
 * {@code CommandText} (shell splitting and fuzzy matching). Work per event is proportional to what changed:
 * a check touches the finder's hints and the receivers' connections only, and sends each connection the new
 * tail of its item list.
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
 *   <tr><td>a Connect to an item-link group's name passes and then crashes the connection</td>
 *       <td>refused with {@code InvalidSlot}</td></tr>
 *   <tr><td>a second Connect to another slot on the same socket closes it</td>
 *       <td>InvalidPacket ({@code arguments}, {@code Connect}); the socket stays logged in as before</td></tr>
 *   <tr><td>LocationScouts of a location the slot does not have closes the connection</td>
 *       <td>InvalidPacket ({@code arguments}, {@code LocationScouts}); nothing is sent or created</td></tr>
 *   <tr><td>CreateHints of a missing location in one's own slot closes the connection</td>
 *       <td>InvalidPacket ({@code arguments}, {@code CreateHints}); no hint is created</td></tr>
 *   <tr><td>a failing Set closes the connection, earlier in-place steps stay applied</td>
 *       <td>the {@link dev.apwire.storage.DataStore} rules: atomic, bounded, InvalidPacket</td></tr>
 *   <tr><td>a connection may send anything forever without logging in</td>
 *       <td>at most {@link dev.apwire.server.LoginLimits#maxPreLoginCommands()} commands besides Connect, then a
 *       close</td></tr>
 *   <tr><td>every wrong password is answered at once</td>
 *       <td>after a few failures of an address its Connects wait, unevaluated, a delay doubling per failure; a
 *       connection closes after repeated failures ({@link dev.apwire.server.LoginLimits})</td></tr>
 *   <tr><td>stored values, the store, keys, subscriptions and Get replies are unbounded</td>
 *       <td>bounded by {@link dev.apwire.storage.StorageLimits}; over a bound an InvalidPacket naming it</td></tr>
 *   <tr><td>a fatal packet problem (no {@code cmd}) always closes</td>
 *       <td>closes in strict mode ({@link dev.apwire.server.RoomConfig#strict()}, the default); lenient rooms
 *       only send the InvalidPacket</td></tr>
 *   <tr><td>a command that raises sends the whole Python traceback to the client</td>
 *       <td>the traceback's last line only, e.g. {@code ValueError: 4000 is invalid. Maximum is 1 hour.},
 *       {@code TypeError: ClientMessageProcessor._cmd_getitem() missing 1 required positional argument: 'item_name'}</td></tr>
 *   <tr><td>{@code " !admin login pw"} (leading space) and {@code "!ADMIN login pw"} are echoed to everyone
 *       with the password</td>
 *       <td>any Say whose first word is {@code !admin} in any case is echoed only in the masked form</td></tr>
 *   <tr><td>{@code /option} stores a mode as typed ({@code ENABLED} passes the check, then acts as goal and
 *       advertises permission 0)</td>
 *       <td>modes are stored lower-case, {@code auto_enabled} as {@code auto-enabled}; a negative hint cost is refused</td></tr>
 *   <tr><td>items from {@code !getitem}, {@code /send} and {@code /send_multiple} are not saved until something
 *       else changes</td><td>they are changes like any other (saved)</td></tr>
 *   <tr><td>a save that cannot be read is logged and replaced by a fresh game</td>
 *       <td>{@link dev.apwire.server.RoomStateException} or {@code IllegalArgumentException}; the example server
 *       stops and keeps the file</td></tr>
 *   <tr><td>fuzzy-match ties and hint choice follow hash order and a Python {@code random.Random} seeded with the
 *       seed name (its state saved)</td>
 *       <td>candidates in data-package order, then groups; hint choice from the room's
 *       {@link java.util.random.RandomGenerator}, not saved</td></tr>
 *   <tr><td>a paid hint on a location in no sphere raises KeyError (when the multiworld has spheres)</td>
 *       <td>such a location is paid last</td></tr>
 *   <tr><td>{@code /release} of a group raises</td><td>the Release broadcast only (a group has no locations)</td></tr>
 *   <tr><td>{@code /datastore} sizes are pickled sizes</td><td>the values' JSON sizes</td></tr>
 *   <tr><td>RoomInfo {@code games} is an unordered set</td><td>sorted</td></tr>
 *   <tr><td>RoomUpdate {@code checked_locations} after checks is unordered; {@code _read_hints} is unordered</td>
 *       <td>ascending; hints in the order the slot gained them</td></tr>
 *   <tr><td>GetDataPackage without {@code games} sends every installed world</td>
 *       <td>the room's games (including Archipelago)</td></tr>
 *   <tr><td>a client without permessage-deflate gets a warning PrintJSON</td>
 *       <td>not sent (the room does not know; the example server negotiates deflate)</td></tr>
 *   <tr><td>{@code !license} shows Archipelago's LICENSE file</td><td>apwire's MIT licence</td></tr>
 * </table>
 *
 * <p>Kept as the reference has them (not deviations): the {@code !players} broadcast in rooms of fewer than
 * 10 slots, {@code /forbid_release} only withdrawing an {@code /allow_release}, a restored save's options
 * overriding the multiworld's and the command line's, {@code /allow_release} not being saved, client
 * {@code !options} showing the join password, 0-based team numbers in {@code !status}.
 *
 * <p>Not implemented: the activity and connection timers (MultiServer saves them for WebHost's tracker and
 * its inactivity shutdown), WebHost's {@code !video}, the world's {@code hint_blacklist} (multiworld files do
 * not carry it), several teams in one multiworld (the state is keyed by (team, slot), but the generator writes
 * team 0 only, server-features.md §9.1).
 */
@NullMarked
package dev.apwire.server;

import org.jspecify.annotations.NullMarked;
