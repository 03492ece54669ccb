package dev.sluice.develop.tree;

import static dev.sluice.develop.DevFixture.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import com.aliyun.tea.TeaException;

import dev.sluice.develop.DevFixture;
import dev.sluice.develop.DevProjectTest;
import dev.sluice.platform.PlatformFixture.Sub;
import dev.sluice.testsupport.CoreClient;
import dev.sluice.testsupport.RawClient.Response;
import dev.sluice.testsupport.SluiceServerTest;
import dev.sluice.testsupport.TeaClient;
import tools.jackson.databind.JsonNode;

/** The development directory trees as callers see them: paths, renames, moves, deletion, listing, the tree, and who may. */
@SluiceServerTest
class DirectoryTreeOperationsTest extends DevProjectTest {


    @Test
    void directoriesAreCreatedRenamedMovedListedAndDeletedThroughTheTeaClient() {
        TeaClient tea = d.f.tea();
        long project = d.project.id();
        Map<String, Object> created = tea.call("CreateDirectory", d.query(), Map.of("CreateCommand", json(Map.of(
                "Category", "codeManage", "Directory", "/", "Name", "etl", "ProjectId", project))));
        long etl = ((Number) created.get("FileId")).longValue();
        tea.call("CreateDirectory", d.query(), Map.of("CreateCommand", json(Map.of(
                "Category", "codeManage", "Directory", "/etl", "Name", "daily", "ProjectId", project))));
        tea.call("CreateDirectory", d.query(), Map.of("CreateCommand", json(Map.of(
                "Category", "codeManage", "Directory", "/", "Name", "archive", "ProjectId", project))));

        Map<String, Object> listed = tea.call("ListFiles", d.query(), Map.of("ListQuery", json(Map.of("Category", "codeManage",
                "Directory", "/", "Env", "DEV", "Recursive", true, "ProjectId", project))));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> files = (List<Map<String, Object>>) listed.get("FileList");
        assertThat(files).extracting(f -> f.get("Directory") + "|" + f.get("Name")).containsExactly("/|archive", "/|etl", "/etl|daily");
        Map<String, Object> first = files.getFirst();
        assertThat(first.get("FileType")).isEqualTo("directory");
        assertThat(first.get("Category")).isEqualTo("codeManage");
        assertThat(first.get("Creator")).isEqualTo(d.f.ownerId());
        assertThat(((Number) first.get("GmtCreate")).longValue()).isGreaterThan(1_700_000_000_000L); // epoch millis
        assertThat(((Number) first.get("ProjectId")).longValue()).isEqualTo(project);

        tea.call("UpdateFileName", d.query("FileId", etl, "Name", "etl2", "ProjectId", project), Map.of());
        tea.call("UpdateFileDirectory", d.query("FileId", etl, "Directory", "/archive/", "ProjectId", project), Map.of());
        assertThat(d.paths(d.f.owner, "codeManage", "/", true)).containsExactly("/archive", "/archive/etl2", "/archive/etl2/daily");

        assertThatThrownBy(() -> tea.call("DeleteDirectory", d.query("FileId", etl, "ProjectId", project), Map.of()))
                .isInstanceOfSatisfying(TeaException.class, e -> assertThat(e.getCode()).isEqualTo("OperationDenied.InUse"));
        long daily = d.list(d.f.owner, "codeManage", "/archive/etl2", false, "DEV").body().get("FileList").get(0).get("Id").asLong();
        tea.call("DeleteDirectory", d.query("FileId", daily, "ProjectId", project), Map.of());
        tea.call("DeleteDirectory", d.query("FileId", etl, "ProjectId", project), Map.of());
        assertThat(d.paths(d.f.owner, "codeManage", "/", true)).containsExactly("/archive");
    }

    @Test
    void theOlderCoreClientReadsTheTree() throws Exception {
        d.mkdirOk("dataX", "/", "sync");
        CoreClient core = new CoreClient(port, d.f.account.key().accessKeyId(), d.f.account.key().accessKeySecret());
        String body = core.call("GetDirectoryTree", d.query("Category", "dataX", "ProjectId", d.project.id()), Map.of()).getData();
        assertThat(body).contains("\"Name\":\"sync\"", "\"Type\":\"directory\"", "\"CategoryType\":\"dataX\"");
    }

