package dev.sluice.console.signin;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * How many failed console sign-ins a name and an address may have before sign-in is refused for a while, and how long.
 * The address allows more than the name because several people may sign in from behind one NAT.
 */
@Validated
@ConfigurationProperties("sluice.console.sign-in")
record SignInLimits(@DefaultValue("5") @Min(1) @Max(1000) int failuresPerUser,
                    @DefaultValue("20") @Min(1) @Max(100000) int failuresPerAddress,
                    @DefaultValue("1m") @NotNull Duration firstLock,
                    @DefaultValue("15m") @NotNull Duration longestLock) {
}
