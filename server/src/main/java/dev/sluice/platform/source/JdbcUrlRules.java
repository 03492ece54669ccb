package dev.sluice.platform.source;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import dev.sluice.protocol.PopErrors;
import dev.sluice.protocol.PopException;

/**
 * What a JDBC URL given by a tenant may say. The URL is run by drivers inside the server, and drivers accept options
 * that load classes, write log files, read local files or run scripts, so only a small list of harmless options is
 * accepted per driver. Timeouts are not among them: the check sets its own. Passwords belong in their own, sealed item, never in the URL. Embedded databases may only
 * be files under an operator-named root, and never the server's own data directory.
 */
@Component
public class JdbcUrlRules {

    private static final Set<String> POSTGRES_OPTIONS = Set.of("user", "ssl", "sslmode", "currentSchema", "ApplicationName",
            "options", "targetServerType", "tcpKeepAlive", "prepareThreshold",
            "stringtype", "reWriteBatchedInserts", "readOnly", "defaultRowFetchSize", "binaryTransfer", "preferQueryMode",
            "loadBalanceHosts", "gssEncMode", "assumeMinServerVersion");
    private static final Set<String> MARIADB_OPTIONS = Set.of("user", "useSsl", "useSSL", "sslMode",
            "characterEncoding", "useUnicode", "serverTimezone", "connectionTimeZone", "zeroDateTimeBehavior",
            "rewriteBatchedStatements", "useServerPrepStmts", "allowPublicKeyRetrieval", "tcpKeepAlive", "useBulkStmts",
            "useCompression", "defaultFetchSize", "autocommit", "permitMysqlScheme");
    private static final Set<String> H2_SETTINGS = Set.of("MODE", "IFEXISTS", "ACCESS_MODE_DATA", "DATABASE_TO_UPPER",
            "DATABASE_TO_LOWER", "CASE_INSENSITIVE_IDENTIFIERS", "SCHEMA", "NON_KEYWORDS", "AUTO_RECONNECT",
            "DEFAULT_NULL_ORDERING", "LOCK_TIMEOUT");

    private static final Pattern NETWORK = Pattern.compile("(jdbc:(?:postgresql|mariadb|mysql)://)([^/?#]+)(/[^?#]*)?(?:\\?(.*))?");
    private static final Pattern H2_REMOTE = Pattern.compile("jdbc:h2:(?:tcp|ssl)://([^/]+)/(.+)");

    private final SourceSettings settings;
    private final Path dataDir;

    JdbcUrlRules(SourceSettings settings, @Value("${sluice.data-dir}") String dataDir) {
        this.settings = settings;
        this.dataDir = Path.of(dataDir).toAbsolutePath().normalize();
    }

    /** @return the URL to hand the driver; throws {@code InvalidParameter} at {@code path} naming what is wrong */
    public String check(Reach reach, String url, String path) {
        String trimmed = url.trim();
        return switch (reach) {
            case POSTGRESQL -> network(trimmed, "jdbc:postgresql://", POSTGRES_OPTIONS, path);
            case MARIADB -> network(trimmed, trimmed.startsWith("jdbc:mysql://") ? "jdbc:mysql://" : "jdbc:mariadb://", MARIADB_OPTIONS, path)
                    .replaceFirst("^jdbc:mysql://", "jdbc:mariadb://"); // one driver for both schemes
            case H2 -> h2(trimmed, path);
            case DUCKDB -> duckdb(trimmed, path);
            case NONE -> throw new IllegalArgumentException("no JDBC URL for a type Sluice cannot reach");
        };
    }

    private static String network(String url, String scheme, Set<String> allowed, String path) {
        Matcher m = NETWORK.matcher(url);
        if (!m.matches() || !m.group(1).equals(scheme)) {
            throw bad(path, "expected a URL of the form " + scheme + "host[:port]/database, got '" + url + "'");
        }
        if (m.group(2).contains("@")) {
            throw bad(path, "user names and passwords do not belong in the URL; use the items jdbc.username and jdbc.password");
        }
        String query = m.group(4);
        if (query != null && !query.isEmpty()) {
            for (String pair : query.split("&")) {
                String option = pair.contains("=") ? pair.substring(0, pair.indexOf('=')) : pair;
                if (option.isEmpty()) continue;
                if (option.equalsIgnoreCase("password")) {
                    throw bad(path, "the password does not belong in the URL, where it would be stored unsealed; use the item jdbc.password");
                }
                if (!allowed.contains(option)) {
                    throw bad(path, "the option '" + option + "' is not accepted; accepted options: " + String.join(", ", allowed.stream().sorted().toList()));
                }
            }
        }
        return url;
    }

    private String h2(String url, String path) {
        if (!url.startsWith("jdbc:h2:")) throw bad(path, "expected a URL starting with jdbc:h2:, got '" + url + "'");
        String[] parts = url.split(";");
        for (int i = 1; i < parts.length; i++) {
            if (parts[i].isBlank()) continue;
            String setting = parts[i].split("=", 2)[0].trim().toUpperCase(Locale.ROOT);
            if (setting.equals("PASSWORD") || setting.equals("USER")) {
                throw bad(path, "user and password do not belong in the URL; use the items jdbc.username and jdbc.password");
            }
            if (!H2_SETTINGS.contains(setting)) {
                throw bad(path, "the setting '" + setting + "' is not accepted; accepted settings: " + String.join(", ", H2_SETTINGS.stream().sorted().toList()));
            }
        }
        String base = parts[0];
        Matcher remote = H2_REMOTE.matcher(base);
        if (remote.matches()) {
            notInDataDir(remote.group(2).replaceFirst("^/+", "/"), path);
            return url;
        }
        if (base.startsWith("jdbc:h2:mem:")) {
            throw bad(path, "an in-memory H2 database would live inside this server; name an H2 server (jdbc:h2:tcp://host:port/db)");
        }
        String file = base.substring("jdbc:h2:".length()).replaceFirst("^file:", "");
        underFileRoot(file, path);
        return url;
    }

    private String duckdb(String url, String path) {
        if (!url.startsWith("jdbc:duckdb:")) throw bad(path, "expected a URL starting with jdbc:duckdb:, got '" + url + "'");
        String file = url.substring("jdbc:duckdb:".length());
        if (file.contains("?")) throw bad(path, "DuckDB URL options are not accepted");
        if (file.isEmpty() || file.startsWith(":memory:")) return url;
        underFileRoot(file, path);
        return url;
    }

    private void underFileRoot(String file, String path) {
        Path resolved;
        try {
            resolved = Path.of(file).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw bad(path, "'" + file + "' is not a file path");
        }
        notInDataDir(file, path);
        if (!Path.of(file).isAbsolute() || settings.fileRoots().stream().noneMatch(resolved::startsWith)) {
            throw bad(path, settings.fileRoots().isEmpty()
                    ? "embedded database files are not enabled on this server (the operator sets sluice.sources.file-roots)"
                    : "an embedded database file must be an absolute path under one of " + settings.fileRoots());
        }
    }

    private void notInDataDir(String file, String path) {
        try {
            if (Path.of(file).toAbsolutePath().normalize().startsWith(dataDir)) {
                throw bad(path, "the server's own data directory cannot be a source");
            }
        } catch (InvalidPathException e) {
            throw bad(path, "'" + file + "' is not a file path");
        }
    }

    private static PopException bad(String path, String problem) {
        return PopErrors.invalidParameter(path, problem).exception();
    }
}
