package dev.sluice.platform.usergroup;

/** Published inside the deleting transaction, so whatever refers to the group (row-level rules) goes with it. */
public record UserGroupDeleted(long tenantId, long userGroupId, long operatorUserId) {
}
