package dev.apwire.examples;

/**
 * Placeholder so the examples module compiles on this branch: Main registers {@code validate}, whose real
 * implementation is being written on main. Drop this file in favour of main's when merging.
 */
final class ValidateCommand {

    private ValidateCommand() {
    }

    static int run(String[] args) {
        System.err.println("validate: not available on this branch");
        return 2;
    }
}
