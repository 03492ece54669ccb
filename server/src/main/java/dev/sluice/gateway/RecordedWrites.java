package dev.sluice.gateway;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.sluice.catalog.OperationType;
import dev.sluice.dispatch.Caller;
import dev.sluice.dispatch.Dispatcher;
import dev.sluice.governance.Call;
import dev.sluice.metering.CallIntents;
import dev.sluice.metering.CallRecord;
import tools.jackson.databind.node.ObjectNode;

/**
 * Runs an admitted write in one transaction that also holds its call intent, so that the change never commits
 * without a durable trace of the call (issue: a node killed between the operation's commit and its ledger batch left
 * a change neither billed nor auditable). The handlers' own transactions join it. A refused write (business error)
 * rolls back with its intent: nothing changed, and its ledger record says why. Reads run as before, without a
 * transaction or an intent.
 */
@Component
class RecordedWrites {

    /** The operation's data, and whether its change committed together with its intent. */
    record Dispatched(ObjectNode data, boolean intentCommitted) {
    }

    private final Dispatcher dispatcher;
    private final CallIntents intents;
    private final TransactionTemplate transaction;

    RecordedWrites(Dispatcher dispatcher, CallIntents intents, PlatformTransactionManager transactions) {
        this.dispatcher = dispatcher;
        this.intents = intents;
        this.transaction = new TransactionTemplate(transactions);
    }

    Dispatched dispatch(Call call, Caller caller) {
        if (!call.counted() || call.operation().type() != OperationType.WRITE || !dispatcher.handles(call.operation().action())) {
            return new Dispatched(dispatcher.dispatch(call.operation(), call.parameters(), caller), false);
        }
        ObjectNode data = transaction.execute(status -> {
            ObjectNode answer = dispatcher.dispatch(call.operation(), call.parameters(), caller);
            // Last, so a handler that throws never wrote it; the outcome is its record's, written after the commit.
            intents.write(intentOf(call));
            return answer;
        });
        intents.committed(call.requestId());
        return new Dispatched(data, true);
    }

    /** The call's ledger record was committed or refused: a sweep may now recover its intent if it is still there. */
    void settled(Call call, Dispatched dispatched) {
        if (dispatched != null && dispatched.intentCommitted()) intents.settled(call.requestId());
    }

    private static CallRecord intentOf(Call call) {
        var credential = call.credential();
        var operation = call.operation();
        return new CallRecord(call.requestId(), credential.account().id(), credential.user().id(), credential.accessKeyId(),
                operation.action(), operation.level(), operation.type(), call.receivedAt(), true, call.billable(),
                CallIntents.RECOVERED, 200, 0, null);
    }
}
