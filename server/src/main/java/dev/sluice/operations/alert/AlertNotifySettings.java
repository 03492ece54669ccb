package dev.sluice.operations.alert;

import java.time.Duration;

import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * {@code sluice.alerts.notify.*}: how instances are watched and alerts delivered.
 *
 * @param sending         whether this node's background job sends notifications (an API-only node may leave it off)
 * @param evaluateEvery   how often instances are checked against the rules (on one node of a cluster at a time)
 * @param sendEvery       how often due notifications are sent
 * @param lookback        how far back failed instances are looked for (an alert job that was down catches up this far)
 * @param maxAttempts     send attempts of one notification before it is given up
 * @param retryBackoff    the wait after the first failed attempt; it doubles after each further one
 * @param failureDefault  every failed instance of a node no failure rule covers raises an event that e-mails the node's
 *                        owner (when SMTP is set and the owner has an address)
 * @param webhookTimeout  connect and answer timeout of one webhook call
 */
@Validated
@ConfigurationProperties("sluice.alerts.notify")
public record AlertNotifySettings(@DefaultValue("true") boolean sending,
                                  @DefaultValue("30s") @NotNull @DurationMin(seconds = 1) Duration evaluateEvery,
                                  @DefaultValue("5s") @NotNull @DurationMin(seconds = 1) Duration sendEvery,
                                  @DefaultValue("24h") @NotNull @DurationMin(minutes = 1) Duration lookback,
                                  @DefaultValue("5") @Min(1) @Max(20) int maxAttempts,
                                  @DefaultValue("30s") @NotNull @DurationMin(millis = 10) Duration retryBackoff,
                                  @DefaultValue("true") boolean failureDefault,
                                  @DefaultValue("10s") @NotNull @DurationMin(millis = 100) Duration webhookTimeout) {
}
