package dev.sluice.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/** An external store's upload URLs come from the same presigner, bound to its endpoint, bucket, one key and a lifetime. */
class ExternalObjectStoreTest {

    StorageSettings settings(boolean pathStyle) {
        return new StorageSettings("https://minio.example:9000/", "", "team-files", "eu-west-1", "AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG",
                pathStyle, Duration.ofMinutes(15), DataSize.ofMegabytes(512));
    }

    @Test
    void aCredentialIsAPresignedPutForOneKeyOfTheConfiguredStore() {
        try (ExternalObjectStore store = new ExternalObjectStore(settings(true))) {
            UploadCredential credential = store.credentialFor(5, 6, "resource", Duration.ofMinutes(10));
            URI url = credential.url();
            assertThat(credential.endpoint()).isEqualTo("https://minio.example:9000");
            assertThat(url.getHost()).isEqualTo("minio.example");
            assertThat(url.getRawPath()).isEqualTo("/team-files/" + credential.key());
            assertThat(credential.key()).matches("5/6/[0-9a-f]{32}/resource");
            assertThat(url.getRawQuery()).contains("X-Amz-Expires=600", "X-Amz-Credential=AKIDEXAMPLE%2F", "%2Feu-west-1%2Fs3%2Faws4_request",
                    "X-Amz-SignedHeaders=host").doesNotContain("wJalrXUtnFEMI");
            assertThat(credential.expiresAt()).isBetween(Instant.now().plusSeconds(590), Instant.now().plusSeconds(605));
            // A key the caller sent that is not a store key is not looked up at all.
            assertThat(store.stat("../../etc/passwd")).isEmpty();
        }
        try (ExternalObjectStore store = new ExternalObjectStore(settings(false))) {
            assertThat(store.credentialFor(5, 6, "resource", Duration.ofMinutes(10)).url().getHost()).isEqualTo("team-files.minio.example");
        }
    }
}
