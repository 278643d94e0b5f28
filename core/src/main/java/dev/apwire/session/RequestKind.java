package dev.apwire.session;

/** The requests whose answers the session correlates, with a deadline each. */
public enum RequestKind {
    /** {@code Get}, answered by {@code Retrieved}. */
    GET,
    /** {@code Set} with {@code want_reply}, answered by {@code SetReply}. */
    SET,
    /** {@code LocationScouts}, answered by {@code LocationInfo}. */
    LOCATION_SCOUTS
}
