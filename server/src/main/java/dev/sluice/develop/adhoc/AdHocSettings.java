package dev.sluice.develop.adhoc;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/** {@code sluice.adhoc.*}: the hard timeout of one ad hoc run (all its statements together), 2 hours unless set. */
@Validated
@ConfigurationProperties("sluice.adhoc")
public record AdHocSettings(@DefaultValue("2h") Duration timeout) {

    public AdHocSettings {
        if (timeout == null || timeout.isNegative() || timeout.isZero() || timeout.toHours() > 48) {
            throw new IllegalArgumentException("sluice.adhoc.timeout must be between 1ms and 48h, got " + timeout);
        }
    }
}
