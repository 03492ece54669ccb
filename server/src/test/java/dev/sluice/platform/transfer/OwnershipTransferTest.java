package dev.sluice.platform.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.sluice.account.AccountAdmin;
import dev.sluice.platform.PlatformFixture;
import dev.sluice.platform.PlatformFixture.Sub;
import dev.sluice.testsupport.RawClient.Response;
import dev.sluice.testsupport.SluiceServerTest;
import tools.jackson.databind.JsonNode;

/** Moving everything a user owns, in the background, with progress and retries, as callers see it. */
@SluiceServerTest
class OwnershipTransferTest {

    @LocalServerPort
    int port;

    @Autowired
    AccountAdmin admin;

    PlatformFixture f;
    Sub leaver;
    Sub heir;

    @BeforeEach
    void newAccount() {
        f = PlatformFixture.create(port, admin);
        leaver = f.sub("leaver");
        heir = f.sub("heir");
    }

    private String record(Sub from, Sub to) {
        return "{\"OldOwner\":\"" + from.id() + "\",\"NewOwner\":\"" + to.id() + "\",\"TransferComment\":\"leaving\"}";
    }

    private JsonNode awaitFinished(long id) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (true) {
            JsonNode data = f.call("GetTransferInfo", "ProposalId", id).body().get("Data");
            String status = data.get("TransferStatus").asString();
            if (!status.equals("PENDING") && !status.equals("RUNNING")) return data;
            assertThat(Instant.now()).as("transfer %d still %s", id, status).isBefore(deadline);
            Thread.sleep(200);
        }
    }

    @Test
    void everythingMovesInTheBackgroundAndProgressShowsEachKind() throws Exception {
        String group = f.call(leaver.client(), "CreateUserGroup", "CreateCommand", "{\"Name\":\"owned\"}").body().get("UserGroupId").asString();
        String object = UUID.randomUUID().toString();
        ScriptedOwnedObjects.OWNED.put(leaver.user().id(), List.of(object));

        Response started = f.call("TransferOwnershipForAllObject", "PrivilegeTransferRecord", record(leaver, heir));
        assertThat(started.status()).isEqualTo(200);
        long id = started.body().get("Data").asLong();
        JsonNode info = awaitFinished(id);

        assertThat(info.get("TransferStatus").asString()).isEqualTo("SUCCESS");
        assertThat(info.get("ProposalId").asLong()).isEqualTo(id);
        assertThat(info.get("OldOwner").get("UserId").asString()).isEqualTo(leaver.id());
        assertThat(info.get("NewOwner").get("DisplayName").asString()).isEqualTo("heir");
        assertThat(info.get("Creator").get("UserId").asString()).isEqualTo(f.ownerId());
        assertThat(info.get("TransferComment").asString()).isEqualTo("leaving");
        assertThat(info.get("PrivilegeTransferMode").asString()).isEqualTo("ONE_STOP");
        assertThat(info.get("PrivilegeTransferResultEntries").valueStream().map(e -> e.get("Status").asString()).toList())
                .containsExactlyInAnyOrder("SUCCESS", "SUCCESS");
        assertThat(ScriptedOwnedObjects.MOVED_TO.get(object)).isEqualTo(heir.user().id());

        JsonNode groupInfo = f.call(heir.client(), "GetUserGroup", "UserGroupId", group).body().get("UserGroupInfo");
        assertThat(groupInfo.get("MyRole").asString()).isEqualTo("USER_GROUP_ADMIN");
        assertThat(groupInfo.get("AdminList").valueStream().map(a -> a.get("Id").asString()).toList()).containsExactly(heir.id());
    }

    @Test
    void failedObjectsAreRetriedAsANewTransfer() throws Exception {
        String locked = UUID.randomUUID().toString();
        String free = UUID.randomUUID().toString();
        ScriptedOwnedObjects.OWNED.put(leaver.user().id(), List.of(locked, free));
        ScriptedOwnedObjects.FAILING.add(locked);

        long id = f.call("TransferOwnershipForAllObject", "PrivilegeTransferRecord", record(leaver, heir)).body().get("Data").asLong();
        JsonNode failed = awaitFinished(id);
        assertThat(failed.get("TransferStatus").asString()).isEqualTo("FAILED");
        JsonNode entry = failed.get("PrivilegeTransferResultEntries").get(0);
        assertThat(entry.get("Status").asString()).isEqualTo("FAILED");
        assertThat(entry.get("ErrMsg").asString()).contains("is locked");
        assertThat(ScriptedOwnedObjects.MOVED_TO.get(free)).isEqualTo(heir.user().id());

        ScriptedOwnedObjects.FAILING.remove(locked);
        Sub other = f.sub("other-heir");
        Response retried = f.call("RetryTransferOwnership", "PrivilegeTransferRecord",
                "{\"Id\":" + id + ",\"NewOwner\":\"" + other.id() + "\"}");
        assertThat(retried.status()).isEqualTo(200);
        long retryId = retried.body().get("Data").asLong();
        assertThat(retryId).isNotEqualTo(id);
        assertThat(awaitFinished(retryId).get("TransferStatus").asString()).isEqualTo("SUCCESS");
        assertThat(ScriptedOwnedObjects.MOVED_TO.get(locked)).isEqualTo(other.user().id());
        assertThat(f.call("GetTransferInfo", "ProposalId", id).body().get("Data").get("TransferStatus").asString()).isEqualTo("RETRIED");

        Response again = f.call("RetryTransferOwnership", "PrivilegeTransferRecord", "{\"Id\":" + retryId + ",\"NewOwner\":\"" + other.id() + "\"}");
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.message()).contains("PrivilegeTransferRecord.Id").contains("only a FAILED transfer");
    }

    @Test
    void onlyAdministratorsMoveOtherUsersObjectsAndOwnersMustBeValid() {
        Response refused = f.call(heir.client(), "TransferOwnershipForAllObject", "PrivilegeTransferRecord", record(leaver, heir));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.code()).isEqualTo("Forbidden.NoPermission");
        Response own = f.call(leaver.client(), "TransferOwnershipForAllObject", "PrivilegeTransferRecord", record(leaver, heir));
        assertThat(own.status()).isEqualTo(200);

        Response same = f.call("TransferOwnershipForAllObject", "PrivilegeTransferRecord", record(heir, heir));
        assertThat(same.status()).isEqualTo(400);
        assertThat(same.message()).contains("PrivilegeTransferRecord.NewOwner");
        Response missing = f.call("TransferOwnershipForAllObject", "PrivilegeTransferRecord", "{\"OldOwner\":\"" + leaver.id() + "\"}");
        assertThat(missing.code()).isEqualTo("MissingParameter");
        assertThat(missing.message()).contains("PrivilegeTransferRecord.NewOwner");

        PlatformFixture stranger = PlatformFixture.create(port, admin);
        Response foreign = f.call("TransferOwnershipForAllObject", "PrivilegeTransferRecord",
                "{\"OldOwner\":\"" + stranger.ownerId() + "\",\"NewOwner\":\"" + heir.id() + "\"}");
        assertThat(foreign.status()).isEqualTo(400);
        assertThat(foreign.message()).contains("PrivilegeTransferRecord.OldOwner");
        Response probe = stranger.call("GetTransferInfo", "ProposalId", own.body().get("Data").asLong());
        assertThat(probe.status()).isEqualTo(404);
        assertThat(probe.code()).isEqualTo("EntityNotExist");
        Response outsider = f.call(f.sub("outsider").client(), "GetTransferInfo", "ProposalId", own.body().get("Data").asLong());
        assertThat(outsider.code()).isEqualTo("Forbidden.NoPermission");
        assertThat(f.call("GetTransferInfo").code()).isEqualTo("MissingParameter");
    }

    @Test
    void theAlibabaClientStartsATransfer() {
        Map<String, String> query = Map.of("OpTenantId", String.valueOf(f.tenant()));
        Map<String, Object> started = f.tea().call("TransferOwnershipForAllObject", query,
                Map.of("PrivilegeTransferRecord", record(leaver, heir)));
        assertThat(((Number) started.get("Data")).longValue()).isPositive();
    }
}
