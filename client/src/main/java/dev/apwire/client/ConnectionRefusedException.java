package dev.apwire.client;

import dev.apwire.protocol.ConnectionRefusedError;
import java.util.List;

/**
 * The server refused the login ({@code ConnectionRefused}): the reasons it gave. The client stays logged out
 * until {@link ArchipelagoClient#retry(String)}.
 */
public final class ConnectionRefusedException extends ArchipelagoClientException {

    private static final long serialVersionUID = 1L;

    /** The reasons; a list of immutable values. */
    @SuppressWarnings("serial")
    private final List<ConnectionRefusedError> errors;

    /**
     * An exception.
     *
     * @param errors the reasons, empty when the server gave none
     */
    public ConnectionRefusedException(List<ConnectionRefusedError> errors) {
        super("the server refused the login: " + (errors.isEmpty() ? "no reason given" : names(errors)));
        this.errors = List.copyOf(errors);
    }

    private static String names(List<ConnectionRefusedError> errors) {
        StringBuilder b = new StringBuilder();
        for (ConnectionRefusedError e : errors) {
            b.append(b.length() == 0 ? "" : ", ").append(e.name());
        }
        return b.toString();
    }

    /** {@return the reasons the server gave, empty when none} */
    public List<ConnectionRefusedError> errors() {
        return errors;
    }
}
