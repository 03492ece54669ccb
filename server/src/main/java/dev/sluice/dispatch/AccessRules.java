package dev.sluice.dispatch;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Who may call each implemented operation, in one table: the rule its handler (or the admission chain's
 * {@code AdminRule}, for operations the catalog reserves to super and system administrators) enforces, checked against
 * the contract's description of the operation. Every call also needs a signed key of the tenant's account, a member
 * of the tenant, and a policy that allows the call (read-only keys only read); the table says what comes on top.
 *
 * <p>A test keeps the table honest: every handler has exactly one row, and no row is weaker than the catalog's
 * administrator restriction. When a handler's rule changes, its row changes with it.
 */
public final class AccessRules {

    /** The least a caller must be, from the weakest to the strongest. */
    public enum Who {
        /** The caller's own account or user: its usage, bills, roles and tenants. */
        SELF,
        /** Any member of the tenant; objects are always those of the caller's tenant. */
        MEMBER,
        /** An administrator of the object (a group's administrators, a project's administrators, a source's owner) or a tenant administrator. */
        OBJECT_ADMIN,
        /** A project administrator of any project of the tenant, or a tenant administrator. */
        PROJECT_ADMIN,
        /** A super, system or security administrator: those who manage row-level permissions and see every permission record. */
        SECURITY_ADMIN,
        /** A super or system administrator (a tenant administrator). */
        TENANT_ADMIN,
        /** A super administrator. */
        SUPER_ADMIN
    }

    /** @param detail what the rule adds to {@code who}, and why where the contract names no rule */
    public record Rule(Who who, String detail) {
    }

    private static final Map<String, Rule> RULES = new LinkedHashMap<>();

    private static void rule(String action, Who who, String detail) {
        if (RULES.put(action, new Rule(who, detail)) != null) throw new IllegalStateException(action + " has two rows");
    }

