package dev.sluice.operations;

import java.util.List;
import java.util.Optional;

/**
 * Today's scheduled instances as the console's Operations page shows them to a signed-in user: those of the projects
 * whose production environment the user is a member of (or every project of a tenant the user is super administrator
 * of), the same rule as {@code ListInstances}. Read straight from the scheduler's tables, so looking costs no API call.
 */
public interface TodayInstances {

    /** Instances due today (in {@code sluice.zone}) up to now, at most {@link #LIMIT}, the latest first. */
    Today today(long accountId, long userId);

    /** The log of every attempt of one of those instances; empty when the user may not see it or it does not exist. */
    Optional<Log> log(long accountId, long userId, String instanceId);

    int LIMIT = 500;

    /**
     * @param status     the contract's run status (WAIT_SCHEDULE … FAILED), with PAUSED/TERMINATED flags beside it
     * @param durationMs from start to end (or to now while running); null before it started
     */
    record Row(String instanceId, String projectName, String nodeId, String nodeName, String bizDate, String dueTime,
               String status, List<String> flags, String startTime, String endTime, Long durationMs, int attempts) {
    }

    /** @param dueLater how many more are due later today (not listed: a frequent node would fill the page with them) */
    record Today(List<Row> due, long dueLater) {
    }

    record Log(Row instance, List<Attempt> attempts) {
    }

    record Attempt(int attempt, String status, String startTime, String endTime, String content) {
    }
}
