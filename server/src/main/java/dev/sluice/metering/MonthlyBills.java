package dev.sluice.metering;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.sluice.account.Account;
import dev.sluice.account.Accounts;
import dev.sluice.metering.internal.UsageStore;
import dev.sluice.plan.Plan;
import dev.sluice.plan.Plans;

/**
 * Closes months: for every account with calls in a month that has ended and no bill yet, writes the bill from the
 * rollups, priced with the account's plan at closing time. Idempotent, so the daily job may run on any node, twice,
 * or late; a month is billed once.
 */
public class MonthlyBills {

    private static final Logger log = LoggerFactory.getLogger(MonthlyBills.class);

    private final UsageStore store;
    private final Accounts accounts;
    private final Plans plans;
    private final Clock clock;

    MonthlyBills(UsageStore store, Accounts accounts, Plans plans, Clock clock) {
        this.store = store;
        this.accounts = accounts;
        this.plans = plans;
        this.clock = clock;
    }

    /** Bills every ended, unbilled month; returns how many bills were written. */
    public int closeEndedMonths() {
        YearMonth current = YearMonth.from(clock.instant().atZone(plans.zone()));
        int written = 0;
        for (var first : store.firstUsageDays(current.atDay(1))) {
            Account account = accounts.account(first.accountId()).orElse(null);
            if (account == null) continue;
            for (YearMonth month = YearMonth.from(first.day()); month.isBefore(current); month = month.plusMonths(1)) {
                if (store.bill(account.id(), month.toString()).isPresent()) continue;
                if (close(account, month)) written++;
            }
        }
        if (written > 0) log.info("closed {} monthly bills", written);
        return written;
    }

    private boolean close(Account account, YearMonth month) {
        LocalDate from = month.atDay(1);
        var totals = store.totals(account.id(), from, month.atEndOfMonth());
        if (totals.calls() == 0) return false;
        Plan plan = plans.of(account.plan());
        store.insertBillOnce(new UsageStore.StoredBill(account.id(), month.toString(), plan.name(), totals.calls(),
                totals.calls() - totals.billable(), totals.billable(), plan.pricePer10k(), plan.amountFor(totals.billable()),
                MonthUsage.CURRENCY, clock.millis()));
        return true;
    }
}
