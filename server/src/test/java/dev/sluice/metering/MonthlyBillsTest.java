package dev.sluice.metering;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.sluice.account.AccountAdmin;
import dev.sluice.account.NewAccount;
import dev.sluice.catalog.OperationType;
import dev.sluice.testsupport.SluiceServerTest;
import dev.sluice.testsupport.TestAccounts;

/** Closing a month writes its bill once, priced by the plan; month-to-date figures restart on the 1st. */
@SluiceServerTest
class MonthlyBillsTest {

    @Autowired
    AccountAdmin admin;

    @Autowired
    Ledger ledger;

    @Autowired
    MonthlyBills bills;

    @Autowired
    UsageQueries usage;

    @Test
    void anEndedMonthIsBilledOnceWithItsBillableCallsPricedPer10k() {
        NewAccount account = TestAccounts.create(admin, "tinypayg"); // 2 free a month, USD 0.05 per 10,000 beyond
        YearMonth lastMonth = YearMonth.from(usage.today()).minusMonths(1);
        record(account, lastMonth.atEndOfMonth(), "GetMyTenants", 2, false);
        record(account, lastMonth.atEndOfMonth(), "GetMyTenants", 30_000, true);

        assertThat(bills.closeEndedMonths()).isGreaterThanOrEqualTo(1);
        assertThat(bills.closeEndedMonths()).as("a month is billed once").isZero();

        Bill closed = usage.bills(account.account()).stream().filter(b -> b.month().equals(lastMonth.toString()))
                .findFirst().orElseThrow();
        assertThat(closed.status()).isEqualTo(Bill.Status.CLOSED);
        assertThat(closed.calls()).isEqualTo(30_002);
        assertThat(closed.freeCalls()).isEqualTo(2);
        assertThat(closed.billableCalls()).isEqualTo(30_000);
        assertThat(closed.amount()).isEqualByComparingTo(new BigDecimal("0.15"));
        assertThat(closed.currency()).isEqualTo("USD");
        assertThat(usage.bills(account.account()).getFirst().status()).as("the current month comes first, open")
                .isEqualTo(Bill.Status.OPEN);
    }

    @Test
    void monthToDateRestartsOnTheFirstOfTheMonth() {
        NewAccount account = TestAccounts.create(admin, "intelligent");
        LocalDate firstOfThisMonth = usage.today().withDayOfMonth(1);
        LocalDate lastOfPrevious = firstOfThisMonth.minusDays(1);
        record(account, lastOfPrevious.minusDays(1), "GetUsers", 4, false);
        record(account, lastOfPrevious, "GetUsers", 3, false);
        record(account, firstOfThisMonth, "GetUsers", 5, false);

        var rows = usage.callDetails(account.account().id(), new CallDetailFilter(lastOfPrevious, firstOfThisMonth,
                null, null, null, null));
        assertThat(rows).extracting(CallDetail::date, CallDetail::calls, CallDetail::monthToDate).containsExactly(
                org.assertj.core.groups.Tuple.tuple(lastOfPrevious, 3L, 7L),
                org.assertj.core.groups.Tuple.tuple(firstOfThisMonth, 5L, 5L));
    }

    /** Writes calls straight to the ledger, as if they had been admitted on that day (at noon in the plans' zone). */
    private void record(NewAccount account, LocalDate day, String action, int calls, boolean billable) {
        ZoneId zone = usage.zone();
        var at = day.atTime(12, 0).atZone(zone).toInstant();
        List<CompletableFuture<Void>> commits = new ArrayList<>();
        for (int i = 0; i < calls; i++) {
            commits.add(ledger.commit(new CallRecord(UUID.randomUUID().toString(), account.account().id(),
                    account.mainUser().id(), account.key().accessKeyId(), action, 1, OperationType.READ, at, true, billable,
                    "OK", 200, 1, null)));
            if (commits.size() == 5_000) { // stay below the ledger's queue capacity
                CompletableFuture.allOf(commits.toArray(CompletableFuture[]::new)).join();
                commits.clear();
            }
        }
        CompletableFuture.allOf(commits.toArray(CompletableFuture[]::new)).join();
    }
}
