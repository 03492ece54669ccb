package dev.sluice.alerts;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

import dev.sluice.account.Account;
import dev.sluice.alerts.internal.AlertStore;
import dev.sluice.metering.AdmittedCounts;
import dev.sluice.metering.MonthUsage;
import dev.sluice.metering.UsageQueries;
import dev.sluice.plan.Plan;

/**
 * Notices when an account crosses 80 % or 100 % of its monthly free quota or of a daily cap, and records each crossing
 * once per period. Crossings are found from the committed rollups, when the console renders and by a periodic job,
 * never on the call path: a call costs nothing extra, and an alert may lag the crossing by up to the job's interval.
 */
@Service
public class QuotaAlerts {

    private static final int[] THRESHOLDS = {QuotaAlert.WARNING, QuotaAlert.REACHED};

    private final UsageQueries usage;
    private final AlertStore store;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    QuotaAlerts(UsageQueries usage, AlertStore store, ApplicationEventPublisher events, Clock clock) {
        this.usage = usage;
        this.store = store;
        this.events = events;
        this.clock = clock;
    }

    /** Reads the account's figures and records any new crossing; returns the alerts of this month and today. */
    public List<QuotaAlert> check(Account account) {
        return check(account, usage.month(account, YearMonth.from(usage.today())), usage.todayCounts(account.id()));
    }

    /** As {@link #check(Account)}, with figures the caller has read already (the overview reads them anyway). */
    public List<QuotaAlert> check(Account account, MonthUsage month, AdmittedCounts today) {
        LocalDate day = usage.today();
        String monthPeriod = YearMonth.from(day).toString();
        String dayPeriod = day.toString();
        Plan plan = month.plan();
        Plan.Daily caps = plan.daily();
        record Measure(Quota quota, String period, long used, Long limit) {
        }
        List<Measure> measures = List.of(
                new Measure(Quota.MONTHLY_FREE, monthPeriod, month.freeQuotaUsed() + month.billableCalls(), plan.monthlyFree()),
                new Measure(Quota.DAILY_TOTAL, dayPeriod, today.dayTotal(), caps.total()),
                new Measure(Quota.DAILY_LEVEL12, dayPeriod, today.dayLevel1() + today.dayLevel2(), caps.level12()),
                new Measure(Quota.DAILY_LEVEL3, dayPeriod, today.dayLevel3(), caps.level3()),
                new Measure(Quota.DAILY_READ, dayPeriod, today.dayRead(), caps.read()),
                new Measure(Quota.DAILY_WRITE, dayPeriod, today.dayWrite(), caps.write()));
        List<QuotaAlert> recorded = store.ofPeriods(account.id(), List.of(monthPeriod, dayPeriod));
        boolean added = false;
        for (Measure m : measures) {
            if (m.limit() == null || m.limit() <= 0) continue;
            for (int threshold : THRESHOLDS) {
                if (m.used() * 100 < m.limit() * threshold) break;
                if (seen(recorded, m.quota(), m.period(), threshold)) continue;
                QuotaAlert alert = new QuotaAlert(account.id(), m.quota(), m.period(), threshold, m.used(), m.limit(), clock.instant());
                if (store.insertOnce(alert)) events.publishEvent(new QuotaAlertRaised(alert));
                added = true;
            }
        }
        return highest(added ? store.ofPeriods(account.id(), List.of(monthPeriod, dayPeriod)) : recorded);
    }

    private static boolean seen(List<QuotaAlert> recorded, Quota quota, String period, int threshold) {
        return recorded.stream().anyMatch(a -> a.quota() == quota && a.period().equals(period) && a.threshold() == threshold);
    }

    /** The alerts recorded for this month and today, without looking for new crossings: one indexed read. */
    public List<QuotaAlert> current(long accountId) {
        LocalDate day = usage.today();
        return highest(store.ofPeriods(accountId, List.of(YearMonth.from(day).toString(), day.toString())));
    }

    /** The most recent alerts of the account, newest first. */
    public List<QuotaAlert> recent(long accountId, int limit) {
        return store.recent(accountId, limit);
    }

    /** Per quota, only the highest threshold crossed: what a banner should say. */
    private static List<QuotaAlert> highest(List<QuotaAlert> alerts) {
        Map<Quota, Optional<QuotaAlert>> highest = alerts.stream().collect(Collectors.groupingBy(QuotaAlert::quota,
                Collectors.maxBy(java.util.Comparator.comparingInt(QuotaAlert::threshold))));
        List<QuotaAlert> out = new ArrayList<>();
        for (Quota quota : Quota.values()) highest.getOrDefault(quota, Optional.empty()).ifPresent(out::add);
        return out;
    }
}
