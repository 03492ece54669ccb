package dev.sluice.runner.engines;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

import dev.sluice.platform.project.Env;
import dev.sluice.platform.project.Project;
import dev.sluice.platform.project.Projects;
import dev.sluice.platform.source.RunnableSource;
import dev.sluice.platform.source.SourceConnections;
import dev.sluice.platform.source.SourceKind;
import dev.sluice.protocol.PopErrors;
import dev.sluice.runner.Engine;
import dev.sluice.runner.Engines;

/**
 * {@link Engines} over the tenant's saved compute and data sources: looked up by tenant (another tenant's id answers
 * as one that does not exist), connected through {@link SourceConnections}, which applies the URL rules, pinned hosts and
 * driver hardening of platform management.
 */
@Component
class SourceEngines implements Engines {

    private static final Pattern NETWORK_DATABASE = Pattern.compile("jdbc:[a-z]+://[^/?]*/([^?;]*).*");
    private static final Pattern PG_CURRENT_SCHEMA = Pattern.compile("[?&]currentSchema=([^&]*)");
    private static final Pattern H2_SCHEMA = Pattern.compile("(?i);SCHEMA=([A-Za-z0-9_]+)");

    private final Projects projects;
    private final SourceConnections connections;

    SourceEngines(Projects projects, SourceConnections connections) {
        this.projects = projects;
        this.connections = connections;
    }

    @Override
    public Engine projectCompute(long tenantId, long projectId, String env, String paramPath) {
        Env environment = Env.parse(env, Env.DEV, "Env"); // ad hoc runs are development work unless told otherwise
        Project project = projects.require(tenantId, projectId);
        Long computeSourceId = project.computeSourceFor(environment);
        if (computeSourceId == null) throw noCompute(project, environment, paramPath);
        RunnableSource source = connections.find(tenantId, SourceKind.COMPUTE, computeSourceId, paramPath)
                .orElseThrow(() -> noCompute(project, environment, paramPath));
        return engine(source);
    }

    @Override
    public Engine dataSource(long tenantId, long dataSourceId, String paramPath) {
        return engine(connections.find(tenantId, SourceKind.DATA, dataSourceId, paramPath)
                .orElseThrow(() -> PopErrors.notFound("data source", dataSourceId).exception()));
    }

    /**
     * A PostgreSQL run's search path is pinned to the one schema the permission gate resolves unqualified names to: with
     * the default {@code "$user", public}, or a {@code currentSchema} listing several, the database would otherwise look
     * for a table in a schema before or after that one, and a grant on {@code <source>.public.t} would read another t.
     */
    @Override
    public Connection open(Engine engine) throws SQLException {
        Connection connection = connections.open(engine.tenantId(), engine.kind() == Engine.Kind.COMPUTE ? SourceKind.COMPUTE : SourceKind.DATA,
                engine.sourceId());
        if (engine.dialect() != Engine.Dialect.POSTGRESQL || engine.defaultSchema() == null) return connection;
        try (PreparedStatement pin = connection.prepareStatement("select pg_catalog.set_config('search_path', ?, false)")) {
            pin.setString(1, engine.defaultSchema()); // as the URL wrote it: PostgreSQL folds it exactly as it folded the URL's
            pin.execute();
            return connection;
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
    }

    private static Engine engine(RunnableSource source) {
        Engine.Dialect dialect = switch (source.type().reach()) {
            case POSTGRESQL -> Engine.Dialect.POSTGRESQL;
            case MARIADB -> Engine.Dialect.MYSQL;
            case H2 -> Engine.Dialect.H2;
            case DUCKDB -> Engine.Dialect.DUCKDB;
            case NONE -> throw PopErrors.unsupported("Sluice cannot run SQL on " + source.type().name() + " sources; it runs SQL on "
                    + "PostgreSQL, MySQL/MariaDB, H2 and DuckDB (and protocol-compatible types such as HOLOGRES, STAR_ROCKS, DORIS, TIDB)").exception();
        };
        return new Engine(source.tenantId(), source.kind() == SourceKind.COMPUTE ? Engine.Kind.COMPUTE : Engine.Kind.DATA, source.id(),
                source.name(), source.type().name(), dialect, defaultSchema(dialect, source), source.managed());
    }

    /** Read from the URL, so resolving an engine costs no connection. */
    static String defaultSchema(Engine.Dialect dialect, RunnableSource source) {
        String url = source.url() == null ? "" : source.url();
        return switch (dialect) {
            case DUCKDB -> "main";
            case H2 -> find(H2_SCHEMA, url, "PUBLIC").toUpperCase(Locale.ROOT);
            case MYSQL -> {
                String database = find(NETWORK_DATABASE, url, "");
                yield database.isEmpty() ? null : database;
            }
            case POSTGRESQL -> {
                // The managed role's search path is its own schema, named like the role.
                if (source.managed() && source.user() != null) yield source.user();
                String schemas = URLDecoder.decode(find(PG_CURRENT_SCHEMA, url, ""), StandardCharsets.UTF_8);
                String first = schemas.split(",", -1)[0].trim();
                yield first.isEmpty() ? "public" : first;
            }
        };
    }

    private static String find(Pattern pattern, String url, String fallback) {
        Matcher m = pattern.matcher(url);
        return m.find() ? m.group(1) : fallback;
    }

    private static RuntimeException noCompute(Project project, Env env, String paramPath) {
        return PopErrors.invalidParameter(paramPath, "project '" + project.name() + "' (" + project.id() + ") has no compute source"
                + (project.mode() == dev.sluice.platform.project.ProjectMode.BASIC ? "" : " for " + env) + " to run SQL on").exception();
    }
}
