package dev.sluice.runner;

/**
 * Who runs SQL where, as the {@link StatementGate} sees it.
 *
 * @param projectId the project the run belongs to (its members' roles decide on its own compute source), or null
 * @param env       {@code DEV} or {@code PROD}
 */
public record RunContext(long tenantId, long userId, Long projectId, String env, Engine engine) {
}
