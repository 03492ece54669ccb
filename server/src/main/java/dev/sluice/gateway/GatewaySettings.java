package dev.sluice.gateway;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

/** {@code sluice.rpc.*}: the RPC edge's host id (in every answer's {@code HostId}) and its largest request body. */
@Validated
@ConfigurationProperties("sluice.rpc")
record GatewaySettings(@DefaultValue("sluice") @NotBlank String hostId,
                       @DefaultValue("1048576") @Min(1024) @Max(64 * 1024 * 1024) long maxBodyBytes) {
}
