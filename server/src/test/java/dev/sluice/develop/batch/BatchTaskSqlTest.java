package dev.sluice.develop.batch;

import static dev.sluice.develop.DevFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.sluice.account.AccountAdmin;
import dev.sluice.platform.PlatformFixture;
import dev.sluice.platform.PlatformFixture.Sub;
import dev.sluice.platform.project.Project;
import dev.sluice.platform.project.ProjectDraft;
import dev.sluice.platform.project.ProjectMode;
import dev.sluice.platform.project.Projects;
import dev.sluice.runner.Engine;
import dev.sluice.runner.RunnerServerTest;
import dev.sluice.runner.RunnerTestEngines;
import dev.sluice.runner.RunnerTestEngines.Target;
import dev.sluice.testsupport.RawClient.Response;
import tools.jackson.databind.JsonNode;

/**
 * SQL tasks: the permission gate judges a script at submit as the project's production account, dependencies parsed
 * from the SQL, declared function lineage, and the platform seeing a project's tasks.
 */
@RunnerServerTest
class BatchTaskSqlTest {

    @LocalServerPort
    int port;

    @Autowired
    AccountAdmin admin;

    @Autowired
    Projects projects;

    @Autowired
    RunnerTestEngines.Registry engines;

    @Autowired
    RunnerTestEngines.Gate gate;

    PlatformFixture f;
    Sub producer;
    Project project;

    @BeforeEach
    void projectOnDuckdb() {
        f = PlatformFixture.create(port, admin);
        producer = f.sub("producer");
        String name = "sql_" + UUID.randomUUID().toString().substring(0, 8);
        project = projects.create(new ProjectDraft(f.tenant(), name, name, null, ProjectMode.BASIC, null, null, null,
                f.account.mainUser().id(), producer.user().id(), null, null, null));
        engines.compute(project.id(), new Target(Engine.Dialect.DUCKDB, "ADB_FOR_PG", "jdbc:duckdb:"));
    }

    long create(String name) {
        Response created = f.call("CreateBatchTask", "CreateCommand", json(Map.of("Directory", "/", "Name", name, "Description", name,
                "ProjectId", project.id(), "ScheduleType", 3, "TaskType", 51)));
        assertThat(created.status()).as(created.body().toString()).isEqualTo(200);
        return created.body().path("CreateResult").path("FileId").asLong();
    }

    Response submit(long file, String name, String code, Object... more) {
        Map<String, Object> command = new HashMap<>(Map.of("ProjectId", project.id(), "FileId", file, "Name", name, "Code", code,
                "Comment", "submit"));
        for (int i = 0; i < more.length; i += 2) command.put((String) more[i], more[i + 1]);
        return f.call("SubmitBatchTask", "SubmitCommand", json(command));
    }

    @Test
    void theScriptPassesTheGateAsTheProductionAccountBeforeItIsSubmitted() {
        gate.forbid("secret_sales");
        long task = create("report");
        Response refused = submit(task, "report", "create table report as select 1 as x;\ninsert into report select * from secret_sales");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.code()).isEqualTo("Forbidden.TablePermission");
        assertThat(refused.message()).contains("secret_sales").contains("user " + producer.id());
        assertThat(f.call("GetBatchTaskVersions", "ProjectId", project.id(), "FileId", task).body().path("Data")
                .path("BatchTaskVersionList")).as("nothing was frozen").isEmpty();

