package dev.sluice.develop.resource;

import java.util.Set;

import org.springframework.stereotype.Component;

import dev.sluice.runner.RunContext;
import dev.sluice.runner.StatementCheck;

/**
 * Refuses, before it reaches the engine, a statement of a project's run that calls one of the project's UDFs: Sluice
 * registers none on an engine, so the run would otherwise fail on an unknown function without saying why.
 */
@Component
class UdfStatementCheck implements StatementCheck {

    private final UdfRuns udfs;

    UdfStatementCheck(UdfRuns udfs) {
        this.udfs = udfs;
    }

    @Override
    public void check(RunContext context, String statement) {
        if (context.projectId() == null) return;
        Set<String> called = CalledFunctions.of(statement, context.engine().dialect());
        if (!called.isEmpty()) udfs.requireRunnable(context.tenantId(), context.projectId(), called, context.engine());
    }
}
