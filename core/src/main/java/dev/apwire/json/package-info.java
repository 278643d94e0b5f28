/**
 * An immutable JSON value type for the parts of the protocol whose shape is free: {@code slot_data},
 * Bounce data, data storage values and echoed extra arguments.
 *
 * <p>Integers and floating point numbers never blur: {@code 1} is a {@link dev.apwire.json.JsonInt}
 * and {@code 1.0} a {@link dev.apwire.json.JsonFloat}, because the reference server's Python
 * semantics depend on the difference. Integers are exact at any size. Objects keep their key order.
 */
@NullMarked
package dev.apwire.json;

import org.jspecify.annotations.NullMarked;
