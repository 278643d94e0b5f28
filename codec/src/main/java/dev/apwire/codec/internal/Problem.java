package dev.apwire.codec.internal;

import dev.apwire.protocol.PacketProblemType;

/**
 * A rule a command broke; thrown inside a command reader and turned into an {@code InvalidPacket}
 * next to the command's siblings. Carries no stack trace: it is control flow, not a bug.
 */
final class Problem extends RuntimeException {
    private static final long serialVersionUID = 1L;

    final PacketProblemType type;

    Problem(PacketProblemType type, String text) {
        super(text, null, false, false);
        this.type = type;
    }

    static Problem arguments(String text) {
        return new Problem(PacketProblemType.ARGUMENTS, text);
    }

    static Problem cmd(String text) {
        return new Problem(PacketProblemType.CMD, text);
    }
}
