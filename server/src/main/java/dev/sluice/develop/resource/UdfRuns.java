package dev.sluice.develop.resource;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import dev.sluice.develop.version.DevObject;
import dev.sluice.develop.version.VersionedObjects;
import dev.sluice.runner.Engine;

/**
 * The run-time side of UDFs: Sluice stores and versions them but registers none on an engine (DuckDB's Java UDFs
 * need duckdb_jdbc 1.5.2.0 or newer; PostgreSQL, MySQL and H2 load no JARs), so a run calling one is refused with
 * {@link UdfErrors#UDF_NOT_RUNNABLE} naming the UDF and the engine rather than failing on an unknown function.
 */
@Component
public class UdfRuns {

    private final VersionedObjects objects;

    UdfRuns(VersionedObjects objects) {
        this.objects = objects;
    }

    /**
     * Refuses a run on {@code engine} of SQL that calls any of {@code functionNames} (as the SQL names them, any case)
     * that is a UDF of the project; other names (the engine's own functions) pass.
     */
    public void requireRunnable(long tenantId, long projectId, Collection<String> functionNames, Engine engine) {
        Map<String, DevObject> udfs = objects.ofProject(tenantId, projectId).stream().filter(o -> o.kind().equals(ResourceObjects.UDF))
                .collect(Collectors.toMap(o -> o.name().toLowerCase(Locale.ROOT), Function.identity(), (a, b) -> a));
        for (String called : functionNames) {
            DevObject udf = udfs.get(called.toLowerCase(Locale.ROOT));
            if (udf != null) throw UdfErrors.notRunnable(udf.name(), engine.dialect()).exception();
        }
    }
}
