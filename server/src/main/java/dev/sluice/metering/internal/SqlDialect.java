package dev.sluice.metering.internal;

import java.sql.DatabaseMetaData;
import java.util.Locale;

import javax.sql.DataSource;

import org.springframework.jdbc.support.JdbcUtils;

/**
 * The two statements whose portable form would be wrong somewhere: adding to a rollup row that may not exist yet.
 * PostgreSQL gets {@code INSERT ... ON CONFLICT DO UPDATE}, which is safe when several nodes add to the same row at
 * once (its {@code MERGE} is not); H2 has no {@code ON CONFLICT}, and its {@code MERGE} is safe there because a
 * single node writes through a single ledger writer.
 */
enum SqlDialect {

    H2("""
            merge into usage_daily t
            using (values (cast(? as bigint), cast(? as date), cast(? as varchar(128)), cast(? as bigint),
                           cast(? as smallint), cast(? as varchar(8)), cast(? as bigint), cast(? as bigint)))
                  s(account_id, call_day, action, user_id, level, op_type, calls, billable)
            on t.account_id = s.account_id and t.call_day = s.call_day and t.action = s.action and t.user_id = s.user_id
            when matched then update set calls = t.calls + s.calls, billable = t.billable + s.billable
            when not matched then insert (account_id, call_day, action, user_id, level, op_type, calls, billable)
                values (s.account_id, s.call_day, s.action, s.user_id, s.level, s.op_type, s.calls, s.billable)
            """, """
            merge into refusal_daily t
            using (values (cast(? as bigint), cast(? as date), cast(? as varchar(128)), cast(? as bigint)))
                  s(account_id, call_day, code, calls)
            on t.account_id = s.account_id and t.call_day = s.call_day and t.code = s.code
            when matched then update set calls = t.calls + s.calls
            when not matched then insert (account_id, call_day, code, calls) values (s.account_id, s.call_day, s.code, s.calls)
            """),

    POSTGRESQL("""
            insert into usage_daily (account_id, call_day, action, user_id, level, op_type, calls, billable)
            values (?, ?, ?, ?, ?, ?, ?, ?)
            on conflict (account_id, call_day, action, user_id)
            do update set calls = usage_daily.calls + excluded.calls, billable = usage_daily.billable + excluded.billable
            """, """
            insert into refusal_daily (account_id, call_day, code, calls) values (?, ?, ?, ?)
            on conflict (account_id, call_day, code) do update set calls = refusal_daily.calls + excluded.calls
            """);

    final String addUsage;
    final String addRefusals;

    SqlDialect(String addUsage, String addRefusals) {
        this.addUsage = addUsage;
        this.addRefusals = addRefusals;
    }

    static SqlDialect of(DataSource dataSource) {
        try {
            String product = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
            return product.toLowerCase(Locale.ROOT).contains("postgres") ? POSTGRESQL : H2;
        } catch (Exception e) {
            throw new IllegalStateException("cannot tell which database the ledger is on", e);
        }
    }
}
