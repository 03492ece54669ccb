package dev.sluice.runner;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

import dev.sluice.testsupport.SluiceServerTest;

/**
 * The whole server with the test engines and gate, one slot per source (so a second run on a source waits), and a short
 * stop grace. Runner and ad hoc tests share this one context; each uses sources of its own.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SluiceServerTest
@Import(RunnerTestEngines.class)
@TestPropertySource(properties = {"sluice.runner.max-running-per-source=1", "sluice.runner.max-queued-per-source=3",
        "sluice.runner.stop-grace=2s", "sluice.runner.max-result-rows=50",
        "sluice.scheduler.retry.max-attempts=2", "sluice.scheduler.retry.interval=1s",
        "sluice.test.scheduler=true"}) // the one context whose scheduler dispatches (see SluiceServerTest)
public @interface RunnerServerTest {
}
