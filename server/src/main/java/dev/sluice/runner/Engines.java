package dev.sluice.runner;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Resolves where SQL of a project or a data source runs and opens connections there: with the URL rules, the pinned
 * host addresses and the driver hardening of platform management, each call a new connection of its own.
 */
public interface Engines {

    /**
     * The compute source a project's SQL runs on in {@code env} ({@code DEV} or {@code PROD}; a {@code BASIC} project has
     * one). Refuses with {@code InvalidParameter} naming {@code paramPath} when the project has none, and with
     * {@code UnsupportedOperation} naming the type when Sluice cannot run SQL there.
     */
    Engine projectCompute(long tenantId, long projectId, String env, String paramPath);

    /** A data source of the tenant, refused like {@link #projectCompute} ({@code ResourceNotFound} when absent). */
    Engine dataSource(long tenantId, long dataSourceId, String paramPath);

    /** A new connection of its own to the engine, autocommit on. The caller closes it. */
    Connection open(Engine engine) throws SQLException;
}
