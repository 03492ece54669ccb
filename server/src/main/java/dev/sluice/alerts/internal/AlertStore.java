package dev.sluice.alerts.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.sluice.alerts.Quota;
import dev.sluice.alerts.QuotaAlert;

/** The SQL of quota alerts. */
@Repository
public class AlertStore {

    private final JdbcClient jdbc;

    public AlertStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records the alert unless it was recorded before (by this or another node); true when this call recorded it. */
    public boolean insertOnce(QuotaAlert alert) {
        try {
            return jdbc.sql("insert into quota_alert (account_id, quota, period, threshold, used, quota_limit, raised_at) "
                            + "values (?, ?, ?, ?, ?, ?, ?)")
                    .params(alert.accountId(), alert.quota().name(), alert.period(), alert.threshold(), alert.used(),
                            alert.limit(), alert.raisedAt().toEpochMilli())
                    .update() == 1;
        } catch (DuplicateKeyException recordedBefore) {
            return false;
        }
    }

    /** The account's alerts of the given periods, highest threshold first. */
    public List<QuotaAlert> ofPeriods(long accountId, Collection<String> periods) {
        return jdbc.sql("select account_id, quota, period, threshold, used, quota_limit, raised_at from quota_alert "
                        + "where account_id = :account and period in (:periods) order by threshold desc, raised_at")
                .param("account", accountId).param("periods", periods).query(AlertStore::alert).list();
    }

    public List<QuotaAlert> recent(long accountId, int limit) {
        return jdbc.sql("select account_id, quota, period, threshold, used, quota_limit, raised_at from quota_alert "
                        + "where account_id = :account order by raised_at desc, threshold desc limit :limit")
                .param("account", accountId).param("limit", limit).query(AlertStore::alert).list();
    }

    private static QuotaAlert alert(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new QuotaAlert(rs.getLong(1), Quota.valueOf(rs.getString(2)), rs.getString(3), rs.getInt(4), rs.getLong(5),
                rs.getLong(6), Instant.ofEpochMilli(rs.getLong(7)));
    }
}
