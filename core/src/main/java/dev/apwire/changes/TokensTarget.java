package dev.apwire.changes;

import java.util.List;

/**
 * A list of recipient tokens, as sent; may hold {@link #WILDCARD}, duplicates or tokens that are not open.
 * The hub resolves it (see the package documentation).
 *
 * @param tokens the tokens, copied into an unmodifiable list
 */
public record TokensTarget(List<String> tokens) implements Target {

    /** The wildcard token: every open connection, the sender included. */
    public static final String WILDCARD = "*";

    /**
     * Copies the tokens.
     *
     * @param tokens the tokens, copied into an unmodifiable list
     * @throws NullPointerException if the list or a token is null
     */
    public TokensTarget {
        tokens = List.copyOf(tokens);
    }
}
