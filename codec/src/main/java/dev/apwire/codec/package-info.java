/**
 * The Archipelago JSON wire format: {@code dev.apwire.codec.ArchipelagoCodec} decodes text frames
 * into validated packets command by command and encodes packets exactly as the reference server
 * does; {@link dev.apwire.codec.JsonValues} reads and writes apwire's JSON values on Jackson's
 * streaming API.
 */
@NullMarked
package dev.apwire.codec;

import org.jspecify.annotations.NullMarked;