    @Test
    void theTreeAnswersItsEdgesLevelByLevelFromTheRoot() {
        long a = d.mkdirOk("codeManage", "/", "a");
        long b = d.mkdirOk("codeManage", "/", "b");
        long a1 = d.mkdirOk("codeManage", "/a", "a1");
        d.mkdirOk("codeManage", "/a/a1", "deep");
        d.mkdirOk("udfResource", "/", "elsewhere"); // another category: another tree

        Response tree = d.call(d.f.owner, "GetDirectoryTree", "Category", "codeManage", "ProjectId", d.project.id());
        assertThat(tree.status()).as(tree.body().toString()).isEqualTo(200);
        List<String> edges = tree.body().get("Data").valueStream()
                .map(e -> e.get("Parent").get("Name").asString() + ">" + e.get("Children").get("Name").asString()).toList();
        assertThat(edges).containsExactly("Code tasks>a", "Code tasks>b", "a>a1", "a1>deep");

        JsonNode first = tree.body().get("Data").get(0);
        JsonNode root = first.get("Parent");
        assertThat(root.get("Id").asLong()).isZero();
        assertThat(root.get("Type").asString()).isEqualTo("codeManage");
        assertThat(root.has("GmtCreate")).isFalse();
        JsonNode child = first.get("Children");
        assertThat(child.get("Id").asLong()).isEqualTo(a);
        assertThat(child.get("StringId").asString()).isEqualTo(String.valueOf(a));
        assertThat(child.get("Type").asString()).isEqualTo("directory");
        assertThat(child.get("CategoryType").asString()).isEqualTo("codeManage");
        assertThat(child.get("Creator").asString()).isEqualTo(d.f.ownerId());
        assertThat(child.get("CreatorName").asString()).isNotBlank();
        assertThat(child.get("LastModifierName").asString()).isEqualTo(child.get("CreatorName").asString());
        assertThat(child.get("GmtCreate").asString()).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}");
        assertThat(child.get("ProjectId").asLong()).isEqualTo(d.project.id());
        assertThat(child.has("DataCellId")).isFalse();
        assertThat(tree.body().get("Data").get(2).get("Parent").get("Id").asLong()).isEqualTo(a);
        assertThat(tree.body().get("Data").get(3).get("Parent").get("Id").asLong()).isEqualTo(a1);
        assertThat(b).isNotEqualTo(a);

