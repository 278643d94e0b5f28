/**
 * The JSON of the token changes protocol ({@link dev.apwire.changes}): {@link
 * dev.apwire.codec.changes.ChangesCodec} decodes text frames into packets or typed {@link
 * dev.apwire.codec.changes.ShapeProblem}s, throws {@link dev.apwire.codec.MalformedFrameException} for frames
 * that are not JSON within the limits, and encodes packets compactly, unknown fields included.
 */
@NullMarked
package dev.apwire.codec.changes;

import org.jspecify.annotations.NullMarked;
