package dev.apwire.json;

import java.util.List;

/**
 * A JSON array.
 *
 * @param elements the elements, copied into an unmodifiable list
 */
public record JsonArray(List<JsonValue> elements) implements JsonValue {

    /** The empty array. */
    public static final JsonArray EMPTY = new JsonArray(List.of());

    /**
     * Copies the elements.
     *
     * @param elements the elements, copied into an unmodifiable list
     */
    public JsonArray {
        elements = List.copyOf(elements);
    }

    /**
     * {@return an array holding a copy of the elements}
     *
     * @param elements the elements
     */
    public static JsonArray of(List<? extends JsonValue> elements) {
        return elements.isEmpty() ? EMPTY : new JsonArray(List.copyOf(elements));
    }

    /**
     * {@return an array of the given elements}
     *
     * @param elements the elements
     */
    public static JsonArray of(JsonValue... elements) {
        return elements.length == 0 ? EMPTY : new JsonArray(List.of(elements));
    }

    /** {@return the number of elements} */
    public int size() {
        return elements.size();
    }

    /**
     * {@return the element at an index}
     *
     * @param index the index
     */
    public JsonValue get(int index) {
        return elements.get(index);
    }

    @Override
    public Kind kind() {
        return Kind.ARRAY;
    }

    @Override
    public boolean isTruthy() {
        return !elements.isEmpty();
    }
}
