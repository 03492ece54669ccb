package dev.sluice.metering;

import java.nio.file.Path;
import java.time.Duration;

import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * {@code sluice.ledger.*}: how calls reach the ledger (README, "The ledger"). Validated at start-up, so a value that
 * would break the ledger's promise (committed by commit deadline + statement timeout, or never) stops the server.
 *
 * @param queueCapacity   calls that may wait for a commit (PostgreSQL ledger)
 * @param maxBatch        calls per commit at most
 * @param commitDeadline  how long a call waits for its commit before it is answered without being counted
 * @param statementTimeout the longest a ledger statement may run
 * @param linger          how long a commit waits for more calls to join its batch
 * @param journal         journal calls in files beside the database (the embedded node's default) instead of
 *                        committing them to the database one batch at a time
 * @param journalDir      where the journal lives ({@code ${sluice.data-dir}/ledger-journal} by default, application.yml)
 * @param fsync           force each journal append to the device
 * @param storeBatch      journaled calls added to the rollups in one transaction at most
 * @param storeInterval   how often journaled calls are added to the rollups
 * @param maxUnstored     journaled calls not yet in the rollups at most (calls are refused beyond; 0 refuses every
 *                        call, which the crash tests use to open the window between a change and its record)
 * @param retention       how long the journal keeps calls once in the rollups; zero keeps them for ever
 * @param intentGrace     how old a call's intent must be before it is recovered (its own record can no longer come)
 * @param intentSweep     how often intents are recovered; zero leaves them to the servers (operator commands)
 * @param refusalsPerKey  refusals of one AccessKey that may wait for the ledger
 * @param refusalsPending refusals of all keys that may wait for the ledger
 */
@Validated
@ConfigurationProperties("sluice.ledger")
public record LedgerSettings(@DefaultValue("20000") @Min(1) int queueCapacity,
                             @DefaultValue("512") @Min(1) int maxBatch,
                             @DefaultValue("5s") @NotNull @DurationMin(nanos = 1) Duration commitDeadline,
                             @DefaultValue("3s") @NotNull @DurationMin(nanos = 1) Duration statementTimeout,
                             @DefaultValue("1ms") @NotNull @DurationMin(nanos = 0) Duration linger,
                             @DefaultValue("false") boolean journal,
                             @NotNull Path journalDir,
                             @DefaultValue("false") boolean fsync,
                             @DefaultValue("5000") @Min(1) int storeBatch,
                             // 100 ms: tried at 1 s, fewer H2 commits saved less than the collector then spent on records
                             // held that long (they outlive young collections and get copied, then promoted);
                             // ./sluice bench admission --processes gave 0.84 at 1 s and 0.91 at 100 ms.
                             @DefaultValue("100ms") @NotNull @DurationMin(nanos = 1) Duration storeInterval,
                             @DefaultValue("200000") @Min(0) int maxUnstored,
                             @DefaultValue("0s") @NotNull @DurationMin(nanos = 0) Duration retention,
                             @DefaultValue("60s") @NotNull Duration intentGrace,
                             @DefaultValue("10s") @NotNull @DurationMin(nanos = 0) Duration intentSweep,
                             @DefaultValue("1000") @Min(0) int refusalsPerKey,
                             @DefaultValue("5000") @Min(0) int refusalsPending) {

    public LedgerSettings {
        // An intent younger than this may still get its own record (on any node): recovering it too would count it twice.
        // (Null durations are left to the @NotNull checks, which name the key.)
        if (commitDeadline != null && statementTimeout != null && intentGrace != null) {
            Duration longestCommit = commitDeadline.plus(statementTimeout);
            if (intentGrace.compareTo(longestCommit.plusSeconds(2)) < 0) {
                throw new IllegalArgumentException("sluice.ledger.intent-grace (" + intentGrace + ") must exceed sluice.ledger.commit-deadline"
                        + " plus sluice.ledger.statement-timeout (" + longestCommit + ") by at least 2s");
            }
        }
    }

    /** The longest a call can take to reach the ledger once queued: the commit deadline, then the statement timeout. */
    public Duration longestCommit() {
        return commitDeadline.plus(statementTimeout);
    }
}
