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
 * {@code sluice.alerts.smtp.*}: the mail server alerts are e-mailed through; without a host no e-mail is sent (and
 * none is queued). The password is only handed to the mail session, never logged or answered.
 *
 * @param startTls require STARTTLS before authenticating
 */
@Validated
@ConfigurationProperties("sluice.alerts.smtp")
public record SmtpSettings(String host,
                           @DefaultValue("25") @Min(1) @Max(65535) int port,
                           String username,
                           String password,
                           @DefaultValue("sluice@localhost") String from,
                           @DefaultValue("false") boolean startTls,
                           @DefaultValue("10s") @NotNull @DurationMin(millis = 100) Duration timeout) {

    public boolean enabled() {
        return host != null && !host.isBlank();
    }

    @Override
    public String toString() { // the record's own would print the password
        return "SmtpSettings[host=" + host + ", port=" + port + ", username=" + username + ", from=" + from + "]";
    }
}
