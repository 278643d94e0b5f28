package dev.apwire.server;

import java.util.List;
import java.util.Objects;

/**
 * What one console line did: the text the console prints (MultiServer's {@code ServerCommandProcessor}
 * output, one entry per output call) and the step for the connections.
 *
 * @param output the console output, in order
 * @param step the frames to send
 * @param <C> the connection id type
 */
public record ConsoleResult<C>(List<String> output, RoomStep<C> step) {

    /**
     * Copies the output.
     *
     * @param output the console output
     * @param step the step
     */
    public ConsoleResult {
        output = List.copyOf(output);
        Objects.requireNonNull(step, "step");
    }
}
