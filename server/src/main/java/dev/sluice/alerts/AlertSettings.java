package dev.sluice.alerts;

import java.time.Duration;

import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.NotNull;

/** {@code sluice.alerts.check-interval}: how often every account's quota alerts are checked in the background. */
@Validated
@ConfigurationProperties("sluice.alerts")
record AlertSettings(@DefaultValue("5m") @NotNull @DurationMin(seconds = 1) Duration checkInterval) {
}