        Response empty = d.call(d.f.owner, "GetDirectoryTree", "Category", "streamFunction", "ProjectId", d.project.id());
        assertThat(empty.body().get("Data").size()).isZero();
    }

    @Test
    void pathsAreReadInOneNormalFormAndNamesAreComparedExactly() {
        d.mkdirOk("codeManage", "/", "a");
        d.mkdirOk("codeManage", "a//", "b");       // relative, doubled and trailing slashes: /a
        d.mkdirOk("codeManage", "//a/b/", "c");
        d.mkdirOk("codeManage", "/", "A");          // case-sensitive: another name
        assertThat(d.paths(d.f.owner, "codeManage", "/a//b/", true)).containsExactly("/a/b/c");
        assertThat(d.paths(d.f.owner, "codeManage", "/", false)).containsExactly("/A", "/a");

        Response again = d.mkdir(d.f.owner, "codeManage", "/a/", "b");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("EntityAlreadyExist");
        assertThat(again.message()).contains("'/a/b'");

        // A directory and a file may not share a path either (ad hoc files live in the tempCode tree).
        d.mkdirOk("tempCode", "/", "q");
        Response file = d.createAdHoc(d.f.owner, "/", "q", "select 1");
        assertThat(file.code()).isEqualTo("EntityAlreadyExist");
    }

    @Test
    void badNamesPathsAndCategoriesAreRefusedNamingTheirParameter() {
        for (String name : List.of("a/b", ".", "..", " lead", "trail ", "x".repeat(129), "   ")) {
            Response bad = d.mkdir(d.f.owner, "codeManage", "/", name);
            assertThat(bad.code()).as(name).isEqualTo("InvalidParameter");
            assertThat(bad.message()).as(name).contains("CreateCommand.Name");
        }
        Response dotted = d.mkdir(d.f.owner, "codeManage", "/a/../b", "x");
        assertThat(dotted.code()).isEqualTo("InvalidParameter");
        assertThat(dotted.message()).contains("CreateCommand.Directory", "'..'");
        Response tooLong = d.mkdir(d.f.owner, "codeManage", "/" + "d".repeat(1024), "x");
        assertThat(tooLong.message()).contains("CreateCommand.Directory");
        Response missingParent = d.mkdir(d.f.owner, "codeManage", "/nowhere/deeper", "x");
        assertThat(missingParent.status()).isEqualTo(400);
        assertThat(missingParent.message()).contains("CreateCommand.Directory", "'/nowhere/deeper' does not exist");
        Response category = d.mkdir(d.f.owner, "codemanage", "/", "x");
        assertThat(category.code()).isEqualTo("InvalidParameter");
        assertThat(category.message()).contains("CreateCommand.Category");
        Response treeCategory = d.call(d.f.owner, "GetDirectoryTree", "Category", "nope", "ProjectId", d.project.id());
        assertThat(treeCategory.message()).contains("Category");
        Response env = d.list(d.f.owner, "codeManage", "/", false, "TEST");
        assertThat(env.message()).contains("ListQuery.Env");
        Response listMissing = d.list(d.f.owner, "codeManage", "/none", false, "DEV");
        assertThat(listMissing.message()).contains("ListQuery.Directory", "'/none' does not exist");

        long a = d.mkdirOk("codeManage", "/", "a");
        Response rename = d.call(d.f.owner, "UpdateFileName", "FileId", a, "Name", "x/y", "ProjectId", d.project.id());
        assertThat(rename.message()).contains("Name", "'/'");
        Response move = d.call(d.f.owner, "UpdateFileDirectory", "FileId", a, "Directory", "/missing", "ProjectId", d.project.id());
        assertThat(move.message()).contains("Directory", "'/missing' does not exist");
        Response unknown = d.call(d.f.owner, "DeleteDirectory", "FileId", 42, "ProjectId", d.project.id());
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.code()).isEqualTo("EntityNotExist");
        long file = d.createAdHocOk(d.f.owner, "/", "q1", "select 1");
        Response notADirectory = d.call(d.f.owner, "DeleteDirectory", "FileId", file, "ProjectId", d.project.id());
        assertThat(notADirectory.message()).contains("FileId", "is a file");
    }

    @Test
    void everyRequiredParameterIsNamedWhenMissing() {
        long id = d.mkdirOk("codeManage", "/", "a");
        long project = d.project.id();
        Map<String, String> command = Map.of("Category", "codeManage", "Directory", "/", "Name", "n", "ProjectId", String.valueOf(project));
        for (String left : command.keySet()) {
            Map<String, String> partial = new java.util.HashMap<>(command);
            partial.remove(left);
            Response missing = d.call(d.f.owner, "CreateDirectory", "CreateCommand", json(partial));
            assertThat(missing.code()).as(left).isEqualTo("MissingParameter");
            assertThat(missing.message()).as(left).contains("CreateCommand." + left);
        }
        Map<String, Map<String, Object>> byId = Map.of(
                "DeleteDirectory", Map.of("FileId", id, "ProjectId", project),
                "UpdateFileName", Map.of("FileId", id, "Name", "b", "ProjectId", project),
                "UpdateFileDirectory", Map.of("FileId", id, "Directory", "/", "ProjectId", project),
                "GetDirectoryTree", Map.of("Category", "codeManage", "ProjectId", project));
        byId.forEach((action, params) -> {
            for (String left : params.keySet()) {
                List<Object> pairs = new ArrayList<>();
                params.forEach((k, v) -> {
                    if (!k.equals(left)) {
                        pairs.add(k);
                        pairs.add(v);
                    }
                });
                Response missing = d.call(d.f.owner, action, pairs.toArray());
                assertThat(missing.code()).as(action + " without " + left).isEqualTo("MissingParameter");
                assertThat(missing.message()).as(action + " without " + left).contains(left);
            }
        });
        Map<String, Object> query = Map.of("Category", "codeManage", "Directory", "/", "Env", "DEV", "Recursive", true, "ProjectId", project);
        for (String left : query.keySet()) {
            Map<String, Object> partial = new java.util.HashMap<>(query);
            partial.remove(left);
            Response missing = d.call(d.f.owner, "ListFiles", "ListQuery", json(partial));
            assertThat(missing.code()).as(left).isEqualTo("MissingParameter");
            assertThat(missing.message()).as(left).contains("ListQuery." + left);
        }
    }

    @Test
    void aDirectoryIsDeletedOnlyWhenEmpty() {
        long a = d.mkdirOk("codeManage", "/", "a");
        d.mkdirOk("codeManage", "/a", "b");
        d.mkdirOk("codeManage", "/a", "c");
        Response refused = d.call(d.f.owner, "DeleteDirectory", "FileId", a, "ProjectId", d.project.id());
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.code()).isEqualTo("OperationDenied.InUse");
        assertThat(refused.message()).contains("'/a'", "holds 2 files or directories");
        assertThat(d.paths(d.f.owner, "codeManage", "/", true)).containsExactly("/a", "/a/b", "/a/c");
    }

    @Test
    void aDirectoryNeverMovesIntoItselfOrBelowItselfAndASubtreeMovesWhole() {
        long a = d.mkdirOk("codeManage", "/", "a");
        d.mkdirOk("codeManage", "/a", "b");
        d.mkdirOk("codeManage", "/a/b", "c");
        d.mkdirOk("codeManage", "/", "target");
        d.mkdirOk("codeManage", "/target", "a"); // /a cannot land on /target/a
        for (String into : List.of("/a", "/a/b", "/a/b/c")) {
            Response refused = d.call(d.f.owner, "UpdateFileDirectory", "FileId", a, "Directory", into, "ProjectId", d.project.id());
            assertThat(refused.code()).as(into).isEqualTo("InvalidParameter");
            assertThat(refused.message()).as(into).contains("Directory", "cannot move into itself or a directory below it");
        }
        Response taken = d.call(d.f.owner, "UpdateFileDirectory", "FileId", a, "Directory", "/target", "ProjectId", d.project.id());
        assertThat(taken.code()).isEqualTo("EntityAlreadyExist");
        assertThat(taken.message()).contains("'/target/a'");

        long b = d.list(d.f.owner, "codeManage", "/a", false, "DEV").body().get("FileList").get(0).get("Id").asLong();
        Response moved = d.call(d.f.owner, "UpdateFileDirectory", "FileId", b, "Directory", "/target/a", "ProjectId", d.project.id());
        assertThat(moved.status()).as(moved.body().toString()).isEqualTo(200);
        assertThat(d.paths(d.f.owner, "codeManage", "/", true)).containsExactly("/a", "/target", "/target/a", "/target/a/b", "/target/a/b/c");
        Response renamed = d.call(d.f.owner, "UpdateFileName", "FileId", b, "Name", "bee", "ProjectId", d.project.id());
        assertThat(renamed.status()).isEqualTo(200);
        assertThat(d.paths(d.f.owner, "codeManage", "/target", true)).containsExactly("/target/a", "/target/a/bee", "/target/a/bee/c");
        Response clash = d.call(d.f.owner, "UpdateFileName", "FileId", a, "Name", "target", "ProjectId", d.project.id());
        assertThat(clash.code()).isEqualTo("EntityAlreadyExist");
    }

    @Test
    void concurrentCreationsOfOnePathLeaveExactlyOneDirectory() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Response>> calls = new ArrayList<>();
            for (int i = 0; i < 8; i++) calls.add(pool.submit(() -> d.mkdir(d.f.owner, "codeManage", "/", "race")));
            List<Integer> statuses = new ArrayList<>();
            for (Future<Response> call : calls) {
                Response answer = call.get();
                statuses.add(answer.status());
                if (answer.status() != 200) assertThat(answer.code()).as(answer.body().toString()).isEqualTo("EntityAlreadyExist");
            }
            assertThat(statuses).containsOnlyOnce(200);
        } finally {
            pool.shutdownNow();
        }
        assertThat(d.paths(d.f.owner, "codeManage", "/", true)).containsExactly("/race");
    }

    @Test
    void twoDirectoriesMovedIntoEachOtherAtOnceNeverFormACycle() throws Exception {
        long a = d.mkdirOk("codeManage", "/", "a");
        long b = d.mkdirOk("codeManage", "/", "b");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Response> aIntoB = pool.submit(() -> d.call(d.f.owner, "UpdateFileDirectory", "FileId", a, "Directory", "/b",
                    "ProjectId", d.project.id()));
            Future<Response> bIntoA = pool.submit(() -> d.call(d.f.owner, "UpdateFileDirectory", "FileId", b, "Directory", "/a",
                    "ProjectId", d.project.id()));
            List<Response> answers = List.of(aIntoB.get(), bIntoA.get());
            assertThat(answers).filteredOn(r -> r.status() == 200).hasSize(1);
            assertThat(answers).filteredOn(r -> r.status() != 200).singleElement()
                    .satisfies(r -> assertThat(r.message()).contains("'Directory'")); // the first move took its target away
        } finally {
            pool.shutdownNow();
        }
        assertThat(d.paths(d.f.owner, "codeManage", "/", true)).isIn(List.of("/a", "/a/b"), List.of("/b", "/b/a"));
    }

    @Test
    void membersReadDevelopersWriteVisitorsAndOutsidersAreRefused() {
        Sub developer = d.member("developer", 2);
        Sub visitor = d.member("visitor", 3);
        Sub analyst = d.member("analyst", 4);
        Sub outsider = d.f.sub("outsider");

        assertThat(d.mkdir(developer.client(), "codeManage", "/", "dev").status()).isEqualTo(200);
        long dir = d.list(visitor.client(), "codeManage", "/", false, "DEV").body().get("FileList").get(0).get("Id").asLong();

        Response visitorWrites = d.mkdir(visitor.client(), "codeManage", "/", "v");
        assertThat(visitorWrites.status()).isEqualTo(403);
        assertThat(visitorWrites.code()).isEqualTo("Forbidden.NoPermission");
        assertThat(visitorWrites.message()).contains("CreateDirectory on project 'dev_files' may only be called by its administrators and developers");
        for (Response refused : List.of(
                d.call(visitor.client(), "UpdateFileName", "FileId", dir, "Name", "x", "ProjectId", d.project.id()),
                d.call(visitor.client(), "UpdateFileDirectory", "FileId", dir, "Directory", "/", "ProjectId", d.project.id()),
                d.call(visitor.client(), "DeleteDirectory", "FileId", dir, "ProjectId", d.project.id()),
                d.mkdir(analyst.client(), "codeManage", "/", "a"))) {
            assertThat(refused.code()).as(refused.body().toString()).isEqualTo("Forbidden.NoPermission");
        }
        assertThat(d.mkdir(analyst.client(), "tempCode", "/", "mine").status()).isEqualTo(200); // analysts keep ad hoc queries

        Response outsiderReads = d.list(outsider.client(), "codeManage", "/", false, "DEV");
        assertThat(outsiderReads.status()).isEqualTo(403);
        assertThat(outsiderReads.message()).contains("may only be called by its members or by super administrators");
        assertThat(d.call(outsider.client(), "GetDirectoryTree", "Category", "codeManage", "ProjectId", d.project.id()).status()).isEqualTo(403);
        assertThat(d.call(developer.client(), "DeleteDirectory", "FileId", dir, "ProjectId", d.project.id()).status()).isEqualTo(200);
    }

    @Test
    void anotherTenantsProjectAndFilesAnswerLikeUnknownOnes() {
        long dir = d.mkdirOk("codeManage", "/", "secret");
        DevFixture other = DevFixture.create(port, admin, projects);

        Response foreignProject = other.call(other.f.owner, "CreateDirectory", "CreateCommand", json(Map.of("Category", "codeManage",
                "Directory", "/", "Name", "x", "ProjectId", d.project.id())));
        assertThat(foreignProject.status()).isEqualTo(404);
        assertThat(foreignProject.message()).isEqualTo("The project '" + d.project.id() + "' does not exist.");
        Response foreignList = other.call(other.f.owner, "ListFiles", "ListQuery", json(Map.of("Category", "codeManage",
                "Directory", "/", "Env", "DEV", "Recursive", true, "ProjectId", d.project.id())));
        assertThat(foreignList.code()).isEqualTo("EntityNotExist");
        assertThat(other.call(other.f.owner, "GetDirectoryTree", "Category", "codeManage", "ProjectId", d.project.id()).code())
                .isEqualTo("EntityNotExist");

        for (Response foreignFile : List.of(
                other.call(other.f.owner, "DeleteDirectory", "FileId", dir, "ProjectId", other.project.id()),
                other.call(other.f.owner, "UpdateFileName", "FileId", dir, "Name", "x", "ProjectId", other.project.id()),
                other.call(other.f.owner, "UpdateFileDirectory", "FileId", dir, "Directory", "/", "ProjectId", other.project.id()))) {
            assertThat(foreignFile.status()).as(foreignFile.body().toString()).isEqualTo(404);
            assertThat(foreignFile.message()).isEqualTo("The file '" + dir + "' does not exist.");
        }
        assertThat(d.paths(d.f.owner, "codeManage", "/", true)).containsExactly("/secret");
    }

    @Test
    void productionListsThePublishedFilesOfWhichThereAreNoneYet() {
        d.mkdirOk("codeManage", "/", "dev_only");
        Response prod = d.list(d.f.owner, "codeManage", "/", true, "PROD");
        assertThat(prod.status()).as(prod.body().toString()).isEqualTo(200);
        assertThat(prod.body().get("FileList").size()).isZero();
        assertThat(d.list(d.f.owner, "codeManage", "/", true, "dev").body().get("FileList").size()).isEqualTo(1);
    }
}
