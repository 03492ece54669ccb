package dev.sluice.operations.node;

import static dev.sluice.develop.DevFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.sluice.account.AccountAdmin;
import dev.sluice.develop.DevFixture;
import dev.sluice.operations.NodeHolds;
import dev.sluice.platform.PlatformFixture.Sub;
import dev.sluice.platform.project.Projects;
import dev.sluice.testsupport.RawClient.Response;
import dev.sluice.testsupport.SluiceServerTest;
import tools.jackson.databind.JsonNode;

/** Production nodes of a published 3-task chain (a <- b <- c), read, walked, paused and resumed as callers see them. */
@SluiceServerTest
class ProductionNodeOperationsTest {

    @LocalServerPort
    int port;

    @Autowired
    AccountAdmin admin;

    @Autowired
    Projects projects;

    @Autowired
    NodeHolds holds;

    DevFixture d;
    long project;
    long a;
    long b;
    long c;

    @BeforeEach
    void publishChain() {
        d = DevFixture.create(port, admin, projects);
        project = d.project.id();
        a = publish("load_a", "a_out", null, "select 1 as a");
        b = publish("load_b", "b_out", "a_out", "-- b");
        c = publish("load_c", "c_out", "b_out", "-- c");
    }

    long publish(String name, String output, String upstream, String code) {
        Response created = d.call(d.f.owner, "CreateBatchTask", "CreateCommand", json(Map.of("Directory", "/", "Name", name,
                "Description", name + " task", "ProjectId", project, "ScheduleType", 1, "TaskType", 999)));
        assertThat(created.status()).as(created.body().toString()).isEqualTo(200);
        long file = created.body().path("CreateResult").path("FileId").asLong();
        Map<String, Object> command = new HashMap<>(Map.of("ProjectId", project, "FileId", file, "Name", name, "Code", code,
                "CronExpression", "0 0 2 * * ?", "Comment", "first", "NodeOutputNameList", List.of(output), "Priority", 1));
        if (upstream != null) command.put("UpStreamList", List.of(Map.of("SourceNodeOutputName", upstream, "PeriodDiff", 0, "DependStrategy", "ALL")));
        Response submitted = d.call(d.f.owner, "SubmitBatchTask", "SubmitCommand", json(command));
        assertThat(submitted.status()).as(submitted.body().toString()).isEqualTo(200);
        return file;
    }

    Map<String, String> query(Object... pairs) {
        Map<String, String> query = new HashMap<>();
        query.put("OpTenantId", String.valueOf(d.f.tenant()));
        for (int i = 0; i < pairs.length; i += 2) query.put((String) pairs[i], String.valueOf(pairs[i + 1]));
        return query;
    }

    JsonNode ok(Response response) {
        assertThat(response.status()).as(response.body().toString()).isEqualTo(200);
        return response.body();
    }

    static List<String> ids(JsonNode list) {
        return list.valueStream().map(n -> n.path("Id").asString()).toList();
    }

