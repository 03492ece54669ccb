package dev.sluice.metering;

import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A write's call record, made durable with the write itself: {@link #write} inserts it in the operation's own
 * transaction, so a change never commits without it. The ledger deletes it where it makes the call's own record
 * durable; an intent still there after {@code sluice.ledger.intent-grace} (its node died or could not commit the
 * record) becomes the ledger record, outcome {@link #RECOVERED}. Reads never come here.
 *
 * <p>Also knows which of this node's committed intents still wait for their ledger record, so that the sweep never
 * recovers a call whose own record may yet be committed.
 */
public final class CallIntents {

    /** The outcome of a recovered record: the change committed, the caller may never have seen the answer. */
    public static final String RECOVERED = "Recovered";

    private static final String INSERT = """
            insert into call_intent (request_id, account_id, user_id, access_key_id, action, level, op_type, called_at,
                                     billable, created_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """;

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Set<String> awaitingRecord = ConcurrentHashMap.newKeySet();

    public CallIntents(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Inserts the call's intent; only inside the transaction of the operation whose change it vouches for. */
    public void write(CallRecord call) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("a call intent belongs in its operation's transaction");
        }
        jdbc.update(INSERT, call.requestId(), call.accountId(), call.userId(), call.accessKeyId(), call.action(),
                call.level(), call.type().name(), call.at().toEpochMilli(), call.billable(), clock.millis());
    }

    /** Intents written before this (epoch millis) are past {@code grace}: their own record will never be committed. */
    public long cutoff(Duration grace) {
        return clock.millis() - grace.toMillis();
    }

    /** The operation's transaction committed with the intent: its ledger record is on its way. */
    public void committed(String requestId) {
        awaitingRecord.add(requestId);
    }

    /** The ledger record was committed, or refused (then the sweep will recover the intent). */
    public void settled(String requestId) {
        awaitingRecord.remove(requestId);
    }

    /** True while this node may still commit the call's own record. */
    public boolean awaitingRecord(String requestId) {
        return awaitingRecord.contains(requestId);
    }
}
