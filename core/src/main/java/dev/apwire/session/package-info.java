/**
 * Pure protocol sessions. {@link dev.apwire.session.ClientSession} is an Archipelago client
 * without a socket: it takes decoded server packets and local intents, each with {@code now},
 * and returns a {@link dev.apwire.session.Step} of packets to send and
 * {@link dev.apwire.session.SessionEvent events}. It never starts a thread, opens a socket,
 * reads a clock or calls back into user code (only into the {@link dev.apwire.session.DataPackageCache}
 * it was given).
 *
 * <p>The module {@code dev.apwire.client} ({@code apwire-client}) is a ready driver of this session on a
 * WebSocket; the loop below is what it does, for a game that wants to own its I/O.
 *
 * <h2>Driving a session from a game loop</h2>
 * <pre>{@code
 * ClientSession session = new ClientSession(ClientConfig.builder("Alice", "Pebble Quest", savedUuid)
 *         .password("sesame")
 *         .lastProcessedIndex(save.lastItemIndex())      // items at or below it are not delivered again
 *         .pendingChecks(save.unsentChecks())            // the outbox the last run left behind
 *         .random(new SplittableRandom(seed))             // correlation ids
 *         .build());
 *
 * // transport callbacks just queue; the game loop does the rest on its own thread
 * apply(session.connected(clock.instant()));
 * while (running) {
 *     Instant now = clock.instant();
 *     for (ServerPacket p : socket.drainDecoded()) {
 *         apply(session.receive(p, now));
 *     }
 *     if (player.openedChest()) {
 *         apply(session.checkLocations(List.of(chest.locationId()), now));
 *     }
 *     Optional<Instant> deadline = session.nextDeadline();
 *     if (deadline.isPresent() && !now.isBefore(deadline.get())) {
 *         apply(session.onTimeout(now));
 *     }
 *     if (socket.closed()) {
 *         apply(session.disconnected(now));         // later: session.connected(now) on a new socket
 *     }
 * }
 *
 * void apply(Step step) {
 *     if (!step.send().isEmpty()) {                  // most steps send nothing: no empty [] frame
 *         socket.send(codec.encodeClientFrame(step.send()));   // dev.apwire.codec.ArchipelagoCodec
 *     }
 *     for (SessionEvent e : step.events()) {
 *         if (e instanceof ItemsReceived items) {
 *             items.items().forEach(game::give);
 *             save.lastItemIndex(items.lastIndex());
 *         } else if (e instanceof MessagePrinted m) {
 *             chat.show(m.text());
 *         } else if (e instanceof DeathLinkReceived) {
 *             game.killPlayer();
 *         }
 *     }
 *     save.unsentChecks(session.outbox());
 *     if (step.close() != null) {
 *         socket.close();
 *     }
 * }
 * }</pre>
 */
@NullMarked
package dev.apwire.session;

import org.jspecify.annotations.NullMarked;
