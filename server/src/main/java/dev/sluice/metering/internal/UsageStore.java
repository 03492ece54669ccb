package dev.sluice.metering.internal;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;

import dev.sluice.catalog.OperationType;
import dev.sluice.metering.AdmittedCounts;
import dev.sluice.metering.DayLevelCalls;

/** Reads of the daily rollups and bills; every figure Sluice shows about usage comes from here. */
public final class UsageStore {

    /** Admitted calls of one API on one day (summed over users unless a user was asked for). */
    public record DayApiCalls(LocalDate day, String action, int level, OperationType type, long calls) {
    }

    public record CodeCalls(String code, long calls) {
    }

    public record Totals(long calls, long billable) {
    }

    public record FirstUsage(long accountId, LocalDate day) {
    }

    public record StoredBill(long accountId, String month, String plan, long calls, long freeCalls, long billableCalls,
                             BigDecimal pricePer10k, BigDecimal amount, String currency, long closedAt) {
    }

    private final JdbcClient jdbc;
    private final Runnable caughtUp;

    /** @param caughtUp returns once every call recorded so far is in the rollups (see {@code Ledger#awaitStored}) */
    public UsageStore(JdbcClient jdbc, Runnable caughtUp) {
        this.jdbc = jdbc;
        this.caughtUp = caughtUp;
    }

    private JdbcClient.StatementSpec sql(String statement) {
        caughtUp.run();
        return jdbc.sql(statement);
    }

    public AdmittedCounts admitted(long accountId, LocalDate day) {
        long[] byLevel = new long[4];
        long[] byType = new long[2];
        sql("select level, op_type, sum(calls) from usage_daily where account_id = ? and call_day = ? group by level, op_type")
                .params(accountId, Date.valueOf(day))
                .query(rs -> {
                    long calls = rs.getLong(3);
                    byLevel[rs.getInt(1)] += calls;
                    byType[OperationType.valueOf(rs.getString(2)).ordinal()] += calls;
                });
        YearMonth month = YearMonth.from(day);
        Totals totals = totals(accountId, month.atDay(1), month.atEndOfMonth());
        return new AdmittedCounts(byLevel[1], byLevel[2], byLevel[3], byType[OperationType.READ.ordinal()],
                byType[OperationType.WRITE.ordinal()], totals.calls(), totals.billable());
    }

    public Totals totals(long accountId, LocalDate from, LocalDate to) {
        return sql("select coalesce(sum(calls), 0), coalesce(sum(billable), 0) from usage_daily "
                        + "where account_id = ? and call_day between ? and ?")
                .params(accountId, Date.valueOf(from), Date.valueOf(to))
                .query((rs, row) -> new Totals(rs.getLong(1), rs.getLong(2))).single();
    }

    /** Per day and API in [from, to], ordered by day then API; optionally one user's calls only. */
    public List<DayApiCalls> dayApiCalls(long accountId, LocalDate from, LocalDate to, Long userId) {
        String userFilter = userId == null ? "" : " and user_id = :user";
        var spec = sql("select call_day, action, level, op_type, sum(calls) from usage_daily "
                        + "where account_id = :account and call_day between :from and :to" + userFilter
                        + " group by call_day, action, level, op_type order by call_day, action")
                .param("account", accountId).param("from", Date.valueOf(from)).param("to", Date.valueOf(to));
        if (userId != null) spec = spec.param("user", userId);
        return spec.query((rs, row) -> new DayApiCalls(rs.getDate(1).toLocalDate(), rs.getString(2), rs.getInt(3),
                OperationType.valueOf(rs.getString(4)), rs.getLong(5))).list();
    }

    public List<DayLevelCalls> dayLevelCalls(long accountId, LocalDate from, LocalDate to) {
        return sql("select call_day, level, sum(calls) from usage_daily where account_id = ? and call_day between ? and ? "
                        + "group by call_day, level order by call_day, level")
                .params(accountId, Date.valueOf(from), Date.valueOf(to))
                .query((rs, row) -> new DayLevelCalls(rs.getDate(1).toLocalDate(), rs.getInt(2), rs.getLong(3))).list();
    }

    public List<CodeCalls> refusals(long accountId, LocalDate from, LocalDate to) {
        return sql("select code, sum(calls) from refusal_daily where account_id = ? and call_day between ? and ? "
                        + "group by code order by sum(calls) desc, code")
                .params(accountId, Date.valueOf(from), Date.valueOf(to))
                .query((rs, row) -> new CodeCalls(rs.getString(1), rs.getLong(2))).list();
    }

    /** The first day with admitted calls before {@code before}, per account: where unbilled months may start. */
    public List<FirstUsage> firstUsageDays(LocalDate before) {
        return sql("select account_id, min(call_day) from usage_daily where call_day < ? group by account_id")
                .param(Date.valueOf(before))
                .query((rs, row) -> new FirstUsage(rs.getLong(1), rs.getDate(2).toLocalDate())).list();
    }

    public Optional<StoredBill> bill(long accountId, String month) {
        return sql(SELECT_BILL + " where account_id = ? and bill_month = ?").params(accountId, month)
                .query(UsageStore::bill).optional();
    }

    public List<StoredBill> bills(long accountId) {
        return sql(SELECT_BILL + " where account_id = ? order by bill_month desc").param(accountId)
                .query(UsageStore::bill).list();
    }

    /** Writes a bill once; a bill that another node wrote first is kept as it is. */
    public void insertBillOnce(StoredBill bill) {
        if (bill(bill.accountId(), bill.month()).isPresent()) return;
        try {
            jdbc.sql("insert into monthly_bill (account_id, bill_month, plan, calls, free_calls, billable_calls, price_per_10k, "
                            + "amount, currency, closed_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(bill.accountId(), bill.month(), bill.plan(), bill.calls(), bill.freeCalls(), bill.billableCalls(),
                            bill.pricePer10k(), bill.amount(), bill.currency(), bill.closedAt())
                    .update();
        } catch (org.springframework.dao.DuplicateKeyException wroteFirst) {
            // another node closed the same month at the same moment: its bill has the same figures
        }
    }

    private static final String SELECT_BILL = "select account_id, bill_month, plan, calls, free_calls, billable_calls, "
            + "price_per_10k, amount, currency, closed_at from monthly_bill";

    private static StoredBill bill(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new StoredBill(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getLong(5), rs.getLong(6),
                rs.getBigDecimal(7), rs.getBigDecimal(8), rs.getString(9), rs.getLong(10));
    }
}
