package dev.sluice.console.overview;

import java.util.ArrayList;
import java.util.List;

import dev.sluice.metering.AdmittedCounts;
import dev.sluice.plan.Plan;

/**
 * The plan's limits as rows a person reads, and today's calls against each daily cap. Plans key limits either by
 * throttling level or by read/write type; only the keying the plan uses is shown, plus any overall limit.
 */
final class Limits {

    /** One limit: what it applies to, its QPS and its daily cap (null: none). */
    record Row(String appliesTo, Integer qps, Long daily) {
    }

    /** Calls so far today against one daily cap (null cap: counted, not capped). */
    record Today(String appliesTo, long calls, Long cap) {
    }

    private Limits() {
    }

    static boolean byType(Plan plan) {
        return plan.qps().read() != null || plan.qps().write() != null || plan.daily().read() != null || plan.daily().write() != null;
    }

    static List<Row> rows(Plan plan) {
        Plan.Qps q = plan.qps();
        Plan.Daily d = plan.daily();
        List<Row> rows = new ArrayList<>();
        if (q.total() != null || d.total() != null) rows.add(new Row("All calls together", q.total(), d.total()));
        if (byType(plan)) {
            rows.add(new Row("Read calls", q.read(), d.read()));
            rows.add(new Row("Write calls", q.write(), d.write()));
        } else {
            rows.add(new Row("Level 1 (light)", q.level1(), d.level12()));
            rows.add(new Row("Level 2 (medium)", q.level2(), d.level12()));
            rows.add(new Row("Level 3 (heavy)", q.level3(), d.level3()));
        }
        return rows;
    }

    static List<Today> today(Plan plan, AdmittedCounts today) {
        Plan.Daily d = plan.daily();
        List<Today> rows = new ArrayList<>();
        if (byType(plan)) {
            rows.add(new Today("Read calls", today.dayRead(), d.read()));
            rows.add(new Today("Write calls", today.dayWrite(), d.write()));
        } else {
            rows.add(new Today("Levels 1 and 2", today.dayLevel1() + today.dayLevel2(), d.level12()));
            rows.add(new Today("Level 3", today.dayLevel3(), d.level3()));
        }
        rows.add(new Today("All calls", today.dayTotal(), d.total()));
        return rows;
    }
}
