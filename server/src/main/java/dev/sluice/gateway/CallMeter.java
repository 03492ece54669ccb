package dev.sluice.gateway;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import dev.sluice.account.KeyUsage;
import dev.sluice.governance.AdmissionChain;
import dev.sluice.governance.Call;
import dev.sluice.metering.CallRecord;
import dev.sluice.metering.Ledger;
import dev.sluice.protocol.PopErrors;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Writes each call to the ledger and counts it in metrics: admitted calls synchronously (the answer waits for the
 * commit), refusals asynchronously and only when the signature proved who sent them; other refusals are counted by
 * source address ({@link UnauthenticatedRefusals}).
 */
@Component
class CallMeter {

    private static final Logger log = LoggerFactory.getLogger(CallMeter.class);
    /**
     * Longer than the ledger's commit deadline plus its statement timeout (5 s + 3 s by default), counted from queueing:
     * a record is then either committed or refused before we stop waiting, never committed behind a caller told 503.
     */
    private static final Duration COMMIT_TIMEOUT = Duration.ofSeconds(10);
    private static final String REPLAYED = PopErrors.nonceUsed("").code();

    private final Ledger ledger;
    private final Clock clock;
    private final MeterRegistry registry;

    private final KeyUsage keyUsage;
    private final UnauthenticatedRefusals unauthenticated;

    CallMeter(Ledger ledger, Clock clock, MeterRegistry registry, KeyUsage keyUsage, UnauthenticatedRefusals unauthenticated) {
        this.ledger = ledger;
        this.clock = clock;
        this.registry = registry;
        this.keyUsage = keyUsage;
        this.unauthenticated = unauthenticated;
    }

    /** True once the admitted call's record is committed. */
    boolean admitted(Call call, int httpStatus, String code) {
        var operation = call.operation();
        count("admitted", "none", operation.level(), operation.action());
        var credential = call.credential();
        CallRecord record = new CallRecord(call.requestId(), credential.account().id(), credential.user().id(),
                credential.accessKeyId(), operation.action(), operation.level(), operation.type(), call.receivedAt(), true,
                call.billable(), code, httpStatus, latency(call), null);
        try {
            ledger.commit(record).get(COMMIT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            keyUsage.used(credential.accessKeyId(), record.at().toEpochMilli());
            return true;
        } catch (ExecutionException | TimeoutException failed) {
            log.error("request {} could not be committed to the ledger", call.requestId(), failed);
            registry.counter("sluice.calls.unmetered").increment();
            return false;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return false;
        } catch (RuntimeException rejected) { // the ledger queue is full: shed load rather than answer unmetered
            log.warn("request {} refused: ledger unavailable ({})", call.requestId(), rejected.getMessage());
            return false;
        }
    }

    /**
     * Records a refusal against the caller's account only when the signature verified and the request is not a replay
     * (whoever captured a request can replay it): anyone can name someone else's AccessKeyId, and such calls must not
     * fill that account's refusal figures, nor its share of the ledger's backlog.
     */
    void refused(Call call, AdmissionChain.Outcome outcome, String address) {
        var operation = call.operation();
        String reason = outcome.deciding().name();
        count("refused", reason, operation.level(), operation.action());
        var credential = call.credential();
        var error = outcome.verdict().error();
        if (credential == null || REPLAYED.equals(error.code())) {
            unauthenticated.refused(address, error.code(), call.namedAccessKeyId());
            return;
        }
        ledger.refused(new CallRecord(call.requestId(), credential.account().id(), credential.user().id(),
                credential.accessKeyId(), operation.action(), operation.level(), operation.type(), call.receivedAt(), false,
                false, error.code(), error.httpStatus(), latency(call), reason));
    }

    private long latency(Call call) {
        return Math.max(0, clock.millis() - call.receivedAt().toEpochMilli());
    }

    private record CounterKey(String outcome, String reason, int level, String action) {
    }

    /** Counters by key, so the hot path does not build and look up a meter id (tags sorted, hashed) per call. */
    private final ConcurrentHashMap<CounterKey, Counter> counters = new ConcurrentHashMap<>();

    private void count(String outcome, String reason, int level, String action) {
        counters.computeIfAbsent(new CounterKey(outcome, reason, level, action), key -> Counter.builder("sluice.calls")
                .description("Calls by admission outcome").tag("outcome", key.outcome()).tag("reason", key.reason())
                .tag("level", String.valueOf(key.level())).tag("action", key.action()).register(registry)).increment();
    }
}
