package dev.sluice.account;

/** The two system policies a user can hold. */
public enum Policy {
    /** Every operation. */
    FULL_ACCESS,
    /** Read operations only. */
    READ_ONLY
}
