package dev.apwire.codec.changes;

/**
 * The result of decoding a frame that is valid JSON: a {@link DecodedPacket} or a {@link ShapeProblem}.
 *
 * @param <P> the packet type, {@link dev.apwire.changes.ChangesClientPacket} or
 *     {@link dev.apwire.changes.ChangesServerPacket}
 */
public sealed interface ChangesDecoded<P> permits DecodedPacket, ShapeProblem {
}
