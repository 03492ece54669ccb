package dev.sluice.runner;

/**
 * Decides, just before each statement of a run executes, whether the run's user may run it, and what exactly runs: a
 * read of a table with row-level rules comes back rewritten so the rules' filters apply. Implemented by the data
 * permission module; the runner calls it for every statement, never executing one it refused.
 */
public interface StatementGate {

    /**
     * @return the SQL to execute in place of {@code statement}
     * @throws dev.sluice.protocol.PopException refusing, with a code and message that name the table and the missing right
     */
    String admit(RunContext context, String statement);
}
