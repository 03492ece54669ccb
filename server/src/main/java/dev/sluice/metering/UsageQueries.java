package dev.sluice.metering;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;

import dev.sluice.account.Account;
import dev.sluice.metering.internal.UsageStore;
import dev.sluice.plan.Plan;
import dev.sluice.plan.Plans;

/**
 * Usage figures of one account, read from the daily rollups: the usage API's operations and the console both ask
 * here, so they always show the same numbers.
 */
@Service
public class UsageQueries {

    private final UsageStore store;
    private final Plans plans;
    private final Clock clock;

    UsageQueries(UsageStore store, Plans plans, Clock clock) {
        this.store = store;
        this.plans = plans;
        this.clock = clock;
    }

    public ZoneId zone() {
        return plans.zone();
    }

    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), plans.zone());
    }

    public MonthUsage month(Account account, YearMonth month) {
        Plan plan = plans.of(account.plan());
        var totals = store.totals(account.id(), month.atDay(1), month.atEndOfMonth());
        LocalDate today = today();
        long callsToday = YearMonth.from(today).equals(month) ? store.totals(account.id(), today, today).calls() : 0;
        List<MonthUsage.Refusals> refused = store.refusals(account.id(), month.atDay(1), month.atEndOfMonth()).stream()
                .map(r -> new MonthUsage.Refusals(r.code(), r.calls())).toList();
        long free = Math.min(totals.calls() - totals.billable(), plan.monthlyFree());
        return new MonthUsage(month, plan, account.region(), account.payAsYouGo(), totals.calls(), free, totals.billable(),
                plan.amountFor(totals.billable()), callsToday, refused);
    }

    /** Admitted calls of the account today, per level and type: what today's caps are measured against. */
    public AdmittedCounts todayCounts(long accountId) {
        return store.admitted(accountId, today());
    }

    /** Admitted calls per day and level in [from, to]: the trend chart's series. */
    public List<DayLevelCalls> dailyByLevel(long accountId, LocalDate from, LocalDate to) {
        return store.dayLevelCalls(accountId, from, to);
    }

    /**
     * Call details per day and API, ordered by date then API name. The month-to-date figure counts the API's calls
     * from the 1st of that day's month, also on days before the range starts, so it does not depend on the range.
     */
    public List<CallDetail> callDetails(long accountId, CallDetailFilter filter) {
        LocalDate monthStart = filter.from().withDayOfMonth(1);
        Map<String, Long> running = new HashMap<>();
        YearMonth runningMonth = YearMonth.from(monthStart);
        List<CallDetail> rows = new ArrayList<>();
        for (var day : store.dayApiCalls(accountId, monthStart, filter.to(), filter.userId())) {
            YearMonth month = YearMonth.from(day.day());
            if (!month.equals(runningMonth)) {
                running.clear();
                runningMonth = month;
            }
            long monthToDate = running.merge(day.action(), day.calls(), Long::sum);
            CallDetail row = new CallDetail(day.day(), day.action(), day.type(), day.level(), day.calls(), monthToDate);
            if (!day.day().isBefore(filter.from()) && filter.matches(row)) rows.add(row);
        }
        return rows;
    }

    /** Closed months' bills, newest first, after the current month's open figures. */
    public List<Bill> bills(Account account) {
        List<Bill> bills = new ArrayList<>();
        MonthUsage current = month(account, YearMonth.from(today()));
        bills.add(new Bill(current.month().toString(), Bill.Status.OPEN, current.plan().name(), current.calls(),
                current.freeQuotaUsed(), current.billableCalls(), current.plan().pricePer10k(), current.amountDue(),
                MonthUsage.CURRENCY, null));
        for (var stored : store.bills(account.id())) {
            bills.add(new Bill(stored.month(), Bill.Status.CLOSED, stored.plan(), stored.calls(), stored.freeCalls(),
                    stored.billableCalls(), stored.pricePer10k(), stored.amount(), stored.currency(), stored.closedAt()));
        }
        return bills;
    }
}
