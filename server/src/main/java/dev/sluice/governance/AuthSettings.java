package dev.sluice.governance;

import java.time.Duration;

import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * How far a request's timestamp may be from the server clock (either way), and how many nonces are remembered:
 * per AccessKey within a nonce's lifetime (twice the clock skew), and for all keys together (the memory guard).
 * The per-key default is more than twice what the fastest shipped plan admits in that time (75 calls a second for
 * 30 minutes is 135,000), refusals and retries included; a key beyond it is refused, never another key's nonces
 * forgotten.
 */
@Validated
@ConfigurationProperties("sluice.auth")
record AuthSettings(@DefaultValue("15m") @NotNull @DurationMin(seconds = 1) Duration clockSkew,
                    @DefaultValue("300000") @Min(1) int noncesPerKey,
                    @DefaultValue("20000000") @Min(1) long maxNonces) {
}
