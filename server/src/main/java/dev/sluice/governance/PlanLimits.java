package dev.sluice.governance;

import java.util.ArrayList;
import java.util.List;

import dev.sluice.catalog.OperationType;
import dev.sluice.plan.Plan;

/**
 * The limits a plan puts on one call, in the order they are checked: the edition-wide QPS bucket, the level's (or
 * the type's) bucket, then the daily caps, then the monthly free quota. Shared by the embedded and the cluster
 * counters, so both refuse by the same limit and report the same one in headers.
 */
public final class PlanLimits {

    private PlanLimits() {
    }

    public static List<Limit> qps(Plan plan, int level, OperationType type) {
        List<Limit> limits = new ArrayList<>(3);
        Plan.Qps qps = plan.qps();
        if (qps.total() != null) limits.add(new Limit(Limit.Kind.QPS, "all levels", qps.total()));
        if (qps.forLevel(level) != null) limits.add(new Limit(Limit.Kind.QPS, "level " + level, qps.forLevel(level)));
        if (qps.forType(type) != null) limits.add(new Limit(Limit.Kind.QPS, type.name().toLowerCase(), qps.forType(type)));
        return limits;
    }

    public static List<Limit> daily(Plan plan, int level, OperationType type) {
        List<Limit> limits = new ArrayList<>(3);
        Plan.Daily daily = plan.daily();
        if (daily.total() != null) limits.add(new Limit(Limit.Kind.DAILY, "all levels", daily.total()));
        if (daily.forLevel(level) != null) {
            limits.add(new Limit(Limit.Kind.DAILY, level == 3 ? "level 3" : "levels 1 and 2", daily.forLevel(level)));
        }
        if (daily.forType(type) != null) limits.add(new Limit(Limit.Kind.DAILY, type.name().toLowerCase(), daily.forType(type)));
        return limits;
    }

    public static Limit monthly(Plan plan) {
        return new Limit(Limit.Kind.MONTHLY_FREE, "free quota", plan.monthlyFree());
    }
}
