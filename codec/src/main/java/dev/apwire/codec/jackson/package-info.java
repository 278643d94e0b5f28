/**
 * A Jackson module ({@link dev.apwire.codec.jackson.ApwireModule}) so users can read and write apwire
 * packets and JSON values with their own {@code ObjectMapper}.
 *
 * <p>This package is the only user of {@code jackson-databind}, which apwire-codec declares
 * optional: add {@code tools.jackson.core:jackson-databind} to your own dependencies to use it (and
 * {@code requires tools.jackson.databind;} in a named module). The rest of the codec runs on
 * {@code jackson-core} alone.
 */
@NullMarked
package dev.apwire.codec.jackson;

import org.jspecify.annotations.NullMarked;
