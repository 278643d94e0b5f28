package dev.apwire.changes;

/** One entry of a {@code changes} packet's {@code data} array. */
public sealed interface Change permits OpenChange, CloseChange, MetadataChange, PropertiesChange, UnknownChange {

    /** {@return the token the change is about} */
    String token();

    /** {@return the kind of change} */
    ChangeKind kind();
}
