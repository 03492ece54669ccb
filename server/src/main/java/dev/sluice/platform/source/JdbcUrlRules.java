package dev.sluice.platform.source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import dev.sluice.protocol.PopErrors;
import dev.sluice.protocol.PopException;
import dev.sluice.system.DataSettings;

/**
 * What a JDBC URL given by a tenant may say. The URL is run by drivers inside the server, and drivers accept options
 * that load classes, write log files, read local files or run scripts, so each driver gets an allow-list of harmless
 * options with the values they may take ({@link UrlOptions}); everything else is refused, case variants, encodings
 * and repeats included. A network URL names exactly one host (a DNS name or an IP literal, no {@code address=(…)},
 * no host lists, no fail-over schemes). Passwords belong in their own, sealed item, never in the URL. Embedded
 * databases (H2 and DuckDB files) may only be files under an operator-named root, never the server's own data
 * directory, and DuckDB URLs take no options at all.
 */
@Component
public class JdbcUrlRules {

    private static final String HOST = "(?:[A-Za-z0-9][A-Za-z0-9.-]{0,252}|\\[[0-9A-Fa-f:.]{2,45}\\])(?::[0-9]{1,5})?";
    private static final Pattern NETWORK = Pattern.compile("(jdbc:(?:postgresql|mariadb|mysql)://)(" + HOST + ")(?:/([A-Za-z0-9_$.%-]{0,128}))?(?:\\?(.*))?");
    private static final Pattern H2_REMOTE = Pattern.compile("jdbc:h2:(?:tcp|ssl)://(" + HOST + ")/([A-Za-z0-9_./~:$-]{1,512})");
    private static final Pattern FILE_PATH = Pattern.compile("/[A-Za-z0-9_./$+-]{1,1024}");
    private static final Pattern USER_OPTION = Pattern.compile("[?&]user=");

    private final SourceSettings settings;
    private final Path dataDir;

    @Autowired
    JdbcUrlRules(SourceSettings settings, DataSettings data) {
        this(settings, data.dataDir().toString());
    }

    JdbcUrlRules(SourceSettings settings, String dataDir) {
        this.settings = settings;
        this.dataDir = Path.of(dataDir).toAbsolutePath().normalize();
    }

    /** @return the URL to hand the driver; throws {@code InvalidParameter} at {@code path} naming what is wrong */
    public String check(Reach reach, String url, String path) {
        String trimmed = url.trim();
        String checked = switch (reach) {
            case POSTGRESQL -> network(trimmed, "jdbc:postgresql://", UrlOptions.POSTGRESQL, path);
            case MARIADB -> network(trimmed, trimmed.startsWith("jdbc:mysql://") ? "jdbc:mysql://" : "jdbc:mariadb://", UrlOptions.MARIADB, path)
                    .replaceFirst("^jdbc:mysql://", "jdbc:mariadb://"); // one driver for both schemes
            case H2 -> h2(trimmed, path);
            case DUCKDB -> duckdb(trimmed, path);
            case NONE -> throw new IllegalArgumentException("no JDBC URL for a type Sluice cannot reach");
        };
        // The forms above leave no room for them; this names the reason when nothing more precise did.
        for (int i = 0; i < checked.length(); i++) {
            char c = checked.charAt(i);
            if (c <= ' ' || c >= 0x7f) throw bad(path, "the URL may hold printable ASCII characters only, without spaces (percent-encode values)");
        }
        return checked;
    }

    /** Whether a checked network URL names the user itself (then no other item may, or the URL would win). */
    static boolean namesUser(String checkedUrl) {
        return USER_OPTION.matcher(checkedUrl).find();
    }

    private static String network(String url, String scheme, Map<String, Pattern> allowed, String path) {
        if (!url.startsWith(scheme)) {
            throw bad(path, "expected a URL of the form " + scheme + "host[:port]/database, got '" + url + "'");
        }
        String authority = url.substring(scheme.length()).split("[/?]", 2)[0];
        if (authority.contains("@")) {
            throw bad(path, "user names and passwords do not belong in the URL; use the items jdbc.username and jdbc.password");
        }
        if (authority.contains(",")) throw bad(path, "name one host; host lists and fail-over are not accepted");
        Matcher m = NETWORK.matcher(url);
        if (!m.matches() || !m.group(1).equals(scheme)) {
            throw bad(path, "expected a URL of the form " + scheme + "host[:port]/database (one host name or IP address, "
                    + "a database name of letters, digits and _ $ . % -), got '" + url + "'");
        }
        String query = m.group(4);
        if (query == null || query.isEmpty()) return url;
        Set<String> seen = new HashSet<>();
        for (String pair : query.split("&", -1)) {
            if (pair.isEmpty()) continue;
            int eq = pair.indexOf('=');
            String option = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            if (option.equalsIgnoreCase("password")) {
                throw bad(path, "the password does not belong in the URL, where it would be stored unsealed; use the item jdbc.password");
            }
            if (!seen.add(option.toLowerCase(Locale.ROOT))) throw bad(path, "the option '" + option + "' is given twice");
            checkOption(allowed, option, value, "option", path);
        }
        return url;
    }

