package dev.sluice.develop.batch;

import static dev.sluice.develop.DevFixture.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.aliyuncs.exceptions.ClientException;

import dev.sluice.dispatch.RpcJson;
import dev.sluice.develop.DevFixture;
import dev.sluice.develop.DevProjectTest;
import dev.sluice.platform.PlatformFixture.Sub;
import dev.sluice.platform.project.Project;
import dev.sluice.platform.project.ProjectDraft;
import dev.sluice.platform.project.ProjectMode;
import dev.sluice.testsupport.CoreClient;
import dev.sluice.testsupport.RawClient;
import dev.sluice.testsupport.RawClient.Response;
import dev.sluice.testsupport.SluiceServerTest;
import tools.jackson.databind.JsonNode;

/** Batch tasks through their life: drafts, versions, submit checks, publishing and going offline, as callers see it. */
@SluiceServerTest
class BatchTaskOperationsTest extends DevProjectTest {


    Project devProd(String name) {
        return projects.create(new ProjectDraft(d.f.tenant(), name, null, null, ProjectMode.DEV_PROD, null, null, null,
                d.f.account.mainUser().id(), null, null, null, null));
    }

    Response create(RawClient client, long project, String name, int taskType) {
        return d.call(client, "CreateBatchTask", "CreateCommand", json(Map.of("Directory", "/", "Name", name, "Description", name + " task",
                "ProjectId", project, "ScheduleType", 1, "TaskType", taskType)));
    }

    long createOk(long project, String name) {
        Response created = create(d.f.owner, project, name, 999);
        assertThat(created.status()).as(created.body().toString()).isEqualTo(200);
        return created.body().path("CreateResult").path("FileId").asLong();
    }

    static Map<String, Object> command(long project, long file, String name, Object... more) {
        Map<String, Object> command = new HashMap<>(Map.of("ProjectId", project, "FileId", file, "Name", name, "Code", "-- noop",
                "CronExpression", "0 0 2 * * ?"));
        for (int i = 0; i < more.length; i += 2) command.put((String) more[i], more[i + 1]);
        return command;
    }

    Response submit(RawClient client, long project, long file, String name, Object... more) {
        Map<String, Object> command = command(project, file, name, more);
        command.putIfAbsent("Comment", "submit " + name);
        return d.call(client, "SubmitBatchTask", "SubmitCommand", json(command));
    }

    long submitOk(long project, long file, String name, Object... more) {
        Response submitted = submit(d.f.owner, project, file, name, more);
        assertThat(submitted.status()).as(submitted.body().toString()).isEqualTo(200);
        return submitted.body().path("SubmitResult").path("SubmitId").asLong();
    }

    Response publish(long project, List<Long> submits) {
        return d.call(d.f.owner, "PublishObjectList", "PublishCommand", json(Map.of("ProjectId", project, "SubmitIdList", submits,
                "Comment", "release")));
    }

    static Map<String, Object> upstream(String output) {
        return Map.of("SourceNodeOutputName", output, "PeriodDiff", 0, "DependStrategy", "ALL");
    }

