package dev.sluice.gateway;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

/** Settings of the RPC edge. */
@Validated
@ConfigurationProperties("sluice.rpc")
record GatewaySettings(@NotBlank String hostId, @Min(1024) @Max(64 * 1024 * 1024) long maxBodyBytes) {
}
