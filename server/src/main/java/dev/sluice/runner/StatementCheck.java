package dev.sluice.runner;

/**
 * A check other modules add before each statement of a run, ahead of the {@link StatementGate}: the runner calls every
 * such bean for every statement and fails the statement (and so the run) on a refusal, exactly as it does for a gate
 * refusal. Unlike the gate, a check only refuses; it never rewrites the statement.
 */
public interface StatementCheck {

    /**
     * @throws dev.sluice.protocol.PopException refusing the statement, with a code and message saying why
     */
    void check(RunContext context, String statement);
}
