package dev.sluice.operations.instance;

import java.util.List;
import java.util.Locale;

/**
 * Whether the upstream instances of the matching business date let an instance start, per the dependency's
 * {@code DependStrategy}: {@code ALL} (the default) every one succeeded, {@code FIRST} the earliest, {@code LAST} the
 * latest, {@code NEAR} the latest due at or before the instance. An upstream with no instance for that date does not
 * hold the instance back (it was not scheduled then, e.g. a manual node).
 */
final class Dependencies {

    private Dependencies() {
    }

    static boolean satisfied(String strategy, List<InstanceStore.Upstream> upstream, long dueAt) {
        if (upstream.isEmpty()) return true;
        String which = strategy == null ? "ALL" : strategy.trim().toUpperCase(Locale.ROOT);
        return switch (which) {
            case "FIRST" -> upstream.getFirst().status() == InstanceStatus.SUCCESS;
            case "LAST" -> upstream.getLast().status() == InstanceStatus.SUCCESS;
            case "NEAR" -> upstream.stream().filter(u -> u.dueAt() <= dueAt).reduce((a, b) -> b)
                    .map(u -> u.status() == InstanceStatus.SUCCESS).orElse(upstream.getFirst().status() == InstanceStatus.SUCCESS);
            default -> upstream.stream().allMatch(u -> u.status() == InstanceStatus.SUCCESS);
        };
    }
}
