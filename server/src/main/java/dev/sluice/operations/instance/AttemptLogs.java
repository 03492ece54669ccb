package dev.sluice.operations.instance;

import java.util.Optional;

import org.springframework.stereotype.Component;

import dev.sluice.runner.RunView;
import dev.sluice.runner.SqlRunner;

/**
 * The log of one attempt of an instance, for the API ({@code GetPhysicalInstanceLog}) and the console alike: the SQL
 * runner's log of each statement one after the other, or the scheduler's own word for an attempt that ran nothing. A
 * log longer than {@code sluice.scheduler.max-log-chars} keeps its head and tail and says what was cut.
 */
@Component
class AttemptLogs {

    private final SqlRunner runner;
    private final SchedulerSettings settings;

    AttemptLogs(SqlRunner runner, SchedulerSettings settings) {
        this.runner = runner;
        this.settings = settings;
    }

    String content(long tenantId, InstanceStore.Attempt attempt, String pathForErrors) {
        Capped text = new Capped(settings.maxLogChars());
        Optional<RunView> run = attempt.runId() == null ? Optional.empty() : runner.find(tenantId, attempt.runId());
        if (run.isPresent()) {
            for (RunView.SubTask sub : run.get().subTasks()) {
                text.append(runner.log(run.get(), sub.id(), 0, pathForErrors, pathForErrors).content());
            }
        } else if (attempt.runId() != null) {
            text.append("The run's log is no longer kept (" + attempt.runId() + ").\n");
        }
        if (attempt.message() != null) text.append(attempt.message() + "\n");
        return text.toString();
    }

    /**
     * A log kept whole up to {@code max} characters, beyond that as its head and its tail (half each) with the number
     * of characters cut between them: the end, where a failure is told, is always there.
     */
    static final class Capped {

        private final int max;
        private final int half;
        private final StringBuilder head = new StringBuilder();
        private final StringBuilder tail = new StringBuilder();
        private long total;

        Capped(int max) {
            this.max = max;
            this.half = max / 2;
        }

        void append(String part) {
            total += part.length();
            if (tail.isEmpty() && head.length() + part.length() <= max) {
                head.append(part);
                return;
            }
            if (tail.isEmpty()) { // the first overflow: the head keeps its first half, the rest goes to the tail
                tail.append(head, Math.min(half, head.length()), head.length());
                head.setLength(Math.min(half, head.length()));
                int missing = half - head.length();
                if (missing > 0) {
                    int taken = Math.min(missing, part.length());
                    head.append(part, 0, taken);
                    part = part.substring(taken);
                }
            }
            tail.append(part);
            if (tail.length() > 2 * half) tail.delete(0, tail.length() - half);
        }

        @Override
        public String toString() {
            if (tail.isEmpty()) return head.toString();
            String end = tail.length() > half ? tail.substring(tail.length() - half) : tail.toString();
            return head + "\n... " + (total - head.length() - end.length()) + " characters cut ...\n" + end;
        }
    }
}
