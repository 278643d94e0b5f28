package dev.apwire.changes;

/** Something the driver does to a connection besides sending a packet: {@link PingAction} or {@link CloseAction}. */
public sealed interface Action permits PingAction, CloseAction {

    /** {@return the connection the action is for} */
    String token();
}
