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
        "sluice.bootstrap.enabled=false"})
public @interface SluiceServerTest {
}
