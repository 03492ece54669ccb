package dev.sluice.develop.resource;

import static dev.sluice.develop.DevFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.sluice.develop.DevFixture;
import dev.sluice.develop.DevProjectTest;
import dev.sluice.platform.PlatformFixture.Sub;
import dev.sluice.platform.project.Project;
import dev.sluice.platform.project.ProjectDraft;
import dev.sluice.platform.project.ProjectMode;
import dev.sluice.runner.Engine;
import dev.sluice.storage.ObjectStore;
import dev.sluice.testsupport.CoreClient;
import dev.sluice.testsupport.RawClient;
import dev.sluice.testsupport.RawClient.Response;
import dev.sluice.testsupport.SluiceServerTest;
import dev.sluice.protocol.PopException;

/** Resources on uploaded files and UDFs on JAR resources, versioned, guarded and isolated, as callers see them. */
@SluiceServerTest
class ResourceOperationsTest extends DevProjectTest {

    @Autowired
    ObjectStore store;

    @Autowired
    UdfRuns udfRuns;

    @Autowired
    dev.sluice.develop.version.VersionedObjects objects;

    /** Uploads {@code content} through a handed-out credential of the project; the object's key. */
    String upload(RawClient client, long project, String content) throws Exception {
        return upload(d, client, project, content);
    }

    static String upload(DevFixture d, RawClient client, long project, String content) throws Exception {
        Response answer = d.call(client, "GetFileStorageCredential", "ProjectId", project, "Purpose", "RESOURCE");
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        assertThat(DevFixture.put(answer.body().path("StorageCredential").path("SecurityToken").asString(), bytes)).isEqualTo(200);
        return answer.body().path("StorageCredential").path("ObjectName").asString();
    }

    Map<String, Object> resource(long project, String name, String type, String address) {
        return Map.of("Comment", "first", "ComputeEngineType", "MAX_COMPUTE", "Description", name + " file", "Directory", "/",
                "Name", name, "ProjectId", project, "ResourceType", type, "StorageAddress", address);
    }

    Response createResource(RawClient client, Map<String, Object> command) {
        return d.call(client, "CreateResource", "CreateCommand", json(command));
    }

    long createResourceOk(String name, String type, String address) {
        Response created = createResource(d.f.owner, resource(d.project.id(), name, type, address));
        assertThat(created.status()).as(created.body().toString()).isEqualTo(200);
        return created.body().path("Data").asLong();
    }

