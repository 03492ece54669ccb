package dev.sluice.governance;

/**
 * One limit that applies to a call: a QPS bucket, a daily cap or the monthly free quota, with a scope such as
 * "level 3", "levels 1 and 2", "read" or "all levels".
 */
public record Limit(Kind kind, String scope, long quota) {

    public enum Kind {
        QPS, DAILY, MONTHLY_FREE
    }

    /** A token for headers and metrics, e.g. {@code qps-level3}, {@code daily-level12}, {@code monthly-free}. */
    public String id() {
        String prefix = switch (kind) {
            case QPS -> "qps";
            case DAILY -> "daily";
            case MONTHLY_FREE -> "monthly";
        };
        return prefix + "-" + scope.replace("levels 1 and 2", "level12").replace("all levels", "total")
                .replace("free quota", "free").replace(" ", "");
    }

    /** How the limit reads in a refusal message, e.g. "level 3 QPS limit 5". */
    public String describe() {
        return switch (kind) {
            case QPS -> scope + " QPS limit " + quota;
            case DAILY -> "daily limit of " + quota + " calls (" + scope + ")";
            case MONTHLY_FREE -> "monthly free quota of " + quota + " calls";
        };
    }
}
