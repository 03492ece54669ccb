package dev.sluice.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.sluice.account.AccountAdmin;
import dev.sluice.account.NewAccount;
import dev.sluice.metering.Ledger;
import dev.sluice.testsupport.RawClient;
import dev.sluice.testsupport.SluiceServerTest;
import dev.sluice.testsupport.TestAccounts;

/**
 * A write's call intent lives exactly as long as the gap between its change and its ledger record: gone once the
 * record is stored, never written when the operation refuses (its transaction rolls back, and the refusal is recorded
 * as such).
 */
@SluiceServerTest
class RecordedWritesTest {

    @LocalServerPort
    int port;

    @Autowired
    AccountAdmin admin;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Ledger ledger;

    @Test
    void anAnsweredWriteLeavesNoIntentOnceRecordedAndARefusedOneNeverWritesOne() {
        NewAccount account = TestAccounts.create(admin, "tinypayg");
        RawClient client = new RawClient(port, account.key().accessKeyId(), account.key().accessKeySecret());
        RawClient.Response created = client.call("CreateUserGroup").param("OpTenantId", account.tenant().id())
                .param("CreateCommand", "{\"Name\":\"auditors\"}").send();
        assertThat(created.status()).isEqualTo(200);
        RawClient.Response duplicate = client.call("CreateUserGroup").param("OpTenantId", account.tenant().id())
                .param("CreateCommand", "{\"Name\":\"auditors\"}").send();
        assertThat(duplicate.status()).isEqualTo(400);
        assertThat(intents(duplicate)).as("a refused write rolls its intent back").isZero();

        ledger.awaitStored();
        assertThat(intents(created)).as("its record stored, the intent is deleted").isZero();
        assertThat(jdbc.queryForObject("select calls from usage_daily where account_id = ? and action = 'CreateUserGroup'",
                Long.class, account.account().id())).as("both calls counted once, by their own records").isEqualTo(2);
    }

    private long intents(RawClient.Response answer) {
        return jdbc.queryForObject("select count(*) from call_intent where request_id = ?", Long.class,
                answer.body().get("RequestId").asString());
    }
}