    Map<String, Object> udf(long project, String name, List<Long> resources) {
        return Map.of("Category", 4, "ClassName", "com.example.udf.Lower", "CommandHelp", name + "(s)", "Comment", "first",
                "ComputeEngineType", "MAX_COMPUTE", "Description", "lower case", "Name", name, "ProjectId", project,
                "RefResourceIdList", resources);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aResourceIsUploadedVersionedAndUsedByAUdfThroughBothClients() throws Exception {
        var tea = d.f.tea();
        long project = d.project.id();
        String first = upload(d.f.owner, project, "PK-first-jar");
        Map<String, Object> created = tea.call("CreateResource", d.query(), Map.of("CreateCommand",
                json(resource(project, "udf_lower.jar", "jar", first))));
        long id = ((Number) created.get("Data")).longValue();

        Map<String, Object> info = (Map<String, Object>) tea.call("GetResource", d.query("ProjectId", project, "Name", "udf_lower.jar"),
                Map.of()).get("ResourceInfo");
        assertThat(info).containsEntry("Id", id).containsEntry("Name", "udf_lower.jar").containsEntry("ResourceType", "JAR")
                .containsEntry("StorageAddress", first).containsEntry("Size", 12L).containsEntry("Directory", "/")
                .containsEntry("ComputeEngineType", "MAX_COMPUTE").containsEntry("Creator", String.valueOf(d.f.account.mainUser().id()));
        assertThat(store.stat(first).orElseThrow().size()).isEqualTo(12);

        String second = upload(d.f.owner, project, "PK-second-jar-bigger");
        tea.call("UpdateResource", d.query(), Map.of("UpdateCommand", json(Map.of("Comment", "second", "ComputeEngineType", "HADOOP",
                "Description", "now bigger", "Id", id, "Name", "udf_lower.jar", "ProjectId", project, "StorageAddress", second))));
        CoreClient core = new CoreClient(port, d.f.account.key().accessKeyId(), d.f.account.key().accessKeySecret());
        String v1 = core.call("GetResourceByVersion", d.query("ProjectId", project, "Name", "udf_lower.jar", "VersionId", 1), Map.of()).getData();
        assertThat(v1).contains("\"StorageAddress\":\"" + first + "\"", "\"Size\":12", "\"ComputeEngineType\":\"MAX_COMPUTE\"");
        String v2 = core.call("GetResourceByVersion", d.query("ProjectId", project, "Name", "udf_lower.jar", "VersionId", 2), Map.of()).getData();
        assertThat(v2).contains("\"StorageAddress\":\"" + second + "\"", "\"Size\":20", "\"Description\":\"now bigger\"");
        Response v3 = d.call(d.f.owner, "GetResourceByVersion", "ProjectId", project, "Name", "udf_lower.jar", "VersionId", 3);
        assertThat(v3.status()).isEqualTo(404);

        Map<String, Object> udfCreated = tea.call("CreateUdf", d.query(), Map.of("CreateCommand", json(udf(project, "my_lower", List.of(id)))));
        long udfId = ((Number) udfCreated.get("Data")).longValue();
        tea.call("UpdateUdf", d.query(), Map.of("UpdateCommand", json(Map.of("Category", 10, "ClassName", "com.example.udf.Lower2",
                "CommandHelp", "my_lower(s)", "Comment", "second", "Description", "v2", "Id", udfId, "ProjectId", project,
                "RefResourceIdList", List.of(id)))));
        Map<String, Object> udfInfo = (Map<String, Object>) tea.call("GetUdf", d.query("ProjectId", project, "Id", udfId), Map.of())
                .get("UdfInfo");
        assertThat(udfInfo).containsEntry("Name", "my_lower").containsEntry("ClassName", "com.example.udf.Lower2")
                .containsEntry("Category", 10L).containsEntry("Directory", "/");
        String udfV1 = core.call("GetUdfByVersion", d.query("ProjectId", project, "Id", udfId, "VersionId", 1), Map.of()).getData();
        assertThat(udfV1).contains("\"ClassName\":\"com.example.udf.Lower\"", "\"Category\":4");

        Response refused = d.call(d.f.owner, "DeleteResource", "ProjectId", project, "Id", id, "Comment", "cleanup");
        assertThat(refused.status()).as(refused.body().toString()).isIn(400, 409);
        assertThat(refused.message()).contains("udf_lower.jar", "my_lower");

        // No engine of Sluice registers the UDF: a run that calls it is refused with a code naming the engine.
        assertThat(org.assertj.core.api.Assertions.catchThrowableOfType(PopException.class, () -> udfRuns.requireRunnable(d.f.tenant(),
                project, List.of("upper", "MY_LOWER"), new Engine(d.f.tenant(), Engine.Kind.COMPUTE, 1, "cs", "DUCKDB",
                        Engine.Dialect.DUCKDB, "main", true))).getMessage()).contains("my_lower", "DUCKDB");

        assertThat(d.call(d.f.owner, "DeleteUdf", "ProjectId", project, "Id", udfId, "Comment", "cleanup").status()).isEqualTo(200);
        assertThat(d.call(d.f.owner, "DeleteResource", "ProjectId", project, "Id", id, "Comment", "cleanup").status()).isEqualTo(200);
        assertThat(d.call(d.f.owner, "GetResource", "ProjectId", project, "Name", "udf_lower.jar").status()).isEqualTo(404);
        assertThat(d.call(d.f.owner, "GetUdf", "ProjectId", project, "Id", udfId).status()).isEqualTo(404);
    }

    @Test
    void missingAndInvalidParametersAreNamed() throws Exception {
        long project = d.project.id();
        Map<String, Object> noAddress = new HashMap<>(resource(project, "a.jar", "JAR", "x"));
        noAddress.remove("StorageAddress");
        Response missing = createResource(d.f.owner, noAddress);
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.code()).isEqualTo("MissingParameter");
        assertThat(missing.message()).contains("CreateCommand.StorageAddress");

        String notUploaded = d.f.tenant() + "/" + project + "/" + "0".repeat(32) + "/resource";
        Response absent = createResource(d.f.owner, resource(project, "a.jar", "JAR", notUploaded));
        assertThat(absent.status()).isEqualTo(400);
        assertThat(absent.code()).isEqualTo("InvalidParameter");
        assertThat(absent.message()).contains("CreateCommand.StorageAddress", "no object was uploaded");

        Project other = projects.create(new ProjectDraft(d.f.tenant(), "res_other", null, null, ProjectMode.BASIC, null, null, null,
                d.f.account.mainUser().id(), null, null, null, null));
        String otherKey = upload(d.f.owner, other.id(), "other project's file");
        Response foreignKey = createResource(d.f.owner, resource(project, "a.jar", "JAR", otherKey));
        assertThat(foreignKey.status()).isEqualTo(400);
        assertThat(foreignKey.message()).contains("CreateCommand.StorageAddress", "not an uploaded object of this project");

        Response badType = createResource(d.f.owner, resource(project, "a.jar", "ZIP", otherKey));
        assertThat(badType.status()).isEqualTo(400);
        assertThat(badType.message()).contains("CreateCommand.ResourceType");

        String key = upload(d.f.owner, project, "data");
        long csv = createResourceOk("data.csv", "FILE", key);
        Response taken = createResource(d.f.owner, new HashMap<>(Map.of("Comment", "c", "ComputeEngineType", "NONE", "Description", "d",
                "Directory", "/", "Name", "data.csv", "ProjectId", project, "ResourceType", "FILE", "StorageAddress", key)));
        assertThat(taken.status()).isIn(400, 409);
        assertThat(taken.message()).contains("data.csv");

        Response noJar = d.call(d.f.owner, "CreateUdf", "CreateCommand", json(udf(project, "f1", List.of(csv))));
        assertThat(noJar.status()).isEqualTo(400);
        assertThat(noJar.message()).contains("CreateCommand.RefResourceIdList", "JAR");
        long jar = createResourceOk("lib.jar", "JAR", upload(d.f.owner, project, "PK"));
        Map<String, Object> badClass = new HashMap<>(udf(project, "f1", List.of(jar)));
        badClass.put("ClassName", "com.example.1Bad");
        Response cls = d.call(d.f.owner, "CreateUdf", "CreateCommand", json(badClass));
        assertThat(cls.status()).isEqualTo(400);
        assertThat(cls.message()).contains("CreateCommand.ClassName");
        Response unknownRef = d.call(d.f.owner, "CreateUdf", "CreateCommand", json(udf(project, "f1", List.of(jar, 987654321L))));
        assertThat(unknownRef.status()).isEqualTo(400);
        assertThat(unknownRef.message()).contains("CreateCommand.RefResourceIdList[1]");
        Response badName = d.call(d.f.owner, "CreateUdf", "CreateCommand", json(udf(project, "bad-name", List.of(jar))));
        assertThat(badName.status()).isEqualTo(400);
        assertThat(badName.message()).contains("CreateCommand.Name");
        Map<String, Object> badCategory = new HashMap<>(udf(project, "f1", List.of(jar)));
        badCategory.put("Category", 11);
        assertThat(d.call(d.f.owner, "CreateUdf", "CreateCommand", json(badCategory)).message()).contains("CreateCommand.Category");

        Response noName = d.call(d.f.owner, "GetResource", "ProjectId", project);
        assertThat(noName.code()).isEqualTo("MissingParameter");
        assertThat(noName.message()).contains("Name");
        Response noComment = d.call(d.f.owner, "DeleteResource", "ProjectId", project, "Id", jar);
        assertThat(noComment.code()).isEqualTo("MissingParameter");
        assertThat(noComment.message()).contains("Comment");
    }

