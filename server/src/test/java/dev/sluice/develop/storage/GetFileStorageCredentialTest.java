package dev.sluice.develop.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.sluice.develop.DevFixture;
import dev.sluice.develop.DevProjectTest;
import dev.sluice.platform.PlatformFixture.Sub;
import dev.sluice.storage.ObjectKeys;
import dev.sluice.storage.ObjectStore;
import dev.sluice.storage.StoredObject;
import dev.sluice.testsupport.CoreClient;
import dev.sluice.testsupport.RawClient.Response;
import dev.sluice.testsupport.SluiceServerTest;
import tools.jackson.databind.JsonNode;

/** GetFileStorageCredential: a project's writers get a presigned upload for one object of their project, nobody else. */
@SluiceServerTest
class GetFileStorageCredentialTest extends DevProjectTest {

    @Autowired
    ObjectStore store;

    @Test
    void aDeveloperUploadsAResourceFileWithTheHandedOutCredential() throws Exception {
        Sub developer = d.member("developer", 2);
        Response answer = d.call(developer.client(), "GetFileStorageCredential", "ProjectId", d.project.id(), "Purpose", "resource");
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
        JsonNode credential = answer.body().get("StorageCredential");
        String key = credential.get("ObjectName").asString();
        assertThat(key).matches(d.f.tenant() + "/" + d.project.id() + "/[0-9a-f]{32}/resource");
        assertThat(ObjectKeys.belongsTo(key, d.f.tenant(), d.project.id())).isTrue();
        assertThat(credential.get("Endpoint").asString()).isEqualTo("http://127.0.0.1:" + port + "/storage");
        assertThat(credential.get("Bucket").asString()).isEqualTo("sluice");
        assertThat(credential.get("Region").asString()).isEqualTo("us-east-1");
        assertThat(credential.get("StorageType").asString()).isEqualTo("s3");
        assertThat(credential.has("AccessId")).isFalse();
        assertThat(credential.has("AccessKey")).isFalse();
        long expiration = credential.get("Expiration").asLong();
        assertThat(Instant.ofEpochMilli(expiration)).isBetween(Instant.now().plusSeconds(14 * 60), Instant.now().plusSeconds(15 * 60 + 5));
        String url = credential.get("SecurityToken").asString();
        assertThat(url).startsWith("http://127.0.0.1:" + port + "/storage/sluice/" + key + "?").contains("X-Amz-Signature=");

        byte[] bytes = "id,name\n1,widget\n".getBytes(StandardCharsets.UTF_8);
        assertThat(DevFixture.put(url, bytes)).isEqualTo(200);
        StoredObject stored = store.stat(key).orElseThrow();
        assertThat(stored.size()).isEqualTo(bytes.length);
        assertThat(stored.checksumAlgorithm()).isEqualTo("SHA-256");
        store.delete(key);
    }

    @Test
    void bothAlibabaClientsGetACredentialEachForANewObject() throws Exception {
        @SuppressWarnings("unchecked")
        Map<String, Object> viaTea = (Map<String, Object>) d.f.tea().call("GetFileStorageCredential",
                d.query("ProjectId", d.project.id()), Map.of()).get("StorageCredential");
        assertThat((String) viaTea.get("ObjectName")).endsWith("/file"); // no purpose: NONE
        CoreClient core = new CoreClient(port, d.f.account.key().accessKeyId(), d.f.account.key().accessKeySecret());
        String viaCore = core.call("GetFileStorageCredential", d.query("ProjectId", d.project.id(), "Purpose", "COMPUTE_SOURCE_SETTING"),
                Map.of()).getData();
        assertThat(viaCore).contains("\"StorageType\":\"s3\"", "/compute-source-setting\"").doesNotContain((String) viaTea.get("ObjectName"));
    }

    @Test
    void missingAndInvalidParametersAreNamed() {
        Response missing = d.call(d.f.owner, "GetFileStorageCredential", "Purpose", "RESOURCE");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.code()).isEqualTo("MissingParameter");
        assertThat(missing.message()).contains("ProjectId");
        Response purpose = d.call(d.f.owner, "GetFileStorageCredential", "ProjectId", d.project.id(), "Purpose", "BACKUP");
        assertThat(purpose.status()).isEqualTo(400);
        assertThat(purpose.code()).isEqualTo("InvalidParameter");
        assertThat(purpose.message()).contains("Purpose");
        Response project = d.call(d.f.owner, "GetFileStorageCredential", "ProjectId", "abc");
        assertThat(project.status()).isEqualTo(400);
        assertThat(project.message()).contains("ProjectId");
    }

    @Test
    void visitorsOutsidersAndAnotherTenantGetNoCredential() {
        Sub visitor = d.member("visitor", 3);
        Response refused = d.call(visitor.client(), "GetFileStorageCredential", "ProjectId", d.project.id());
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.message()).contains("GetFileStorageCredential on project 'dev_files' may only be called by its administrators and developers");
        assertThat(d.call(d.member("analyst", 4).client(), "GetFileStorageCredential", "ProjectId", d.project.id()).status()).isEqualTo(403);
        assertThat(d.call(d.f.sub("outsider").client(), "GetFileStorageCredential", "ProjectId", d.project.id()).status()).isEqualTo(403);
        assertThat(d.call(d.member("admin", 1).client(), "GetFileStorageCredential", "ProjectId", d.project.id()).status()).isEqualTo(200);

        DevFixture other = DevFixture.create(port, admin, projects);
        Response foreign = other.call(other.f.owner, "GetFileStorageCredential", "ProjectId", d.project.id());
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.message()).isEqualTo("The project '" + d.project.id() + "' does not exist.");
        Response unknown = other.call(other.f.owner, "GetFileStorageCredential", "ProjectId", 987654321);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.code()).isEqualTo(foreign.code());
    }
}
