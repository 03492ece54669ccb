package dev.sluice.platform.source;

import java.time.Clock;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import dev.sluice.protocol.PopErrors;

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
    private final JdbcClient jdbc;
    private final Clock clock;
    private final TransactionTemplate ownTransaction;

    Connectivity(ConnectivityProbe probe, JdbcUrlRules urls, JdbcClient jdbc, Clock clock, PlatformTransactionManager transactions) {
        this.probe = probe;
        this.urls = urls;
        this.jdbc = jdbc;
        this.clock = clock;
        // The record of a check must outlive the caller's transaction: a failed check usually makes the caller roll back.
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** @throws dev.sluice.protocol.PopException {@code UnsupportedOperation} for a type Sluice has no client for */
    public ProbeResult check(long tenantId, long userId, SourceKind kind, Long sourceId, SourceConfig config) {
        JdbcTarget target = config.jdbc().orElseThrow(() -> PopErrors.unsupported("Sluice cannot check the connectivity of "
                + config.type().name() + " sources; it checks PostgreSQL, MySQL/MariaDB, H2 and DuckDB (and protocol-compatible types).").exception());
        // A stored URL was checked under the rules of its day: today's rules decide before a driver sees it again.
        if (sourceId != null) urls.check(target.reach(), target.url(), "Id");
        long started = clock.millis();
        ProbeResult result = probe.check(target);
        // The target's toString leaves the password out; the message was already cleaned of it.
        log.info("connectivity check of {} for tenant {}: {} ({} ms)", target, tenantId, result.connected() ? "ok" : result.message(), result.millis());
        ownTransaction.executeWithoutResult(tx -> jdbc.sql("insert into connectivity_job (tenant_id, source_kind, source_id, source_type, status, error_msg, user_id, started_at, finished_at) "
                        + "values (:tenant, :kind, :source, :type, :status, :error, :user, :started, :finished)")
                .param("tenant", tenantId).param("kind", kind.name()).param("source", sourceId).param("type", config.type().name())
                .param("status", result.connected() ? "SUCCESS" : "FAILED").param("error", result.connected() ? null : result.message())
                .param("user", userId).param("started", started).param("finished", clock.millis()).update());
        return result;
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
