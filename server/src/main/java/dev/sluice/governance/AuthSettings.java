package dev.sluice.governance;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.NotNull;

/** How far a request's timestamp may be from the server clock (either way). */
@Validated
@ConfigurationProperties("sluice.auth")
record AuthSettings(@NotNull Duration clockSkew) {
}
