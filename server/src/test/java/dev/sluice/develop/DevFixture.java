package dev.sluice.develop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.sluice.account.AccountAdmin;
import dev.sluice.dispatch.RpcJson;
import dev.sluice.platform.PlatformFixture;
import dev.sluice.platform.PlatformFixture.Sub;
import dev.sluice.platform.project.Project;
import dev.sluice.platform.project.ProjectDraft;
import dev.sluice.platform.project.ProjectMode;
import dev.sluice.platform.project.Projects;
import dev.sluice.testsupport.RawClient;
import dev.sluice.testsupport.RawClient.Response;
import tools.jackson.databind.JsonNode;

/**
 * A fresh account (its owner is super administrator) with one project, members with project roles on demand, and
 * the development tree calls the tests make over and over.
 */
public final class DevFixture {

    public final PlatformFixture f;
    public final Project project;

    private DevFixture(int port, AccountAdmin admin, Projects projects) {
        f = PlatformFixture.create(port, admin);
        project = projects.create(new ProjectDraft(f.tenant(), "dev_files", null, null, ProjectMode.BASIC, null, null, null,
                f.account.mainUser().id(), null, null, null, null));
    }

    public static DevFixture create(int port, AccountAdmin admin, Projects projects) {
        return new DevFixture(port, admin, projects);
    }

    /** A sub-user holding {@code roles} (1 administrator, 2 developer, 3 visitor, 4 analyst, 5 O&M) in the project. */
    public Sub member(String name, Integer... roles) {
        Sub sub = f.sub(name);
        Response added = f.call("AddProjectMember", "Id", project.id(), "AddCommand", json(Map.of("Env", "PROD",
                "UserList", List.of(Map.of("UserId", sub.id(), "RoleList", Arrays.asList(roles))))));
        assertThat(added.status()).as(added.body().toString()).isEqualTo(200);
        return sub;
    }

    public Response call(RawClient client, String action, Object... params) {
        return f.call(client, action, params);
    }

    public Response mkdir(RawClient client, String category, String directory, String name) {
        return f.call(client, "CreateDirectory", "CreateCommand", json(Map.of("Category", category, "Directory", directory, "Name", name,
                "ProjectId", project.id())));
    }

    /** Creates a directory and answers its id; anything but success fails the test. */
    public long mkdirOk(String category, String directory, String name) {
        Response created = mkdir(f.owner, category, directory, name);
        assertThat(created.status()).as(created.body().toString()).isEqualTo(200);
        return created.body().get("FileId").asLong();
    }

    public Response createAdHoc(RawClient client, String directory, String name, String content) {
        return f.call(client, "CreateAdHocFile", "CreateCommand", json(Map.of("Directory", directory, "Name", name, "Content", content,
                "ProjectId", project.id())));
    }

    public long createAdHocOk(RawClient client, String directory, String name, String content) {
        Response created = createAdHoc(client, directory, name, content);
        assertThat(created.status()).as(created.body().toString()).isEqualTo(200);
        return created.body().get("FileId").asLong();
    }

    public Response list(RawClient client, String category, String directory, boolean recursive, String env) {
        return f.call(client, "ListFiles", "ListQuery", json(Map.of("Category", category, "Directory", directory, "Recursive", recursive,
                "Env", env, "ProjectId", project.id())));
    }

    /** The full paths (directory + name) ListFiles answers, in its order. */
    public List<String> paths(RawClient client, String category, String directory, boolean recursive) {
        Response listed = list(client, category, directory, recursive, "DEV");
        assertThat(listed.status()).as(listed.body().toString()).isEqualTo(200);
        return listed.body().get("FileList").valueStream().map(DevFixture::path).toList();
    }

    public static String path(JsonNode file) {
        String dir = file.get("Directory").asString();
        return (dir.equals("/") ? "/" : dir + "/") + file.get("Name").asString();
    }

    /** The query of a call through the Alibaba clients: the tenant, then the name/value pairs given. */
    public Map<String, String> query(Object... pairs) {
        Map<String, String> query = new HashMap<>();
        query.put("OpTenantId", String.valueOf(f.tenant()));
        for (int i = 0; i < pairs.length; i += 2) query.put((String) pairs[i], String.valueOf(pairs[i + 1]));
        return query;
    }

    /** PUTs {@code bytes} to a presigned upload URL, as a client holding a storage credential does; the HTTP status. */
    public static int put(String url, byte[] bytes) throws IOException {
        HttpURLConnection put = (HttpURLConnection) URI.create(url).toURL().openConnection();
        put.setRequestMethod("PUT");
        put.setDoOutput(true);
        put.setFixedLengthStreamingMode(bytes.length);
        try (OutputStream out = put.getOutputStream()) {
            out.write(bytes);
        }
        return put.getResponseCode();
    }

    public static String json(Object value) {
        return RpcJson.MAPPER.writeValueAsString(value);
    }
}
