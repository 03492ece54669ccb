package dev.sluice.protocol.signature;

import static dev.sluice.protocol.PopAssertions.assertRefusedWith;
import static dev.sluice.protocol.signature.ClassicRpcSignatureTest.ordered;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ClassicSignatureFieldsTest {

    final Map<String, String> complete = ordered(
            "Action", "ListProjects",
            "AccessKeyId", "LTAI5tExample",
            "SignatureMethod", "HMAC-SHA1",
            "SignatureVersion", "1.0",
            "SignatureNonce", "nonce-1",
            "Timestamp", "2026-03-01T08:00:00.250Z",
            "Signature", "c2lnbmF0dXJl");

    @Test
    void readsTheFields() {
        ClassicSignatureFields fields = ClassicSignatureFields.read(complete);
        assertThat(fields.accessKeyId()).isEqualTo("LTAI5tExample");
        assertThat(fields.signature()).isEqualTo("c2lnbmF0dXJl");
        assertThat(fields.nonce()).isEqualTo("nonce-1");
        assertThat(fields.timestamp()).isEqualTo(Instant.parse("2026-03-01T08:00:00.250Z"));
        assertThat(fields.rawTimestamp()).isEqualTo("2026-03-01T08:00:00.250Z");
        assertThat(fields.securityToken()).isNull();
    }

    @Test
    void readsASecurityToken() {
        Map<String, String> withToken = new LinkedHashMap<>(complete);
        withToken.put("SecurityToken", "CAIS...token");
        assertThat(ClassicSignatureFields.read(withToken).securityToken()).isEqualTo("CAIS...token");
    }

    @ParameterizedTest
    @ValueSource(strings = {"AccessKeyId", "SignatureMethod", "SignatureVersion", "SignatureNonce", "Timestamp", "Signature"})
    void refusesAMissingOrEmptyField(String name) {
        Map<String, String> missing = new LinkedHashMap<>(complete);
        missing.remove(name);
        assertRefusedWith(() -> ClassicSignatureFields.read(missing))
                .satisfies(error -> assertThat(error.code()).isEqualTo("IncompleteSignature"))
                .satisfies(error -> assertThat(error.message()).contains("'" + name + "'"));
        Map<String, String> empty = new LinkedHashMap<>(complete);
        empty.put(name, "");
        assertRefusedWith(() -> ClassicSignatureFields.read(empty))
                .satisfies(error -> assertThat(error.message()).contains("'" + name + "'"));
    }

    @Test
    void refusesAnotherSignatureMethod() {
        Map<String, String> sha256 = new LinkedHashMap<>(complete);
        sha256.put("SignatureMethod", "HMAC-SHA256");
        assertRefusedWith(() -> ClassicSignatureFields.read(sha256))
                .satisfies(error -> assertThat(error.code()).isEqualTo("IncompleteSignature"))
                .satisfies(error -> assertThat(error.message()).contains("SignatureMethod 'HMAC-SHA256'"));
    }

    @Test
    void refusesAnotherSignatureVersion() {
        Map<String, String> v2 = new LinkedHashMap<>(complete);
        v2.put("SignatureVersion", "2.0");
        assertRefusedWith(() -> ClassicSignatureFields.read(v2))
                .satisfies(error -> assertThat(error.message()).contains("SignatureVersion '2.0'"));
    }

    @Test
    void refusesATimestampInAnotherFormat() {
        Map<String, String> local = new LinkedHashMap<>(complete);
        local.put("Timestamp", "2026-03-01 16:00:00");
        assertRefusedWith(() -> ClassicSignatureFields.read(local))
                .extracting(error -> error.code()).isEqualTo("InvalidTimeStamp.Format");
    }
}
