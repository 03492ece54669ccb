package dev.sluice.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.sluice.account.AccountAdmin;
import dev.sluice.account.NewAccount;
import dev.sluice.testsupport.RawClient;
import dev.sluice.testsupport.RawClient.Response;
import dev.sluice.testsupport.SluiceServerTest;
import dev.sluice.testsupport.TestAccounts;

/** What the protocol edge answers to requests a well-behaved SDK would never send. */
@SluiceServerTest
class ProtocolEdgeTest {

    @LocalServerPort
    int port;

    @Autowired
    AccountAdmin admin;

    NewAccount account;
    RawClient client;

    @BeforeEach
    void newAccount() {
        account = TestAccounts.create(admin, "intelligent");
        client = new RawClient(port, account.key().accessKeyId(), account.key().accessKeySecret());
    }

    RawClient.Call myTenants() {
        return client.call("GetMyTenants").param("OpTenantId", account.tenant().id());
    }

    @Test
    void classicSignatureOverPostAndGetIsAccepted() {
        assertThat(myTenants().send().status()).isEqualTo(200);
        Response viaGet = myTenants().get().send();
        assertThat(viaGet.status()).isEqualTo(200);
        assertThat(viaGet.body().get("TenantList").get(0).get("Id").asLong()).isEqualTo(account.tenant().id());
        assertThat(viaGet.headers().firstValue("x-acs-request-id")).contains(viaGet.body().get("RequestId").asString());
    }

    @Test
    void anotherVersionIsRefused() {
        Response response = myTenants().version("2017-01-01").send();
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.code()).isEqualTo("InvalidVersion");
        assertThat(response.message()).contains("2017-01-01", "2023-06-30");
        assertThat(response.body().get("RequestId").asString()).isNotBlank();
        assertThat(response.body().get("HostId").asString()).isNotBlank();
    }

    @Test
    void aMissingVersionIsNamed() {
        Response response = myTenants().version(null).send();
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.code()).isEqualTo("MissingParameter");
        assertThat(response.message()).contains("Version");
    }

    @Test
    void aTimestampOutsideTheWindowIsRefusedInBothSchemes() {
        Instant stale = Instant.now().minus(Duration.ofMinutes(16));
        for (Response response : new Response[] {myTenants().at(stale).send(), myTenants().at(stale).acs3().send()}) {
            assertThat(response.status()).isEqualTo(400);
            assertThat(response.code()).isEqualTo("InvalidTimeStamp.Expired");
        }
        assertThat(myTenants().at(Instant.now().minus(Duration.ofMinutes(14))).send().status()).isEqualTo(200);
    }

    @Test
    void aReplayedNonceIsRefusedInBothSchemes() {
        assertThat(myTenants().nonce("nonce-classic-1").send().status()).isEqualTo(200);
        Response replay = myTenants().nonce("nonce-classic-1").send();
        assertThat(replay.status()).isEqualTo(400);
        assertThat(replay.code()).isEqualTo("SignatureNonceUsed");

        assertThat(myTenants().nonce("nonce-acs3-1").acs3().send().status()).isEqualTo(200);
        assertThat(myTenants().nonce("nonce-acs3-1").acs3().send().code()).isEqualTo("SignatureNonceUsed");
    }

    @Test
    void aSecurityTokenIsRefusedInBothSchemes() {
        for (Response response : new Response[] {myTenants().securityToken("sts-token").send(),
                myTenants().securityToken("sts-token").acs3().send()}) {
            assertThat(response.status()).isEqualTo(403);
            assertThat(response.code()).isEqualTo("Forbidden.SecurityToken");
            assertThat(response.message()).contains("temporary credentials");
        }
    }

    @Test
    void unknownAndDisabledKeysAreRefusedWithTheirOwnCodes() {
        Response unknown = new RawClient(port, "LTAInosuchkey", "whatever").call("GetMyTenants")
                .param("OpTenantId", account.tenant().id()).send();
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.code()).isEqualTo("InvalidAccessKeyId.NotFound");

        admin.setAccessKeyEnabled(account.key().accessKeyId(), false);
        Response disabled = myTenants().acs3().send();
        assertThat(disabled.status()).isEqualTo(400);
        assertThat(disabled.code()).isEqualTo("InvalidAccessKeyId.Inactive");

        admin.setAccessKeyEnabled(account.key().accessKeyId(), true);
        assertThat(myTenants().acs3().send().status()).isEqualTo(200);
    }

    @Test
    void aWrongSecretIsASignatureMismatch() {
        Response response = myTenants().signedWith("wrong").acs3().send();
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.code()).isEqualTo("SignatureDoesNotMatch");
    }

    @Test
    void anUnsignedRequestIsIncomplete() {
        Response response = client.post("application/x-www-form-urlencoded",
                ("Action=GetMyTenants&Version=2023-06-30&OpTenantId=" + account.tenant().id()).getBytes(StandardCharsets.UTF_8));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.code()).isEqualTo("IncompleteSignature");
    }

    @Test
    void anOversizedBodyIsRefusedWithoutBeingRead() {
        byte[] body = new byte[2 * 1024 * 1024];
        java.util.Arrays.fill(body, (byte) 'a');
        Response response = client.post("application/x-www-form-urlencoded", body);
        assertThat(response.status()).isEqualTo(413);
        assertThat(response.code()).isEqualTo("RequestEntityTooLarge");
    }

    @Test
    void aNestedRequiredFieldIsNamedByItsPath() {
        Response response = client.call("CreateDirectory").param("OpTenantId", account.tenant().id())
                .param("CreateCommand", "{\"Category\":\"tempCode\",\"Directory\":\"/\",\"Name\":\"x\"}").acs3().send();
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.code()).isEqualTo("MissingParameter");
        assertThat(response.message()).contains("CreateCommand.ProjectId");
    }

    @Test
    void malformedJsonAndWrongTypesAreInvalidParameters() {
        Response malformed = client.call("GetUsers").param("OpTenantId", account.tenant().id()).param("UserIdList", "[\"1\",").send();
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.code()).isEqualTo("InvalidParameter");
        assertThat(malformed.message()).contains("UserIdList");

        Response wrongType = client.call("GetMyTenants").param("OpTenantId", "abc").send();
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(wrongType.code()).isEqualTo("InvalidParameter");
        assertThat(wrongType.message()).contains("OpTenantId", "abc");
    }

    @Test
    void anOperationWithoutAHandlerAnswersNotImplemented() {
        Response response = client.call("GetTableLineages").param("OpTenantId", account.tenant().id())
                .param("TableGuid", "t1").send();
        assertThat(response.status()).isEqualTo(501);
        assertThat(response.code()).isEqualTo("NotImplemented");
        assertThat(response.message()).contains("GetTableLineages");
    }
}
