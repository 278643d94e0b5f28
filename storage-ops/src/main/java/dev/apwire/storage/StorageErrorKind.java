package dev.apwire.storage;

/**
 * Why a data storage operation or a {@code Set} failed. Each kind lists the Python exception the
 * reference server raises in the same situation, when there is one.
 */
public enum StorageErrorKind {
    /** The operation name is not one of the 18 ({@code KeyError} in the reference). */
    UNKNOWN_OPERATION,
    /** An operation entry is not an object, or lacks {@code operation} or {@code value} ({@code KeyError} / {@code TypeError}). */
    MALFORMED_OPERATION,
    /** The operand types do not support the operation ({@code TypeError}, or {@code AttributeError} for a non-container). */
    TYPE_MISMATCH,
    /** An operand has the right type but an unusable value: a bad format string, a bad update pair ({@code ValueError} / {@code KeyError}). */
    INVALID_VALUE,
    /** A {@code pop} index is out of range ({@code IndexError}). */
    INDEX_OUT_OF_RANGE,
    /** Division or modulo by zero, or zero to a negative power ({@code ZeroDivisionError}). */
    DIVISION_BY_ZERO,
    /** A shift by a negative count ({@code ValueError}). */
    NEGATIVE_SHIFT,
    /** The result would exceed the {@link StorageLimits}; the reference would stall, run out of memory or store an unsendable value. */
    TOO_LARGE,
    /** The float result is infinite; the reference raises {@code OverflowError} or stores a bare {@code Infinity}. */
    NOT_FINITE,
    /** The result would be a complex number (a negative base to a fractional power); the reference stores an unsendable value. */
    COMPLEX_RESULT,
    /** The key starts with {@code _read_} and cannot be set. */
    READ_ONLY_KEY,
    /** A key is longer than {@link StorageLimits#maxKeyLength()}; the reference accepts any key. */
    KEY_TOO_LONG,
    /** Storing the result would take the store over {@link StorageLimits#maxTotalBytes()}. */
    STORE_FULL,
    /** A {@code SetNotify} would give the connection more than {@link StorageLimits#maxSubscriptions()} keys. */
    TOO_MANY_SUBSCRIPTIONS,
    /** A {@code Retrieved} reply would be larger than {@link StorageLimits#maxReplyBytes()}. */
    REPLY_TOO_LARGE
}
