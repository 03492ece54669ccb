package dev.sluice.platform.source;

import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import dev.sluice.protocol.PopErrors;
import dev.sluice.system.OutboundAddresses;

/**
 * Checks a configuration for real and records every check, of a draft or of a stored source, so the history can be
 * shown later ({@code GetCheckConnectivityJobs}).
 */
@Component
public class Connectivity {

    private static final Logger log = LoggerFactory.getLogger(Connectivity.class);
    private static final int HISTORY = 100;

    private final ConnectivityProbe probe;
    private final JdbcUrlRules urls;
    private final OutboundAddresses addresses;
    private final ConcurrentChecks running;
    private final Duration timeout;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final TransactionTemplate ownTransaction;
    private final SourceConnections connections;
    private final DuckDbInstances duckdb;

    Connectivity(ConnectivityProbe probe, JdbcUrlRules urls, OutboundAddresses addresses, ConcurrentChecks running, SourceSettings settings,
                 JdbcClient jdbc, Clock clock, PlatformTransactionManager transactions, SourceConnections connections, DuckDbInstances duckdb) {
        this.connections = connections;
        this.duckdb = duckdb;
        this.probe = probe;
        this.urls = urls;
        this.addresses = addresses;
        this.running = running;
        this.timeout = settings.checkTimeout();
        this.jdbc = jdbc;
        this.clock = clock;
        // The record of a check must outlive the caller's transaction: a failed check usually makes the caller roll back.
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * @throws dev.sluice.protocol.PopException {@code UnsupportedOperation} for a type Sluice has no client for,
     *                                          {@code Forbidden.Host} for a host closed to Sluice (refused before any connection),
     *                                          {@code Throttling.ConnectivityCheck} when the tenant runs as many checks as allowed
     */
    public ProbeResult check(long tenantId, long userId, SourceKind kind, Long sourceId, SourceConfig config) {
        JdbcTarget written = config.jdbc().orElseThrow(() -> PopErrors.unsupported("Sluice cannot check the connectivity of "
                + config.type().name() + " sources; it checks PostgreSQL, MySQL/MariaDB, H2 and DuckDB (and protocol-compatible types).").exception());
        // A stored URL was checked under the rules of its day: today's rules decide before a driver sees it again.
        if (sourceId != null) urls.check(written.reach(), written.url(), "Id");
        try (ConcurrentChecks.Slot slot = running.enter(tenantId)) {
            // DuckDB lets one instance per process open a file: one a run holds open is checked through that instance.
            if (written.reach() == Reach.DUCKDB) {
                Optional<Connection> open = openDuckdb(written);
                if (open.isPresent()) return checkOpened(tenantId, userId, kind, sourceId, config, open::get);
            }
            return checkPinned(tenantId, userId, kind, sourceId, config, written);
        }
    }

    private ProbeResult checkPinned(long tenantId, long userId, SourceKind kind, Long sourceId, SourceConfig config, JdbcTarget written) {
        long started = clock.millis();
        long startedNanos = System.nanoTime();
        JdbcTarget target;
        ProbeResult result;
        try {
            // The driver gets the URL with every host replaced by the address just checked: no second DNS lookup.
            target = JdbcHosts.pin(written, addresses, timeout);
            Duration left = timeout.minusNanos(System.nanoTime() - startedNanos);
            result = left.toMillis() < 1 ? ProbeResult.failed("no answer within " + timeout.toMillis() + " ms", millisSince(startedNanos))
                    : probe.check(target, left);
        } catch (UnknownHostException e) {
            target = written;
            result = ProbeResult.failed("unknown host " + e.getMessage(), millisSince(startedNanos));
        }
        // The target's toString leaves the password out; the message was already cleaned of it.
        log.info("connectivity check of {} for tenant {}: {} ({} ms)", target, tenantId, result.connected() ? "ok" : result.message(), result.millis());
        recordJob(tenantId, userId, kind, sourceId, config, result, started);
        return result;
    }

    /**
     * A check of the compute source Sluice manages, connected the way runs connect ({@link SourceConnections}): its
     * place (the data directory, the server's own database) is one the URL and host rules refuse to tenants, and its
     * DuckDB file may be open for runs in this process already.
     */
    public ProbeResult checkManaged(long tenantId, long userId, long sourceId, SourceConfig config) {
        try (ConcurrentChecks.Slot slot = running.enter(tenantId)) {
            return checkOpened(tenantId, userId, SourceKind.COMPUTE, sourceId, config, () -> connections.open(tenantId, SourceKind.COMPUTE, sourceId));
        }
    }

    private interface Opener {
        Connection open() throws SQLException;
    }

    private ProbeResult checkOpened(long tenantId, long userId, SourceKind kind, Long sourceId, SourceConfig config, Opener opener) {
        long started = clock.millis();
        long startedNanos = System.nanoTime();
        ProbeResult result;
        try (Connection connection = opener.open()) {
            result = connection.isValid((int) Math.max(1, timeout.toSeconds())) ? ProbeResult.ok(millisSince(startedNanos))
                    : ProbeResult.failed("the server accepted the connection but did not validate it", millisSince(startedNanos));
        } catch (SQLException | RuntimeException e) {
            JdbcTarget target = config.jdbc().orElse(new JdbcTarget(Reach.NONE, "", null, null));
            result = ProbeResult.failed(ConnectivityProbe.describe(e, target), millisSince(startedNanos));
        }
        log.info("connectivity check of {} source {} for tenant {} on its open database: {} ({} ms)", kind, sourceId, tenantId,
                result.connected() ? "ok" : result.message(), result.millis());
        recordJob(tenantId, userId, kind, sourceId, config, result, started);
        return result;
    }

    private void recordJob(long tenantId, long userId, SourceKind kind, Long sourceId, SourceConfig config, ProbeResult result, long started) {
        ownTransaction.executeWithoutResult(tx -> jdbc.sql("insert into connectivity_job (tenant_id, source_kind, source_id, source_type, status, error_msg, user_id, started_at, finished_at) "
                        + "values (:tenant, :kind, :source, :type, :status, :error, :user, :started, :finished)")
                .param("tenant", tenantId).param("kind", kind.name()).param("source", sourceId).param("type", config.type().name())
                .param("status", result.connected() ? "SUCCESS" : "FAILED").param("error", result.connected() ? null : result.message())
                .param("user", userId).param("started", started).param("finished", clock.millis()).update());
    }

    private Optional<Connection> openDuckdb(JdbcTarget written) {
        try {
            return duckdb.duplicateIfOpen(written.url());
        } catch (SQLException e) {
            return Optional.empty();
        }
    }

    private static long millisSince(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }

    /** The newest checks of one source, newest first. */
    public List<CheckJob> history(long tenantId, SourceKind kind, long sourceId) {
        return jdbc.sql("select * from connectivity_job where tenant_id = :tenant and source_kind = :kind and source_id = :source "
                        + "order by id desc fetch first " + HISTORY + " rows only")
                .param("tenant", tenantId).param("kind", kind.name()).param("source", sourceId)
                .query((rs, n) -> new CheckJob(rs.getLong("id"), rs.getLong("tenant_id"), SourceKind.valueOf(rs.getString("source_kind")),
                        rs.getObject("source_id", Long.class), rs.getString("source_type"), rs.getString("status").equals("SUCCESS"),
                        rs.getString("error_msg"), rs.getLong("user_id"), rs.getLong("started_at"), rs.getLong("finished_at")))
                .list();
    }
}