        Response unknownParam = submit(task, "report", "select * from sales_${region}");
        assertThat(unknownParam.message()).contains("SubmitCommand.ParamList").contains("${region}");
        Response ok = submit(task, "report", "select * from sales_${region}", "ParamList", List.of(Map.of("Key", "region", "Value", "east")));
        assertThat(ok.status()).as(ok.body().toString()).isEqualTo(200);
    }

    @Test
    void dependenciesAreParsedFromTheSqlAndMappedToPublishedTasks() {
        long orders = create("load_orders");
        assertThat(submit(orders, "load_orders", "insert into ods.orders select 1", "NodeOutputNameList", List.of("ods.orders"))
                .status()).isEqualTo(200);

        Response parsed = f.call("ParseBatchTaskDependency", "ParseCommand", json(Map.of("ProjectId", project.id(), "OperatorType", "ADB_FOR_PG",
                "IncludeAllInputTables", true, "Code", """
                        with recent as (select * from ods.orders o where o.day = '${bizdate}')
                        insert into dws.report select r.* from recent r join dws.report d on d.id = r.id;
                        select * from dim.shop""")));
        assertThat(parsed.status()).as(parsed.body().toString()).isEqualTo(200);
        JsonNode nodes = parsed.body().path("ParseResult").path("DependNodeList");
        JsonNode inputs = nodes.get(0).path("ScheduleNodeInfoList");
        assertThat(nodes.get(0).path("NodeIoType").asString()).isEqualTo("input");
        assertThat(inputs.valueStream().map(n -> n.path("TableName").asString() + "=" + n.path("NodeId").asString()).toList())
                .as("CTE names and aliases are not tables; the task's own output it reads is reported")
                .containsExactlyInAnyOrder("ods.orders=n_" + orders, "dws.report=-1", "dim.shop=-1");
        assertThat(inputs.valueStream().filter(n -> n.path("TableName").asString().equals("ods.orders")).findFirst().orElseThrow()
                .path("NodeName").asString()).isEqualTo("load_orders");
        assertThat(nodes.get(1).path("ScheduleNodeInfoList").valueStream().map(n -> n.path("TableName").asString()).toList())
                .containsExactly("dws.report");

        Response withoutUnmapped = f.call("ParseBatchTaskDependency", "ParseCommand", json(Map.of("ProjectId", project.id(),
                "OperatorType", "ADB_FOR_PG", "Code", "select * from ods.orders join dim.shop on true")));
        assertThat(withoutUnmapped.body().path("ParseResult").path("DependNodeList").get(0).path("ScheduleNodeInfoList")).hasSize(1);
        Response missing = f.call("ParseBatchTaskDependency", "ParseCommand", json(Map.of("ProjectId", project.id(), "OperatorType", "ADB_FOR_PG")));
        assertThat(missing.message()).contains("ParseCommand.Code");
    }

    @Test
    void functionLineageIsDeclaredPerTaskAndTheProjectKnowsItsTasks() {
        long task = create("with_udf");
        Response updated = f.call("UpdateBatchTaskUdfLineages", "UpdateCommand", json(Map.of("ProjectId", project.id(), "FileId", task,
                "LineageGroupList", List.of(Map.of(
                        "InputLineageList", List.of(Map.of("Name", "ods.orders", "Env", "PROD", "FullTable", false, "ColumnList", List.of("id", "amount"))),
                        "OutputLineageList", List.of(Map.of("Name", "dws.report", "Env", "PROD", "FullTable", true, "ColumnList", List.of())))))));
        assertThat(updated.status()).as(updated.body().toString()).isEqualTo(200);
        JsonNode group = f.call("GetBatchTaskUdfLineages", "ProjectId", project.id(), "FileId", task).body().path("Data")
                .path("LineageGroupList").get(0);
        assertThat(group.path("InputLineageList").get(0).path("ColumnList").valueStream().map(c -> c.path("Name").asString()).toList())
                .containsExactly("id", "amount");
        assertThat(group.path("OutputLineageList").get(0).path("FullTable").asBoolean()).isTrue();

        Response bad = f.call("UpdateBatchTaskUdfLineages", "UpdateCommand", json(Map.of("ProjectId", project.id(), "FileId", task,
                "LineageGroupList", List.of(Map.of("InputLineageList", List.of(Map.of("Name", "t", "Env", "TEST", "FullTable", true,
                        "ColumnList", List.of())), "OutputLineageList", List.of())))));
        assertThat(bad.message()).contains("UpdateCommand.LineageGroupList[0].InputLineageList[0].Env");

        assertThat(f.call("CheckProjectHasDependency", "Id", project.id()).body().path("Data").asBoolean()).isTrue();
    }

    @Test
    void tasksMoveWithAnOwnershipTransfer() throws InterruptedException {
        Sub developer = f.sub("leaver");
        assertThat(f.call("AddProjectMember", "Id", project.id(), "AddCommand", json(Map.of("Env", "PROD", "UserList",
                List.of(Map.of("UserId", developer.id(), "RoleList", List.of(2)))))).status()).isEqualTo(200);
        Response created = f.call(developer.client(), "CreateBatchTask", "CreateCommand", json(Map.of("Directory", "/", "Name", "theirs",
                "Description", "theirs", "ProjectId", project.id(), "ScheduleType", 3, "TaskType", 999)));
        long task = created.body().path("CreateResult").path("FileId").asLong();
        assertThat(f.call("GetBatchTaskInfo", "ProjectId", project.id(), "FileId", task).body().path("TaskInfo").path("OwnerUserId")
                .asString()).isEqualTo(developer.id());

        long transfer = f.call("TransferOwnershipForAllObject", "PrivilegeTransferRecord", json(Map.of("OldOwner", developer.id(),
                "NewOwner", producer.id(), "TransferComment", "leaving"))).body().path("Data").asLong();
        java.time.Instant deadline = java.time.Instant.now().plusSeconds(10);
        String status;
        do {
            Thread.sleep(100);
            status = f.call("GetTransferInfo", "ProposalId", transfer).body().path("Data").path("TransferStatus").asString();
        } while ((status.equals("PENDING") || status.equals("RUNNING")) && java.time.Instant.now().isBefore(deadline));
        assertThat(status).isEqualTo("SUCCESS");
        assertThat(f.call("GetBatchTaskInfo", "ProjectId", project.id(), "FileId", task).body().path("TaskInfo").path("OwnerUserId")
                .asString()).isEqualTo(producer.id());
    }
}
