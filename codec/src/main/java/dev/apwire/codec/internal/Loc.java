package dev.apwire.codec.internal;

import org.jspecify.annotations.Nullable;

/**
 * Where a nested field sits ({@code items[3].player}), for problem texts. The text is built only
 * when a rule is broken, so the happy path pays a small allocation instead of string building.
 */
final class Loc {
    private final Object parent;
    private final int index;
    private final @Nullable String leaf;

    Loc(Object parent, int index, @Nullable String leaf) {
        this.parent = parent;
        this.index = index;
        this.leaf = leaf;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(String.valueOf(parent));
        if (index >= 0) {
            sb.append('[').append(index).append(']');
        }
        if (leaf != null) {
            sb.append('.').append(leaf);
        }
        return sb.toString();
    }
}
