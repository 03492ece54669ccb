package dev.sluice.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.sluice.account.AccountAdmin;
import dev.sluice.account.NewAccount;
import dev.sluice.account.Policy;
import dev.sluice.account.User;
import dev.sluice.dispatch.RpcJson;
import dev.sluice.platform.project.Project;
import dev.sluice.platform.project.ProjectDraft;
import dev.sluice.platform.project.ProjectMode;
import dev.sluice.platform.project.Projects;
import dev.sluice.testsupport.RawClient;
import tools.jackson.databind.JsonNode;

/**
 * An account whose tenant holds one of every kind of object the built operations manage, each named or described
 * with this tenant's unique marker (lower-case letters and digits, so it survives every name rule), created through
 * real signed calls of its super administrator. Projects have no operation, so they are made as the admin command
 * makes them.
 */
final class SweepTenant {

    final String marker = "zz" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    final NewAccount account;
    final RawClient owner;
    private final Map<IdKind, Set<String>> ids = new EnumMap<>(IdKind.class);

    private SweepTenant(AccountAdmin admin, Projects projects, int port) {
        account = admin.createAccount("sweep-" + marker, "intelligent", "cn-hangzhou", marker + "_owner");
        admin.updateAccount(account.account().id(), "tinypayg", true, false); // 1000 QPS: the sweep calls in bursts
        owner = new RawClient(port, account.key().accessKeyId(), account.key().accessKeySecret());
        User member = admin.createUser(account.account().id(), marker + "_member", EnumSet.of(Policy.FULL_ACCESS));
        add(IdKind.USER, account.mainUser().id());
        add(IdKind.USER, member.id());

        long computeSource = call("CreateComputeSource", "CreateCommand", json(Map.of("Name", marker + "_cs", "Type", "MAX_COMPUTE",
                "Description", marker + " compute", "ConfigList", List.of(Map.of("Key", "endpoint", "Value", "http://" + marker + ".example:80/api")))))
                .path("CreateResult").path("Id").asLong();
        add(IdKind.COMPUTE_SOURCE, computeSource);
        Project project = projects.create(new ProjectDraft(tenantId(), marker + "_proj", marker + " display", marker + " about",
                ProjectMode.BASIC, null, null, null, account.mainUser().id(), null, computeSource, null, null));
        add(IdKind.PROJECT, project.id());
        ids.computeIfAbsent(IdKind.NAME, k -> new LinkedHashSet<>()).add(project.name());

        JsonNode sources = call("CreateDataSource", "CreateCommand", json(Map.of(
                "ProdDataSourceCreate", source(marker + "_ds"),
                "DevDataSourceCreate", Map.of("DataSourceCreate", source(marker + "_ds_dev"))))).path("CreateResult");
        add(IdKind.DATA_SOURCE, sources.path("ProdDataSourceId").asLong());
        add(IdKind.DATA_SOURCE, sources.path("DevDataSourceId").asLong());
        ids.get(IdKind.NAME).add(marker + "_ds");

        String group = call("CreateUserGroup", "CreateCommand", json(Map.of("Name", marker + "_group", "Description", marker + " team",
                "AdminUserIdList", List.of(String.valueOf(member.id()))))).path("UserGroupId").asString();
        add(IdKind.USER_GROUP, group);
        call("AddUserGroupMember", "AddCommand", json(Map.of("UserGroupId", group, "UserIdList", List.of(String.valueOf(member.id())))));

        String sourceId = marker + "_src";
        call("AddTenantMembersBySourceUser", "AddCommand", json(Map.of("SourceUserList", List.of(Map.of("SourceId", sourceId,
                "AccountName", marker + "_acct", "DisplayName", marker + " person", "Mail", marker + "@corp.example", "SourceType", "DINGTALK")))));
        long sourceUser = call("GetUserBySourceId", "SourceId", sourceId).path("User").path("Id").asLong();
        add(IdKind.USER, sourceUser);
        add(IdKind.SOURCE_ID, sourceId);
        for (JsonNode user : call("GetUsers", "UserIdList", json(ids.get(IdKind.USER))).path("UserList")) {
            add(IdKind.SOURCE_ID, user.path("SourceId").asString());
        }

        call("AddProjectMember", "Id", project.id(), "AddCommand", json(Map.of("Env", "PROD",
                "UserList", List.of(Map.of("UserId", String.valueOf(member.id()), "RoleList", List.of(2))))));
        call("ReplaceProjectWhiteLists", "Id", project.id(), "ReplaceCommand", json(Map.of("WhiteLists",
                List.of(Map.of("Ip", "10.1.0.2", "Port", "5432", "Description", marker + " office")))));

        add(IdKind.FILE, call("CreateDirectory", "CreateCommand", json(Map.of("Category", "codeManage", "Directory", "/",
                "Name", marker + "_dir", "ProjectId", project.id()))).path("FileId").asLong());
        add(IdKind.FILE, call("CreateAdHocFile", "CreateCommand", json(Map.of("Directory", "/", "Name", marker + "_query",
                "Content", "select '" + marker + "'", "ProjectId", project.id()))).path("FileId").asLong());
        long task = call("CreateBatchTask", "CreateCommand", json(Map.of("Directory", "/", "Name", marker + "_task", "Description",
                marker + " task", "ProjectId", project.id(), "ScheduleType", 3, "TaskType", 999))).path("CreateResult").path("FileId").asLong();
        add(IdKind.FILE, task);
        add(IdKind.SUBMIT, call("SubmitBatchTask", "SubmitCommand", json(Map.of("FileId", task, "ProjectId", project.id(), "Name",
                marker + "_task", "Code", "-- " + marker, "Comment", marker + " first", "NodeOutputNameList", List.of(marker + "_out")))).path("SubmitResult")
                .path("SubmitId").asLong());
        add(IdKind.NODE, "n_" + task); // the project is BASIC: the submit published the task's node
        ids.get(IdKind.NAME).add(marker + "_out");

        // A resource on an uploaded JAR and a UDF in it (their ids are files'; GetResource finds the resource by name).
        String uploaded = upload(call("GetFileStorageCredential", "ProjectId", project.id(), "Purpose", "RESOURCE"), marker);
        long resource = call("CreateResource", "CreateCommand", json(Map.of("Comment", marker, "ComputeEngineType", "MAX_COMPUTE",
                "Description", marker + " jar", "Directory", "/", "Name", marker + "_lib.jar", "ProjectId", project.id(),
                "ResourceType", "JAR", "StorageAddress", uploaded))).path("Data").asLong();
        add(IdKind.FILE, resource);
        ids.get(IdKind.NAME).add(marker + "_lib.jar");
        add(IdKind.FILE, call("CreateUdf", "CreateCommand", json(Map.of("Category", 10, "ClassName", "com.example.Udf", "CommandHelp",
                marker + "_fn(x)", "Comment", marker, "ComputeEngineType", "MAX_COMPUTE", "Description", marker + " udf", "Name",
                marker + "_fn", "ProjectId", project.id(), "RefResourceIdList", List.of(resource)))).path("Data").asLong());

        String table = "odps." + marker + ".proj.sales";
        add(IdKind.TABLE, table);
        add(IdKind.TABLE, marker + "_cs.main.sales"); // a table of the compute source, as data permissions name it
        long rowPermission = call("CreateRowPermission", "CreateRowPermissionCommand", json(Map.of(
                "RowPermissionName", marker + "_rows", "RowPermissionDesc", marker + " by region",
                "MappingColumns", List.of(Map.of("ColumnName", "region", "ColumnType", "STRING")),
                "Tables", List.of(Map.of("ResourceId", table, "ColumnName", "sales_region", "MappingColumnName", "region")),
                "Rules", List.of(rule("east", "PERSONAL", String.valueOf(member.id())), rule("team", "USER_GROUP", group)))))
                .path("Data").asLong();
        add(IdKind.ROW_PERMISSION, rowPermission);
        JsonNode listed = call("ListRowPermission", "PageRowPermissionQuery", json(Map.of("PageNum", 1, "PageSize", 10)));
        for (JsonNode rule : listed.path("PageResult").path("Data").get(0).path("Rules")) add(IdKind.ROW_RULE, rule.path("Id").asLong());

        // A transfer from a user who owns nothing finishes at once; its record names both users and the comment.
        long transfer = call("TransferOwnershipForAllObject", "PrivilegeTransferRecord", json(Map.of("OldOwner", String.valueOf(sourceUser),
                "NewOwner", String.valueOf(member.id()), "TransferComment", marker + " leaving"))).path("Data").asLong();
        add(IdKind.TRANSFER, transfer);
        awaitTransfer(transfer);
        call("CheckDataSourceConnectivityById", "Id", sources.path("ProdDataSourceId").asLong());

        ids.get(IdKind.NAME).add(marker); // a keyword that matches every object of this tenant
    }

