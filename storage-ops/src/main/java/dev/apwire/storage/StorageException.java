package dev.apwire.storage;

import dev.apwire.protocol.OperationType;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A data storage operation or {@code Set} that cannot be applied. The stored value is never changed
 * when this is thrown. The message is {@code "<operation>: <reason>"}, for example
 * {@code "add: unsupported operand type(s) for +: 'list' and 'int'"}; for problems not tied to one
 * operation it is {@code "operations: <reason>"} or {@code "Set: <reason>"}.
 */
public final class StorageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The prefix of messages about the operations list as a whole. */
    static final String OPERATIONS = "operations";

    /** The failing operation's name, or {@code null} when the problem is not tied to one operation. */
    private final @Nullable String operation;
    /** Why it failed. */
    private final StorageErrorKind kind;
    /** The reason, without the operation name. */
    private final String reason;

    /**
     * Creates the exception.
     *
     * @param operation the failing operation, or {@code null} when the problem is not tied to one
     * @param kind why it failed
     * @param reason the reason, without the operation name
     */
    public StorageException(@Nullable OperationType operation, StorageErrorKind kind, String reason) {
        super((operation != null ? operation.name() : OPERATIONS) + ": " + reason, null, false, false);
        this.operation = operation != null ? operation.name() : null;
        this.kind = Objects.requireNonNull(kind, "kind");
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /**
     * Creates an exception about a whole {@code Set} request rather than one of its operations.
     *
     * @param kind why it failed
     * @param reason the reason
     * @return the exception, whose message is {@code "Set: <reason>"}
     */
    static StorageException forRequest(StorageErrorKind kind, String reason) {
        return new StorageException(kind, reason, "Set: " + reason);
    }

    private StorageException(StorageErrorKind kind, String reason, String message) {
        super(message, null, false, false);
        this.operation = null;
        this.kind = kind;
        this.reason = reason;
    }

    /** {@return the failing operation, or {@code null} when the problem is not tied to one operation} */
    public @Nullable OperationType operation() {
        return operation != null ? OperationType.of(operation) : null;
    }

    /** {@return why it failed} */
    public StorageErrorKind kind() {
        return kind;
    }

    /** {@return the reason, without the operation name} */
    public String reason() {
        return reason;
    }
}
