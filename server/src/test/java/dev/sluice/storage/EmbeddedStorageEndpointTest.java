package dev.sluice.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

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
 * URL the store handed out, and every way to misuse that URL refused with S3's XML errors.
 */
@SluiceServerTest
class EmbeddedStorageEndpointTest {

    @LocalServerPort
    int port;

    @Autowired
    ObjectStore store;

    record Answer(int status, String body) {
    }

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
        assertThat(send("GET", credential.url(), null).status()).isEqualTo(403);
        Answer delete = send("DELETE", credential.url(), null);
        assertThat(delete.status()).isEqualTo(403);
        assertThat(delete.body()).contains("<Code>SignatureDoesNotMatch</Code>");
        URI otherKey = URI.create(credential.url().toString().replace("/udf.jar?", "/evil.jar?"));
        assertThat(send("PUT", otherKey, bytes).body()).contains("<Code>SignatureDoesNotMatch</Code>");
        String otherProject = credential.url().toString().replace("/storage/sluice/11/22/", "/storage/sluice/11/23/");
        assertThat(send("PUT", URI.create(otherProject), bytes).status()).isEqualTo(403);
        assertThat(store.stat(credential.key()).orElseThrow().size()).isEqualTo(bytes.length);

        store.delete(credential.key());
        assertThat(store.stat(credential.key())).isEmpty();
        assertThat(store.open(credential.key())).isEmpty();
    }

    @Test
    void aTamperedUnsignedOrExpiredUrlIsRefused() throws Exception {
        UploadCredential credential = store.credentialFor(11, 22, "data.csv", Duration.ofSeconds(1));
        String url = credential.url().toString();
        String signature = url.replaceAll(".*X-Amz-Signature=([0-9a-f]+).*", "$1");
        String tampered = url.replace(signature, new StringBuilder(signature).reverse());
        Answer refused = send("PUT", URI.create(tampered), new byte[] {1});
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body()).startsWith("<?xml").contains("<Code>SignatureDoesNotMatch</Code>");

        Answer unsigned = send("PUT", URI.create(url.substring(0, url.indexOf('?'))), new byte[] {1});
        assertThat(unsigned.status()).isEqualTo(403);
        assertThat(unsigned.body()).contains("<Code>AccessDenied</Code>");
        assertThat(send("GET", URI.create("http://127.0.0.1:" + port + "/storage/sluice/"), null).status()).isEqualTo(403);

        Thread.sleep(2100); // a one-second credential, then past it
        Answer expired = send("PUT", credential.url(), new byte[] {1});
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
            String answer = raw("GET " + path + "?" + query + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nConnection: close\r\n\r\n");
            assertThat(answer).as(path).doesNotStartWith("HTTP/1.1 200").doesNotContain("aes");
        }

        // A declared size over the bound is refused before a byte is read (the default bound is 512 MiB).
        URI url = credential.url();
        String oversize = raw("PUT " + url.getRawPath() + "?" + query + " HTTP/1.1\r\nHost: 127.0.0.1:" + port
                + "\r\nContent-Length: " + (513L << 20) + "\r\nConnection: close\r\n\r\n");
        assertThat(oversize).startsWith("HTTP/1.1 400").contains("<Code>EntityTooLarge</Code>");
        assertThat(store.stat(credential.key())).isEmpty();
    }

    Answer send(String method, URI url, byte[] body) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) url.toURL().openConnection();
        connection.setRequestMethod(method);
        if (body != null) {
            connection.setDoOutput(true);
            connection.setFixedLengthStreamingMode(body.length);
            try (OutputStream out = connection.getOutputStream()) {
                out.write(body);
            }
        }
        int status = connection.getResponseCode();
        InputStream in = status >= 400 ? connection.getErrorStream() : connection.getInputStream();
        String text = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        connection.disconnect();
        return new Answer(status, text);
    }

    /** One request written by hand, for what HTTP clients would normalise away; the answer's head and body as text. */
    String raw(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(5_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            var read = new java.io.ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            try {
                for (int n; (n = socket.getInputStream().read(buffer)) >= 0; ) {
                    read.write(buffer, 0, n);
                    if (read.toString(StandardCharsets.ISO_8859_1).contains("</Error>")) break; // the server may wait for a body never sent
                }
            } catch (java.net.SocketTimeoutException quiet) {
                // whatever arrived is the answer
            }
            return read.toString(StandardCharsets.ISO_8859_1);
        }
    }
}
