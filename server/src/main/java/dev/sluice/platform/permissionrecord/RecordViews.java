package dev.sluice.platform.permissionrecord;

import java.util.Set;

/** The parts of a permission record as the wire shows them. */
final class RecordViews {

    record Period(String endTime, String type) {

        static Period of(Long expiresAt) {
            return expiresAt == null ? new Period(null, "LONG_TERM") : new Period(String.valueOf(expiresAt), "CUSTOM");
        }
    }

    record ProjectInfo(Long id, String name, String displayName, String env) {
    }

    static final String ROW_PERMISSION = "ROW_PERMISSION";

    record ResourceInfo(String type, String id, String name, String displayName, String env, ProjectInfo projectInfo) {

        /**
         * The resource as the caller may see it. A row-level permission's name is shown only to those who may manage
         * row-level permissions (the scope that sees every record); the others see its id, as ListRowPermissionByUserId
         * shows them their rules without the permission's name.
         */
        static ResourceInfo of(PermissionRecordStore.Scope scope, String type, String id, String name, Long projectId, String projectName,
                               String env) {
            return of(type, id, !scope.all() && ROW_PERMISSION.equals(type) ? null : name, projectId, projectName, env);
        }

        static ResourceInfo of(String type, String id, String name, Long projectId, String projectName, String env) {
            String shownEnv = env == null || env.isEmpty() ? null : env;
            ProjectInfo project = projectId == null ? null : new ProjectInfo(projectId, projectName, projectName, shownEnv);
            return new ResourceInfo(type, id, name, name, shownEnv, project);
        }
    }

    /** An account that holds or gave a permission: PERSONAL (a user), USER_GROUP, or PRODUCE (a production account). */
    record AccountRef(String id, String name, String type) {

        static AccountRef target(String targetType, String id, String name) {
            return new AccountRef(id, name, "USER".equals(targetType) ? "PERSONAL" : targetType);
        }
    }

    private static final Set<String> TABLE_TYPES = Set.copyOf(RecordQuery.Tab.TABLE.resourceTypes);

    private RecordViews() {
    }

    /** Records of single tables are granted table by table; other resources have no table scope. */
    static String authScope(String resourceType) {
        return TABLE_TYPES.contains(resourceType) ? "selectTable" : null;
    }
}
