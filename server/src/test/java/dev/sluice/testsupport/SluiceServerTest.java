package dev.sluice.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * The whole server on a random port over a private in-memory database, without the first-start bootstrap. Test
 * classes share one such server (Spring caches the context), so each creates its own account to stay independent.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:sluice-test;DB_CLOSE_DELAY=-1",
        "sluice.data-dir=target/test-data",
        "sluice.bootstrap.enabled=false",
        // Every test context shares the in-memory database: only the one that asks for it (RunnerServerTest) dispatches
        // scheduler instances, so a context without the test engines never claims them.
        "sluice.scheduler.enabled=${sluice.test.scheduler:false}",
        // Alerts are evaluated and sent by the alert tests' own evaluators and senders (their allow-list and mail server),
        // not by a context's background jobs, which would race them.
        "sluice.alerts.notify.sending=false", "sluice.alerts.notify.evaluate-every=1d",
        // The embedded default's journaled ledger, one journal per test context (the lock admits one owner).
        "sluice.ledger.journal=true", "sluice.ledger.journal-dir=target/test-journal/${random.uuid}",
        // Small plans so tests reach each limit in a few calls.
        "sluice.plans.tinyday.edition=intelligent", "sluice.plans.tinyday.qps.level1=1000", "sluice.plans.tinyday.qps.level2=1000",
        "sluice.plans.tinyday.qps.level3=1000", "sluice.plans.tinyday.daily.level12=6", "sluice.plans.tinyday.monthly-free=1000000",
        "sluice.plans.tinyday.price-per-10k=0.05",
        "sluice.plans.tinymonth.edition=intelligent", "sluice.plans.tinymonth.qps.total=1000", "sluice.plans.tinymonth.monthly-free=4",
        "sluice.plans.tinymonth.pay-as-you-go=false", "sluice.plans.tinymonth.price-per-10k=0.05",
        "sluice.plans.tinypayg.edition=intelligent", "sluice.plans.tinypayg.qps.total=1000", "sluice.plans.tinypayg.monthly-free=2",
        "sluice.plans.tinypayg.pay-as-you-go=true", "sluice.plans.tinypayg.price-per-10k=0.05",
        "sluice.plans.tinyqps.edition=intelligent", "sluice.plans.tinyqps.qps.total=1", "sluice.plans.tinyqps.monthly-free=1000000",
        "sluice.plans.tinyqps.price-per-10k=0.05"})
public @interface SluiceServerTest {
}
