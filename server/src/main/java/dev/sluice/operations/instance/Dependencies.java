package dev.sluice.operations.instance;

import java.util.List;
import java.util.Locale;

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
        List<InstanceStore.Upstream> upstream = samePeriod ? all.stream().filter(u -> u.dueAt() <= dueAt).toList() : all;
        if (upstream.isEmpty()) upstream = List.of(all.getFirst());
        String which = strategy == null ? "ALL" : strategy.trim().toUpperCase(Locale.ROOT);
        return switch (which) {
            case "FIRST" -> upstream.getFirst().status() == InstanceStatus.SUCCESS;
            case "LAST", "NEAR" -> upstream.getLast().status() == InstanceStatus.SUCCESS;
            default -> upstream.stream().allMatch(u -> u.status() == InstanceStatus.SUCCESS);
        };
    }
}
