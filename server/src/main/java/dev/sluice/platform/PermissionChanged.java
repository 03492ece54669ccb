package dev.sluice.platform;

import java.time.Instant;
import java.util.List;

/**
 * Published (as a Spring application event) whenever a permission is granted or revoked anywhere in the product: a
 * project role, a user-group membership, a data permission, a row-level rule. The platform keeps these as the
 * records that {@code ListResourcePermissions} and {@code ListResourcePermissionOperationLog} read.
 *
 * @param resourceType   what the permission is on, e.g. {@code PROJECT}, {@code TABLE}, {@code USER_GROUP}
 * @param projectId      the project the resource lives in, or null for tenant-wide resources
 * @param env            {@code DEV} or {@code PROD} where the resource has environments, else null
 * @param targetType     who received or lost it: {@code USER} or {@code USER_GROUP}
 * @param permissionTypes what was granted or revoked, e.g. {@code ["PROJECT_ADMIN"]}, {@code ["SELECT"]}
 * @param expiresAt      end of the grant, null when it does not expire
 */
public record PermissionChanged(long tenantId, Change change, String resourceType, String resourceId, String resourceName,
                                Long projectId, String projectName, String env, String targetType, String targetId,
                                String targetName, List<String> permissionTypes, Instant expiresAt, long operatorUserId,
                                String reason, Instant at) {

    public enum Change { GRANT, REVOKE }

    public PermissionChanged {
        permissionTypes = List.copyOf(permissionTypes);
    }
}
