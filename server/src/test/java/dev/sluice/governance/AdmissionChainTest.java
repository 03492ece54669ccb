package dev.sluice.governance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.sluice.account.AccountAdmin;
import dev.sluice.account.KeyPair;
import dev.sluice.account.NewAccount;
import dev.sluice.account.Policy;
import dev.sluice.account.User;
import dev.sluice.catalog.Catalog;
import dev.sluice.catalog.Operation;
import dev.sluice.metering.UsageCounts;
import dev.sluice.plan.Plans;
import dev.sluice.testsupport.RawClient;
import dev.sluice.testsupport.RawClient.Response;
import dev.sluice.testsupport.SluiceServerTest;
import dev.sluice.testsupport.TestAccounts;

/** The chain as a caller meets it over HTTP: each refusal with its own code, status, message and headers. */
@SluiceServerTest
class AdmissionChainTest {

    @LocalServerPort
    int port;

    @Autowired
    AccountAdmin admin;

    @Autowired
    Catalog catalog;

    @Autowired
    UsageCounts usage;

    @Autowired
    Plans plans;

    RawClient client(KeyPair key) {
        return new RawClient(port, key.accessKeyId(), key.accessKeySecret());
    }

    RawClient.Call myTenants(RawClient client, NewAccount account) {
        return client.call("GetMyTenants").param("OpTenantId", account.tenant().id());
    }

    long admittedToday(NewAccount account) {
        return usage.admitted(account.account().id(), LocalDate.now(plans.zone())).dayTotal();
    }

    @Test
    void aReadOnlyUserIsRefusedEveryWriteOperationAndAllowedReads() {
        NewAccount account = TestAccounts.create(admin, "intelligent");
        User reader = admin.createUser(account.account().id(), "reader", EnumSet.of(Policy.READ_ONLY));
        RawClient client = client(admin.createAccessKey(reader.id()));

        int writes = 0;
        for (Operation operation : catalog.contract()) {
            Response response = client.call(operation.action()).param("OpTenantId", account.tenant().id()).send();
            if (operation.isRead()) {
                assertThat(response.code()).as(operation.action()).isNotEqualTo("Forbidden.RAM");
            } else {
                writes++;
                assertThat(response.status()).as(operation.action()).isEqualTo(403);
                assertThat(response.code()).as(operation.action()).isEqualTo("Forbidden.RAM");
                assertThat(response.message()).contains(operation.action(), "read-only");
            }
        }
        assertThat(writes).isEqualTo(99);
        assertThat(myTenants(client, account).send().status()).isEqualTo(200);
    }

    @Test
    void aUserWithoutPolicyIsRefusedEverything() {
        NewAccount account = TestAccounts.create(admin, "intelligent");
        User nobody = admin.createUser(account.account().id(), "nobody", Set.of());
        Response response = myTenants(client(admin.createAccessKey(nobody.id())), account).send();
        assertThat(response.status()).isEqualTo(403);
        assertThat(response.code()).isEqualTo("Forbidden.RAM");
        assertThat(response.message()).contains("no policy");
    }

    @Test
    void theEditionGateOpensExactlyTheOperationsOfTheAccountsEdition() {
        for (String plan : new String[] {"personal", "agile", "basic", "intelligent"}) {
            NewAccount account = TestAccounts.create(admin, plan);
            RawClient client = client(account.key());
            var edition = plans.of(plan).edition();
            for (Operation operation : catalog.contract()) {
                Response response = client.call(operation.action()).param("OpTenantId", account.tenant().id()).send();
                if (edition.covers(operation.minEdition())) {
                    assertThat(response.code()).as(plan + " " + operation.action()).isNotEqualTo("Forbidden.EditionNotSupported");
                } else {
                    assertThat(response.status()).as(plan + " " + operation.action()).isEqualTo(403);
                    assertThat(response.code()).as(plan + " " + operation.action()).isEqualTo("Forbidden.EditionNotSupported");
                    assertThat(response.message()).contains(operation.action());
                }
            }
        }
    }

