package dev.sluice.runner;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import dev.sluice.dispatch.DisplayTime;
import dev.sluice.protocol.PopErrors;

/**
 * The one SQL runner: starts a script as a run of statements on a compute or data source and answers for it from the
 * database afterwards, on any node. Every run is scoped by tenant: another tenant's run id answers as an unknown one.
 * Before the gate, every {@link StatementCheck} bean sees each statement and may refuse it.
 * Without an {@link Engines} or a {@link StatementGate} in the server, nothing runs: the calls that would run SQL answer
 * {@code UnsupportedOperation}.
 */
@Service
public class SqlRunner {

    public static final int MAX_STATEMENTS = 100;

    private final RunStore store;
    private final ObjectProvider<Engines> engines;
    private final ObjectProvider<StatementGate> gate;
    private final List<StatementCheck> checks;
    private final SourceQueues queues;
    private final RunnerNode node;
    private final RunnerSettings settings;
    private final Clock clock;
    private final DisplayTime time;
    private final SecureRandom random = new SecureRandom();

    SqlRunner(RunStore store, ObjectProvider<Engines> engines, ObjectProvider<StatementGate> gate, ObjectProvider<StatementCheck> checks,
              SourceQueues queues, RunnerNode node, RunnerSettings settings, Clock clock, DisplayTime time) {
        this.store = store;
        this.engines = engines;
        this.gate = gate;
        this.checks = checks.orderedStream().toList();
        this.queues = queues;
        this.node = node;
        this.settings = settings;
        this.clock = clock;
        this.time = time;
    }

    /** The engines, refused as unsupported when this server has no way to reach a source. */
    public Engines engines() {
        Engines available = engines.getIfAvailable();
        if (available == null) throw PopErrors.unsupported("This server cannot run SQL: no compute or data source engine is configured.").exception();
        return available;
    }

    /**
     * Checks the script, stores the run with its statements (all {@code WAIT_RESOURCE}) and starts it once the caller's
     * transaction, if any, has committed. Refusals come before anything is stored: an empty script, more than
     * {@value #MAX_STATEMENTS} statements, a {@code ${name}} without a value, a full queue.
     *
     * @return the run id, {@code <label>_<userId>_<epochMillis><6 random digits>}
     */
    public String start(RunRequest request) {
        StatementGate admit = gate.getIfAvailable();
        Engines reach = engines();
        if (admit == null) throw PopErrors.unsupported("This server cannot run SQL: no permission check for statements is configured.").exception();
        RunRequest.WirePaths paths = request.wirePaths();
        if (request.script() == null || request.script().isBlank()) throw PopErrors.missingParameter(paths.script()).exception();
        String script = ScriptParams.substitute(request.script(), request.params(), LocalDate.now(clock.withZone(time.zone())), paths.params());
        List<String> statements = ScriptSplitter.split(script, request.context().engine().dialect());
        if (statements.isEmpty()) throw PopErrors.invalidParameter(paths.script(), "the script holds no statement, only comments or blanks.").exception();
        if (statements.size() > MAX_STATEMENTS) {
            throw PopErrors.invalidParameter(paths.script(), "the script holds " + statements.size() + " statements; at most "
                    + MAX_STATEMENTS + " run in one go.").exception();
        }
        queues.requireRoom(request.context().engine());
        long now = clock.millis();
        String runId;
        do {
            runId = request.label() + "_" + request.context().userId() + "_" + now + String.format("%06d", random.nextInt(1_000_000));
        } while (!store.insert(runId, request.context(), statements, node.id(), now));
        var services = new RunExecution.Services(store, reach, checks, admit, queues, node, settings, clock, time);
        RunExecution run = new RunExecution(services, runId, request.context(), statements, request.timeout());
        afterCommit(run::launch);
        return runId;
    }

    /** The run, if the tenant has it. */
    public Optional<RunView> find(long tenantId, String runId) {
        return runId == null ? Optional.empty() : store.find(tenantId, runId);
    }

    /**
     * A page of one statement's log from character {@code offset}.
     *
     * @throws dev.sluice.protocol.PopException {@code InvalidParameter} naming {@code subTaskPath} for a statement the run
     *                                          does not have
     */
    public LogPage log(RunView run, int subTaskId, long offset, String subTaskPath, String offsetPath) {
        RunStore.SubTaskRow row = subTask(run, subTaskId, subTaskPath);
        if (offset < 0) throw PopErrors.invalidParameter(offsetPath, "an offset counts characters from 0.").exception();
        String log = row.log();
        int from = (int) Math.min(offset, log.length());
        String content = log.substring(from);
        long next = from + content.length();
        boolean hasNext = !row.state().isFinal() || next < log.length();
        return new LogPage(run.id(), subTaskId, content, next, hasNext, row.hasResult(), row.state(), run.state());
    }

    /** One statement's result as JSON text; empty while it runs and for a statement that returned no rows set. */
    public Optional<String> result(RunView run, int subTaskId, String subTaskPath) {
        return Optional.ofNullable(subTask(run, subTaskId, subTaskPath).result());
    }

    /**
     * Stops a run: its running statement is cancelled on the database, waiting ones never start. The request is stored
     * first, so the node executing the run acts on it even when this is another node (within
     * {@code sluice.runner.cancel-poll}). A run that is already over stays as it is.
     *
     * @return true when the run was still going and is now asked to stop, false when it had already ended
     */
    public boolean stop(RunView run) {
        if (run.state().isFinal() || !store.requestCancel(run.tenantId(), run.id())) return false;
        afterCommit(() -> {
            RunExecution local = node.local(run.id());
            if (local != null) local.stop(RunExecution.Stop.USER);
        });
        return true;
    }

    /**
     * Fails every run whose node has not beaten its heart for {@code sluice.runner.node-lost-after} ("node lost"; the
     * run then says {@link RunView#nodeLost()}): nobody else would finish them. The housekeeping job calls it once a
     * minute, the scheduler more often while it follows runs, so a lost attempt is retried soon.
     *
     * @return the runs failed
     */
    public int failLostRuns() {
        long now = clock.millis();
        return store.failLostRuns(now - settings.nodeLostAfter().toMillis(), now, time.format(now)
                + " FAILED: node lost: the server node running this statement stopped answering\n");
    }

    private RunStore.SubTaskRow subTask(RunView run, int subTaskId, String path) {
        if (subTaskId < 0 || subTaskId >= run.subTasks().size()) {
            throw PopErrors.invalidParameter(path, "run " + run.id() + " has subtasks 0 to " + (run.subTasks().size() - 1)
                    + ", not " + subTaskId + ".").exception();
        }
        return store.subTask(run.id(), subTaskId).orElseThrow(() -> PopErrors.notFound("subtask", subTaskId).exception());
    }

    /** Inside a transaction the work waits for its commit (the run's rows must be visible to its own thread); else now. */
    private static void afterCommit(Runnable work) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    work.run();
                }
            });
        } else {
            work.run();
        }
    }
}
