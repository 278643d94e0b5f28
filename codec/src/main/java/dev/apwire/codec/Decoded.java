package dev.apwire.codec;

import dev.apwire.protocol.server.InvalidPacket;
import java.util.Objects;

/**
 * The result of decoding one command of a frame: the packet, or the problem that stopped it.
 *
 * @param <P> the packet family ({@code ClientPacket} or {@code ServerPacket})
 */
public sealed interface Decoded<P> permits Decoded.Ok, Decoded.Problem {

    /** {@return the position of the command in its frame, from 0} */
    int index();

    /**
     * A command decoded into its packet.
     *
     * @param index the position of the command in its frame
     * @param packet the packet
     * @param <P> the packet family
     */
    record Ok<P>(int index, P packet) implements Decoded<P> {
        /**
         * Checks the fields.
         *
         * @param index the position of the command in its frame
         * @param packet the packet
         */
        public Ok {
            Objects.requireNonNull(packet, "packet");
        }
    }

    /**
     * A command that broke a rule, described as the protocol's {@code InvalidPacket}: type {@code cmd}
     * or {@code arguments}, the {@code original_cmd}, and a text naming the field and the rule. A
     * server can send it back as is.
     *
     * @param index the position of the command in its frame
     * @param invalidPacket the problem
     * @param fatal whether the reference server closes the connection after this problem (an element
     *     that is not an object, or an object without {@code cmd})
     * @param <P> the packet family
     */
    record Problem<P>(int index, InvalidPacket invalidPacket, boolean fatal) implements Decoded<P> {
        /**
         * Checks the fields.
         *
         * @param index the position of the command in its frame
         * @param invalidPacket the problem
         * @param fatal whether the reference server closes the connection after this problem
         */
        public Problem {
            Objects.requireNonNull(invalidPacket, "invalidPacket");
        }
    }
}