    static SweepTenant create(AccountAdmin admin, Projects projects, int port) {
        return new SweepTenant(admin, projects, port);
    }

    long tenantId() {
        return account.tenant().id();
    }

    /** This tenant's ids (or names) of one kind; for {@link IdKind#ANY} every id of every kind. */
    List<String> ids(IdKind kind) {
        if (kind != IdKind.ANY) return List.copyOf(ids.getOrDefault(kind, Set.of()));
        List<String> all = new ArrayList<>();
        ids.forEach((k, values) -> {
            if (k != IdKind.NAME) all.addAll(values);
        });
        return all;
    }

    /** Every id of this tenant that no other tenant can hold by chance: numbers from the per-kind ranges, and strings. */
    Set<String> distinctiveIds() {
        Set<String> distinct = new LinkedHashSet<>();
        for (String id : ids(IdKind.ANY)) {
            if (!id.chars().allMatch(Character::isDigit) || Long.parseLong(id) >= 1_000_000) distinct.add(id);
        }
        distinct.add(String.valueOf(tenantId()));
        return distinct;
    }

    /** A signed call of this tenant's super administrator, with its OpTenantId; any answer but 200 fails the test. */
    JsonNode call(String action, Object... params) {
        RawClient.Call call = owner.call(action).param("OpTenantId", tenantId());
        for (int i = 0; i < params.length; i += 2) call.param((String) params[i], params[i + 1]);
        RawClient.Response response = call.send();
        assertThat(response.status()).as("%s while populating the tenant: %s", action, response.body()).isEqualTo(200);
        return response.body();
    }

