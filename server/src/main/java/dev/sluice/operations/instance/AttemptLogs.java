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
        StringBuilder text = new StringBuilder();
        Optional<RunView> run = attempt.runId() == null ? Optional.empty() : runner.find(tenantId, attempt.runId());
        if (run.isPresent()) {
            for (RunView.SubTask sub : run.get().subTasks()) {
                text.append(runner.log(run.get(), sub.id(), 0, pathForErrors, pathForErrors).content());
                // Reading further than the tail we keep would only be cut again.
                if (text.length() > 4L * settings.maxLogChars()) break;
            }
        } else if (attempt.runId() != null) {
            text.append("The run's log is no longer kept (").append(attempt.runId()).append(").\n");
        }
        if (attempt.message() != null) text.append(attempt.message()).append('\n');
        return cap(text.toString());
    }

    /** The head and the tail of a long log, the cut said between them. */
    private String cap(String log) {
        int max = settings.maxLogChars();
        if (log.length() <= max) return log;
        int half = max / 2;
        return log.substring(0, half) + "\n... " + (log.length() - 2 * half) + " characters cut ...\n" + log.substring(log.length() - half);
    }
}