    @Test
    @SuppressWarnings("unchecked")
    void publishedTasksAreNodesListedReadAndFoundByOutputThroughTheTeaClient() {
        var tea = d.f.tea();
        Map<String, Object> listed = tea.call("ListNodes", query(), Map.of("ListQuery", json(Map.of("ProjectId", project,
                "NodeBizType", "SCRIPT", "NodeSubBizTypeList", List.of("VIRTUAL"), "Page", 1, "PageSize", 2))));
        Map<String, Object> page = (Map<String, Object>) listed.get("PageResult");
        assertThat(((Number) page.get("TotalCount")).intValue()).isEqualTo(3);
        List<Map<String, Object>> nodes = (List<Map<String, Object>>) page.get("NodeList");
        assertThat(nodes).extracting(n -> n.get("Id")).containsExactly("n_" + a, "n_" + b);
        assertThat(nodes.getFirst()).containsEntry("Name", "load_a").containsEntry("HasProd", true).containsEntry("SchedulePaused", false)
                .containsEntry("SubDetailType", "VIRTUAL").containsEntry("PriorityList", List.of("HIGHEST"))
                .containsEntry("SchedulePeriodList", List.of("DAILY"));

        JsonNode info = ok(d.call(d.f.owner, "GetPhysicalNode", "NodeId", "n_" + b)).path("NodeInfo");
        assertThat(info.path("Id").asString()).isEqualTo("n_" + b);
        assertThat(info.path("CronExpression").asString()).isEqualTo("0 0 2 * * ?");
        assertThat(info.path("OutputNameList").get(0).asString()).isEqualTo("b_out");
        assertThat(info.path("Owner").path("Id").asString()).isEqualTo(d.f.ownerId());
        assertThat(info.path("Status").asString()).isEqualTo("NORMAL");
        assertThat(info.path("ScheduleType").asString()).isEqualTo("DAILY");
        assertThat(info.path("ProjectInfo").path("Id").asString()).isEqualTo(String.valueOf(project));

        Map<String, Object> content = tea.call("GetPhysicalNodeContent", query("NodeId", "n_" + a), Map.of());
        assertThat((Map<String, Object>) content.get("Data")).containsEntry("CodeContent", "select 1 as a").containsEntry("NodeName", "load_a");

        ok(d.call(d.f.owner, "UpdateBatchTask", "UpdateCommand", json(Map.of("ProjectId", project, "FileId", a, "Name", "load_a",
                "TaskType", 999, "Code", "select 2 as a"))));
        assertThat(ok(d.call(d.f.owner, "GetPhysicalNodeContent", "NodeId", "n_" + a, "Env", "DEV")).path("Data").path("CodeContent")
                .asString()).as("the draft").isEqualTo("select 2 as a");
        assertThat(ok(d.call(d.f.owner, "GetPhysicalNodeContent", "NodeId", "n_" + a)).path("Data").path("CodeContent").asString())
                .as("production keeps the published code").isEqualTo("select 1 as a");

        JsonNode byOutput = ok(d.call(d.f.owner, "GetPhysicalNodeByOutputName", "OutputName", "c_out")).path("NodeInfo");
        assertThat(byOutput.path("Id").asString()).isEqualTo("n_" + c);
        assertThat(byOutput.has("CronExpression")).isFalse();
        Response unknown = d.call(d.f.owner, "GetPhysicalNodeByOutputName", "OutputName", "nobody_out");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.message()).contains("nobody_out");
    }

    @Test
    void theGraphIsWalkedUpAndDownToTheDepthAsked() {
        JsonNode depth1 = ok(d.call(d.f.owner, "GetNodeUpDownStream", "NodeId", json(Map.of("Id", "n_" + b)))).path("NodeDagInfo");
        assertThat(ids(depth1.path("StartNodeList"))).containsExactly("n_" + b);
        assertThat(ids(depth1.path("UpStreamNodeList"))).containsExactly("n_" + a);
        assertThat(ids(depth1.path("DownStreamNodeList"))).containsExactly("n_" + c);

        JsonNode fromC = ok(d.call(d.f.owner, "GetNodeUpDownStream", "NodeId", json(Map.of("Id", "n_" + c)), "UpStreamDepth", 2))
                .path("NodeDagInfo");
        assertThat(ids(fromC.path("UpStreamNodeList"))).containsExactly("n_" + b, "n_" + a);
        assertThat(ids(fromC.path("DownStreamNodeList"))).isEmpty();

        JsonNode down1 = ok(d.call(d.f.owner, "ListNodeDownStream", "ListQuery", json(Map.of("NodeIdList", List.of(Map.of("Id", "n_" + a))))));
        assertThat(ids(down1.path("NodeInfoList"))).containsExactly("n_" + b);
        JsonNode down2 = ok(d.call(d.f.owner, "ListNodeDownStream", "ListQuery", json(Map.of("DownStreamDepth", 2,
                "NodeIdList", List.of(Map.of("Id", "n_" + a)))))).path("NodeInfoList");
        assertThat(ids(down2)).containsExactly("n_" + b, "n_" + c);
        assertThat(down2.get(1).path("Depth").asInt()).isEqualTo(2);
        JsonNode excluded = ok(d.call(d.f.owner, "ListNodeDownStream", "ListQuery", json(Map.of("DownStreamDepth", 2,
                "NodeIdList", List.of(Map.of("Id", "n_" + a)), "FilterList", List.of(Map.of("Key", "PHYSICAL_NODE_ID", "Exclude", true,
                        "ValueList", List.of("n_" + b))))))).path("NodeInfoList");
        assertThat(ids(excluded)).containsExactly("n_" + c);

        JsonNode deps = ok(d.call(d.f.owner, "GetDevObjectDependency", "ObjectFrom", "DATA_PROCESS", "ObjectType", "FILE_ID",
                "ObjectId", String.valueOf(c), "ProjectId", project)).path("DevObjectDependencyList");
        assertThat(deps).hasSize(1);
        assertThat(deps.get(0).path("NodeId").asString()).isEqualTo("n_" + b);
        assertThat(deps.get(0).path("NodeOutputName").asString()).isEqualTo("b_out");
        assertThat(deps.get(0).path("DependencyStrategy").asString()).isEqualTo("ALL");
        assertThat(deps.get(0).path("Valid").asBoolean()).isTrue();

        Response tooDeep = d.call(d.f.owner, "GetNodeUpDownStream", "NodeId", json(Map.of("Id", "n_" + b)), "UpStreamDepth", 11);
        assertThat(tooDeep.status()).isEqualTo(400);
        assertThat(tooDeep.message()).contains("UpStreamDepth");
    }

    @Test
    @SuppressWarnings("unchecked")
    void pauseHoldsTheNodeAndTheLogSaysWhoDidIt() {
        var tea = d.f.tea();
        Map<String, Object> paused = tea.call("PausePhysicalNode", query(), Map.of("PauseCommand", json(Map.of("ProjectId", project,
                "NodeIdList", List.of("n_" + b)))));
        assertThat((List<Map<String, Object>>) paused.get("NodeOperateResultList")).singleElement()
                .satisfies(r -> assertThat(r).containsEntry("NodeId", "n_" + b).containsEntry("Status", "SUCCESS"));
        assertThat(holds.held(d.f.tenant(), project, "n_" + b)).isTrue();
        assertThat(holds.held(d.f.tenant(), project, "n_" + a)).isFalse();
        assertThat(ok(d.call(d.f.owner, "GetPhysicalNode", "NodeId", "n_" + b)).path("NodeInfo").path("Status").asString()).isEqualTo("PAUSED");
        JsonNode pausedOnly = ok(d.call(d.f.owner, "ListNodes", "ListQuery", json(Map.of("ProjectId", project, "NodeBizType", "SCRIPT",
                "NodeSubBizTypeList", List.of("VIRTUAL"), "SchedulePaused", true)))).path("PageResult");
        assertThat(ids(pausedOnly.path("NodeList"))).containsExactly("n_" + b);

        JsonNode log = ok(d.call(d.f.owner, "GetPhysicalNodeOperationLog", "NodeId", "n_" + b)).path("OperationLogList");
        assertThat(log.get(0).path("OperationType").asString()).isEqualTo("PAUSE_TASK");
        assertThat(log.get(0).path("Operator").asString()).isEqualTo(d.f.ownerId());
        assertThat(log.get(0).path("OperationTime").asString()).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}");
        assertThat(log.valueStream().map(e -> e.path("OperationType").asString())).contains("CREATE_NODE");

        ok(d.call(d.f.owner, "ResumePhysicalNode", "ResumeCommand", json(Map.of("ProjectId", project, "NodeIdList", List.of("n_" + b)))));
        assertThat(holds.held(d.f.tenant(), project, "n_" + b)).isFalse();
        JsonNode after = ok(d.call(d.f.owner, "GetPhysicalNodeOperationLog", "NodeId", "n_" + b)).path("OperationLogList");
        assertThat(after.valueStream().map(e -> e.path("OperationType").asString()).limit(2)).containsExactly("RESUME_TASK", "PAUSE_TASK");
    }

    @Test
    void membersReadOperatorsPauseAndAnotherTenantsNodesAreUnknown() {
        Sub visitor = d.member("visitor", 3);
        Sub operator = d.member("operator", 5);
        assertThat(d.call(visitor.client(), "GetPhysicalNode", "NodeId", "n_" + a).status()).isEqualTo(200);
        Response refused = d.call(visitor.client(), "PausePhysicalNode", "PauseCommand", json(Map.of("ProjectId", project,
                "NodeIdList", List.of("n_" + a))));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.message()).contains("may only be called by its owner, the project's administrators and O&M engineers");
        assertThat(holds.held(d.f.tenant(), project, "n_" + a)).isFalse();
        ok(d.call(operator.client(), "PausePhysicalNode", "PauseCommand", json(Map.of("ProjectId", project, "NodeIdList", List.of("n_" + a)))));
        assertThat(holds.held(d.f.tenant(), project, "n_" + a)).isTrue();
        Sub stranger = d.f.sub("stranger");
        assertThat(d.call(stranger.client(), "GetPhysicalNode", "NodeId", "n_" + a).status()).isEqualTo(403);

        DevFixture other = DevFixture.create(port, admin, projects);
        for (Response foreign : List.of(
                other.call(other.f.owner, "GetPhysicalNode", "NodeId", "n_" + a),
                other.call(other.f.owner, "GetPhysicalNodeContent", "NodeId", "n_" + a),
                other.call(other.f.owner, "GetPhysicalNodeOperationLog", "NodeId", "n_" + a),
                other.call(other.f.owner, "GetPhysicalNodeByOutputName", "OutputName", "a_out"),
                other.call(other.f.owner, "GetNodeUpDownStream", "NodeId", json(Map.of("Id", "n_" + a))),
                other.call(other.f.owner, "ListNodeDownStream", "ListQuery", json(Map.of("NodeIdList", List.of(Map.of("Id", "n_" + a))))),
                other.call(other.f.owner, "ResumePhysicalNode", "ResumeCommand", json(Map.of("ProjectId", other.project.id(),
                        "NodeIdList", List.of("n_" + a)))),
                other.call(other.f.owner, "GetDevObjectDependency", "ObjectFrom", "DATA_PROCESS", "ObjectType", "FILE_ID",
                        "ObjectId", String.valueOf(a), "ProjectId", other.project.id()))) {
            assertThat(foreign.status()).as(foreign.body().toString()).isEqualTo(404);
            assertThat(foreign.code()).isEqualTo("EntityNotExist");
        }
        assertThat(holds.held(d.f.tenant(), project, "n_" + a)).isTrue();
    }

    @Test
    void missingAndInvalidParametersAreNamed() {
        List<Map.Entry<Response, String>> refusals = new java.util.ArrayList<>();
        refusals.add(Map.entry(d.call(d.f.owner, "GetPhysicalNode"), "NodeId"));
        refusals.add(Map.entry(d.call(d.f.owner, "GetPhysicalNode", "NodeId", "12345"), "NodeId"));
        refusals.add(Map.entry(d.call(d.f.owner, "GetPhysicalNode", "NodeId", "n_" + a, "Env", "TEST"), "Env"));
        refusals.add(Map.entry(d.call(d.f.owner, "GetPhysicalNodeContent"), "NodeId"));
        refusals.add(Map.entry(d.call(d.f.owner, "GetPhysicalNodeOperationLog"), "NodeId"));
        refusals.add(Map.entry(d.call(d.f.owner, "GetPhysicalNodeByOutputName"), "OutputName"));
        refusals.add(Map.entry(d.call(d.f.owner, "GetNodeUpDownStream"), "NodeId"));
        refusals.add(Map.entry(d.call(d.f.owner, "ListNodeDownStream"), "ListQuery"));
        refusals.add(Map.entry(d.call(d.f.owner, "ListNodeDownStream", "ListQuery", json(Map.of("NodeIdList", List.of(Map.of("Id", "x_1"))))),
                "ListQuery.NodeIdList[0].Id"));
        refusals.add(Map.entry(d.call(d.f.owner, "ListNodes"), "ListQuery"));
        refusals.add(Map.entry(d.call(d.f.owner, "ListNodes", "ListQuery", json(Map.of("NodeBizType", "SCRIPT", "NodeSubBizTypeList", List.of("VIRTUAL")))),
                "ListQuery.ProjectId"));
        refusals.add(Map.entry(d.call(d.f.owner, "ListNodes", "ListQuery", json(Map.of("ProjectId", project, "NodeBizType", "TABLE",
                "NodeSubBizTypeList", List.of("VIRTUAL")))), "ListQuery.NodeBizType"));
        refusals.add(Map.entry(d.call(d.f.owner, "GetDevObjectDependency", "ObjectFrom", "DATA_PROCESS", "ObjectType", "FILE_ID", "ProjectId", project),
                "ObjectId"));
        refusals.add(Map.entry(d.call(d.f.owner, "PausePhysicalNode"), "PauseCommand"));
        refusals.add(Map.entry(d.call(d.f.owner, "PausePhysicalNode", "PauseCommand", json(Map.of("ProjectId", project))), "PauseCommand.NodeIdList"));
        refusals.add(Map.entry(d.call(d.f.owner, "ResumePhysicalNode", "ResumeCommand", json(Map.of("NodeIdList", List.of("n_" + a)))),
                "ResumeCommand.ProjectId"));
        refusals.add(Map.entry(d.call(d.f.owner, "PausePhysicalNode", "Env", "DEV", "PauseCommand", json(Map.of("ProjectId", project,
                "NodeIdList", List.of("n_" + a)))), "Env"));
        refusals.forEach(refusal -> {
            Response response = refusal.getKey();
            String path = refusal.getValue();
            assertThat(response.status()).as(path + ": " + response.body()).isEqualTo(400);
            assertThat(response.code()).as(path).isIn("MissingParameter", "InvalidParameter", "MissingParameter." + path);
            assertThat(response.message()).as(path).contains(path);
        });
        assertThat(holds.held(d.f.tenant(), project, "n_" + a)).isFalse();
    }
}