    /** PUTs {@code content} to the handed-out presigned URL; the object's key. */
    private static String upload(JsonNode credentialAnswer, String content) {
        JsonNode credential = credentialAnswer.path("StorageCredential");
        byte[] bytes = content.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        try {
            var put = (java.net.HttpURLConnection) java.net.URI.create(credential.path("SecurityToken").asString()).toURL().openConnection();
            put.setRequestMethod("PUT");
            put.setDoOutput(true);
            put.setFixedLengthStreamingMode(bytes.length);
            try (var out = put.getOutputStream()) {
                out.write(bytes);
            }
            assertThat(put.getResponseCode()).as("upload while populating the tenant").isEqualTo(200);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return credential.path("ObjectName").asString();
    }

    private void awaitTransfer(long id) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (true) {
            String status = call("GetTransferInfo", "ProposalId", id).path("Data").path("TransferStatus").asString();
            if (!status.equals("PENDING") && !status.equals("RUNNING")) return;
            assertThat(Instant.now()).as("transfer %d still %s", id, status).isBefore(deadline);
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private void add(IdKind kind, Object id) {
        String text = String.valueOf(id);
        assertThat(text).as("an id of kind %s", kind).isNotBlank().isNotEqualTo("0");
        ids.computeIfAbsent(kind, k -> new LinkedHashSet<>()).add(text);
    }

    private Map<String, Object> source(String name) {
        return Map.of("Name", name, "Type", "MYSQL", "Description", marker + " orders", "ConfigItemList", List.of(
                Map.of("Key", "jdbc.url", "Value", "jdbc:mysql://" + marker + ".invalid:3306/orders"),
                Map.of("Key", "jdbc.username", "Value", marker + "_app"), Map.of("Key", "jdbc.password", "Value", marker + "-secret")));
    }

    private static Map<String, Object> rule(String name, String accountType, String accountId) {
        return Map.of("RuleName", name, "ScopeType", "SELECT_COLUMN", "Status", 1, "Expressions", List.of(Map.of("Type", "RELATION",
                "MappingColumnName", "region", "Operator", "EQUAL", "Values", List.of("east"), "SubConditions", List.of())),
                "UserMappingList", List.of(Map.of("AccountType", accountType, "Accounts", List.of(Map.of("AccountId", accountId)))));
    }

    static String json(Object value) {
        return RpcJson.MAPPER.writeValueAsString(value);
    }
}
