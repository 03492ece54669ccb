package dev.sluice.metering;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.sluice.account.AccountAdmin;
import dev.sluice.account.NewAccount;
import dev.sluice.account.Policy;
import dev.sluice.account.User;
import dev.sluice.testsupport.RawClient;
import dev.sluice.testsupport.RawClient.Response;
import dev.sluice.testsupport.SluiceServerTest;
import dev.sluice.testsupport.TestAccounts;
import tools.jackson.databind.JsonNode;

/** The usage API as a customer reads it: the figures are exactly the calls the account made. */
@SluiceServerTest
class UsageApiTest {

    @LocalServerPort
    int port;

    @Autowired
    AccountAdmin admin;

    @Autowired
    UsageQueries usage;

    RawClient.Call call(NewAccount account, String action) {
        return new RawClient(port, account.key().accessKeyId(), account.key().accessKeySecret()).call(action)
                .param("OpTenantId", account.tenant().id());
    }

    String today() {
        return usage.today().toString();
    }

    @Test
    void usageThisMonthCountsEveryAdmittedCallOfTheAccountsUsersAndTheRefusalsByCode() throws InterruptedException {
        NewAccount account = TestAccounts.create(admin, "tinypayg"); // 2 free calls a month, then pay-as-you-go
        admin.updateAccount(account.account().id(), "tinypayg", true, false);
        User sub = admin.createUser(account.account().id(), "sub", EnumSet.of(Policy.FULL_ACCESS));
        var subKey = admin.createAccessKey(sub.id());
        RawClient subClient = new RawClient(port, subKey.accessKeyId(), subKey.accessKeySecret());
        for (int i = 0; i < 3; i++) assertThat(call(account, "GetMyTenants").send().status()).isEqualTo(200);
        assertThat(call(account, "GetMyRoles").send().status()).isEqualTo(200);
        assertThat(subClient.call("GetMyTenants").param("OpTenantId", account.tenant().id()).send().status()).isEqualTo(200);
        // Refusals of calls the account's users signed count by code; calls that merely name one of its keys do not
        // (anyone can name a key: those are counted per source address, see RefusalAttributionAttackTest).
        assertThat(call(account, "GetMyTenants").signedWith("wrong-secret").send().code()).isEqualTo("SignatureDoesNotMatch");
        User noPolicy = admin.createUser(account.account().id(), "no-policy", EnumSet.noneOf(Policy.class));
        var noPolicyKey = admin.createAccessKey(noPolicy.id());
        RawClient noPolicyClient = new RawClient(port, noPolicyKey.accessKeyId(), noPolicyKey.accessKeySecret());
        for (int i = 0; i < 2; i++) {
            assertThat(noPolicyClient.call("GetMyTenants").param("OpTenantId", account.tenant().id()).send().code())
                    .isEqualTo("Forbidden.RAM");
        }

        // Refusals are recorded asynchronously (they are never billed, so no caller waits for them): wait for both,
        // reading the figures directly so that the waiting does not add calls of its own.
        YearMonth month = YearMonth.from(usage.today());
        for (int i = 0; i < 50 && usage.month(account.account(), month).refused().stream().mapToLong(r -> r.calls()).sum() < 2; i++) {
            Thread.sleep(100);
        }
        Response response = call(account, "GetOpenApiUsage").send();
        assertThat(response.status()).isEqualTo(200);
        JsonNode figures = response.body().get("Usage");
        assertThat(figures.get("Month").asString()).isEqualTo(today().substring(0, 7));
        assertThat(figures.get("Plan").asString()).isEqualTo("tinypayg");
        assertThat(figures.get("CallsThisMonth").asLong()).as("5 admitted before this one, by both users").isEqualTo(5);
        assertThat(figures.get("CallsToday").asLong()).isEqualTo(5);
        assertThat(figures.get("FreeQuota").asLong()).isEqualTo(2);
        assertThat(figures.get("FreeQuotaUsed").asLong()).isEqualTo(2);
        assertThat(figures.get("FreeQuotaRemaining").asLong()).isZero();
        assertThat(figures.get("BillableCallsThisMonth").asLong()).isEqualTo(3);
        assertThat(figures.get("PayAsYouGo").asBoolean()).isTrue();
        assertThat(figures.get("Currency").asString()).isEqualTo("USD");
        assertThat(figures.get("RefusedThisMonth").size()).isEqualTo(1);
        assertThat(figures.get("RefusedThisMonth").get(0).get("Code").asString()).isEqualTo("Forbidden.RAM");
        assertThat(figures.get("RefusedThisMonth").get(0).get("Calls").asLong()).isEqualTo(2);
    }

