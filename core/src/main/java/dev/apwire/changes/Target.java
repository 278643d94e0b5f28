package dev.apwire.changes;

import java.util.List;

/**
 * Where a client packet goes: the {@code to} field, either the string {@code "server"} ({@link ServerTarget})
 * or a list of tokens that may contain the wildcard {@code "*"} ({@link TokensTarget}).
 */
public sealed interface Target permits ServerTarget, TokensTarget {

    /** {@return the target {@code "server"}} */
    static ServerTarget server() {
        return ServerTarget.INSTANCE;
    }

    /**
     * {@return a list of recipient tokens}
     *
     * @param tokens the tokens, possibly including {@link TokensTarget#WILDCARD}
     */
    static TokensTarget tokens(List<String> tokens) {
        return new TokensTarget(tokens);
    }

    /**
     * {@return a list of recipient tokens}
     *
     * @param tokens the tokens, possibly including {@link TokensTarget#WILDCARD}
     */
    static TokensTarget tokens(String... tokens) {
        return new TokensTarget(List.of(tokens));
    }
}
