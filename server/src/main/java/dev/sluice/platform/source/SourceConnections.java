package dev.sluice.platform.source;

import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import org.springframework.stereotype.Component;

import dev.sluice.protocol.PopErrors;
import dev.sluice.system.OutboundAddresses;

/**
 * The one way to connect to a saved source for running SQL, with the protections of connectivity checks: the stored
 * URL checked again by today's {@link JdbcUrlRules}, every host pinned to the address {@link OutboundAddresses}
 * allows, the driver hardened ({@link DriverProperties#forRun}), secrets opened in memory only. The compute source Sluice
 * manages itself is reached without the URL and host rules (its place, the data directory or the server's own database,
 * is one they refuse to tenants), but with the same driver hardening.
 */
@Component
public class SourceConnections {

    private final Map<SourceKind, StoredSources> stores = new EnumMap<>(SourceKind.class);
    private final JdbcUrlRules urls;
    private final OutboundAddresses addresses;
    private final DuckDbInstances duckdb;
    private final Duration connectTimeout;

    SourceConnections(List<StoredSources> stores, JdbcUrlRules urls, OutboundAddresses addresses, DuckDbInstances duckdb,
                      SourceSettings settings) {
        stores.forEach(s -> this.stores.put(s.kind(), s));
        this.urls = urls;
        this.addresses = addresses;
        this.duckdb = duckdb;
        this.connectTimeout = settings.checkTimeout();
    }

    /**
     * The tenant's saved source, empty when the tenant has none with that id. A source whose URL today's rules refuse
     * is refused here, with {@code InvalidParameter} at {@code paramPath}.
     */
    public Optional<RunnableSource> find(long tenantId, SourceKind kind, long sourceId, String paramPath) {
        return stored(tenantId, kind, sourceId).map(s -> {
            Optional<JdbcTarget> target = s.config().jdbc();
            if (target.isPresent() && !s.managed()) urls.check(target.get().reach(), target.get().url(), paramPath);
            return new RunnableSource(tenantId, kind, s.id(), s.name(), s.type(), s.managed(), target.map(JdbcTarget::url).orElse(null),
                    target.map(JdbcTarget::user).orElse(null));
        });
    }

    /**
     * A new connection of its own to the source, autocommit on, read afresh from the store (so a changed or removed
     * source is seen). No socket timeout: a run may take hours and is cancelled by its runner; the connect timeout is
     * {@code sluice.sources.check-timeout}.
     *
     * @throws dev.sluice.protocol.PopException {@code EntityNotExist} when the tenant has no such source (any more),
     *                                          {@code UnsupportedOperation} for a type Sluice has no driver for,
     *                                          {@code InvalidParameter}/{@code Forbidden.Host} when today's rules refuse it
     */
    public Connection open(long tenantId, SourceKind kind, long sourceId) throws SQLException {
        StoredSources.StoredSource source = stored(tenantId, kind, sourceId)
                .orElseThrow(() -> PopErrors.notFound(kind == SourceKind.COMPUTE ? "compute source" : "data source", sourceId).exception());
        JdbcTarget written = source.config().jdbc().orElseThrow(() -> PopErrors.unsupported("Sluice cannot run SQL on "
                + source.type().name() + " sources").exception());
        JdbcTarget target = source.managed() ? written : checkedAndPinned(written);
        Properties properties = DriverProperties.forRun(target, connectTimeout);
        Connection connection;
        if (target.reach() == Reach.DUCKDB) {
            boolean memory = target.url().equals("jdbc:duckdb:") || target.url().equals("jdbc:duckdb::memory:");
            connection = duckdb.open(memory ? "memory:" + kind + ":" + sourceId : target.url(), target, properties);
        } else {
            Driver driver = DriverManager.getDriver(target.url());
            connection = driver.connect(target.url(), properties);
            if (connection == null) throw new SQLException("no driver accepts the URL of " + kind + " source " + sourceId);
        }
        try {
            connection.setAutoCommit(true);
            return connection;
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    private JdbcTarget checkedAndPinned(JdbcTarget written) throws SQLException {
        // A stored URL was checked under the rules of its day: today's rules decide before a driver sees it again.
        urls.check(written.reach(), written.url(), JdbcHosts.ITEM);
        try {
            return JdbcHosts.pin(written, addresses, connectTimeout);
        } catch (UnknownHostException e) {
            throw new SQLException("unknown host " + e.getMessage(), "08001", e);
        }
    }

    private Optional<StoredSources.StoredSource> stored(long tenantId, SourceKind kind, long sourceId) {
        StoredSources store = stores.get(kind);
        return store == null ? Optional.empty() : store.find(tenantId, sourceId);
    }
}
