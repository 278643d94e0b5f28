package dev.apwire.examples;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Entry point of {@code apwire.jar}: {@code java -jar apwire.jar <command> [options]}.
 *
 * <p>Each command is a small program over the apwire library; see {@link #COMMANDS}.
 */
public final class Main {

    /** A runnable sub-command: takes its arguments, returns the process exit status. */
    @FunctionalInterface
    interface Command {
        int run(String[] args) throws Exception;
    }

    /** The commands, in the order {@code help} lists them. */
    static final Map<String, Command> COMMANDS = new LinkedHashMap<>();

    static {
        COMMANDS.put("validate", ValidateCommand::run);
        COMMANDS.put("relay", RelayCommand::run);
        COMMANDS.put("storage", StorageCommand::run);
        COMMANDS.put("client", TextClientCommand::run);
        COMMANDS.put("server", ExampleServerCommand::run);
    }

    private Main() {
    }

    /**
     * Runs a command.
     *
     * @param args the command name followed by its arguments
     * @throws Exception when the command fails unexpectedly
     */
    public static void main(String[] args) throws Exception {
        if (System.getProperty("slf4j.internal.verbosity") == null) {
            // Jetty logs through SLF4J and the jar bundles no provider: keep its start-up notice quiet.
            System.setProperty("slf4j.internal.verbosity", "ERROR");
        }
        System.exit(run(args, System.err));
    }

    static int run(String[] args, PrintStream err) throws Exception {
        if (args.length == 0 || args[0].equals("help") || args[0].equals("--help")) {
            err.println("usage: java -jar apwire.jar <command> [options]");
            err.println("commands: " + String.join(", ", COMMANDS.keySet()));
            return args.length == 0 ? 2 : 0;
        }
        Command command = COMMANDS.get(args[0]);
        if (command == null) {
            err.println("unknown command '" + args[0] + "'; commands: " + String.join(", ", COMMANDS.keySet()));
            return 2;
        }
        return command.run(Arrays.copyOfRange(args, 1, args.length));
    }
}