    private static void checkOption(Map<String, Pattern> allowed, String option, String value, String what, String path) {
        Pattern values = allowed.get(option);
        if (values == null) {
            throw bad(path, "the " + what + " '" + option + "' is not accepted; accepted " + what + "s: "
                    + String.join(", ", allowed.keySet().stream().sorted().toList()));
        }
        if (!values.matcher(value).matches()) {
            throw bad(path, "the value of the " + what + " '" + option + "' is not accepted; it must match " + values.pattern());
        }
    }

    private String h2(String url, String path) {
        if (!url.startsWith("jdbc:h2:")) throw bad(path, "expected a URL starting with jdbc:h2:, got '" + url + "'");
        String[] parts = url.split(";", -1);
        Set<String> seen = new HashSet<>();
        for (int i = 1; i < parts.length; i++) {
            if (parts[i].isBlank()) continue;
            String[] kv = parts[i].split("=", 2);
            String setting = kv[0].trim().toUpperCase(Locale.ROOT);
            if (setting.equals("PASSWORD") || setting.equals("USER")) {
                throw bad(path, "user and password do not belong in the URL; use the items jdbc.username and jdbc.password");
            }
            if (!seen.add(setting)) throw bad(path, "the setting '" + setting + "' is given twice");
            checkOption(UrlOptions.H2, setting, kv.length < 2 ? "" : kv[1].trim(), "setting", path);
        }
        String base = parts[0];
        if (base.startsWith("jdbc:h2:tcp:") || base.startsWith("jdbc:h2:ssl:")) {
            Matcher remote = H2_REMOTE.matcher(base);
            if (!remote.matches()) {
                throw bad(path, "expected jdbc:h2:tcp://host[:port]/database (one host name or IP address), got '" + base + "'");
            }
            notInDataDir(remote.group(2).replaceFirst("^file:", "").replaceFirst("^/+", "/"), path);
            return url;
        }
        if (base.startsWith("jdbc:h2:mem:")) {
            throw bad(path, "an in-memory H2 database would live inside this server; name an H2 server (jdbc:h2:tcp://host:port/db)");
        }
        String file = base.substring("jdbc:h2:".length()).replaceFirst("^file:", "");
        if (!file.startsWith("/") || file.contains(":")) {
            throw bad(path, "expected jdbc:h2:tcp://host[:port]/database or jdbc:h2:file:/absolute/path under sluice.sources.file-roots, got '" + base + "'");
        }
        underFileRoot(file, path);
        return url;
    }

    /**
     * Only the unnamed in-memory database or a file under a root: DuckDB's driver reads options after ';' (among them
     * {@code session_init_sql_file}, which it reads and runs as SQL before connecting) and hands every option to the
     * engine, where they may open files or the network; so no option at all, in any form.
     */
    private String duckdb(String url, String path) {
        if (!url.startsWith("jdbc:duckdb:")) throw bad(path, "expected a URL starting with jdbc:duckdb:, got '" + url + "'");
        if (url.contains(";") || url.contains("?")) {
            throw bad(path, "DuckDB URL options (';name=value' or '?…') are not accepted: they can read files and run SQL inside this server");
        }
        String file = url.substring("jdbc:duckdb:".length());
        if (file.isEmpty() || file.equals(":memory:")) return url;
        if (!FILE_PATH.matcher(file).matches()) {
            throw bad(path, "expected jdbc:duckdb:, jdbc:duckdb::memory: or jdbc:duckdb:/absolute/path under sluice.sources.file-roots, got '" + url + "'");
        }
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
        // A link under a root may point anywhere: where the file exists, its real place must pass too.
        Path real = real(resolved);
        if (real.startsWith(real(dataDir)) || settings.fileRoots().stream().map(JdbcUrlRules::real).noneMatch(real::startsWith)) {
            throw bad(path, "'" + file + "' leads out of " + settings.fileRoots() + " through a link");
        }
    }

    /** The path with every link resolved, as far as it exists. */
    private static Path real(Path path) {
        Path existing = path;
        while (existing != null && !Files.exists(existing)) existing = existing.getParent();
        if (existing == null) return path;
        try {
            return existing.toRealPath().resolve(existing.relativize(path)).normalize();
        } catch (IOException e) {
            return path;
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
        return PopErrors.invalidParameter(path, "jdbc.url: " + problem).exception();
    }
}