    @Test
    void visitorsReadDevelopersWriteOwnersDeleteAndAnotherTenantSeesNothing() throws Exception {
        long project = d.project.id();
        Sub developer = d.member("developer", 2);
        Sub visitor = d.member("visitor", 3);
        String key = upload(developer.client(), project, "PK-dev");
        Response created = createResource(developer.client(), resource(project, "dev.jar", "JAR", key));
        assertThat(created.status()).as(created.body().toString()).isEqualTo(200);
        long id = created.body().path("Data").asLong();

        Response visitorCreate = createResource(visitor.client(), resource(project, "v.jar", "JAR", key));
        assertThat(visitorCreate.status()).isEqualTo(403);
        assertThat(visitorCreate.message()).contains("administrators and developers");
        assertThat(d.call(visitor.client(), "GetResource", "ProjectId", project, "Name", "dev.jar").status()).isEqualTo(200);
        Response visitorUdf = d.call(visitor.client(), "CreateUdf", "CreateCommand", json(udf(project, "f2", List.of(id))));
        assertThat(visitorUdf.status()).isEqualTo(403);

        Sub otherDeveloper = d.member("developer2", 2);
        Response notOwner = d.call(otherDeveloper.client(), "DeleteResource", "ProjectId", project, "Id", id, "Comment", "x");
        assertThat(notOwner.status()).isEqualTo(403);
        assertThat(notOwner.message()).contains("its owner, the project's administrators");

        DevFixture other = DevFixture.create(port, admin, projects);
        Response foreign = other.call(other.f.owner, "GetResource", "ProjectId", project, "Name", "dev.jar");
        Response unknown = other.call(other.f.owner, "GetResource", "ProjectId", 987654321, "Name", "dev.jar");
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.code()).isEqualTo(unknown.code());
        Response foreignInOwnProject = other.call(other.f.owner, "DeleteResource", "ProjectId", other.project.id(), "Id", id, "Comment", "x");
        assertThat(foreignInOwnProject.status()).isEqualTo(404);
        Response foreignRef = other.call(other.f.owner, "CreateUdf", "CreateCommand", json(udf(other.project.id(), "f3", List.of(id))));
        assertThat(foreignRef.status()).isEqualTo(400);
        assertThat(foreignRef.message()).contains("RefResourceIdList[0]");
        String otherKey = upload(other, other.f.owner, other.project.id(), "PK-other");
        Response foreignUpdate = other.call(other.f.owner, "UpdateResource", "UpdateCommand", json(Map.of("Comment", "c",
                "ComputeEngineType", "HADOOP", "Description", "d", "Id", id, "Name", "dev.jar", "ProjectId", other.project.id(),
                "StorageAddress", otherKey)));
        assertThat(foreignUpdate.status()).isEqualTo(404);

