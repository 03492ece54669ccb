package dev.sluice.console.keys;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.sluice.account.AccountAdmin;
import dev.sluice.account.Accounts;
import dev.sluice.account.ConsoleLogins;
import dev.sluice.account.NewAccount;
import dev.sluice.console.ConsoleFixtures;
import dev.sluice.console.ConsoleSession;
import dev.sluice.testsupport.RawClient;
import dev.sluice.testsupport.SluiceServerTest;
import dev.sluice.testsupport.TestAccounts;

/** A user's own AccessKeys: created with the secret shown once, disabled (and refused), enabled, deleted. */
@SluiceServerTest
class ConsoleKeysTest {

    @LocalServerPort
    int port;

    @Autowired
    AccountAdmin admin;

    @Autowired
    Accounts accounts;

    @Autowired
    ConsoleLogins logins;

    @Test
    void createDisableEnableAndDelete() {
        NewAccount account = TestAccounts.create(admin, "intelligent");
        ConsoleSession console = ConsoleSession.signedIn(port, ConsoleFixtures.consoleUser(logins, account), ConsoleFixtures.PASSWORD);
        console.get("/console/keys");
        assertThat(console.post("/console/keys", Map.of()).location()).endsWith("/console/keys");
        String shown = console.get("/console/keys").body();
        Matcher id = Pattern.compile("id=\"new-key-id\">([^<]+)<").matcher(shown);
        Matcher secret = Pattern.compile("id=\"new-key-secret\">([^<]+)<").matcher(shown);
        assertThat(id.find() && secret.find()).isTrue();
        String keyId = id.group(1);
        assertThat(console.get("/console/keys").body()).as("the secret is shown once").doesNotContain(secret.group(1)).contains(keyId);

        var client = new RawClient(port, keyId, secret.group(1));
        assertThat(client.call("GetMyTenants").param("OpTenantId", account.tenant().id()).send().status()).isEqualTo(200);

        console.post("/console/keys/" + keyId + "/disable", Map.of());
        assertThat(console.get("/console/keys").body()).contains("is disabled", "Disabled");
        assertThat(client.call("GetMyTenants").param("OpTenantId", account.tenant().id()).send().code()).isEqualTo("InvalidAccessKeyId.Inactive");

        console.post("/console/keys/" + keyId + "/enable", Map.of());
        assertThat(client.call("GetMyTenants").param("OpTenantId", account.tenant().id()).send().status()).isEqualTo(200);

        assertThat(console.get("/console/keys/" + keyId + "/delete").body()).contains("Delete this AccessKey?", keyId);
        console.post("/console/keys/" + keyId + "/delete", Map.of());
        assertThat(accounts.accessKeys(account.mainUser().id())).extracting(k -> k.id()).doesNotContain(keyId);
    }

    @Test
    void anotherUsersKeyReadsAsNotFound() {
        NewAccount mine = TestAccounts.create(admin, "intelligent");
        NewAccount theirs = TestAccounts.create(admin, "intelligent");
        ConsoleSession console = ConsoleSession.signedIn(port, ConsoleFixtures.consoleUser(logins, mine), ConsoleFixtures.PASSWORD);
        console.get("/console/keys");
        assertThat(console.post("/console/keys/" + theirs.key().accessKeyId() + "/disable", Map.of()).status()).isEqualTo(404);
        assertThat(accounts.accessKeys(theirs.mainUser().id()).getFirst().enabled()).isTrue();
    }
}
