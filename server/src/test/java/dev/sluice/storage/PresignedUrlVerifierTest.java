package dev.sluice.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What the SDK's presigner mints, the embedded endpoint's verifier accepts, and only that: one method, one key, in time. */
class PresignedUrlVerifierTest {

    static final String ID = "SLUICETESTKEY";
    static final String SECRET = "test-secret-of-forty-characters-or-so-00";

    final Presigning presigning = new Presigning("http://127.0.0.1:8123/storage", "sluice", "us-east-1", ID, SECRET, true);

    @AfterEach
    void close() {
        presigning.close();
    }

    PresignedUrlVerifier at(Instant now) {
        return new PresignedUrlVerifier(ID, SECRET, "us-east-1", Clock.fixed(now, ZoneOffset.UTC));
    }

    String verify(PresignedUrlVerifier verifier, String method, URI url, Map<String, String> headers) {
        return verifier.verify(method, url.getRawPath(), url.getRawQuery(), name -> headers.get(name.toLowerCase()));
    }

    Map<String, String> host(URI url) {
        return Map.of("host", url.getHost() + ":" + url.getPort());
    }

    @Test
    void aPresignedPutIsAcceptedForItsKeyMethodAndLifetimeOnly() {
        UploadCredential credential = presigning.put(7, 42, "resource", Duration.ofMinutes(15));
        URI url = credential.url();
        assertThat(url.getRawPath()).isEqualTo("/storage/sluice/" + credential.key());
        assertThat(credential.key()).matches("7/42/[0-9a-f]{32}/resource");
        Instant now = Instant.now();

        assertThat(verify(at(now), "PUT", url, host(url))).isEqualTo(PresignedUrlVerifier.UNSIGNED_PAYLOAD);

        assertDenied(() -> verify(at(now), "GET", url, host(url)), "SignatureDoesNotMatch");
        assertDenied(() -> verify(at(now), "DELETE", url, host(url)), "SignatureDoesNotMatch");
        String otherKey = url.getRawPath().replace("/resource", "/other");
        assertDenied(() -> at(now).verify("PUT", otherKey, url.getRawQuery(), name -> host(url).get(name)), "SignatureDoesNotMatch");
        assertDenied(() -> verify(at(now), "PUT", url, Map.of("host", "evil.example:8123")), "SignatureDoesNotMatch");
        assertDenied(() -> verify(at(now.plus(Duration.ofMinutes(16))), "PUT", url, host(url)), "AccessDenied");
        assertDenied(() -> verify(at(now.minus(Duration.ofMinutes(10))), "PUT", url, host(url)), "AccessDenied");
    }

    @Test
    void aTamperedOrForeignUrlIsRefused() {
        URI url = presigning.put(7, 42, "resource", Duration.ofMinutes(5)).url();
        Instant now = Instant.now();
        String query = url.getRawQuery();
        String signature = query.replaceAll(".*X-Amz-Signature=([0-9a-f]+).*", "$1");
        String flipped = (signature.charAt(0) == 'a' ? "b" : "a") + signature.substring(1);
        assertDenied(() -> at(now).verify("PUT", url.getRawPath(), query.replace(signature, flipped), name -> host(url).get(name)),
                "SignatureDoesNotMatch");
        // A longer lifetime written into the URL breaks the signature.
        assertDenied(() -> at(now).verify("PUT", url.getRawPath(), query.replace("X-Amz-Expires=300", "X-Amz-Expires=600"),
                name -> host(url).get(name)), "SignatureDoesNotMatch");
        // Signed with another store's secret.
        assertDenied(() -> verify(new PresignedUrlVerifier(ID, "another-secret", "us-east-1", Clock.systemUTC()), "PUT", url, host(url)),
                "SignatureDoesNotMatch");
        assertDenied(() -> verify(new PresignedUrlVerifier("OTHERKEY", SECRET, "us-east-1", Clock.systemUTC()), "PUT", url, host(url)),
                "AccessDenied");
        // Unsigned, or signed in a header instead of the query.
        assertDenied(() -> at(now).verify("PUT", url.getRawPath(), null, name -> host(url).get(name)), "AccessDenied");
        assertDenied(() -> verify(at(now), "PUT", url, Map.of("host", "127.0.0.1:8123", "authorization", "AWS4-HMAC-SHA256 ...")),
                "AccessDenied");
    }

    @Test
    void lifetimesAreBounded() {
        assertThatThrownBy(() -> presigning.put(7, 42, "resource", Duration.ofHours(13))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> presigning.put(7, 42, "resource", Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> presigning.put(7, 42, "../etc/passwd", Duration.ofMinutes(1))).isInstanceOf(IllegalArgumentException.class);
    }

    static void assertDenied(Runnable call, String code) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(StorageDenied.class, denied -> {
            assertThat(denied.code()).isEqualTo(code);
            assertThat(denied.status()).isEqualTo(403);
        });
    }
}
