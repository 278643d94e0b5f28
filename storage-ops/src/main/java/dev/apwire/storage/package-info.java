/**
 * Data storage: the 18 operations of a {@code Set} with the reference server's Python semantics
 * ({@link dev.apwire.storage.StorageOperations}), their typed errors
 * ({@link dev.apwire.storage.StorageException}) and size bounds ({@link dev.apwire.storage.StorageLimits}),
 * and the room's store answering {@code Get}, {@code Set} and {@code SetNotify}
 * ({@link dev.apwire.storage.DataStore}).
 *
 * <p>Semantics follow {@code shared/spec/reference-server.md} §1; where the reference server crashes,
 * stalls or stores unsendable values, apwire reports a typed error instead (see the module README's
 * compatibility notes).
 */
@NullMarked
package dev.apwire.storage;

import org.jspecify.annotations.NullMarked;
