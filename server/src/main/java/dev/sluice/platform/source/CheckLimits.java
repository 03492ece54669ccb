package dev.sluice.platform.source;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * {@code sluice.sources.max-concurrent-checks-per-tenant}: how many connectivity checks one tenant may run at once
 * on a node. Each check holds a thread and a socket for up to the check timeout, so without a cap one tenant could
 * keep the server busy dialling hosts that never answer.
 */
@Validated
@ConfigurationProperties("sluice.sources")
public record CheckLimits(@Min(1) @Max(1000) @DefaultValue("4") int maxConcurrentChecksPerTenant) {
}
