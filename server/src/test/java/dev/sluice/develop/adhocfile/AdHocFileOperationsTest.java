package dev.sluice.develop.adhocfile;

import static dev.sluice.develop.DevFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.sluice.develop.DevFixture;
import dev.sluice.develop.DevProjectTest;
import dev.sluice.develop.tree.Category;
import dev.sluice.develop.tree.DevFile;
import dev.sluice.develop.tree.DevFiles;
import dev.sluice.develop.tree.TreeKey;
import dev.sluice.platform.PlatformFixture.Sub;
import dev.sluice.platform.project.Env;
import dev.sluice.testsupport.RawClient.Response;
import dev.sluice.testsupport.SluiceServerTest;
import tools.jackson.databind.JsonNode;

/** Ad hoc query files: personal SQL files in the tempCode tree, as callers see them. */
@SluiceServerTest
class AdHocFileOperationsTest extends DevProjectTest {

    @Autowired
    DevFiles files;

    @Test
    void anAdHocFileIsCreatedReadUpdatedAndDeletedThroughTheTeaClient() {
        var tea = d.f.tea();
        long project = d.project.id();
        d.mkdirOk("tempCode", "/", "reports");
        Map<String, Object> created = tea.call("CreateAdHocFile", d.query(), Map.of("CreateCommand", json(Map.of(
                "Directory", "/reports/", "Name", "daily sales", "Content", "select 1;\nselect 2;", "ProjectId", project))));
        long id = ((Number) created.get("FileId")).longValue();

        @SuppressWarnings("unchecked")
        Map<String, Object> info = (Map<String, Object>) tea.call("GetAdHocFile", d.query("FileId", id, "ProjectId", project), Map.of())
                .get("FileInfo");
        assertThat(info).containsEntry("Name", "daily sales").containsEntry("Directory", "/reports")
                .containsEntry("Content", "select 1;\nselect 2;").containsEntry("Creator", d.f.ownerId())
                .containsEntry("LastModifier", d.f.ownerId());
        assertThat(((Number) info.get("Id")).longValue()).isEqualTo(id);
        assertThat(((Number) info.get("ProjectId")).longValue()).isEqualTo(project);

        tea.call("UpdateAdHocFile", d.query(), Map.of("UpdateCommand", json(Map.of("FileId", id, "Content", "select 42", "ProjectId", project))));
        JsonNode listed = d.list(d.f.owner, "tempCode", "/", true, "DEV").body().get("FileList");
        assertThat(listed).hasSize(2);
        assertThat(listed.get(1).get("Content").asString()).isEqualTo("select 42");
        assertThat(listed.get(1).get("FileType").asString()).isEqualTo("adhoc");
        assertThat(listed.get(1).get("Category").asString()).isEqualTo("tempCode");

        tea.call("DeleteAdHocFile", d.query("FileId", id, "ProjectId", project), Map.of());
        Response gone = d.call(d.f.owner, "GetAdHocFile", "FileId", id, "ProjectId", project);
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.message()).isEqualTo("The file '" + id + "' does not exist.");
    }

    @Test
    void adHocFilesArePersonalOthersInTheProjectNeitherSeeNorChangeThem() {
        Sub developer = d.member("developer", 2);
        long mine = d.createAdHocOk(d.f.owner, "/", "scratch", "select 'owner'");

        assertThat(d.call(developer.client(), "GetAdHocFile", "FileId", mine, "ProjectId", d.project.id()).code()).isEqualTo("EntityNotExist");
        assertThat(d.call(developer.client(), "UpdateAdHocFile", "UpdateCommand", json(Map.of("FileId", mine, "Content", "x",
                "ProjectId", d.project.id()))).code()).isEqualTo("EntityNotExist");
        assertThat(d.call(developer.client(), "DeleteAdHocFile", "FileId", mine, "ProjectId", d.project.id()).code()).isEqualTo("EntityNotExist");
        assertThat(d.call(developer.client(), "UpdateFileName", "FileId", mine, "Name", "x", "ProjectId", d.project.id()).code())
                .isEqualTo("EntityNotExist");
        assertThat(d.paths(developer.client(), "tempCode", "/", true)).isEmpty();
        assertThat(d.call(developer.client(), "GetDirectoryTree", "Category", "tempCode", "ProjectId", d.project.id())
                .body().get("Data").size()).isZero();

        long theirs = d.createAdHocOk(developer.client(), "/", "scratch", "select 'developer'"); // the same path, an own tree
        assertThat(d.call(developer.client(), "GetAdHocFile", "FileId", theirs, "ProjectId", d.project.id())
                .body().get("FileInfo").get("Content").asString()).isEqualTo("select 'developer'");
        assertThat(d.paths(d.f.owner, "tempCode", "/", true)).containsExactly("/scratch");
        assertThat(d.call(d.f.owner, "GetAdHocFile", "FileId", mine, "ProjectId", d.project.id())
                .body().get("FileInfo").get("Content").asString()).isEqualTo("select 'owner'");
    }

    @Test
    void visitorsAndOutsidersMayNotWriteAndAnotherTenantsIdsAreUnknown() {
        Sub visitor = d.member("visitor", 3);
        Sub analyst = d.member("analyst", 4);
        Response refused = d.createAdHoc(visitor.client(), "/", "q", "select 1");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.message()).contains("CreateAdHocFile on project 'dev_files' may only be called by its administrators, developers and analysts");
        assertThat(d.createAdHoc(d.f.sub("outsider").client(), "/", "q", "select 1").status()).isEqualTo(403);
        long analysts = d.createAdHocOk(analyst.client(), "/", "q", "select 1");

        DevFixture other = DevFixture.create(port, admin, projects);
        Response foreignProject = other.createAdHoc(other.f.owner, "/", "q", "select 1");
        assertThat(foreignProject.status()).isEqualTo(200); // its own project: fine
        Response intoOurs = other.call(other.f.owner, "CreateAdHocFile", "CreateCommand", json(Map.of("Directory", "/", "Name", "q",
                "Content", "select 1", "ProjectId", d.project.id())));
        assertThat(intoOurs.message()).isEqualTo("The project '" + d.project.id() + "' does not exist.");
        for (Response foreignFile : List.of(
                other.call(other.f.owner, "GetAdHocFile", "FileId", analysts, "ProjectId", other.project.id()),
                other.call(other.f.owner, "DeleteAdHocFile", "FileId", analysts, "ProjectId", other.project.id()),
                other.call(other.f.owner, "UpdateAdHocFile", "UpdateCommand", json(Map.of("FileId", analysts, "Content", "x",
                        "ProjectId", other.project.id()))),
                other.call(other.f.owner, "GetAdHocFile", "FileId", analysts, "ProjectId", d.project.id()))) {
            assertThat(foreignFile.status()).as(foreignFile.body().toString()).isEqualTo(404);
            assertThat(foreignFile.code()).isEqualTo("EntityNotExist");
        }
    }

    @Test
    void directoriesAndOtherKindsOfFileAreNotAdHocFilesAndTheParentMustExist() {
        long dir = d.mkdirOk("tempCode", "/", "folder");
        Response deleteDir = d.call(d.f.owner, "DeleteAdHocFile", "FileId", dir, "ProjectId", d.project.id());
        assertThat(deleteDir.code()).isEqualTo("InvalidParameter");
        assertThat(deleteDir.message()).contains("FileId", "'/folder' is a directory, not an ad hoc query file");
        assertThat(d.call(d.f.owner, "GetAdHocFile", "FileId", dir, "ProjectId", d.project.id()).message()).contains("is a directory");

        // A code task's file, as the batch task module will store it through the same store.
        TreeKey code = TreeKey.of(d.f.tenant(), d.project.id(), Category.CODE_MANAGE, Env.DEV, d.f.account.mainUser().id());
        DevFile task = files.createFile(code, "/", "task", "MAX_COMPUTE_SQL", "select 1", d.f.account.mainUser().id(), "Directory", "Name");
        assertThat(files.at(code, "/task", "Path")).map(DevFile::id).contains(task.id());
        Response notAdHoc = d.call(d.f.owner, "GetAdHocFile", "FileId", task.id(), "ProjectId", d.project.id());
        assertThat(notAdHoc.message()).contains("FileId", "a file of category codeManage");
        assertThat(d.call(d.f.owner, "DeleteAdHocFile", "FileId", task.id(), "ProjectId", d.project.id()).code()).isEqualTo("InvalidParameter");

        Response noParent = d.createAdHoc(d.f.owner, "/missing", "q", "select 1");
        assertThat(noParent.message()).contains("CreateCommand.Directory", "'/missing' does not exist");
        Response badName = d.createAdHoc(d.f.owner, "/", "..", "select 1");
        assertThat(badName.message()).contains("CreateCommand.Name");
    }

    @Test
    void sqlLongerThanTheLimitIsRefusedByItsOwnParameter() {
        String largest = "x".repeat(524_288);
        long id = d.createAdHocOk(d.f.owner, "/", "big", largest);
        assertThat(d.call(d.f.owner, "GetAdHocFile", "FileId", id, "ProjectId", d.project.id())
                .body().get("FileInfo").get("Content").asString()).hasSize(524_288);
        Response tooLong = d.createAdHoc(d.f.owner, "/", "bigger", largest + "x");
        assertThat(tooLong.code()).isEqualTo("InvalidParameter");
        assertThat(tooLong.message()).contains("CreateCommand.Content", "524288");
        Response updateTooLong = d.call(d.f.owner, "UpdateAdHocFile", "UpdateCommand", json(Map.of("FileId", id, "Content", largest + "x",
                "ProjectId", d.project.id())));
        assertThat(updateTooLong.message()).contains("UpdateCommand.Content");
    }

    @Test
    void everyRequiredParameterIsNamedWhenMissing() {
        long id = d.createAdHocOk(d.f.owner, "/", "q", "select 1");
        long project = d.project.id();
        Map<String, Object> create = Map.of("Content", "select 1", "Directory", "/", "Name", "n", "ProjectId", project);
        Map<String, Object> update = Map.of("Content", "select 2", "FileId", id, "ProjectId", project);
        for (var struct : Map.of("CreateAdHocFile", Map.entry("CreateCommand", create), "UpdateAdHocFile", Map.entry("UpdateCommand", update))
                .entrySet()) {
            for (String left : struct.getValue().getValue().keySet()) {
                Map<String, Object> partial = new HashMap<>(struct.getValue().getValue());
                partial.remove(left);
                Response missing = d.call(d.f.owner, struct.getKey(), struct.getValue().getKey(), json(partial));
                assertThat(missing.code()).as(struct.getKey() + " without " + left).isEqualTo("MissingParameter");
                assertThat(missing.message()).contains(struct.getValue().getKey() + "." + left);
            }
        }
        for (String action : List.of("GetAdHocFile", "DeleteAdHocFile")) {
            for (String left : List.of("FileId", "ProjectId")) {
                List<Object> pairs = new ArrayList<>(left.equals("FileId") ? List.of("ProjectId", project) : List.of("FileId", id));
                Response missing = d.call(d.f.owner, action, pairs.toArray());
                assertThat(missing.code()).as(action + " without " + left).isEqualTo("MissingParameter");
                assertThat(missing.message()).contains(left);
            }
        }
    }
}
