package dev.sluice.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.sluice.storage.ObjectStore;
import dev.sluice.storage.UploadCredential;
import dev.sluice.testsupport.HttpProbe;
import dev.sluice.testsupport.HttpProbe.Answer;
import dev.sluice.testsupport.SluiceServerTest;

/**
 * The embedded storage endpoint serves and accepts nothing without a presigned URL this server minted, unaltered and
 * in time; no path leaves the storage folder; an upload larger than the bound is refused before it is read.
 */
@SluiceServerTest
class StorageUrlAttackTest {

    @LocalServerPort
    int port;

    @Autowired
    ObjectStore store;

    @Test
    void aTamperedUnsignedOrExpiredUrlIsRefused() throws Exception {
        // X-Amz-Date holds whole seconds: a one-second credential may already have expired by its first use, so the
        // tampering checks use a credential that lives long enough, and only the expiry check uses the short one.
        String url = store.credentialFor(11, 22, "data.csv", Duration.ofMinutes(5)).url().toString();
        String signature = url.replaceAll(".*X-Amz-Signature=([0-9a-f]+).*", "$1");
        String tampered = url.replace(signature, new StringBuilder(signature).reverse());
        Answer refused = HttpProbe.send("PUT", URI.create(tampered), new byte[] {1});
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body()).startsWith("<?xml").contains("<Code>SignatureDoesNotMatch</Code>");

        Answer unsigned = HttpProbe.send("PUT", URI.create(url.substring(0, url.indexOf('?'))), new byte[] {1});
        assertThat(unsigned.status()).isEqualTo(403);
        assertThat(unsigned.body()).contains("<Code>AccessDenied</Code>");
        assertThat(HttpProbe.send("GET", URI.create("http://127.0.0.1:" + port + "/storage/sluice/"), null).status()).isEqualTo(403);

        UploadCredential credential = store.credentialFor(11, 22, "data.csv", Duration.ofSeconds(1));
        Thread.sleep(2100); // a one-second credential, then past it
        Answer expired = HttpProbe.send("PUT", credential.url(), new byte[] {1});
        assertThat(expired.status()).isEqualTo(403);
        assertThat(expired.body()).contains("<Code>AccessDenied</Code>").contains("Request has expired");
        assertThat(store.stat(credential.key())).isEmpty();
    }

    @Test
    void pathTraversalAndOversizeUploadsAreRefused() throws Exception {
        UploadCredential credential = store.credentialFor(11, 22, "x.bin", Duration.ofMinutes(5));
        String query = credential.url().getRawQuery();
        for (String path : new String[] {"/storage/sluice/11/22/../../../master.key", "/storage/sluice/%2e%2e/%2e%2e/master.key",
                "/storage/sluice/11/22/%2F..%2Fmaster.key", "/storage/../master.key"}) {
            String answer = HttpProbe.raw(port, "GET " + path + "?" + query + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nConnection: close\r\n\r\n");
            assertThat(answer).as(path).doesNotStartWith("HTTP/1.1 200").doesNotContain("aes");
        }

        // A declared size over the bound is refused before a byte is read (the default bound is 512 MiB).
        URI url = credential.url();
        String oversize = HttpProbe.raw(port, "PUT " + url.getRawPath() + "?" + query + " HTTP/1.1\r\nHost: 127.0.0.1:" + port
                + "\r\nContent-Length: " + (513L << 20) + "\r\nConnection: close\r\n\r\n");
        assertThat(oversize).startsWith("HTTP/1.1 400").contains("<Code>EntityTooLarge</Code>");
        assertThat(store.stat(credential.key())).isEmpty();
    }
}
