package dev.sluice.platform.datasource;

import java.util.List;

/**
 * Extension point of {@code GetDataSourceDependencies} and of the check before a data source is deleted: every module
 * whose objects read or write a data source (integration pipelines, database SQL tasks, ...) contributes one bean.
 */
public interface DataSourceDependencies {

    /** What in this module uses the data source, in a stable order; empty when nothing does. */
    List<Dependent> of(long tenantId, long dataSourceId);

    /** One dependent object: its id as text, its name, a type to show and a stable type code (e.g. {@code pipeline}). */
    record Dependent(String id, String name, String type, String typeCode) {
    }
}
