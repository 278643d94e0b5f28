package dev.apwire.storage;

import dev.apwire.protocol.server.SetReplyPacket;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * A {@code SetReply} and the connections that receive it, one copy each: the key's subscribers
 * (in subscription order) and then the sender when it asked for a reply. The set may be empty,
 * in which case the value was still stored and nothing is sent (§1.2 step 8).
 *
 * @param reply the packet to send
 * @param recipients the connections to send it to, each once, in a stable order
 * @param <C> the connection id type of the {@link DataStore}
 */
public record Delivery<C>(SetReplyPacket reply, Set<C> recipients) implements SetResult<C> {

    /**
     * Checks the fields and copies the recipients, keeping their order.
     *
     * @param reply the packet to send
     * @param recipients the connections to send it to, each once, in a stable order
     */
    public Delivery {
        Objects.requireNonNull(reply, "reply");
        recipients = Collections.unmodifiableSet(new LinkedHashSet<>(recipients));
    }
}
