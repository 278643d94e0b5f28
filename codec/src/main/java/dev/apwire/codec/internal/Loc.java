package dev.apwire.codec.internal;

import org.jspecify.annotations.Nullable;

/**
 * Where a nested field sits ({@code items[3].player}), for problem texts. The text is built only
 * when a rule is broken, so the happy path pays a small allocation instead of string building.
 * A list reader keeps one {@code Loc} and moves its index from element to element ({@link #at}):
 * a problem's text is built when it is thrown, so a {@code Loc} is never read after its element.
 * Not thread-safe (it lives within one decode).
 */
final class Loc {
    private final Object parent;
    private int index;
    private final @Nullable String leaf;

    Loc(Object parent, int index, @Nullable String leaf) {
        this.parent = parent;
        this.index = index;
        this.leaf = leaf;
    }

    /**
     * {@return this place, moved to element {@code index} of its parent}
     *
     * @param index the element's index
     */
    Loc at(int index) {
        this.index = index;
        return this;
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
