package dev.sluice.runner;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledFuture;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.sluice.dispatch.DisplayTime;
import dev.sluice.protocol.PopException;

/**
 * One run on this node: waits for a slot of its source, opens one connection of its own, and executes its statements
 * in order, each admitted by the gate first. The first statement that fails (or is refused, stopped or timed out) ends
 * the run; the statements after it are cancelled without running. A stop cancels the running statement on the database
 * ({@link Statement#cancel()}), and if the database still runs it after {@code sluice.runner.stop-grace}, kills it from
 * a second connection ({@link EngineKill}).
 */
final class RunExecution implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(RunExecution.class);

    /** Why a run is stopped, and how it ends. */
    enum Stop {
        USER(RunState.CANCELLED, "stopped by a user"),
        TIMEOUT(RunState.FAILED, "stopped: the run exceeded its timeout of %s"),
        SHUTDOWN(RunState.CANCELLED, "stopped: the server node running it shut down");

        final RunState ends;
        final String reason;

        Stop(RunState ends, String reason) {
            this.ends = ends;
            this.reason = reason;
        }
    }

    /** What every run of this node shares. */
    record Services(RunStore store, Engines engines, List<StatementCheck> checks, StatementGate gate, SourceQueues queues, RunnerNode node,
                    RunnerSettings settings, Clock clock, DisplayTime time) {
    }

    private final Services s;
    private final String runId;
    private final RunContext context;
    private final List<String> statements;
    private final Duration timeout;
    private final String queueKey;
    private volatile Stop stop;
    private volatile Statement current;
    private volatile long backendId = -1;
    private final long launchedNanos = System.nanoTime();
    private ScheduledFuture<?> watchdog;

    RunExecution(Services services, String runId, RunContext context, List<String> statements, Duration timeout) {
        this.s = services;
        this.runId = runId;
        this.context = context;
        this.statements = statements;
        this.timeout = timeout;
        this.queueKey = SourceQueues.key(context.engine());
    }

    String runId() {
        return runId;
    }

    /** Registers the run and starts it on a virtual thread of its own, with its timeout armed. */
    void launch() {
        s.node().register(this);
        watchdog = s.node().schedule(() -> stop(Stop.TIMEOUT), timeout.toMillis());
        Thread.ofVirtual().name("sql-run-" + runId).start(this);
    }

    /** Asks the run to stop; the running statement is cancelled on the database at once. Later calls change nothing. */
    void stop(Stop why) {
        synchronized (this) {
            if (stop != null) return;
            stop = why;
        }
        Statement running = current;
        if (running == null) return; // waiting, or between statements: the run sees the flag itself
        cancel(running);
        killIfStillRunning(running, 1);
    }

    /**
     * The database may miss a cancel (it raced the statement's start, or the engine ignores it for a while): after the
     * grace the engine's own kill follows, and again after each further grace, a few times at most.
     */
    private void killIfStillRunning(Statement running, int attempt) {
        s.node().schedule(() -> {
            if (current != running) return;
            log.info("SQL run {} still runs {} after its cancel; killing it on the engine (attempt {})", runId,
                    context.engine().dialect(), attempt);
            new EngineKill(s.engines(), context.engine()).kill(backendId, running);
            if (attempt < 5) killIfStillRunning(running, attempt + 1);
        }, s.settings().stopGrace().toMillis());
    }

    @Override
    public void run() {
        boolean entered = false;
        try {
            SubTaskLog first = new SubTaskLog(s.settings().maxLogChars(), s.time());
            entered = s.queues().tryEnter(queueKey);
            if (!entered) {
                first.line(now(), "WAIT_RESOURCE: waiting for a slot on " + source() + ": " + s.queues().running(queueKey)
                        + " runs hold its " + s.settings().maxRunningPerSource() + " slots on this node");
                s.store().writeLog(runId, 0, first.text());
                entered = s.queues().enter(queueKey, () -> stop != null);
            }
            if (entered) execute(first);
            else endUnstarted(first);
        } catch (RuntimeException e) {
            log.error("SQL run {} failed in the runner itself", runId, e);
            s.store().failRun(runId, s.time().format(now()) + " FAILED: the runner failed (" + e.getClass().getSimpleName()
                    + "); the statement's outcome on the database is unknown\n", now());
        } finally {
            if (entered) s.queues().leave(queueKey);
            if (watchdog != null) watchdog.cancel(false);
            s.node().unregister(this);
        }
    }

    private void execute(SubTaskLog firstLog) {
        if (stop != null) {
            endUnstarted(firstLog);
            return;
        }
        s.store().runStarted(runId, now());
        try (Connection connection = open()) {
            backendId = EngineKill.backendId(connection, context.engine().dialect());
            for (int i = 0; i < statements.size(); i++) {
                SubTaskLog log = i == 0 ? firstLog : new SubTaskLog(s.settings().maxLogChars(), s.time());
                RunState ended = executeOne(connection, i, log);
                if (ended != RunState.SUCCESS) {
                    cancelFrom(i + 1, "not run: statement " + (i + 1) + " ended " + ended);
                    s.store().runEnded(runId, ended, now());
                    return;
                }
            }
            s.store().runEnded(runId, RunState.SUCCESS, now());
        } catch (SQLException e) {
            // The connection could not be opened (or broke outside a statement): the statement due now fails with the reason.
            int due = firstUnfinished();
            if (due < 0) { // every statement had ended: only closing the connection failed
                log.debug("SQL run {}: closing its connection failed: {}", runId, e.getMessage());
                return;
            }
            SubTaskLog log = new SubTaskLog(s.settings().maxLogChars(), s.time());
            log.last(now(), "FAILED: could not reach " + source() + ": " + e.getMessage());
            s.store().subTaskEnded(runId, due, RunState.FAILED, existingLog(due) + log.text(), null, now());
            cancelFrom(due + 1, "not run: statement " + (due + 1) + " failed");
            s.store().runEnded(runId, RunState.FAILED, now());
        }
    }

    /** The run's own connection; a refusal of the engines (a source gone, a host no longer allowed) counts as a failure to connect. */
    private Connection open() throws SQLException {
        try {
            return s.engines().open(context.engine());
        } catch (PopException refused) {
            throw new SQLException(refused.error().message(), refused);
        }
    }

    /** Runs statement {@code i}; returns how it ended. */
    private RunState executeOne(Connection connection, int i, SubTaskLog log) {
        long started = now();
        if (stop != null) return endStatement(i, log, stop.ends, stopMessage() + remainingNote(i), null);
        s.store().subTaskStarted(runId, i, started);
        log.line(started, "statement " + (i + 1) + " of " + statements.size() + " on " + source() + ":");
        log.line(started, SubTaskLog.statementEcho(statements.get(i)));
        String sql;
        try {
            for (StatementCheck check : s.checks()) check.check(context, statements.get(i));
        } catch (PopException refused) {
            return endStatement(i, log, RunState.FAILED, "FAILED: refused before running: " + refused.error().code() + ": "
                    + refused.error().message() + remainingNote(i), null);
        }
        try {
            sql = s.gate().admit(context, statements.get(i));
        } catch (PopException refused) {
            return endStatement(i, log, RunState.FAILED, "FAILED: refused by the permission check: " + refused.error().code() + ": "
                    + refused.error().message() + remainingNote(i), null);
        }
        s.store().writeLog(runId, i, log.text());
        long t0 = System.nanoTime();
        try (Statement statement = connection.createStatement()) {
            return executeOn(statement, i, log, sql, t0);
        } catch (SQLException e) {
            long ms = (System.nanoTime() - t0) / 1_000_000;
            if (stop != null) return endStatement(i, log, stop.ends, stopMessage() + " after " + ms + " ms" + remainingNote(i), null);
            return endStatement(i, log, RunState.FAILED, "FAILED after " + ms + " ms: " + engineMessage(e) + remainingNote(i), null);
        } finally {
            current = null;
        }
    }

    private RunState executeOn(Statement statement, int i, SubTaskLog log, String sql, long t0) throws SQLException {
        statement.setMaxRows(s.settings().maxResultRows() + 1);
        statement.setQueryTimeout(secondsLeft());
        current = statement;
        if (stop != null) return endStatement(i, log, stop.ends, stopMessage() + remainingNote(i), null);
        boolean isQuery = statement.execute(sql);
        String result = null;
        StringBuilder what = new StringBuilder();
        while (true) {
            if (isQuery) {
                try (ResultSet rs = statement.getResultSet()) {
                    if (result == null) {
                        ResultJson.Rendered rendered = ResultJson.render(rs, s.settings().maxResultRows(), s.settings().maxResultChars());
                        result = rendered.json();
                        what.append(rendered.rows()).append(rendered.rows() == 1 ? " row" : " rows").append(" returned")
                                .append(rendered.truncated() ? " (the result is cut: more rows than are kept)" : "");
                    } else {
                        what.append("; a further result set is not kept");
                    }
                }
            } else {
                long affected = statement.getUpdateCount();
                if (affected < 0) break;
                if (!what.isEmpty()) what.append("; ");
                what.append(affected).append(affected == 1 ? " row" : " rows").append(" affected");
            }
            isQuery = statement.getMoreResults();
        }
        current = null;
        long ms = (System.nanoTime() - t0) / 1_000_000;
        // Some engines answer a cancelled statement as if it had finished (MariaDB's SLEEP returns 1 when killed).
        if (stop != null) {
            return endStatement(i, log, stop.ends, stopMessage() + " after " + ms + " ms (the database answered: " + what + ")"
                    + remainingNote(i), null);
        }
        return endStatement(i, log, RunState.SUCCESS, "SUCCESS in " + ms + " ms" + (what.isEmpty() ? "" : ": " + what), result);
    }

    private RunState endStatement(int i, SubTaskLog log, RunState state, String message, String result) {
        log.last(now(), message);
        s.store().subTaskEnded(runId, i, state, log.text(), result, now());
        return state;
    }

    /** A run stopped before it held a slot: every statement ends without having started. */
    private void endUnstarted(SubTaskLog firstLog) {
        Stop why = stop == null ? Stop.SHUTDOWN : stop;
        firstLog.last(now(), stopMessage() + " before it started");
        s.store().subTaskEnded(runId, 0, why == Stop.TIMEOUT ? RunState.FAILED : RunState.CANCELLED, firstLog.text(), null, now());
        cancelFrom(1, "not run: the run was " + (why == Stop.TIMEOUT ? "timed out" : "stopped") + " before it started");
        s.store().runEnded(runId, why.ends, now());
    }

    private void cancelFrom(int first, String why) {
        for (int i = first; i < statements.size(); i++) {
            SubTaskLog log = new SubTaskLog(s.settings().maxLogChars(), s.time());
            log.last(now(), "CANCELLED: " + why);
            s.store().subTaskEnded(runId, i, RunState.CANCELLED, log.text(), null, now());
        }
    }

    private String remainingNote(int i) {
        int rest = statements.size() - i - 1;
        return rest == 0 ? "" : "; the remaining " + rest + (rest == 1 ? " statement is" : " statements are") + " cancelled";
    }

    private String stopMessage() {
        Stop why = stop == null ? Stop.SHUTDOWN : stop;
        return why.ends + ": " + (why == Stop.TIMEOUT ? why.reason.formatted(timeout) : why.reason);
    }

    private String engineMessage(SQLException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        String state = e.getSQLState() == null ? "" : " (SQLState " + e.getSQLState() + ")";
        return message.strip() + state;
    }

    private int firstUnfinished() {
        for (int i = 0; i < statements.size(); i++) {
            var row = s.store().subTask(runId, i);
            if (row.isPresent() && !row.get().state().isFinal()) return i;
        }
        return -1;
    }

    private String existingLog(int i) {
        return s.store().subTask(runId, i).map(RunStore.SubTaskRow::log).orElse("");
    }

    /** The statement's own timeout: what is left of the run's, a second line of defence behind the watchdog. */
    private int secondsLeft() {
        long left = timeout.toSeconds() - (System.nanoTime() - launchedNanos) / 1_000_000_000L;
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, left));
    }

    private void cancel(Statement running) {
        try {
            running.cancel();
        } catch (SQLException | RuntimeException e) {
            log.debug("cancel of run {} failed: {}", runId, e.getMessage());
        }
    }

    private String source() {
        Engine e = context.engine();
        return (e.kind() == Engine.Kind.COMPUTE ? "compute source '" : "data source '") + e.sourceName() + "'";
    }

    private long now() {
        return s.clock().millis();
    }
}
