package dev.apwire.server;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An instance of one of the few classes a multiworld pickle may name ({@code NetUtils.NetworkSlot},
 * {@code NetUtils.SlotType}, ...), kept as its qualified class name and the arguments it was built from: the
 * fields of a named tuple ({@code NEWOBJ}) or the value of an enum ({@code REDUCE}). No Python or Java code of
 * the class runs.
 *
 * @param className the qualified class name, for example {@code NetUtils.NetworkSlot}
 * @param args the constructor arguments as unpickled
 */
record PickledObject(String className, List<@Nullable Object> args) {

    PickledObject {
        args = Collections.unmodifiableList(Arrays.asList(args.toArray()));
    }

    static PickledObject of(String className, @Nullable Object[] args) {
        return new PickledObject(className, Arrays.asList(args));
    }
}
