package dev.sluice.develop.adhoc;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.sluice.protocol.PopErrors;
import dev.sluice.runner.Engine;
import dev.sluice.runner.Engines;

/**
 * The node types an ad hoc run accepts ({@code ExecuteCommand.OperatorType}, also listed in the catalog's value rules):
 * {@code SQL} on the project's compute source whatever its engine; {@code DATABASE_SQL} on the data source
 * {@code DataSourceId}; and the contract's engine-named SQL nodes for the engines Sluice runs, each on the project's
 * compute source when it is of that type ({@code ADB_FOR_PG}, {@code HOLOGRES_SQL} on PostgreSQL-compatible ones,
 * {@code STARROCKS_SQL} on StarRocks, which speaks MySQL). Node types of engines Sluice does not run (MaxCompute, Hive,
 * Flink, ...) are refused by the binder before this class sees them.
 */
final class OperatorTypes {

    static final String COMPUTE = "SQL";
    static final String DATABASE = "DATABASE_SQL";
    /** Engine-named node type → the compute source type it needs. */
    private static final Map<String, String> ENGINE_NAMED = Map.of(
            "ADB_FOR_PG", "ADB_FOR_PG",
            "HOLOGRES_SQL", "HOLOGRES",
            "STARROCKS_SQL", "STAR_ROCKS");
    static final List<String> ACCEPTED = List.of(COMPUTE, DATABASE, "ADB_FOR_PG", "HOLOGRES_SQL", "STARROCKS_SQL");

    private OperatorTypes() {
    }

    /** Where a command's SQL runs. */
    static Engine engine(Engines engines, long tenantId, long projectId, String env, String operatorType, Long dataSourceId) {
        String type = operatorType == null ? "" : operatorType.trim().toUpperCase(Locale.ROOT);
        if (type.equals(DATABASE)) {
            if (dataSourceId == null) throw PopErrors.missingParameter("ExecuteCommand.DataSourceId").exception();
            return engines.dataSource(tenantId, dataSourceId, "ExecuteCommand.DataSourceId");
        }
        if (!type.equals(COMPUTE) && !ENGINE_NAMED.containsKey(type)) {
            throw PopErrors.invalidParameter("ExecuteCommand.OperatorType", "expected one of " + ACCEPTED + ", got '"
                    + PopErrors.excerpt(operatorType) + "'.").exception();
        }
        Engine engine = engines.projectCompute(tenantId, projectId, env, "ExecuteCommand.ProjectId");
        String needed = ENGINE_NAMED.get(type);
        if (needed != null && !needed.equalsIgnoreCase(engine.type())) {
            throw PopErrors.invalidParameter("ExecuteCommand.OperatorType", type + " runs on a " + needed + " compute source; the project's is "
                    + engine.type() + " (OperatorType SQL runs on any).").exception();
        }
        return engine;
    }
}