    @Test
    void anOverdueAccountIsRefusedUntilCleared() {
        NewAccount account = TestAccounts.create(admin, "intelligent");
        admin.updateAccount(account.account().id(), "intelligent", false, true);
        Response refused = myTenants(client(account.key()), account).send();
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.code()).isEqualTo("Forbidden.AccountOverdue");
        admin.updateAccount(account.account().id(), "intelligent", false, false);
        assertThat(myTenants(client(account.key()), account).send().status()).isEqualTo(200);
    }

    @Test
    void tenantAdministratorOperationsAreRefusedToMembers() {
        NewAccount account = TestAccounts.create(admin, "intelligent");
        User member = admin.createUser(account.account().id(), "member", EnumSet.of(Policy.FULL_ACCESS));
        Response refused = client(admin.createAccessKey(member.id())).call("AddTenantMembers")
                .param("OpTenantId", account.tenant().id()).send();
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.code()).isEqualTo("Forbidden.NoPermission");
        assertThat(refused.message()).contains("AddTenantMembers", "super administrators");

        Response owner = client(account.key()).call("AddTenantMembers").param("OpTenantId", account.tenant().id()).send();
        assertThat(owner.code()).isEqualTo("MissingParameter");
    }

    @Test
    void theAccountsUsersShareOneDailyCapAndRefusalsDoNotCount() {
        NewAccount account = TestAccounts.create(admin, "tinyday");
        User sub = admin.createUser(account.account().id(), "sub", EnumSet.of(Policy.FULL_ACCESS));
        RawClient owner = client(account.key());
        RawClient subUser = client(admin.createAccessKey(sub.id()));

        for (int i = 0; i < 3; i++) {
            assertThat(myTenants(owner, account).send().status()).isEqualTo(200);
            assertThat(myTenants(subUser, account).acs3().send().status()).isEqualTo(200);
        }
        assertThat(owner.call("GetUsers").param("OpTenantId", account.tenant().id()).send().code())
                .as("a malformed call is refused before counting").isEqualTo("MissingParameter");

        Response capped = myTenants(subUser, account).send();
        assertThat(capped.status()).isEqualTo(429);
        assertThat(capped.code()).isEqualTo("DailyLimitExceeded");
        assertThat(capped.message()).contains("daily limit of 6 calls", "levels 1 and 2", "tinyday");
        assertThat(capped.headers().firstValue("Retry-After")).hasValueSatisfying(v -> assertThat(Long.parseLong(v)).isPositive());
        assertThat(capped.headers().firstValue("RateLimit-Policy")).contains("\"daily-level12\";q=6;w=86400");
        assertThat(admittedToday(account)).isEqualTo(6);
    }

    @Test
    void admittedAnswersCarryRateLimitHeaders() {
        NewAccount account = TestAccounts.create(admin, "tinyday");
        Response first = myTenants(client(account.key()), account).send();
        assertThat(first.headers().firstValue("RateLimit-Policy")).contains("\"daily-level12\";q=6;w=86400");
        assertThat(first.headers().firstValue("RateLimit")).hasValueSatisfying(v -> assertThat(v).startsWith("\"daily-level12\";r=5;t="));
    }

    @Test
    void withoutPayAsYouGoTheFreeQuotaIsAHardStop() {
        NewAccount account = TestAccounts.create(admin, "tinymonth");
        for (int i = 0; i < 4; i++) assertThat(myTenants(client(account.key()), account).send().status()).isEqualTo(200);
        Response stop = myTenants(client(account.key()), account).send();
        assertThat(stop.status()).isEqualTo(429);
        assertThat(stop.code()).isEqualTo("QuotaExceeded.MonthlyFree");
        assertThat(stop.message()).contains("monthly free quota of 4 calls");
    }

    @Test
    void withPayAsYouGoCallsBeyondTheFreeQuotaAreAdmittedAndBillable() {
        NewAccount account = TestAccounts.create(admin, "tinypayg");
        admin.updateAccount(account.account().id(), "tinypayg", true, false);
        for (int i = 0; i < 5; i++) assertThat(myTenants(client(account.key()), account).send().status()).isEqualTo(200);
        var counts = usage.admitted(account.account().id(), LocalDate.now(plans.zone()));
        assertThat(counts.monthTotal()).isEqualTo(5);
        assertThat(counts.monthBillable()).isEqualTo(3);
    }

    @Test
    void exceedingQpsIsThrottledWith429AndRetryAfter() {
        NewAccount account = TestAccounts.create(admin, "tinyqps");
        Response throttled = null;
        for (int i = 0; i < 6 && throttled == null; i++) {
            Response response = myTenants(client(account.key()), account).send();
            if (response.status() == 429) throttled = response;
        }
        assertThat(throttled).as("one call per second allowed; six in a row").isNotNull();
        assertThat(throttled.code()).isEqualTo("Throttling.User");
        assertThat(throttled.message()).contains("all levels QPS limit 1", "tinyqps");
        assertThat(throttled.headers().firstValue("Retry-After")).contains("1");
    }

    @Test
    void anUnbuiltOperationIsNotCounted() {
        NewAccount account = TestAccounts.create(admin, "intelligent");
        Response response = client(account.key()).call("GetTableLineages").param("OpTenantId", account.tenant().id())
                .param("TableGuid", "t1").send();
        assertThat(response.code()).isEqualTo("NotImplemented");
        assertThat(admittedToday(account)).isZero();
    }
}
