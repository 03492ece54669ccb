package dev.sluice.system;

import java.util.Map;

import org.springframework.boot.actuate.autoconfigure.web.server.ConditionalOnManagementPort;
import org.springframework.boot.actuate.autoconfigure.web.server.ManagementPortType;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.contributor.Status;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /actuator/health} on the public port, for load balancers, while the actuator itself sits on the loopback
 * management port. It answers the overall status only (never components or details): 200 when up, 503 when down or
 * out of service, as the actuator's own endpoint does. Absent when the management port is the server's own, where
 * the actuator serves the path itself.
 */
@RestController
@ConditionalOnManagementPort(ManagementPortType.DIFFERENT)
class PublicHealth {

    private final HealthEndpoint health;

    PublicHealth(HealthEndpoint health) {
        this.health = health;
    }

    @GetMapping(path = "/actuator/health", produces = "application/json")
    ResponseEntity<Map<String, String>> health() {
        Status status = health.health().getStatus();
        boolean serving = !Status.DOWN.equals(status) && !Status.OUT_OF_SERVICE.equals(status);
        return ResponseEntity.status(serving ? 200 : 503).cacheControl(CacheControl.noStore())
                .body(Map.of("status", status.getCode()));
    }
}
