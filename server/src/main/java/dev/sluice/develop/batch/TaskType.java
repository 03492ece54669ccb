package dev.sluice.develop.batch;

import java.util.Arrays;
import java.util.Optional;

/**
 * The contract's batch task types with their numbers, and where Sluice runs each: SQL on the project's compute source
 * (the engine-named SQL nodes of the engines Sluice runs), SQL on a data source ({@link #DATABASE_SQL}), nothing
 * ({@link #VIRTUAL}, a node that only orders others). Every other type is stored, versioned and published, but the
 * scheduler refuses to run it ({@link BatchTaskErrors#notRunnable}).
 */
public enum TaskType {
    HIVE_SQL(1, "Hive_SQL"), HIVE_SQL_23X(101, "Hive_SQL_23X"), HIVE_SQL_FUSION_INSIGHT_80X(111, "HIVE_SQL_FUSION_INSIGHT_80X"),
    COMMON_HIVE_SQL(131, "COMMON_HIVE_SQL"), HADOOP_MR(2, "HADOOP_MR"), MAX_COMPUTE_SQL(5, "MaxCompute_SQL"),
    MAX_COMPUTE_MR(6, "MaxCompute_MR"), SPARK_SQL_ON_MAX_COMPUTE(7, "SPARK_SQL_ON_MAX_COMPUTE"),
    SPARK_JAR_ON_MAX_COMPUTE(8, "SPARK_JAR_ON_MAX_COMPUTE"), SPARK_SQL_ON_HIVE(17, "SPARK_SQL_ON_HIVE"),
    SPARK_JAR_ON_HIVE(18, "Spark_JAR_ON_HIVE"), SHELL(10, "Shell"), PAI_DESIGNER(71, "PAI_DESIGNER"), DATA_X(15, "DataX"),
    MERGE(16, "Merge"), PYTHON(21, "Python"), PYTHON37X(22, "Python37x"), PERL(23, "Perl"), PYTHON311X(24, "Python311x"),
    ONE_SERVICE_SQL(25, "OneService_SQL"), ONE_SERVICE_SQL_ADB_FOR_PG(26, "ONE_SERVICE_SQL_ADB_FOR_PG"),
    ONE_SERVICE_SQL_HIVE11X(27, "OneService_SQL_Hive11x"), ONE_SERVICE_SQL_HIVE23X(29, "OneService_SQL_Hive23x"),
    ONE_SERVICE_SQL_TDH_INCEPTOR(75, "ONE_SERVICE_SQL_TDH_INCEPTOR"), ONE_SERVICE_SQL_HIVE_CDP(91, "ONE_SERVICE_SQL_HIVE_CDP"),
    ONE_SERVICE_SQL_HIVE_ASIA_INFO_DP_53X(92, "ONE_SERVICE_SQL_HIVE_ASIA_INFO_DP_53X"), DLINK(30, "Dlink"),
    ONE_SERVICE_SQL_ADB_FOR_MYSQL(33, "ONE_SERVICE_SQL_ADB_FOR_MYSQL"), LOGICAL(31, "Logical"),
    FLINK_STREAMING(41, "Flink_Streaming"), FLINK_BATCH(42, "Flink_Batch"),
    ADB_FOR_PG(51, "ADB_FOR_PG", Runs.COMPUTE_SQL), DRY_RUN(100, "DryRun"), CHECK(902, "CHECK"),
    VIRTUAL(999, "VIRTUAL", Runs.NOTHING), INCEPTOR_SQL(10000, "INCEPTOR_SQL"),
    HOLOGRES_SQL(28, "HOLOGRES_SQL", Runs.COMPUTE_SQL), ARGODB_SQL(76, "ARGODB_SQL"), IMPALA_SQL(78, "IMPALA_SQL"),
    STARROCKS_SQL(79, "STARROCKS_SQL", Runs.COMPUTE_SQL), SPARK_SQL(80, "SPARK_SQL"), GAUSS_SQL(81, "GAUSS_SQL"),
    DATABASE_SQL(998, "DATABASE_SQL", Runs.DATA_SOURCE_SQL), EXTERNAL_TRIGGER(997, "EXTERNAL_TRIGGER");

    /** What running a task of the type means in Sluice. */
    public enum Runs {
        /** SQL on the project's compute source of the environment. */
        COMPUTE_SQL,
        /** SQL on the data source the task names. */
        DATA_SOURCE_SQL,
        /** Nothing: the node succeeds at once, ordering the ones after it. */
        NOTHING,
        /** Sluice does not run this type (its engine is not one Sluice runs). */
        NOT_RUNNABLE
    }

    private final int code;
    private final String wireName;
    private final Runs runs;

    TaskType(int code, String wireName) {
        this(code, wireName, Runs.NOT_RUNNABLE);
    }

    TaskType(int code, String wireName, Runs runs) {
        this.code = code;
        this.wireName = wireName;
        this.runs = runs;
    }

    /** The number on the wire ({@code TaskType}). */
    public int code() {
        return code;
    }

    /** The contract's name of the type, e.g. {@code MaxCompute_SQL}. */
    public String wireName() {
        return wireName;
    }

    public Runs runs() {
        return runs;
    }

    /** Whether the type runs SQL (and so its script passes the permission gate at submit). */
    public boolean runsSql() {
        return runs == Runs.COMPUTE_SQL || runs == Runs.DATA_SOURCE_SQL;
    }

    /** The object type publish records show, e.g. {@code MAXCOMPUTE_SQL}, {@code VIRTUAL}. */
    public String objectType() {
        return name();
    }

    public static Optional<TaskType> of(int code) {
        return Arrays.stream(values()).filter(t -> t.code == code).findFirst();
    }

    /** The type numbered {@code code}; refused at {@code path} otherwise. */
    static TaskType parse(Integer code, String path) {
        if (code == null) throw dev.sluice.protocol.PopErrors.missingParameter(path).exception();
        return of(code).orElseThrow(() -> dev.sluice.protocol.PopErrors.invalidParameter(path, "unknown task type " + code
                + "; one of the contract's node type numbers, e.g. 999 (VIRTUAL), 998 (DATABASE_SQL), 51 (ADB_FOR_PG)").exception());
    }
}
