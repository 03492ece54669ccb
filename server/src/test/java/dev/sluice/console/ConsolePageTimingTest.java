package dev.sluice.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.sluice.account.AccountAdmin;
import dev.sluice.account.ConsoleLogins;
import dev.sluice.account.NewAccount;
import dev.sluice.catalog.Catalog;
import dev.sluice.catalog.Operation;
import dev.sluice.testsupport.SluiceServerTest;
import dev.sluice.testsupport.TestAccounts;

/**
 * How fast the console's pages render over a full month of heavy use: an account making a million calls a day, 30 days
 * of rollups for all 211 operations and 4 users (25,320 rows). The rows fill the current month from the 1st (days
 * after today included), so the overview's month figures and trend read a whole month, and call details are asked
 * for the whole month; the test shares the server of the other tests, real clock and all. Prints the median and slowest of 15 renders per page (after warm-up) and writes them to
 * {@code server/target/console-timing.txt} (pages over the 200 ms budget are named there, never failed on: a timing on a
 * shared machine proves nothing). Rerun with
 * {@code ./mvnw -B -q -pl server -am test -Dtest=ConsolePageTimingTest -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@SluiceServerTest
class ConsolePageTimingTest {

    static final int USERS = 4;
    static final long CALLS_PER_DAY = 1_000_000;
    static final long BUDGET_MILLIS = 200;

    @LocalServerPort
    int port;

    @Autowired
    AccountAdmin admin;

    @Autowired
    ConsoleLogins logins;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Catalog catalog;

    @Autowired
    dev.sluice.metering.UsageQueries usage;

    @Autowired
    dev.sluice.alerts.QuotaAlerts alerts;

    @Test
    void everyPageRendersWithinBudgetOverAMonthOfAMillionCallsADay() throws Exception {
        NewAccount account = TestAccounts.create(admin, "intelligent");
        List<Long> users = new ArrayList<>(List.of(account.mainUser().id()));
        for (int i = 1; i < USERS; i++) users.add(admin.createUser(account.account().id(), "user" + i, java.util.Set.of()).id());
        java.time.YearMonth month = java.time.YearMonth.from(usage.today());
        int rows = seed(account.account().id(), users, month);
        String range = "from=" + month.atDay(1) + "&to=" + month.atEndOfMonth();
        String login = ConsoleFixtures.consoleUser(logins, account);
        logins.setOperator(account.mainUser().id(), true);
        ConsoleSession console = ConsoleSession.signedIn(port, login, ConsoleFixtures.PASSWORD);

        String[] pages = {"/console", "/console/calls?" + range, "/console/calls?" + range + "&sort=calls&dir=desc&page=40",
                "/console/calls?" + range + "&level=3&type=write", "/console/calls.csv?" + range, "/console/keys", "/console/apis",
                "/console/apis/ListProjects", "/console/admin"};
        StringBuilder report = new StringBuilder(String.format(Locale.ROOT,
                "Console page renders, %,d rollup rows (a month x %d operations x %d users, %,d calls a day), on %s%n",
                rows, catalog.contract().size(), USERS, CALLS_PER_DAY, month));
        report.append(queries(account, month));
        List<String> overBudget = new ArrayList<>();
        for (String page : pages) {
            for (int i = 0; i < 5; i++) assertThat(console.get(page).status()).as(page).isEqualTo(200);
            long[] millis = new long[15];
            for (int i = 0; i < millis.length; i++) {
                long started = System.nanoTime();
                console.get(page);
                millis[i] = (System.nanoTime() - started) / 1_000_000;
            }
            Arrays.sort(millis);
            long median = millis[millis.length / 2];
            report.append(String.format(Locale.ROOT, "  %-70s median %4d ms   slowest %4d ms%n", page, median, millis[millis.length - 1]));
            if (median >= BUDGET_MILLIS) overBudget.add(page);
        }
        report.append(String.format(Locale.ROOT, "  (load average while measuring: %.1f on %d cores)%n",
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors()));
        System.out.print(report);
        Files.writeString(Path.of("target/console-timing.txt"), report);
        // The budget is reported, not asserted: a timing on a shared CI machine is no proof of speed (the figure comes
        // from rerunning this test, see the class comment); what this test asserts is that every page renders.
        if (!overBudget.isEmpty()) System.out.println("  pages over the " + BUDGET_MILLIS + " ms budget on this run: " + overBudget);
    }

    /** Where a page's time goes: the usage reads it makes, each timed alone (median of 15). */
    private String queries(NewAccount account, java.time.YearMonth month) {
        var a = account.account();
        java.util.Map<String, Runnable> reads = new java.util.LinkedHashMap<>();
        reads.put("UsageQueries.month", () -> usage.month(a, month));
        reads.put("UsageQueries.todayCounts", () -> usage.todayCounts(a.id()));
        reads.put("UsageQueries.dailyByLevel", () -> usage.dailyByLevel(a.id(), month.atDay(1), month.atEndOfMonth()));
        reads.put("UsageQueries.callDetails (month)", () -> usage.callDetails(a.id(),
                new dev.sluice.metering.CallDetailFilter(month.atDay(1), month.atEndOfMonth(), null, null, null, null)));
        reads.put("QuotaAlerts.check", () -> alerts.check(a));
        StringBuilder out = new StringBuilder();
        reads.forEach((name, read) -> {
            for (int i = 0; i < 5; i++) read.run();
            long[] millis = new long[15];
            for (int i = 0; i < millis.length; i++) {
                long started = System.nanoTime();
                read.run();
                millis[i] = (System.nanoTime() - started) / 1_000_000;
            }
            Arrays.sort(millis);
            out.append(String.format(Locale.ROOT, "  read %-40s median %4d ms%n", name, millis[7]));
        });
        return out.toString();
    }

    /** A million calls a day spread over every operation and user, heavier operations called less. */
    private int seed(long accountId, List<Long> users, java.time.YearMonth month) {
        List<Operation> operations = catalog.contract();
        long weights = operations.stream().mapToLong(op -> 4 - op.level()).sum();
        List<Object[]> batch = new ArrayList<>();
        for (int d = 0; d < Math.min(30, month.lengthOfMonth()); d++) { // February: 28 or 29 days
            LocalDate day = month.atDay(d + 1);
            for (Operation op : operations) {
                long perUser = CALLS_PER_DAY * (4 - op.level()) / weights / users.size();
                for (long user : users) {
                    batch.add(new Object[] {accountId, Date.valueOf(day), op.action(), user, op.level(), op.type().name(),
                            perUser + (d * 7 + user) % 13, 0});
                }
            }
        }
        jdbc.batchUpdate("insert into usage_daily (account_id, call_day, action, user_id, level, op_type, calls, billable) "
                + "values (?, ?, ?, ?, ?, ?, ?, ?)", batch);
        return batch.size();
    }
}
