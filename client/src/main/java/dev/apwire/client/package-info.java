/**
 * The ready Archipelago client: {@link dev.apwire.client.ArchipelagoClient}, a thin driver of the pure
 * {@link dev.apwire.session.ClientSession} on a {@link dev.apwire.client.Transport} (the JDK's own WebSocket by
 * default), with reconnects, request futures, listeners or polling, data storage handles, persisted progress
 * ({@link dev.apwire.client.ProgressStore}) and the Archipelago data package cache
 * ({@link dev.apwire.client.FileDataPackageCache}). The module's README has a quickstart; the class
 * documentation of {@code ArchipelagoClient} explains the threads, poll mode, reconnects and the
 * {@link dev.apwire.client.Intent} table.
 */
@NullMarked
package dev.apwire.client;

import org.jspecify.annotations.NullMarked;
