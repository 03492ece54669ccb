package dev.sluice.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.sluice.testsupport.ServerProcess;
import dev.sluice.testsupport.TeaClient;

/**
 * The server as a person starts it: a separate process on an empty data directory. It must print a working key once,
 * reuse its data on the next start without printing a secret, and accept operator commands while it runs.
 */
class FirstStartTest {

    @TempDir
    Path dataDir;

    @Test
    void firstStartPrintsAWorkingKeyOnceAndLaterStartsReuseTheData() throws Exception {
        String keyId;
        String secret;
        String tenant;
        try (ServerProcess server = ServerProcess.start(dataDir)) {
            Map<String, String> facts = server.printed().facts();
            assertThat(facts).containsKeys("Endpoint", "TenantId", "AccessKeyId", "AccessKeySecret");
            assertThat(server.printed().output()).contains("tea-openapi", "aliyun ");
            // A first project on the compute source Sluice manages, and how to run SQL there.
            assertThat(facts).containsKey("ProjectId");
            assertThat(server.printed().output()).contains("ExecuteAdHocTask", "\"ProjectId\":" + facts.get("ProjectId"), "select 42 as answer");
            keyId = facts.get("AccessKeyId");
            secret = facts.get("AccessKeySecret");
            tenant = facts.get("TenantId");
            assertThat(server.printed().output().split(Pattern.quote(secret), -1)).as("the secret is printed exactly once").hasSize(2);
            assertThat(Files.getPosixFilePermissions(dataDir.resolve("master.key")))
                    .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

            TeaClient tea = new TeaClient(server.port(), keyId, secret);
            Map<String, Object> body = tea.call("GetMyTenants", Map.of("OpTenantId", tenant), Map.of());
            assertThat(body).containsEntry("Success", true);
            @SuppressWarnings("unchecked")
            String ownerId = (String) ((List<Map<String, Object>>) body.get("TenantList")).getFirst().get("OwnerId");

            // The console: its address, a sign-in name and a one-time password that must be changed first.
            assertThat(facts).containsEntry("Console", "http://127.0.0.1:" + server.port() + "/console")
                    .containsEntry("ConsoleUser", "admin@default").containsKey("ConsolePassword");
            String consolePassword = facts.get("ConsolePassword");
            assertThat(server.printed().output().split(Pattern.quote(consolePassword), -1)).hasSize(2);
            var console = dev.sluice.console.ConsoleSession.signedIn(server.port(), "admin@default", consolePassword);
            assertThat(console.get("/console").location()).endsWith("/console/password");

            // An operator issues another console password from the command line; it works at once.
            Map<String, String> issued = ServerProcess.admin(dataDir, "console", "password", "--user", ownerId).facts();
            assertThat(issued).containsEntry("ConsoleUser", "admin@default");
            dev.sluice.console.ConsoleSession.signedIn(server.port(), "admin@default", issued.get("ConsolePassword"));

            // An operator adds a key while the server runs; the server accepts it at once.
            Map<String, String> created = ServerProcess.admin(dataDir, "key", "create", "--user", ownerId).facts();
            assertThat(new TeaClient(server.port(), created.get("AccessKeyId"), created.get("AccessKeySecret"))
                    .call("GetMyRoles", Map.of("OpTenantId", tenant), Map.of())).containsEntry("Success", true);
            server.stop();
        }

        try (ServerProcess again = ServerProcess.start(dataDir)) {
            assertThat(again.printed().facts()).containsEntry("TenantId", tenant).doesNotContainKey("AccessKeySecret")
                    .doesNotContainKey("ConsolePassword").doesNotContainKey("ProjectId").containsKey("Console");
            assertThat(again.printed().output()).doesNotContain(secret);
            assertThat(new TeaClient(again.port(), keyId, secret).call("GetMyTenants", Map.of("OpTenantId", tenant), Map.of()))
                    .containsEntry("Success", true);
        }
    }
}
