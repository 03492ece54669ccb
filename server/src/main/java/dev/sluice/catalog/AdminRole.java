package dev.sluice.catalog;

/**
 * Administrator roles an operation can be restricted to. The generator reads them from the restriction sentences
 * of the reference descriptions; an operation with no roles is open to anyone its policy allows.
 */
public enum AdminRole {
    SUPER_ADMIN,
    SYSTEM_ADMIN,
    TENANT_ADMIN,
    DATA_ADMIN,
    BUSINESS_UNIT_ADMIN,
    PROJECT_ADMIN,
    DATA_SOURCE_ADMIN,
    OPERATIONS_ADMIN,
    /** The owner of the resource the call acts on. */
    OWNER
}
