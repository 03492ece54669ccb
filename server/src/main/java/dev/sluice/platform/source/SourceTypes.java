package dev.sluice.platform.source;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import dev.sluice.protocol.PopErrors;

/**
 * The source types Sluice knows. A name is matched ignoring case, underscores and dashes, so {@code MaxCompute},
 * {@code max_compute} and {@code MAX_COMPUTE} are one type; it is stored and shown under its canonical name.
 * Types that speak a protocol one of our drivers speaks can be checked; the others are kept with their fields.
 */
public final class SourceTypes {

    private static final Map<String, SourceType> BY_KEY = new LinkedHashMap<>();

    static {
        jdbc(Reach.POSTGRESQL, "POSTGRE_SQL", "ADB_FOR_PG", "HOLOGRES");
        jdbc(Reach.MARIADB, "MYSQL", "MARIADB", "ADB_FOR_MYSQL_V3", "STAR_ROCKS", "DORIS", "TIDB");
        jdbc(Reach.H2, "H2");
        jdbc(Reach.DUCKDB, "DUCKDB");
        jdbc(Reach.NONE, "MAX_COMPUTE", "HADOOP", "HIVE", "HDFS", "IMPALA", "SPARK", "FLINK", "KAFKA", "LOG_HUB", "DATAHUB",
                "POLARDB", "DRDS", "OCEANBASE", "HBASE_0_9_4", "HBASE_1_1_X", "HBASE_2_X", "LINDORM", "TABLESTORE",
                "ELASTIC_SEARCH", "MONGODB", "REDIS", "OSS", "AMAZON_S3", "FTP", "SFTP", "HANA", "SAP_TABLE", "SQL_SERVER",
                "ANALYTICDB", "ORACLE", "VERTICA", "DB2", "TERA_DATA", "CLICKHOUSE", "SELECTDB", "GAUSSDB_DWS",
                "DATABRICKS", "SNOWFLAKE", "REDSHIFT", "TDH_INCEPTOR", "ARGODB", "KUDU", "DM", "KINGBASE");
    }

    private SourceTypes() {
    }

    private static void jdbc(Reach reach, String... names) {
        for (String name : names) BY_KEY.put(key(name), new SourceType(name, reach));
    }

    private static String key(String name) {
        return name.replaceAll("[_\\-\\s]", "").toUpperCase(Locale.ROOT);
    }

    public static Optional<SourceType> find(String name) {
        return name == null ? Optional.empty() : Optional.ofNullable(BY_KEY.get(key(name)));
    }

    /** The type named {@code name}, or an {@code InvalidParameter} at {@code path} that lists the known types. */
    public static SourceType parse(String name, String path) {
        return find(name).orElseThrow(() -> PopErrors.invalidParameter(path, "unknown source type '" + name + "'; known types: "
                + String.join(", ", BY_KEY.values().stream().map(SourceType::name).toList())).exception());
    }
}