    static {
        // --- tenant members and global roles ---
        rule("AddTenantMembers", Who.TENANT_ADMIN, "as the contract says; only a super administrator may give SYSTEM_ADMIN");
        rule("AddTenantMembersBySourceUser", Who.TENANT_ADMIN, "the contract names no rule, but it creates users of the account, like AddTenantMembers");
        rule("UpdateTenantMember", Who.TENANT_ADMIN, "as the contract says; a super administrator is changed (roles, contact) only by a super "
                + "administrator, only a super administrator appoints or dismisses system administrators, and the super administrator role is never given or taken");
        rule("RemoveTenantMember", Who.TENANT_ADMIN, "as the contract says; a super administrator, or a system administrator other than the caller, "
                + "is removed only by a super administrator; the tenant's owner and its last super administrator are never removed");
        rule("ListAddableUsers", Who.TENANT_ADMIN, "as the contract says");
        rule("ListAddableRoles", Who.MEMBER, "the contract names no rule; the list of built-in roles is no secret");
        rule("ListTenantMembers", Who.MEMBER, "the contract names no rule");
        rule("GetUsers", Who.MEMBER, "users of the caller's account only; other ids are left out");
        rule("GetUserBySourceId", Who.MEMBER, "users of the caller's account only");
        rule("GetMyRoles", Who.SELF, "the caller's own roles");
        rule("GetMyTenants", Who.SELF, "the tenants of the caller's account");

        // --- user groups ---
        rule("CreateUserGroup", Who.MEMBER, "the contract names no rule; the creator (or the members it names) administer the new group");
        rule("UpdateUserGroup", Who.OBJECT_ADMIN, "the group's administrators or a tenant administrator");
        rule("UpdateUserGroupSwitch", Who.OBJECT_ADMIN, "the group's administrators or a tenant administrator");
        rule("DeleteUserGroup", Who.OBJECT_ADMIN, "the group's administrators or a tenant administrator");
        rule("AddUserGroupMember", Who.OBJECT_ADMIN, "the group's administrators or a tenant administrator");
        rule("RemoveUserGroupMember", Who.OBJECT_ADMIN, "the group's administrators or a tenant administrator");
        rule("GetUserGroup", Who.MEMBER, "the contract names no rule");
        rule("ListUserGroups", Who.MEMBER, "the contract names no rule");
        rule("ListUserGroupMembers", Who.MEMBER, "the contract names no rule");

        // --- row-level permissions: they decide who reads which rows, so even their names are for those who manage them ---
        rule("CreateRowPermission", Who.SECURITY_ADMIN, "the contract names no rule");
        rule("UpdateRowPermission", Who.SECURITY_ADMIN, "the contract names no rule");
        rule("DeleteRowPermission", Who.SECURITY_ADMIN, "the contract names no rule");
        rule("ListRowPermission", Who.SECURITY_ADMIN, "the contract names no rule; the answer is every definition in full");
        rule("GetAccountByRowPermissionId", Who.SECURITY_ADMIN, "the contract names no rule; the answer lists who is bound to each rule");
        rule("GetRowPermissionByTableGuids", Who.SECURITY_ADMIN, "the contract names no rule; the answer names the permissions");
        rule("ListRowPermissionByUserId", Who.MEMBER, "a member about itself, without the permissions' names; about another user a super, "
                + "system or security administrator");

        // --- permission records ---
        rule("ListResourcePermissions", Who.MEMBER, "super, system and security administrators see every record; others the records naming "
                + "them or their groups, without row-level permissions' names");
        rule("ListResourcePermissionOperationLog", Who.MEMBER, "as ListResourcePermissions, plus the changes the caller made");

        // --- data permissions ---
        rule("GrantResourcePermission", Who.OBJECT_ADMIN, "as the contract says: a super administrator or the resource's owner (its source's "
                + "owner, or for a project's compute source that project's administrators in the environment it serves)");
        rule("RevokeResourcePermission", Who.OBJECT_ADMIN, "as the contract says; as GrantResourcePermission");
        rule("CheckResourcePermission", Who.MEMBER, "the contract names no rule; a member about itself; about another user super, system "
                + "and security administrators, or whoever may grant on every resource asked about");

        // --- ownership transfer ---
        rule("TransferOwnershipForAllObject", Who.MEMBER, "a member its own objects; a tenant administrator anyone's, but a super "
                + "administrator's objects only a super administrator");
        rule("RetryTransferOwnership", Who.MEMBER, "as TransferOwnershipForAllObject, for a transfer the caller may see");
        rule("GetTransferInfo", Who.MEMBER, "the transfer's creator, its old or new owner, or a tenant administrator");

        // --- projects ---
        rule("GetProject", Who.MEMBER, "the contract names no rule");
        rule("GetProjectByName", Who.MEMBER, "the contract names no rule");
        rule("ListProjects", Who.MEMBER, "the contract names no rule");
        rule("CheckProjectHasDependency", Who.MEMBER, "the contract names no rule");
        rule("GetProjectWhiteLists", Who.MEMBER, "the contract names no rule");
        rule("ListProjectMembers", Who.MEMBER, "the contract names no rule");
        rule("GetProjectProduceUser", Who.SUPER_ADMIN, "as the contract says");
        rule("AddProjectMember", Who.OBJECT_ADMIN, "as the contract says: an administrator of the project in that environment, or a tenant administrator");
        rule("RemoveProjectMember", Who.OBJECT_ADMIN, "as the contract says: an administrator of the project in that environment, or a "
                + "tenant administrator; the project's owner stays");
        rule("UpdateProjectMember", Who.OBJECT_ADMIN, "the contract names no rule; as AddProjectMember, since changing roles grants and revokes");
        rule("ReplaceProjectWhiteLists", Who.OBJECT_ADMIN, "the contract names no rule; the whitelist opens the project's network reach, so an "
                + "administrator of the project (any environment) or a tenant administrator");
        rule("UpdateTenantComputeEngine", Who.TENANT_ADMIN, "the contract names no rule; the setting reaches every project of the tenant");

        // --- compute sources (the contract's business-unit administrators do not exist in Sluice) ---
        rule("CreateComputeSource", Who.PROJECT_ADMIN, "as the contract says (project administrators), and tenant administrators");
        rule("UpdateComputeSource", Who.OBJECT_ADMIN, "a tenant administrator, an administrator of the project it is bound to, or its owner "
                + "if a project administrator");
        rule("DeleteComputeSource", Who.OBJECT_ADMIN, "the contract names no rule; as UpdateComputeSource");
        rule("GetComputeSource", Who.MEMBER, "the contract names no rule; the configuration is not part of the answer");
        rule("ListComputeSources", Who.MEMBER, "the contract names no rule");
        rule("GetSparkLocalClientInfo", Who.MEMBER, "the contract names no rule");
        rule("CheckComputeSourceConnectivity", Who.PROJECT_ADMIN, "the contract names no rule; a check dials the host the caller names, so it needs "
                + "the right to create such a source; a read-only policy is refused although the catalog files checks as reads");
        rule("CheckComputeSourceConnectivityById", Who.OBJECT_ADMIN, "the contract names no rule; the right to change that source, as UpdateComputeSource");

        // --- data sources (the contract's data, business-unit and operations administrators do not exist in Sluice) ---
        rule("CreateDataSource", Who.PROJECT_ADMIN, "as the contract says (tenant and project administrators); a development twin of an "
                + "existing source needs the right to change that source");
        rule("UpdateDataSourceBasicInfo", Who.OBJECT_ADMIN, "as the contract says: a tenant administrator, or its owner if a project administrator");
        rule("UpdateDataSourceConfig", Who.OBJECT_ADMIN, "as the contract says: a tenant administrator, or its owner if a project administrator");
        rule("DeleteDataSource", Who.OBJECT_ADMIN, "as the contract says: a tenant administrator, or its owner if a project administrator");
        rule("ListDataSourceWithConfig", Who.MEMBER, "the contract names no rule; secret items are never part of the answer");
        rule("GetDataSourceDependencies", Who.MEMBER, "the contract names no rule");
        rule("GetCheckConnectivityJobs", Who.MEMBER, "the contract names no rule");
        rule("CheckDataSourceConnectivity", Who.PROJECT_ADMIN, "the contract names no rule; a check dials the host the caller names, so it needs "
                + "the right to create such a source; a read-only policy is refused although the catalog files checks as reads");
        rule("CheckDataSourceConnectivityById", Who.OBJECT_ADMIN, "the contract names no rule; the right to change that source, as UpdateDataSourceConfig");

        // --- data development: the directory trees and ad hoc query files (develop.tree.DevAccess) ---
        rule("GetDirectoryTree", Who.MEMBER, "the contract names no rule; members of the project (any role) or super administrators; "
                + "ad hoc query trees are each user's own");
        rule("ListFiles", Who.MEMBER, "the contract names no rule; members of the project in that environment or super administrators; "
                + "ad hoc query files are each user's own");
        rule("CreateDirectory", Who.MEMBER, "the contract names no rule; the project's administrators and developers (analysts too in "
                + "their own ad hoc query tree) or super administrators");
        rule("DeleteDirectory", Who.MEMBER, "as CreateDirectory, for the directory's tree");
        rule("UpdateFileName", Who.MEMBER, "as CreateDirectory, for the node's tree");
        rule("UpdateFileDirectory", Who.MEMBER, "as CreateDirectory, for the node's tree");
        rule("CreateAdHocFile", Who.MEMBER, "the contract names no rule; the project's administrators, developers and analysts or "
                + "super administrators, in their own ad hoc query tree");
        rule("UpdateAdHocFile", Who.MEMBER, "as CreateAdHocFile; another user's ad hoc file is not found");
        rule("DeleteAdHocFile", Who.MEMBER, "as CreateAdHocFile; another user's ad hoc file is not found");
        rule("GetAdHocFile", Who.MEMBER, "members of the project or super administrators, their own ad hoc files only");
        // --- file storage (Data development) ---
        rule("GetFileStorageCredential", Who.MEMBER, "the contract names no rule; the project's administrators and developers or super "
                + "administrators, as they may change its resources (develop.tree.DevAccess)");
        // --- ad hoc runs (Data development) ---
        rule("ExecuteAdHocTask", Who.MEMBER, "the contract names no rule; a member of the project (any role) or a tenant administrator, and "
                + "the statement gate decides each statement's tables");
        rule("GetAdHocTaskLog", Who.OBJECT_ADMIN, "the contract names no rule; the user who started the run, an administrator of its project "
                + "or a tenant administrator");
        rule("GetAdHocTaskResult", Who.OBJECT_ADMIN, "the contract names no rule; as GetAdHocTaskLog");
        rule("StopAdHocTask", Who.OBJECT_ADMIN, "the contract names no rule; as GetAdHocTaskLog");
        // --- batch tasks and publishing (Data development) ---
        rule("CreateBatchTask", Who.MEMBER, "the contract names no rule; the project's administrators and developers or super administrators");
        rule("UpdateBatchTask", Who.MEMBER, "as CreateBatchTask");
        rule("GetBatchTaskInfo", Who.MEMBER, "members of the project or super administrators");
        rule("GetBatchTaskInfoByVersion", Who.MEMBER, "as GetBatchTaskInfo");
        rule("GetBatchTaskVersions", Who.MEMBER, "as GetBatchTaskInfo");
        rule("SubmitBatchTask", Who.OBJECT_ADMIN, "the contract names no rule; the task's owner or the project's administrators (who may "
                + "also write the project's code tasks), or super administrators");
        rule("OfflineBatchTask", Who.OBJECT_ADMIN, "as SubmitBatchTask");
        rule("DeleteBatchTask", Who.OBJECT_ADMIN, "as SubmitBatchTask");
        rule("ParseBatchTaskDependency", Who.MEMBER, "members of the project or super administrators");
        rule("GetBatchTaskUdfLineages", Who.MEMBER, "as GetBatchTaskInfo");
        rule("UpdateBatchTaskUdfLineages", Who.MEMBER, "as CreateBatchTask");
        // --- resources and UDFs (Data development) ---
        rule("CreateResource", Who.MEMBER, "the contract names no rule; the project's administrators and developers or super administrators");
        rule("UpdateResource", Who.MEMBER, "as CreateResource");
        rule("DeleteResource", Who.OBJECT_ADMIN, "the contract names no rule; the resource's owner or the project's administrators (who may "
                + "also write the project's resources), or super administrators");
        rule("GetResource", Who.MEMBER, "members of the project or super administrators");
        rule("GetResourceByVersion", Who.MEMBER, "as GetResource");
        rule("CreateUdf", Who.MEMBER, "the contract names no rule; the project's administrators and developers or super administrators");
        rule("UpdateUdf", Who.MEMBER, "as CreateUdf");
        rule("DeleteUdf", Who.OBJECT_ADMIN, "as DeleteResource, for the UDF");
        rule("GetUdf", Who.MEMBER, "members of the project or super administrators");
        rule("GetUdfByVersion", Who.MEMBER, "as GetUdf");
        rule("ListSubmitRecords", Who.MEMBER, "members of every project listed or super administrators");
        rule("ListPublishRecords", Who.MEMBER, "as ListSubmitRecords");
        rule("GetLatestSubmitDetail", Who.MEMBER, "members of the object's project or super administrators");
        rule("PublishObjectList", Who.OBJECT_ADMIN, "the contract names no rule; the project's administrators and O&M engineers or super "
                + "administrators, since publishing changes what production runs");

        // --- production nodes (O&M center) ---
        rule("ListNodes", Who.MEMBER, "members of the project (in the environment read) or super administrators");
        rule("GetPhysicalNode", Who.MEMBER, "members of the node's project or super administrators");
        rule("GetPhysicalNodeContent", Who.MEMBER, "as GetPhysicalNode");
        rule("GetPhysicalNodeByOutputName", Who.MEMBER, "as GetPhysicalNode");
        rule("GetNodeUpDownStream", Who.MEMBER, "as GetPhysicalNode, for the node asked about");
        rule("ListNodeDownStream", Who.MEMBER, "as GetNodeUpDownStream, for every node asked about");
        rule("GetDevObjectDependency", Who.MEMBER, "members of the project or super administrators");
        rule("GetPhysicalNodeOperationLog", Who.MEMBER, "as GetPhysicalNode");
        rule("PausePhysicalNode", Who.OBJECT_ADMIN, "the contract names no rule; each node's owner, the project's administrators and O&M "
                + "engineers, or super administrators");
        rule("ResumePhysicalNode", Who.OBJECT_ADMIN, "as PausePhysicalNode");

        // --- instances (O&M center) ---
        rule("ListInstances", Who.MEMBER, "the contract names no rule; members of the project (production) or super administrators");
        rule("GetPhysicalInstance", Who.MEMBER, "as ListInstances");
        rule("GetPhysicalInstanceLog", Who.MEMBER, "as ListInstances");
        rule("OperateInstance", Who.OBJECT_ADMIN, "the contract names no rule; the project's administrators and O&M engineers or super "
                + "administrators");
        rule("ExecuteManualNode", Who.OBJECT_ADMIN, "as OperateInstance");
        rule("GetInstanceDownStream", Who.MEMBER, "as ListInstances (the instance's project)");
        rule("GetInstanceUpDownStream", Who.MEMBER, "as ListInstances");
        rule("CreateNodeSupplement", Who.OBJECT_ADMIN, "as OperateInstance, in the project and in every project of a backfilled node");
        rule("FixData", Who.OBJECT_ADMIN, "as OperateInstance, in every project of a rerun instance");
        rule("GetOperationSubmitStatus", Who.MEMBER, "as ListInstances (the job's project)");
        rule("GetSupplementDagrun", Who.MEMBER, "as ListInstances (the backfill's project)");
        rule("GetSupplementDagrunInstance", Who.MEMBER, "as ListInstances (the backfill's project)");

        // --- alerts (O&M center) ---
        rule("ListAlertEvents", Who.MEMBER, "the contract names no rule; events of the projects the caller reads (as ListInstances), every event of the tenant for super administrators");
        rule("GetAlertEvent", Who.MEMBER, "as ListAlertEvents");
        rule("ListAlertNotifications", Who.MEMBER, "as ListAlertEvents; receivers' addresses, webhook URLs and tokens are never answered");

        // --- Sluice's own operations: the caller's account ---
        rule("GetOpenApiUsage", Who.SELF, "the usage of the caller's account");
        rule("ListOpenApiCallDetails", Who.SELF, "the call details of the caller's account");
        rule("ListOpenApiBills", Who.SELF, "the bills of the caller's account");
    }

    private AccessRules() {
    }

    /** The rule of an implemented operation; empty for an action without a handler. */
    public static Optional<Rule> of(String action) {
        return Optional.ofNullable(RULES.get(action));
    }

    /** Every row, in table order. */
    public static Map<String, Rule> all() {
        return java.util.Collections.unmodifiableMap(RULES);
    }
}
