package dev.sluice.platform.source;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The URL options a tenant may give each driver, with the values each may take: an allow-list, because every driver
 * grows options that load classes, read or write local files, run SQL or reach other hosts (pgjdbc's
 * {@code socketFactory}, {@code sslfactory}, {@code loggerFile}, {@code service}; MariaDB's {@code allowLocalInfile},
 * {@code serverRsaPublicKeyFile}, {@code credentialType}, {@code initSql}; H2's {@code INIT}, {@code AUTO_SERVER}) and a
 * deny-list misses the next one. Names match exactly as written here (the drivers match some case-insensitively, so a
 * case variant is refused, not passed on); values match a pattern, so a value cannot smuggle SQL (H2 runs
 * {@code SET <name> <value>} for each setting, in this process for a file database). Not listed on purpose:
 * timeouts and {@code password} (the check sets its own, and passwords live in their sealed item); pgjdbc
 * {@code options} (any server setting), {@code loadBalanceHosts} (one host only); MariaDB {@code permitMysqlScheme}
 * (the scheme is rewritten anyway); H2 {@code IFEXISTS} (the check always sets it: a check creates no database).
 * DuckDB takes no option at all: its driver reads {@code session_init_sql_file} before anything else.
 */
final class UrlOptions {

    private static final String BOOL = "(?i)true|false";
    private static final String INT = "[0-9]{1,9}";
    private static final String NAME = "[A-Za-z0-9_.$%-]{1,128}";
    private static final String TEXT = "[A-Za-z0-9_.,:/+%-]{0,256}";
    private static final String ZONE = "[A-Za-z0-9_./+:-]{1,64}";

    static final Map<String, Pattern> POSTGRESQL = options(
            "user", NAME,
            "ssl", BOOL,
            "sslmode", "disable|allow|prefer|require|verify-ca|verify-full",
            "currentSchema", TEXT,
            "ApplicationName", TEXT,
            "targetServerType", "any|primary|secondary|preferSecondary|preferPrimary|master|slave|preferSlave",
            "tcpKeepAlive", BOOL,
            "prepareThreshold", INT,
            "stringtype", "unspecified|varchar",
            "reWriteBatchedInserts", BOOL,
            "readOnly", BOOL,
            "defaultRowFetchSize", INT,
            "binaryTransfer", BOOL,
            "preferQueryMode", "extended|extendedForPrepared|extendedCacheEverything|simple",
            "assumeMinServerVersion", "[0-9.]{1,16}");

    static final Map<String, Pattern> MARIADB = options(
            "user", NAME,
            "useSsl", BOOL,
            "useSSL", BOOL,
            "sslMode", "disable|trust|verify-ca|verify-full",
            "characterEncoding", "[A-Za-z0-9_-]{1,32}",
            "useUnicode", BOOL,
            "serverTimezone", ZONE,
            "connectionTimeZone", ZONE,
            "zeroDateTimeBehavior", "[A-Za-z]{1,32}",
            "rewriteBatchedStatements", BOOL,
            "useServerPrepStmts", BOOL,
            "allowPublicKeyRetrieval", BOOL,
            "tcpKeepAlive", BOOL,
            "useBulkStmts", BOOL,
            "useCompression", BOOL,
            "defaultFetchSize", INT,
            "autocommit", BOOL);

    /** H2 setting names are upper-cased before they are looked up, as H2 itself does; values are case-insensitive. */
    static final Map<String, Pattern> H2 = options(
            "MODE", "(?i)[A-Z0-9]{1,32}",
            "ACCESS_MODE_DATA", "(?i)r|rw|rws|rwd",
            "DATABASE_TO_UPPER", BOOL,
            "DATABASE_TO_LOWER", BOOL,
            "CASE_INSENSITIVE_IDENTIFIERS", BOOL,
            "SCHEMA", "[A-Za-z0-9_]{1,128}",
            "NON_KEYWORDS", "[A-Za-z0-9_]{1,64}(,[A-Za-z0-9_]{1,64}){0,64}",
            "AUTO_RECONNECT", BOOL,
            "DEFAULT_NULL_ORDERING", "(?i)low|high|first|last",
            "LOCK_TIMEOUT", INT);

    private UrlOptions() {
    }

    private static Map<String, Pattern> options(String... nameThenValue) {
        Map<String, Pattern> options = new LinkedHashMap<>();
        for (int i = 0; i < nameThenValue.length; i += 2) options.put(nameThenValue[i], Pattern.compile(nameThenValue[i + 1]));
        return Map.copyOf(options);
    }
}
