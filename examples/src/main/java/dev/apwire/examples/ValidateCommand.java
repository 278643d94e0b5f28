package dev.apwire.examples;

/**
 * Placeholder for {@code apwire.jar validate}, which {@link Main} registers but which arrives with the
 * codec module (developed on another branch). It exists only so this module compiles on the
 * {@code storage} branch; on merge, the codec branch's real command replaces this file.
 */
final class ValidateCommand {

    private ValidateCommand() {
    }

    static int run(String[] args) {
        System.err.println("validate: not available in this build (it comes with the codec module)");
        return 2;
    }
}