    @Test
    void callDetailsArePerDayAndApiWithMonthToDateAndFilters() {
        NewAccount account = TestAccounts.create(admin, "intelligent");
        for (int i = 0; i < 3; i++) call(account, "GetMyTenants").send();
        call(account, "GetMyRoles").send();

        Response all = call(account, "ListOpenApiCallDetails").param("StartDate", today()).param("EndDate", today()).send();
        assertThat(all.status()).isEqualTo(200);
        JsonNode details = all.body().get("CallDetails");
        assertThat(details.get("TotalCount").asLong()).isEqualTo(2);
        assertThat(rows(details)).containsExactly(
                today() + " GetMyRoles READ 1 1 1",
                today() + " GetMyTenants READ 1 3 3");

        Response writes = call(account, "ListOpenApiCallDetails").param("StartDate", today()).param("EndDate", today())
                .param("ApiType", "write").send();
        assertThat(writes.body().get("CallDetails").get("TotalCount").asLong()).isZero();
        Response oneApi = call(account, "ListOpenApiCallDetails").param("StartDate", today()).param("EndDate", today())
                .param("ApiLevel", 1).param("ApiName", "GetMyTenants").send();
        assertThat(rows(oneApi.body().get("CallDetails"))).containsExactly(today() + " GetMyTenants READ 1 3 3");
        Response paged = call(account, "ListOpenApiCallDetails").param("StartDate", today()).param("EndDate", today())
                .param("PageSize", 1).param("PageNumber", 2).send();
        assertThat(paged.body().get("CallDetails").get("TotalCount").asLong())
                .as("GetMyRoles, GetMyTenants and the three earlier ListOpenApiCallDetails calls").isEqualTo(3);
        assertThat(rows(paged.body().get("CallDetails"))).as("the page holds the second row")
                .containsExactly(today() + " GetMyTenants READ 1 3 3");
    }

    @Test
    void badCallDetailParametersAreRefusedNamingTheParameter() {
        NewAccount account = TestAccounts.create(admin, "intelligent");
        assertRefused(call(account, "ListOpenApiCallDetails").param("StartDate", "2026/12/01").param("EndDate", today()),
                "StartDate", "yyyy-MM-dd");
        assertRefused(call(account, "ListOpenApiCallDetails").param("StartDate", "2026-12-02").param("EndDate", "2026-12-01"),
                "EndDate", "before StartDate");
        assertRefused(call(account, "ListOpenApiCallDetails").param("StartDate", today()).param("EndDate", today())
                .param("ApiLevel", 4), "ApiLevel", "between 1 and 3");
        assertRefused(call(account, "ListOpenApiCallDetails").param("StartDate", today()).param("EndDate", today())
                .param("ApiType", "delete"), "ApiType", "is not one of READ, WRITE");
        assertRefused(call(account, "ListOpenApiCallDetails").param("StartDate", today()).param("EndDate", today())
                .param("PageSize", 0), "PageSize", "between 1 and");
        assertRefused(call(account, "GetOpenApiUsage").param("Month", "December"), "Month", "yyyy-MM");
        Response missing = call(account, "ListOpenApiCallDetails").param("StartDate", today()).send();
        assertThat(missing.code()).isEqualTo("MissingParameter");
        assertThat(missing.message()).contains("EndDate");
    }

    @Test
    void anAccountSeesOnlyItsOwnUsage() {
        NewAccount busy = TestAccounts.create(admin, "intelligent");
        NewAccount quiet = TestAccounts.create(admin, "intelligent");
        for (int i = 0; i < 5; i++) call(busy, "GetMyTenants").send();
        assertThat(call(quiet, "GetOpenApiUsage").send().body().get("Usage").get("CallsThisMonth").asLong()).isZero();
        assertThat(call(quiet, "GetOpenApiUsage").param("OpTenantId", busy.tenant().id()).send().code())
                .isEqualTo("Forbidden.OpTenantId");
    }

    private static void assertRefused(RawClient.Call call, String parameter, String why) {
        Response response = call.send();
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.code()).isEqualTo("InvalidParameter");
        assertThat(response.message()).contains(parameter, why);
    }

    private static List<String> rows(JsonNode details) {
        List<String> rows = new ArrayList<>();
        for (JsonNode item : details.get("Items")) {
            rows.add(item.get("Date").asString() + " " + item.get("ApiName").asString() + " " + item.get("Type").asString()
                    + " " + item.get("Level").asInt() + " " + item.get("Calls").asLong() + " " + item.get("MonthToDate").asLong());
        }
        return rows;
    }

}
