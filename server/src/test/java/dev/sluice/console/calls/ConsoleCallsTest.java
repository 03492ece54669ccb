package dev.sluice.console.calls;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.sluice.account.AccountAdmin;
import dev.sluice.account.ConsoleLogins;
import dev.sluice.account.NewAccount;
import dev.sluice.console.ConsoleFixtures;
import dev.sluice.console.ConsoleSession;
import dev.sluice.metering.UsageQueries;
import dev.sluice.testsupport.RawClient;
import dev.sluice.testsupport.SluiceServerTest;
import dev.sluice.testsupport.TestAccounts;
import tools.jackson.databind.JsonNode;

/** The call-details screen and its CSV show exactly what ListOpenApiCallDetails answers for the same filters. */
@SluiceServerTest
class ConsoleCallsTest {

    @LocalServerPort
    int port;

    @Autowired
    AccountAdmin admin;

    @Autowired
    ConsoleLogins logins;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UsageQueries usage;

    NewAccount account;
    RawClient client;
    ConsoleSession console;
    LocalDate today;

    @BeforeEach
    void accountWithCalls() {
        account = TestAccounts.create(admin, "intelligent");
        client = new RawClient(port, account.key().accessKeyId(), account.key().accessKeySecret());
        for (int i = 0; i < 3; i++) assertThat(client.call("GetMyTenants").param("OpTenantId", account.tenant().id()).send().status()).isEqualTo(200);
        assertThat(client.call("GetMyRoles").param("OpTenantId", account.tenant().id()).send().status()).isEqualTo(200);
        today = usage.today();
        long user = account.mainUser().id();
        // Operations of other levels and types are not built yet, so their calls go straight into the rollups.
        ConsoleFixtures.seed(jdbc, account.account().id(), user, today, "CreateBizEntity", 3, "WRITE", 7);
        ConsoleFixtures.seed(jdbc, account.account().id(), user, today, "ListBizEntities", 2, "READ", 5);
        ConsoleFixtures.seed(jdbc, account.account().id(), user, today.minusMonths(1), "ListBizEntities", 2, "READ", 11);
        console = ConsoleSession.signedIn(port, ConsoleFixtures.consoleUser(logins, account), ConsoleFixtures.PASSWORD);
    }

    @Test
    void theCsvEqualsTheUsageApiForEachFilter() {
        String from = today.minusMonths(1).withDayOfMonth(1).toString();
        String to = today.toString();
        for (String[] filter : new String[][] {{"", ""}, {"read", ""}, {"write", ""}, {"", "1"}, {"", "2"}, {"", "3"}, {"read", "2"}}) {
            String query = "from=" + from + "&to=" + to + "&type=" + filter[0] + "&level=" + filter[1];
            List<String> csv = csvRows(console.get("/console/calls.csv?" + query).body());
            assertThat(csv).as("filters " + Arrays.toString(filter)).isEqualTo(apiRows(from, to, filter[0], filter[1]));
        }
        List<String> all = csvRows(console.get("/console/calls.csv?from=" + today.withDayOfMonth(1) + "&to=" + today).body());
        assertThat(all).contains(today + ",GetMyTenants,READ,1,3,3", today + ",CreateBizEntity,WRITE,3,7,7", today + ",ListBizEntities,READ,2,5,5");
    }

    @Test
    void thePageShowsTheFilteredRowsAndSortsAndFiltersAsPartialUpdates() {
        var page = console.get("/console/calls?level=3");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("CreateBizEntity", "<title>Call details").doesNotContain(">GetMyTenants<");

        var partial = console.getPartial("/console/calls?type=read&sort=calls&dir=desc");
        assertThat(partial.body()).doesNotContain("<html", "<nav class=\"tabs\"").contains("id=\"results\"");
        assertThat(partial.body().indexOf("ListBizEntities")).isLessThan(partial.body().indexOf(">GetMyTenants<"));
        assertThat(partial.body()).doesNotContain("CreateBizEntity");
    }

    @Test
    void theCsvIsADownloadOfEveryMatchingRow() {
        var csv = console.get("/console/calls.csv?type=write");
        assertThat(csv.headers().firstValue("content-type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/csv"));
        assertThat(csv.headers().firstValue("content-disposition")).hasValueSatisfying(v -> assertThat(v).contains("attachment"));
        assertThat(csvRows(csv.body())).containsExactly(today + ",CreateBizEntity,WRITE,3,7,7");
    }

    private static List<String> csvRows(String csv) {
        List<String> lines = new ArrayList<>(Arrays.asList(csv.split("\r\n")));
        assertThat(lines.removeFirst()).isEqualTo("date,api,type,level,calls,month_to_date");
        return lines;
    }

    private List<String> apiRows(String from, String to, String type, String level) {
        RawClient.Call call = client.call("ListOpenApiCallDetails").param("OpTenantId", account.tenant().id())
                .param("StartDate", from).param("EndDate", to).param("PageSize", 500);
        if (!type.isEmpty()) call.param("ApiType", type.toUpperCase());
        if (!level.isEmpty()) call.param("ApiLevel", level);
        RawClient.Response response = call.send();
        assertThat(response.status()).isEqualTo(200);
        List<String> rows = new ArrayList<>();
        for (JsonNode item : response.body().path("CallDetails").path("Items")) {
            rows.add(String.join(",", item.path("Date").asString(), item.path("ApiName").asString(), item.path("Type").asString(),
                    item.path("Level").asString(), item.path("Calls").asString(), item.path("MonthToDate").asString()));
        }
        return rows;
    }
}
