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
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Writes each call to the ledger and counts it in metrics: admitted calls synchronously (the answer waits for the
 * commit), refusals asynchronously and only when the caller's account is known.
 */
@Component
class CallMeter {

    private static final Logger log = LoggerFactory.getLogger(CallMeter.class);
    /**
     * Longer than the ledger's commit deadline plus its statement timeout (5 s + 3 s by default), counted from queueing:
     * a record is then either committed or refused before we stop waiting, never committed behind a caller told 503.
     */
    private static final Duration COMMIT_TIMEOUT = Duration.ofSeconds(10);

    private final Ledger ledger;
    private final Clock clock;
    private final MeterRegistry registry;

    private final KeyUsage keyUsage;

    CallMeter(Ledger ledger, Clock clock, MeterRegistry registry, KeyUsage keyUsage) {
        this.ledger = ledger;
        this.clock = clock;
        this.registry = registry;
        this.keyUsage = keyUsage;
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

    void refused(Call call, AdmissionChain.Outcome outcome) {
        var operation = call.operation();
        String reason = outcome.deciding().name();
        count("refused", reason, operation.level(), operation.action());
        var credential = call.claimant();
        if (credential == null) return; // unknown AccessKey: nothing to attribute the refusal to
        var error = outcome.verdict().error();
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