        assertThat(d.call(developer.client(), "DeleteResource", "ProjectId", project, "Id", id, "Comment", "done").status()).isEqualTo(200);
    }

    @Test
    void inADevProdProjectVersionsWaitForPublishingAndADeleteLeavesProductionThroughIt() throws Exception {
        Project project = projects.create(new ProjectDraft(d.f.tenant(), "res_devprod", null, null, ProjectMode.DEV_PROD, null, null, null,
                d.f.account.mainUser().id(), null, null, null, null));
        long id = createResource(d.f.owner, resource(project.id(), "p.jar", "JAR", upload(d.f.owner, project.id(), "PK-prod")))
                .body().path("Data").asLong();
        assertThat(d.call(d.f.owner, "CheckProjectHasDependency", "Id", project.id()).body().path("Data").asBoolean()).isTrue();
        var object = objects.find(d.f.tenant(), id).orElseThrow();
        assertThat(object.latestVersion()).isEqualTo(1);
        assertThat(object.inProduction()).isFalse();
        long submit = objects.latestSubmit(object).orElseThrow().id();
        Response published = d.call(d.f.owner, "PublishObjectList", "PublishCommand", json(Map.of("ProjectId", project.id(),
                "SubmitIdList", List.of(submit), "Comment", "release")));
        assertThat(published.status()).as(published.body().toString()).isEqualTo(200);
        assertThat(published.body().path("PublishResult").path("SubmitIdList").get(0).asLong()).isEqualTo(submit);

        // In production: the delete is a change waiting for publishing; the resource stays until it is published.
        assertThat(d.call(d.f.owner, "DeleteResource", "ProjectId", project.id(), "Id", id, "Comment", "retire").status()).isEqualTo(200);
        assertThat(d.call(d.f.owner, "GetResource", "ProjectId", project.id(), "Name", "p.jar").status()).isEqualTo(200);
        Response again = d.call(d.f.owner, "DeleteResource", "ProjectId", project.id(), "Id", id, "Comment", "retire");
        assertThat(again.message()).contains("waits for publishing");
    }

    @Test
    void resourcesAndUdfsMoveWithAnOwnershipTransfer() throws Exception {
        long project = d.project.id();
        Sub leaver = d.member("leaver", 2);
        Sub heir = d.member("heir", 2);
        long id = createResource(leaver.client(), resource(project, "l.jar", "JAR", upload(leaver.client(), project, "PK-l")))
                .body().path("Data").asLong();
        long transfer = d.call(d.f.owner, "TransferOwnershipForAllObject", "PrivilegeTransferRecord", json(Map.of("OldOwner", leaver.id(),
                "NewOwner", heir.id(), "TransferComment", "leaving"))).body().path("Data").asLong();
        java.time.Instant deadline = java.time.Instant.now().plusSeconds(10);
        String status;
        do {
            Thread.sleep(100);
            status = d.call(d.f.owner, "GetTransferInfo", "ProposalId", transfer).body().path("Data").path("TransferStatus").asString();
        } while ((status.equals("PENDING") || status.equals("RUNNING")) && java.time.Instant.now().isBefore(deadline));
        assertThat(status).isEqualTo("SUCCESS");
        assertThat(d.call(leaver.client(), "DeleteResource", "ProjectId", project, "Id", id, "Comment", "x").status()).isEqualTo(403);
        assertThat(d.call(heir.client(), "DeleteResource", "ProjectId", project, "Id", id, "Comment", "x").status()).isEqualTo(200);
    }
}
