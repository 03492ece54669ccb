package dev.sluice.governance.cluster;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.NotNull;

/**
 * {@code sluice.sources.check-timeout}, the deadline of the slowest operation (a data source check), as cluster mode
 * reads it for its settle check. The platform's {@code SourceSettings} owns and validates the key; its default is in
 * application.yml so both read the same value without this module depending on the platform.
 */
@Validated
@ConfigurationProperties("sluice.sources")
record SlowestOperation(@NotNull Duration checkTimeout) {
}
