package dev.apwire.session;

import java.util.Objects;

/**
 * An instruction to the driver: close the transport, then call {@link ClientSession#disconnected(java.time.Instant)}.
 *
 * @param reason why, naming the broken rule
 */
public record Close(String reason) {

    /**
     * Checks the reason is present.
     *
     * @param reason why
     */
    public Close {
        Objects.requireNonNull(reason, "reason");
    }
}
