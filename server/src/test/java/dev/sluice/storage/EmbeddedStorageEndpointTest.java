package dev.sluice.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.sluice.testsupport.HttpProbe;
import dev.sluice.testsupport.HttpProbe.Answer;
import dev.sluice.testsupport.SluiceServerTest;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;

/**
 * The embedded S3-compatible endpoint as a client meets it: an upload with the AWS SDK's HTTP client to a presigned
 * URL the store handed out, which then reads nothing, deletes nothing and writes no other key (further misuse:
 * {@code security.StorageUrlAttackTest}).
 */
@SluiceServerTest
class EmbeddedStorageEndpointTest {

    @LocalServerPort
    int port;

    @Autowired
    ObjectStore store;

    @Test
    void anUploadWithTheAwsSdkToTheHandedOutUrlIsStoredWithItsSizeAndChecksum() throws Exception {
        UploadCredential credential = store.credentialFor(11, 22, "udf.jar", Duration.ofMinutes(15));
        assertThat(credential.endpoint()).isEqualTo("http://127.0.0.1:" + port + "/storage");
        assertThat(credential.key()).matches("11/22/[0-9a-f]{32}/udf.jar");
        assertThat(credential.expiresAt()).isBetween(Instant.now().plusSeconds(14 * 60), Instant.now().plusSeconds(15 * 60 + 5));
        assertThat(credential.toString()).doesNotContain("X-Amz-Signature");
        byte[] bytes = "PK\u0003\u0004 not really a jar".repeat(1000).getBytes(StandardCharsets.UTF_8);

        try (SdkHttpClient http = UrlConnectionHttpClient.create()) {
            SdkHttpRequest put = SdkHttpRequest.builder().method(SdkHttpMethod.PUT).uri(credential.url())
                    .putHeader("Content-Length", String.valueOf(bytes.length)).build();
            ExecutableHttpRequest call = http.prepareRequest(HttpExecuteRequest.builder().request(put)
                    .contentStreamProvider(() -> new ByteArrayInputStream(bytes)).build());
            HttpExecuteResponse answer = call.call();
            assertThat(answer.httpResponse().statusCode()).isEqualTo(200);
            assertThat(answer.httpResponse().firstMatchingHeader("ETag")).isPresent();
        }

        StoredObject stored = store.stat(credential.key()).orElseThrow();
        assertThat(stored.size()).isEqualTo(bytes.length);
        assertThat(stored.checksumAlgorithm()).isEqualTo("SHA-256");
        assertThat(stored.checksum()).isEqualTo(HexFormat.of().formatHex(PresignedUrlVerifier.sha256(bytes)));
        try (InputStream in = store.open(credential.key()).orElseThrow()) {
            assertThat(in.readAllBytes()).isEqualTo(bytes);
        }

        // The same URL reads nothing, deletes nothing, and writes no other key.
        assertThat(HttpProbe.send("GET", credential.url(), null).status()).isEqualTo(403);
        Answer delete = HttpProbe.send("DELETE", credential.url(), null);
        assertThat(delete.status()).isEqualTo(403);
        assertThat(delete.body()).contains("<Code>SignatureDoesNotMatch</Code>");
        URI otherKey = URI.create(credential.url().toString().replace("/udf.jar?", "/evil.jar?"));
        assertThat(HttpProbe.send("PUT", otherKey, bytes).body()).contains("<Code>SignatureDoesNotMatch</Code>");
        String otherProject = credential.url().toString().replace("/storage/sluice/11/22/", "/storage/sluice/11/23/");
        assertThat(HttpProbe.send("PUT", URI.create(otherProject), bytes).status()).isEqualTo(403);
        assertThat(store.stat(credential.key()).orElseThrow().size()).isEqualTo(bytes.length);

        // A download URL reads it back (GET and HEAD) and writes nothing.
        URI download = store.downloadUrl(credential.key(), Duration.ofMinutes(1));
        Answer got = HttpProbe.send("GET", download, null);
        assertThat(got.status()).isEqualTo(200);
        assertThat(got.body()).isEqualTo(new String(bytes, StandardCharsets.UTF_8));
        HttpURLConnection head = (HttpURLConnection) download.toURL().openConnection();
        head.setRequestMethod("HEAD");
        assertThat(head.getResponseCode()).isEqualTo(403); // HEAD is another method than the GET it was signed for
        assertThat(HttpProbe.send("PUT", download, new byte[] {1}).status()).isEqualTo(403);

        store.delete(credential.key());
        assertThat(HttpProbe.send("GET", download, null).body()).contains("<Code>NoSuchKey</Code>");
        assertThat(store.stat(credential.key())).isEmpty();
        assertThat(store.open(credential.key())).isEmpty();
    }
}