    JsonNode info(long project, long file, String env) {
        Response got = d.call(d.f.owner, "GetBatchTaskInfo", "ProjectId", project, "FileId", file, "Env", env, "IncludeAllUpStreams", true);
        assertThat(got.status()).as(got.body().toString()).isEqualTo(200);
        return got.body().path("TaskInfo");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aTaskIsWrittenVersionedPublishedAndGuardedThroughTheTeaClient() {
        var tea = d.f.tea();
        long project = devProd("batch_e2e").id();
        Map<String, Object> created = tea.call("CreateBatchTask", d.query(), Map.of("CreateCommand", json(Map.of("Directory", "/",
                "Name", "load_orders", "Description", "loads orders", "ProjectId", project, "ScheduleType", 1, "TaskType", 999))));
        long a = ((Number) ((Map<String, Object>) created.get("CreateResult")).get("FileId")).longValue();

        tea.call("UpdateBatchTask", d.query(), Map.of("UpdateCommand", json(Map.of("ProjectId", project, "FileId", a, "Name", "load_orders",
                "TaskType", 999, "Code", "-- v1", "CronExpression", "0 0 1 * * ?", "NodeOutputNameList", List.of("orders_out"),
                "ParamList", List.of(Map.of("Key", "region", "Value", "east")), "Priority", 3, "NodeStatus", 1))));
        Map<String, Object> first = tea.call("SubmitBatchTask", d.query(), Map.of("SubmitCommand", json(command(project, a, "load_orders",
                "Code", "-- v1", "Comment", "first", "CronExpression", "0 0 1 * * ?"))));
        long submit1 = ((Number) ((Map<String, Object>) first.get("SubmitResult")).get("SubmitId")).longValue();
        assertThat(((Map<String, Object>) first.get("SubmitResult")).get("NodeId")).isEqualTo("n_" + a);
        assertThat(info(project, a, "DEV").path("NeedPublish").asBoolean()).isTrue();

        tea.call("UpdateBatchTask", d.query(), Map.of("UpdateCommand", json(Map.of("ProjectId", project, "FileId", a, "Name", "load_orders",
                "TaskType", 999, "Code", "-- v2"))));
        long submit2 = submitOk(project, a, "load_orders", "Code", "-- v2", "Comment", "second");
        JsonNode waiting = d.call(d.f.owner, "ListSubmitRecords", "ListQuery", json(Map.of("SearchFilter", Map.of("Page", 1, "PageSize", 10,
                "ProjectIdList", List.of(project))))).body().path("ListResult");
        assertThat(waiting.path("TotalCount").asInt()).as("the first submit was superseded by the second").isEqualTo(1);
        assertThat(waiting.path("Data").get(0).path("Id").asLong()).isEqualTo(submit2);
        assertThat(waiting.path("Data").get(0).path("ObjectVersion").asString()).isEqualTo("2");
        assertThat(waiting.path("Data").get(0).path("ChangeType").asInt()).isZero();

        Map<String, Object> published = tea.call("PublishObjectList", d.query(), Map.of("PublishCommand", json(Map.of("ProjectId", project,
                "SubmitIdList", List.of(submit1, submit2), "Comment", "release 1"))));
        assertThat(((List<Object>) ((Map<String, Object>) published.get("PublishResult")).get("SubmitIdList")).stream()
                .map(n -> ((Number) n).longValue()).toList()).containsExactly(submit2);
        JsonNode records = d.call(d.f.owner, "ListPublishRecords", "ListQuery", json(Map.of("SearchFilter", Map.of("Page", 1, "PageSize", 10,
                "ProjectIdList", List.of(project))))).body().path("ListResult").path("Data");
        assertThat(records).hasSize(2);
        JsonNode failed = records.valueStream().filter(r -> r.path("PublishStatus").asInt() == 0).findFirst().orElseThrow();
        assertThat(failed.path("ErrorMessage").asString()).contains("superseded");

        Map<String, Object> v1 = (Map<String, Object>) tea.call("GetBatchTaskInfoByVersion", d.query("ProjectId", project, "FileId", a,
                "VersionId", 1), Map.of()).get("TaskInfo");
        Map<String, Object> v2 = (Map<String, Object>) tea.call("GetBatchTaskInfoByVersion", d.query("ProjectId", project, "FileId", a,
                "VersionId", 2), Map.of()).get("TaskInfo");
        assertThat(v1).containsEntry("Code", "-- v1").containsEntry("CronExpression", "0 0 1 * * ?");
        assertThat(v2).containsEntry("Code", "-- v2").containsEntry("Published", true);
        JsonNode versions = d.call(d.f.owner, "GetBatchTaskVersions", "ProjectId", project, "FileId", a).body()
                .path("Data").path("BatchTaskVersionList");
        assertThat(versions.valueStream().map(v -> v.path("Version").asString() + ":" + v.path("Published").asBoolean()).toList())
                .containsExactly("2:true", "1:false");
        JsonNode prod = info(project, a, "PROD");
        assertThat(prod.path("Code").asString()).isEqualTo("-- v2");
        assertThat(prod.path("NeedPublish").asBoolean()).isFalse();
        assertThat(prod.path("ParamList").get(0).path("Value").asString()).isEqualTo("east");

        // b depends on a's output; both published, a may not depend on b (a cycle), nor go offline while b depends on it.
        long b = createOk(project, "build_report");
        long submitB = submitOk(project, b, "build_report", "NodeOutputNameList", List.of("report_out"),
                "UpStreamList", List.of(upstream("orders_out")));
        assertThat(publish(project, List.of(submitB)).body().path("PublishResult").path("SubmitIdList").get(0).asLong()).isEqualTo(submitB);
        JsonNode bInfo = info(project, b, "PROD");
        assertThat(bInfo.path("UpStreamList").get(0).path("SourceNodeName").asString()).isEqualTo("load_orders");
        assertThat(bInfo.path("UpStreamList").get(0).path("SourceNodeId").asString()).isEqualTo("n_" + a);

        Response cycle = submit(d.f.owner, project, a, "load_orders", "UpStreamList", List.of(upstream("report_out")));
        assertThat(cycle.status()).isEqualTo(400);
        assertThat(cycle.code()).isEqualTo("InvalidParameter.DependencyCycle");
        assertThat(cycle.message()).contains("load_orders -> build_report -> load_orders");

        Response offline = d.call(d.f.owner, "OfflineBatchTask", "ProjectId", project, "FileId", a, "Comment", "retire");
        assertThat(offline.code()).isEqualTo("OperationDenied.DownstreamDependent");
        assertThat(offline.message()).contains("build_report");

        long offB = d.call(d.f.owner, "OfflineBatchTask", "ProjectId", project, "FileId", b, "Comment", "retire").body()
                .path("OfflineResult").path("PublishObjectId").asLong();
        assertThat(publish(project, List.of(offB)).body().path("PublishResult").path("SubmitIdList")).hasSize(1);
        assertThat(info(project, b, "DEV").path("Published").asBoolean()).isFalse();
        assertThat(d.call(d.f.owner, "OfflineBatchTask", "ProjectId", project, "FileId", a, "Comment", "retire").status()).isEqualTo(200);
    }

    /** One call through aliyun-java-sdk-core: its JSON answer, or the refusal's code as the client reports it. */
    JsonNode core(CoreClient core, String action, Map<String, String> query, String commandName, Map<String, Object> command) throws Exception {
        Map<String, String> body = commandName == null ? Map.of() : Map.of(commandName, json(command));
        return RpcJson.MAPPER.readTree(core.call(action, query, body).getData());
    }

    @Test
    void theSameLifeThroughTheCoreClient() throws Exception {
        CoreClient core = new CoreClient(port, d.f.account.key().accessKeyId(), d.f.account.key().accessKeySecret());
        long project = devProd("batch_core").id();
        long a = core(core, "CreateBatchTask", d.query(), "CreateCommand", Map.of("Directory", "/", "Name", "load_items",
                "Description", "loads items", "ProjectId", project, "ScheduleType", 1, "TaskType", 999)).path("CreateResult").path("FileId").asLong();
        core(core, "UpdateBatchTask", d.query(), "UpdateCommand", Map.of("ProjectId", project, "FileId", a, "Name", "load_items",
                "TaskType", 999, "Code", "-- v1", "NodeOutputNameList", List.of("items_out")));
        long submit1 = core(core, "SubmitBatchTask", d.query(), "SubmitCommand", command(project, a, "load_items", "Code", "-- v1",
                "Comment", "first")).path("SubmitResult").path("SubmitId").asLong();
        core(core, "UpdateBatchTask", d.query(), "UpdateCommand", Map.of("ProjectId", project, "FileId", a, "Name", "load_items",
                "TaskType", 999, "Code", "-- v2"));
        long submit2 = core(core, "SubmitBatchTask", d.query(), "SubmitCommand", command(project, a, "load_items", "Code", "-- v2",
                "Comment", "second")).path("SubmitResult").path("SubmitId").asLong();
        assertThat(info(project, a, "DEV").path("NeedPublish").asBoolean()).isTrue();

        JsonNode published = core(core, "PublishObjectList", d.query(), "PublishCommand", Map.of("ProjectId", project,
                "SubmitIdList", List.of(submit1, submit2), "Comment", "release 1"));
        assertThat(published.path("PublishResult").path("SubmitIdList").valueStream().map(JsonNode::asLong).toList()).containsExactly(submit2);
        JsonNode v1 = core(core, "GetBatchTaskInfoByVersion", d.query("ProjectId", project, "FileId", a, "VersionId", 1), null, null).path("TaskInfo");
        JsonNode v2 = core(core, "GetBatchTaskInfoByVersion", d.query("ProjectId", project, "FileId", a, "VersionId", 2), null, null).path("TaskInfo");
        assertThat(v1.path("Code").asString()).isEqualTo("-- v1");
        assertThat(v2.path("Code").asString()).isEqualTo("-- v2");
        assertThat(v2.path("Published").asBoolean()).isTrue();
        assertThat(info(project, a, "PROD").path("Code").asString()).isEqualTo("-- v2");

        long b = core(core, "CreateBatchTask", d.query(), "CreateCommand", Map.of("Directory", "/", "Name", "items_report",
                "Description", "reports", "ProjectId", project, "ScheduleType", 1, "TaskType", 999)).path("CreateResult").path("FileId").asLong();
        long submitB = core(core, "SubmitBatchTask", d.query(), "SubmitCommand", command(project, b, "items_report", "Comment", "b",
                "NodeOutputNameList", List.of("items_report_out"), "UpStreamList", List.of(upstream("items_out"))))
                .path("SubmitResult").path("SubmitId").asLong();
        core(core, "PublishObjectList", d.query(), "PublishCommand", Map.of("ProjectId", project, "SubmitIdList", List.of(submitB),
                "Comment", "release 2"));
        assertThat(info(project, b, "PROD").path("UpStreamList").get(0).path("SourceNodeName").asString()).isEqualTo("load_items");

        assertThatThrownBy(() -> core(core, "SubmitBatchTask", d.query(), "SubmitCommand", command(project, a, "load_items",
                "Comment", "cycle", "UpStreamList", List.of(upstream("items_report_out")))))
                .isInstanceOfSatisfying(ClientException.class, e -> {
                    assertThat(e.getErrCode()).isEqualTo("InvalidParameter.DependencyCycle");
                    assertThat(e.getErrMsg()).contains("load_items -> items_report -> load_items");
                });
        assertThatThrownBy(() -> core(core, "OfflineBatchTask", d.query("ProjectId", project, "FileId", a, "Comment", "retire"), null, null))
                .isInstanceOfSatisfying(ClientException.class, e -> {
                    assertThat(e.getErrCode()).isEqualTo("OperationDenied.DownstreamDependent");
                    assertThat(e.getErrMsg()).contains("items_report");
                });
    }

    @Test
    void aBasicProjectDeploysAtSubmitAndUpstreamsMustExist() {
        long project = d.project.id();
        long a = createOk(project, "basic_task");
        Response unknown = submit(d.f.owner, project, a, "basic_task", "UpStreamList", List.of(upstream("nobody_writes_this")));
        assertThat(unknown.code()).isEqualTo("InvalidParameter");
        assertThat(unknown.message()).contains("SubmitCommand.UpStreamList[0].SourceNodeOutputName").contains("nobody_writes_this");
        submitOk(project, a, "basic_task", "NodeOutputNameList", List.of("basic_out"));
        JsonNode info = info(project, a, "DEV");
        assertThat(info.path("Published").asBoolean()).isTrue();
        assertThat(info.path("NeedPublish").asBoolean()).isFalse();
        assertThat(info(project, a, "PROD").path("NodeOutputNameList").get(0).asString()).isEqualTo("basic_out");

        Response deleted = d.call(d.f.owner, "DeleteBatchTask", "DeleteCommand", json(Map.of("ProjectId", project, "FileId", a, "Comment", "x")));
        assertThat(deleted.code()).isEqualTo("OperationDenied.InUse");
        assertThat(d.call(d.f.owner, "OfflineBatchTask", "ProjectId", project, "FileId", a, "Comment", "off").status()).isEqualTo(200);
        assertThat(d.call(d.f.owner, "DeleteBatchTask", "DeleteCommand", json(Map.of("ProjectId", project, "FileId", a, "Comment", "x")))
                .status()).isEqualTo(200);
        assertThat(d.call(d.f.owner, "GetBatchTaskInfo", "ProjectId", project, "FileId", a).code()).isEqualTo("EntityNotExist");
    }

    @Test
    void badInputIsRefusedNamingTheParameter() {
        long project = d.project.id();
        long a = createOk(project, "checked");
        Response cron = d.call(d.f.owner, "UpdateBatchTask", "UpdateCommand", json(Map.of("ProjectId", project, "FileId", a, "Name", "checked",
                "TaskType", 999, "Code", "-- noop", "CronExpression", "0 0 25 * * ?")));
        assertThat(cron.code()).isEqualTo("InvalidParameter");
        assertThat(cron.message()).contains("UpdateCommand.CronExpression").contains("0 0 25 * * ?");

        Response window = d.call(d.f.owner, "UpdateBatchTask", "UpdateCommand", json(Map.of("ProjectId", project, "FileId", a, "Name", "checked",
                "TaskType", 999, "Code", "-- noop", "CustomScheduleConfig", Map.of("StartTime", "08:00", "EndTime", "09:00", "Interval", 2,
                        "IntervalUnit", "HOUR", "SchedulePeriod", "DAILY"))));
        assertThat(window.message()).contains("UpdateCommand.CustomScheduleConfig.Interval");

        Response type = create(d.f.owner, project, "typed", 4242);
        assertThat(type.message()).contains("CreateCommand.TaskType");
        Response missing = d.call(d.f.owner, "CreateBatchTask", "CreateCommand", json(Map.of("Directory", "/", "Description", "x",
                "ProjectId", project, "ScheduleType", 1, "TaskType", 999)));
        assertThat(missing.code()).isEqualTo("MissingParameter");
        assertThat(missing.message()).contains("CreateCommand.Name");

        long other = createOk(project, "other");
        d.call(d.f.owner, "UpdateBatchTask", "UpdateCommand", json(Map.of("ProjectId", project, "FileId", a, "Name", "checked",
                "TaskType", 999, "Code", "-- noop", "NodeOutputNameList", List.of("shared_out"))));
        Response taken = d.call(d.f.owner, "UpdateBatchTask", "UpdateCommand", json(Map.of("ProjectId", project, "FileId", other,
                "Name", "other", "TaskType", 999, "Code", "-- noop", "NodeOutputNameList", List.of("shared_out"))));
        assertThat(taken.code()).isEqualTo("InvalidParameter");
        assertThat(taken.message()).contains("UpdateCommand.NodeOutputNameList").contains("shared_out").contains("checked");

        Response tooMany = publish(project, java.util.stream.LongStream.rangeClosed(1, 51).boxed().toList());
        assertThat(tooMany.message()).contains("PublishCommand.SubmitIdList").contains("at most 50");

        // A type Sluice does not run is stored and submitted all the same.
        long maxCompute = create(d.f.owner, project, "mc", 5).body().path("CreateResult").path("FileId").asLong();
        submitOk(project, maxCompute, "mc", "Code", "select 1");
        assertThat(info(project, maxCompute, "PROD").path("TaskType").asInt()).isEqualTo(5);
    }

    @Test
    void membersReadOwnersSubmitAndAnotherTenantsTasksAreUnknown() {
        long project = d.project.id();
        Sub developer = d.member("developer", 2);
        Sub visitor = d.member("visitor", 3);
        long a = createOk(project, "owned");

        Response byVisitor = create(visitor.client(), project, "nope", 999);
        assertThat(byVisitor.status()).isEqualTo(403);
        assertThat(byVisitor.message()).contains("CreateBatchTask on project 'dev_files' may only be called by its administrators and developers");
        assertThat(d.call(visitor.client(), "GetBatchTaskInfo", "ProjectId", project, "FileId", a).status()).isEqualTo(200);

        Response notOwner = submit(developer.client(), project, a, "owned");
        assertThat(notOwner.status()).isEqualTo(403);
        assertThat(notOwner.message()).contains("SubmitBatchTask on batch task 'owned' may only be called by its owner");
        Response publishByDeveloper = d.call(developer.client(), "PublishObjectList", "PublishCommand", json(Map.of("ProjectId", project,
                "SubmitIdList", List.of(1L), "Comment", "x")));
        assertThat(publishByDeveloper.status()).isEqualTo(403);

        DevFixture other = DevFixture.create(port, admin, projects);
        for (Response foreign : List.of(
                other.call(other.f.owner, "GetBatchTaskInfo", "ProjectId", other.project.id(), "FileId", a),
                other.call(other.f.owner, "GetBatchTaskVersions", "ProjectId", other.project.id(), "FileId", a),
                other.call(other.f.owner, "OfflineBatchTask", "ProjectId", other.project.id(), "FileId", a, "Comment", "x"),
                other.call(other.f.owner, "GetLatestSubmitDetail", "SubmitDetailQuery", json(Map.of("ObjectId", String.valueOf(a),
                        "ObjectType", "VIRTUAL"))))) {
            assertThat(foreign.status()).as(foreign.body().toString()).isEqualTo(404);
            assertThat(foreign.code()).isEqualTo("EntityNotExist");
        }
        long submitted = submitOk(project, a, "owned");
        JsonNode detail = d.call(d.f.owner, "GetLatestSubmitDetail", "SubmitDetailQuery", json(Map.of("ObjectId", String.valueOf(a),
                "ObjectType", "VIRTUAL"))).body().path("SubmitDetailResult");
        assertThat(detail.path("Id").asLong()).isEqualTo(submitted);
        assertThat(detail.path("SubmitStatus").asString()).isEqualTo("PUBLISHED");
        assertThat(detail.path("ReleaseObject").path("ChangeType").asString()).isEqualTo("CREATE");
        Response foreignPublish = other.call(other.f.owner, "PublishObjectList", "PublishCommand", json(Map.of("ProjectId", other.project.id(),
                "SubmitIdList", List.of(submitted), "Comment", "x")));
        assertThat(foreignPublish.code()).isEqualTo("EntityNotExist");
    }

    @Test
    void twoTasksClaimingOneOutputAtOnceOneWins() throws Exception {
        long project = d.project.id();
        List<Long> tasks = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) tasks.add(createOk(project, "racer" + i));
        var pool = java.util.concurrent.Executors.newFixedThreadPool(tasks.size());
        try {
            var start = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<Response>> futures = new java.util.ArrayList<>();
            for (int i = 0; i < tasks.size(); i++) {
                long file = tasks.get(i);
                String name = "racer" + i;
                futures.add(pool.submit(() -> {
                    start.await();
                    return d.call(d.f.owner, "UpdateBatchTask", "UpdateCommand", json(Map.of("ProjectId", project, "FileId", file,
                            "Name", name, "TaskType", 999, "Code", "-- race", "NodeOutputNameList", List.of("contested_out"))));
                }));
            }
            start.countDown();
            List<Response> answers = new java.util.ArrayList<>();
            for (var f : futures) answers.add(f.get());
            assertThat(answers.stream().filter(r -> r.status() == 200)).as(answers.toString()).hasSize(1);
            assertThat(answers.stream().filter(r -> r.status() != 200).map(Response::code).distinct().toList()).containsExactly("InvalidParameter");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void eachOperationNamesItsMissingParameter() {
        long project = d.project.id();
        long task = createOk(project, "needs");
        Map<String, Object[]> calls = new java.util.LinkedHashMap<>();
        calls.put("CreateCommand.Directory", new Object[] {"CreateBatchTask", "CreateCommand", json(Map.of("Name", "x", "Description", "x",
                "ProjectId", project, "ScheduleType", 1, "TaskType", 999))});
        calls.put("UpdateCommand.Code", new Object[] {"UpdateBatchTask", "UpdateCommand", json(Map.of("ProjectId", project, "FileId", task,
                "Name", "needs", "TaskType", 999))});
        calls.put("SubmitCommand.Comment", new Object[] {"SubmitBatchTask", "SubmitCommand", json(Map.of("ProjectId", project, "FileId", task,
                "Name", "needs", "Code", "-- x"))});
        calls.put("DeleteCommand.Comment", new Object[] {"DeleteBatchTask", "DeleteCommand", json(Map.of("ProjectId", project, "FileId", task))});
        calls.put("Comment", new Object[] {"OfflineBatchTask", "ProjectId", project, "FileId", task});
        calls.put("FileId", new Object[] {"GetBatchTaskInfo", "ProjectId", project});
        calls.put("VersionId", new Object[] {"GetBatchTaskInfoByVersion", "ProjectId", project, "FileId", task});
        calls.put("ProjectId", new Object[] {"GetBatchTaskVersions", "FileId", task});
        calls.put("PublishCommand.SubmitIdList", new Object[] {"PublishObjectList", "PublishCommand", json(Map.of("ProjectId", project,
                "Comment", "x"))});
        calls.put("ListQuery.SearchFilter.ProjectIdList", new Object[] {"ListSubmitRecords", "ListQuery", json(Map.of("SearchFilter",
                Map.of("Page", 1, "PageSize", 10)))});
        calls.put("ListQuery.SearchFilter.Page", new Object[] {"ListPublishRecords", "ListQuery", json(Map.of("SearchFilter",
                Map.of("PageSize", 10, "ProjectIdList", List.of(project))))});
        calls.put("SubmitDetailQuery.ObjectType", new Object[] {"GetLatestSubmitDetail", "SubmitDetailQuery", json(Map.of("ObjectId", "1"))});
        calls.put("UpdateCommand.LineageGroupList", new Object[] {"UpdateBatchTaskUdfLineages", "UpdateCommand", json(Map.of("ProjectId", project,
                "FileId", task))});
        calls.forEach((path, call) -> {
            Response answer = d.call(d.f.owner, (String) call[0], java.util.Arrays.copyOfRange(call, 1, call.length));
            assertThat(answer.code()).as(call[0] + " " + answer.body()).isEqualTo("MissingParameter");
            assertThat(answer.message()).as((String) call[0]).contains("'" + path + "'");
        });
    }
}
