package dev.sluice.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.sluice.account.AccountAdmin;
import dev.sluice.platform.PlatformFixture;
import dev.sluice.security.WireCalls.Answer;
import dev.sluice.testsupport.RawClient.Response;
import dev.sluice.testsupport.SluiceServerTest;

/**
 * Issue 15 item 4: a header the signature does not cover must not choose the operation. The attack: a caller signs
 * {@code GetUserGroup} with the classic HMAC-SHA1 signature (which covers parameters, no header) and adds
 * {@code x-acs-action: DeleteUserGroup}; both take a {@code UserGroupId}, so before the fix the group was deleted.
 */
@SluiceServerTest
class ClassicSignatureHeaderAttackTest {

    @LocalServerPort
    int port;

    @Autowired
    AccountAdmin admin;

    PlatformFixture f;
    WireCalls wire;
    String groupId;

    @BeforeEach
    void aGroup() {
        f = PlatformFixture.create(port, admin);
        wire = new WireCalls(port, f.account.key().accessKeyId(), f.account.key().accessKeySecret());
        Response created = f.call("CreateUserGroup", "CreateCommand", "{\"Name\":\"victims\",\"Description\":\"d\"}");
        assertThat(created.status()).as(created.body().toString()).isEqualTo(200);
        groupId = created.body().get("UserGroupId").asString();
    }

    private Map<String, String> getUserGroup() {
        return Map.of("Action", "GetUserGroup", "OpTenantId", String.valueOf(f.tenant()), "UserGroupId", groupId);
    }

    private void groupStillExists() {
        Response got = f.call("GetUserGroup", "UserGroupId", groupId);
        assertThat(got.status()).as(got.body().toString()).isEqualTo(200);
        assertThat(got.body().get("UserGroupInfo").get("Name").asString()).isEqualTo("victims");
    }

    @Test
    void anUnsignedActionHeaderCannotTurnASignedReadIntoADelete() {
        Answer attack = wire.classic(getUserGroup(), Map.of("x-acs-action", "DeleteUserGroup"));

        assertThat(attack.status()).as(attack.text()).isEqualTo(400);
        assertThat(attack.code()).isEqualTo("InvalidParameter");
        assertThat(attack.message()).contains("x-acs-action", "DeleteUserGroup", "GetUserGroup");
        assertThat(attack.body().get("RequestId").asString()).isNotBlank();
        groupStillExists();
    }

    @Test
    void anUnsignedVersionHeaderThatDisagreesIsRefused() {
        Answer attack = wire.classic(getUserGroup(), Map.of("x-acs-version", "2017-01-01"));

        assertThat(attack.status()).as(attack.text()).isEqualTo(400);
        assertThat(attack.code()).isEqualTo("InvalidParameter");
        assertThat(attack.message()).contains("x-acs-version");
    }

    @Test
    void headersThatRepeatTheSignedParametersChangeNothing() {
        // aliyun-java-sdk-core sends x-acs-action / x-acs-version next to the signed parameters.
        Answer honest = wire.classic(getUserGroup(), Map.of("x-acs-action", "GetUserGroup", "x-acs-version", "2023-06-30"));

        assertThat(honest.status()).as(honest.text()).isEqualTo(200);
        assertThat(honest.body().get("UserGroupInfo").get("Name").asString()).isEqualTo("victims");
    }

    @Test
    void withAcs3AnActionHeaderAddedOutsideTheSignatureIsRefused() {
        // Signed without x-acs-action, then the header added: every x-acs-* header must be among SignedHeaders.
        Answer attack = wire.acs3(null, Map.of("OpTenantId", String.valueOf(f.tenant()), "UserGroupId", groupId),
                java.util.UUID.randomUUID().toString(), Map.of(), Map.of("x-acs-action", "DeleteUserGroup"));

        assertThat(attack.status()).as(attack.text()).isEqualTo(400);
        assertThat(attack.code()).isEqualTo("IncompleteSignature");
        assertThat(attack.message()).contains("x-acs-action");
        groupStillExists();
    }

    @Test
    void withAcs3AnActionParameterThatDisagreesWithTheSignedHeaderIsRefused() {
        Answer ambiguous = wire.acs3("DeleteUserGroup",
                Map.of("Action", "GetUserGroup", "OpTenantId", String.valueOf(f.tenant()), "UserGroupId", groupId),
                java.util.UUID.randomUUID().toString(), Map.of(), Map.of());

        assertThat(ambiguous.status()).as(ambiguous.text()).isEqualTo(400);
        assertThat(ambiguous.code()).isEqualTo("InvalidParameter");
        assertThat(ambiguous.message()).contains("x-acs-action", "Action");
        groupStillExists();
    }
}
