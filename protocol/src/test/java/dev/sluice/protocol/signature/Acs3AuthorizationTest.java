package dev.sluice.protocol.signature;

import static dev.sluice.protocol.PopAssertions.assertRefusedWith;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class Acs3AuthorizationTest {

    static final String SIGNATURE = "06563a9e1b43f5dfe96b81484da74bceab24a1d853912eee15083a6f0f3283c0";
    static final String HEADER = "ACS3-HMAC-SHA256 Credential=YourAccessKeyId,"
            + "SignedHeaders=host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version,"
            + "Signature=" + SIGNATURE;

    @Test
    void parsesTheHeaderOfTheV3DocumentationExample() {
        Acs3Authorization authorization = Acs3Authorization.parse(HEADER);
        assertThat(authorization.accessKeyId()).isEqualTo("YourAccessKeyId");
        assertThat(authorization.signedHeaders()).containsExactly(
                "host", "x-acs-action", "x-acs-content-sha256", "x-acs-date", "x-acs-signature-nonce", "x-acs-version");
        assertThat(authorization.signature()).isEqualTo(SIGNATURE);
    }

    @Test
    void writesTheSameHeaderBack() {
        assertThat(Acs3Authorization.parse(HEADER).headerValue()).isEqualTo(HEADER);
    }

    @Test
    void toleratesSpacesAroundFieldsAndKeepsTheSignedHeadersOrder() {
        Acs3Authorization authorization = Acs3Authorization.parse(
                "  ACS3-HMAC-SHA256   Signature=" + SIGNATURE + ", Credential=AK , SignedHeaders=x-acs-date;host  ");
        assertThat(authorization.accessKeyId()).isEqualTo("AK");
        assertThat(authorization.signedHeaders()).containsExactly("x-acs-date", "host");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = "   ")
    void refusesAMissingHeader(String header) {
        assertRefusedWith(() -> Acs3Authorization.parse(header))
                .satisfies(error -> assertThat(error.code()).isEqualTo("IncompleteSignature"))
                .satisfies(error -> assertThat(error.message()).contains("'Authorization' is missing"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "ACS3-HMAC-SM3 Credential=AK,SignedHeaders=host,Signature=" + SIGNATURE,
            "ACS3-RSA-SHA256 Credential=AK,SignedHeaders=host,Signature=" + SIGNATURE,
            "acs AK:c2lnbmF0dXJl",
            "Bearer eyJhbGciOi",
            "acs3-hmac-sha256 Credential=AK,SignedHeaders=host,Signature=" + SIGNATURE})
    void refusesAnotherAlgorithm(String header) {
        assertRefusedWith(() -> Acs3Authorization.parse(header))
                .satisfies(error -> assertThat(error.code()).isEqualTo("IncompleteSignature"))
                .satisfies(error -> assertThat(error.message()).contains("not supported: Authorization algorithm '"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "ACS3-HMAC-SHA256                                                      | Credential",
            "ACS3-HMAC-SHA256 SignedHeaders=host,Signature=" + SIGNATURE + "       | Credential",
            "ACS3-HMAC-SHA256 Credential=,SignedHeaders=host,Signature=" + SIGNATURE + " | Credential",
            "ACS3-HMAC-SHA256 Credential=AK,Signature=" + SIGNATURE + "            | SignedHeaders",
            "ACS3-HMAC-SHA256 Credential=AK,SignedHeaders=,Signature=" + SIGNATURE + " | SignedHeaders",
            "ACS3-HMAC-SHA256 Credential=AK,SignedHeaders=host                     | Signature",
            "ACS3-HMAC-SHA256 Credential=AK,SignedHeaders=host,Signature=          | Signature"})
    void namesTheMissingField(String header, String field) {
        assertRefusedWith(() -> Acs3Authorization.parse(header))
                .satisfies(error -> assertThat(error.code()).isEqualTo("IncompleteSignature"))
                .satisfies(error -> assertThat(error.message()).contains("'" + field + "' is missing"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "ACS3-HMAC-SHA256 Credential=AK,SignedHeaders=host,Signature=" + SIGNATURE + ",Region=cn | unknown Authorization field 'Region'",
            "ACS3-HMAC-SHA256 Credential=AK,Credential=BK,SignedHeaders=host,Signature=" + SIGNATURE + " | 'Credential' appears twice",
            "ACS3-HMAC-SHA256 Credential=AK,SignedHeaders=host,Signature" + "                | 'Signature' is not name=value",
            "ACS3-HMAC-SHA256 Credential=AK,SignedHeaders=host;;x-acs-date,Signature=" + SIGNATURE + " | has an empty entry",
            "ACS3-HMAC-SHA256 Credential=AK,SignedHeaders=host;Host,Signature=" + SIGNATURE + " | lists 'Host' twice",
            "ACS3-HMAC-SHA256 Credential=AK,SignedHeaders=host,Signature=abc123                | not 64 hexadecimal digits",
            "ACS3-HMAC-SHA256 Credential=AK,SignedHeaders=host,Signature=" + "z" + "6563a9e1b43f5dfe96b81484da74bceab24a1d853912eee15083a6f0f3283c0 | not 64 hexadecimal digits"})
    void refusesAMalformedHeaderSayingWhatIsWrong(String header, String problem) {
        assertRefusedWith(() -> Acs3Authorization.parse(header))
                .satisfies(error -> assertThat(error.code()).isEqualTo("IncompleteSignature"))
                .satisfies(error -> assertThat(error.message()).contains(problem));
    }
}
