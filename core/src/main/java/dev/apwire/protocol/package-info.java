/**
 * The types shared by Archipelago packets: items, players, slots, hints, message parts, versions,
 * the data package, and the protocol's open enumerations.
 *
 * <p>Open enumerations ({@link dev.apwire.protocol.HintStatus}, {@link dev.apwire.protocol.PrintJsonType}, ...)
 * are small records with named constants: an unknown wire value is kept as a value, never dropped
 * and never an error. Every record validates in its constructor (ids within
 * &plusmn;(2<sup>53</sup>&minus;1), slots and indexes non-negative) and copies its collections.
 */
@NullMarked
package dev.apwire.protocol;

import org.jspecify.annotations.NullMarked;
