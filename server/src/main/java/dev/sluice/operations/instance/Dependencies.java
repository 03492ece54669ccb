package dev.sluice.operations.instance;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.function.ToLongFunction;

/**
 * Whether the upstream instances of the matching business date let an instance start, per the dependency's
 * {@code DependStrategy}. For the same period ({@code PeriodDiff} 0) only the upstream's instances due at or before
 * this one count (the first one when none is): an hourly task then waits for its own hour's upstream, a daily one at
 * the end of the day for all of the day's. For an earlier period all of that date's instances count. {@code ALL} (the
 * default) needs every counted one succeeded, {@code FIRST} the earliest, {@code LAST} and {@code NEAR} the latest.
 * An upstream with no instance for that date does not hold the instance back (it was not scheduled then, e.g. a
 * manual node).
 */
final class Dependencies {

    private Dependencies() {
    }

    static boolean satisfied(String strategy, List<InstanceStore.Upstream> all, long dueAt, boolean samePeriod) {
        if (all.isEmpty()) return true;
        List<InstanceStore.Upstream> upstream = counted(all, InstanceStore.Upstream::dueAt, dueAt, samePeriod);
        String which = strategy == null ? "ALL" : strategy.trim().toUpperCase(Locale.ROOT);
        return switch (which) {
            case "FIRST" -> upstream.getFirst().status() == InstanceStatus.SUCCESS;
            case "LAST", "NEAR" -> upstream.getLast().status() == InstanceStatus.SUCCESS;
            default -> upstream.stream().allMatch(u -> u.status() == InstanceStatus.SUCCESS);
        };
    }

    /**
     * Which of an upstream's instances of the matching date (by due time) count for an instance due at {@code dueAt}:
     * for the same period those due at or before it, else the first; for an earlier period all.
     */
    static <T> List<T> counted(List<T> all, ToLongFunction<T> due, long dueAt, boolean samePeriod) {
        if (all.isEmpty() || !samePeriod) return all;
        List<T> upTo = all.stream().filter(u -> due.applyAsLong(u) <= dueAt).toList();
        return upTo.isEmpty() ? List.of(all.getFirst()) : upTo;
    }

    /** The business date of the upstream instances an instance of {@code bizDate} depends on, {@code yyyy-MM-dd}. */
    static String upstreamBizDate(String bizDate, int periodDiff) {
        return LocalDate.parse(bizDate).minusDays(Math.max(0, periodDiff)).toString();
    }
}
