package dev.sluice.platform.source;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.NotNull;

/**
 * {@code sluice.sources.*}: how long a connectivity check may take, and the directories where embedded databases
 * (H2 or DuckDB files) may live. No directory is allowed unless the operator names one: a file URL would otherwise
 * let a tenant open any file the server can read. The check timeout's default (10 s) is in application.yml: cluster
 * mode reads it too (its settle time must cover it), and may not depend on this module.
 */
@Validated
@ConfigurationProperties("sluice.sources")
public record SourceSettings(@NotNull Duration checkTimeout, @DefaultValue List<Path> fileRoots) {

    public SourceSettings {
        if (checkTimeout != null && (checkTimeout.isNegative() || checkTimeout.isZero() || checkTimeout.toSeconds() > 120)) {
            throw new IllegalArgumentException("sluice.sources.check-timeout must be between 1ms and 120s, got " + checkTimeout);
        }
        fileRoots = fileRoots == null ? List.of() : fileRoots.stream().map(p -> p.toAbsolutePath().normalize()).toList();
    }
}
