/**
 * A Jackson module ({@link dev.apwire.codec.jackson.ApwireModule}) so users can read and write apwire
 * packets and JSON values with their own {@code ObjectMapper}.
 */
@NullMarked
package dev.apwire.codec.jackson;

import org.jspecify.annotations.NullMarked;
