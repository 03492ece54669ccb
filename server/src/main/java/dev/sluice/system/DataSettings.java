package dev.sluice.system;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.NotNull;

/**
 * {@code sluice.data-dir} (environment: {@code SLUICE_DATA_DIR}; {@code ./data} by default, application.yml) holds the
 * embedded H2 database, the ledger journal and the master key file; {@code sluice.master-key}, when set, is the master
 * key itself (Base64, 32 bytes) instead of that file. Its {@code toString} leaves the key out.
 */
@Validated
@ConfigurationProperties("sluice")
public record DataSettings(@NotNull Path dataDir, @DefaultValue("") String masterKey) {

    @Override
    public String toString() {
        return "DataSettings[dataDir=" + dataDir + ", masterKey=" + (masterKey == null || masterKey.isBlank() ? "unset" : "***") + "]";
    }
}
