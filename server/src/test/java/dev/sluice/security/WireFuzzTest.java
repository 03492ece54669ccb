package dev.sluice.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.GenerationMode;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

import dev.sluice.protocol.FormParameters;
import dev.sluice.protocol.PopException;
import dev.sluice.protocol.Wire;
import dev.sluice.protocol.signature.Acs3Authorization;
import dev.sluice.protocol.signature.Acs3Signature;
import dev.sluice.protocol.signature.ClassicRpcSignature;
import dev.sluice.protocol.signature.ClassicRpcSigner;
import dev.sluice.protocol.signature.ClassicSignatureFields;

/**
 * Property-based fuzz of what reads the wire before anything is trusted: the form decoder and both signature parsers
 * and verifiers, fed arbitrary input built from the fragments that break parsers (percent escapes cut short or not hex,
 * multi-byte UTF-8 split across escapes, separators, unicode, empty and huge values, repeated names). Each may refuse
 * with its documented exception (IllegalArgumentException for the decoder, a POP refusal for the signatures) and
 * nothing else: any other exception would escape to the endpoint as a 500. About 112,000 inputs in all, with the end-to-end fuzz of the endpoint beside it.
 */
class WireFuzzTest {

    private static final String SECRET = "fuzz-secret";

    // --- the form decoder ----------------------------------------------------------------------------------------------

    @Property(tries = 40_000, generation = GenerationMode.RANDOMIZED)
    void theFormDecoderOnlyEverRefusesWithIllegalArgument(@ForAll("formData") String generated) {
        // As the endpoint reads it: bytes off the wire decoded as UTF-8 (so no unpaired surrogate survives).
        String encoded = new String(generated.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
        LinkedHashMap<String, String> parsed;
        try {
            parsed = FormParameters.parse(encoded);
        } catch (IllegalArgumentException refused) {
            assertThat(refused.getMessage()).isNotBlank();
            return;
        }
        // What it accepts, it counts as the endpoint counts before decoding, and it reads back what it writes.
        assertThat(FormParameters.count(encoded)).isEqualTo(parsed.size());
        assertThat(FormParameters.parse(FormParameters.format(parsed))).isEqualTo(parsed);
    }

    @Provide
    Arbitrary<String> formData() {
        Arbitrary<String> fragment = Arbitraries.oneOf(
                Arbitraries.of("&", "=", "+", "%", "%2", "%zz", "%4", "%41", "%E4%B8", "%AD", "%E4%B8%AD", "%C0%AF", "%FF",
                        "%00", "%0D%0A", "%25", "%26", "%3D", "&&", "==", "a", "Action", "SignatureNonce", "中", "😀",
                        "\uD800", "\u0000", " ", "Name.1", "Name.1.Key"),
                Arbitraries.strings().ofMaxLength(12),
                Arbitraries.strings().withCharRange('!', '~').ofMaxLength(8));
        return Arbitraries.frequencyOf(
                Tuple.of(50, fragment.list().ofMaxSize(40).map(parts -> String.join("", parts))),
                // now and then a huge one, so size limits and buffers are crossed too
                Tuple.of(1, Arbitraries.of("a=", "%41", "x=%E4%B8%AD&", "&").flatMap(unit -> Arbitraries.integers().between(1_000, 10_000)
                        .map(unit::repeat))));
    }

    // --- the classic signature -------------------------------------------------------------------------------------------

    @Property(tries = 30_000, generation = GenerationMode.RANDOMIZED)
    void theClassicSignatureOnlyEverRefusesWithAPopError(@ForAll("classicParameters") Map<String, String> parameters,
                                                        @ForAll("methods") String method) {
        try {
            ClassicSignatureFields fields = ClassicSignatureFields.read(parameters);
            assertThat(fields.nonce().length()).isLessThanOrEqualTo(64);
            assertThat(fields.accessKeyId().length()).isLessThanOrEqualTo(64);
            ClassicRpcSignature.verify(method, parameters, SECRET);
        } catch (PopException refused) {
            assertThat(refused.error().httpStatus()).isBetween(400, 499);
            assertThat(refused.error().message().length()).isLessThan(1_000); // never the whole of a huge value
        }
    }

    @Property(tries = 2_000, generation = GenerationMode.RANDOMIZED)
    void aClassicSignatureOfArbitraryParametersVerifiesAndAnyChangeBreaksIt(
            @ForAll("freeParameters") Map<String, String> business, @ForAll("methods") String method) {
        Map<String, String> signed = ClassicRpcSigner.sign(method, business, "LTAIfuzz", SECRET,
                "nonce-" + business.size(), Instant.parse("2026-12-05T10:00:00Z"));
        ClassicRpcSignature.verify(method, signed, SECRET);
        Map<String, String> tampered = new LinkedHashMap<>(signed);
        tampered.put(Wire.ACTION, "DeleteUserGroup");
        if (!"DeleteUserGroup".equals(signed.get(Wire.ACTION))) {
            try {
                ClassicRpcSignature.verify(method, tampered, SECRET);
                throw new AssertionError("a changed Action verified");
            } catch (PopException refused) {
                assertThat(refused.error().code()).isEqualTo("SignatureDoesNotMatch");
            }
        }
    }

    @Provide
    Arbitrary<String> methods() {
        return Arbitraries.of("GET", "POST", "PUT", "", "get", "P\u00D6ST");
    }

    @Provide
    Arbitrary<Map<String, String>> classicParameters() {
        Arbitrary<String> names = Arbitraries.of(Wire.SIGNATURE_METHOD, Wire.SIGNATURE_VERSION, Wire.ACCESS_KEY_ID,
                Wire.SIGNATURE, Wire.SIGNATURE_NONCE, Wire.TIMESTAMP, Wire.SECURITY_TOKEN, Wire.ACTION, Wire.VERSION_PARAM,
                "OpTenantId", "X");
        Arbitrary<String> values = Arbitraries.frequencyOf(Tuple.of(30, Arbitraries.of("HMAC-SHA1", "1.0", "HMAC-SHA256", "2.0", "", "2026-12-05T10:00:00Z", "2026-02-30T10:00:00Z",
                        "2026-12-05T10:00:00.123456789Z", "2026-12-05T10:00:00+08:00", "9999-12-31T23:59:59Z",
                        "+1000000-01-01T00:00:00Z", "LTAI000000000000", "a b", "\u0000", "é", "c2lnbmF0dXJl")),
                Tuple.of(30, Arbitraries.strings().ofMaxLength(80)),
                Tuple.of(10, Arbitraries.strings().withCharRange('0', '9').ofMinLength(19).ofMaxLength(31)),
                Tuple.of(1, Arbitraries.integers().between(60, 5_000).map("n"::repeat)));
        return Arbitraries.maps(names, values).ofMaxSize(11)
                .map(map -> { // mostly complete, so the parsers get past the presence checks
                    Map<String, String> all = new LinkedHashMap<>(Map.of(Wire.SIGNATURE_METHOD, "HMAC-SHA1",
                            Wire.SIGNATURE_VERSION, "1.0", Wire.ACCESS_KEY_ID, "LTAIfuzz", Wire.SIGNATURE, "x",
                            Wire.SIGNATURE_NONCE, "n", Wire.TIMESTAMP, "2026-12-05T10:00:00Z"));
                    all.putAll(map);
                    return all;
                });
    }

    @Provide
    Arbitrary<Map<String, String>> freeParameters() {
        return Arbitraries.maps(Arbitraries.strings().ofMinLength(1).ofMaxLength(10), Arbitraries.strings().ofMaxLength(20))
                .ofMaxSize(8);
    }

    // --- the ACS3 signature ------------------------------------------------------------------------------------------------

    @Property(tries = 30_000, generation = GenerationMode.RANDOMIZED)
    void theAcs3AuthorizationParserOnlyEverRefusesWithAPopError(@ForAll("authorizationHeaders") String header) {
        try {
            Acs3Authorization parsed = Acs3Authorization.parse(header);
            assertThat(parsed.accessKeyId().length()).isBetween(1, 64);
            assertThat(parsed.signature()).matches("[0-9a-fA-F]{64}");
            assertThat(parsed.signedHeaders()).isNotEmpty();
        } catch (PopException refused) {
            assertThat(refused.error().httpStatus()).isEqualTo(400);
        }
    }

    @Property(tries = 5_000, generation = GenerationMode.RANDOMIZED)
    void theAcs3VerifierOnlyEverRefusesWithAPopError(@ForAll("authorizationHeaders") String header,
                                                   @ForAll("acs3Headers") Map<String, String> headers,
                                                   @ForAll("formData") String body) {
        try {
            Acs3Authorization authorization = Acs3Authorization.parse(header);
            Acs3Signature.verify("POST", Map.of("Action", "GetMyTenants"), headers, body.getBytes(StandardCharsets.UTF_8),
                    authorization, SECRET);
            throw new AssertionError("an arbitrary signature verified");
        } catch (PopException refused) {
            assertThat(refused.error().httpStatus()).isEqualTo(400);
        }
    }

    @Provide
    Arbitrary<String> authorizationHeaders() {
        Arbitrary<String> hex = Arbitraries.strings().withChars("0123456789abcdefABCDEFg").ofMinLength(60).ofMaxLength(66);
        Arbitrary<String> part = Arbitraries.oneOf(
                Arbitraries.of("ACS3-HMAC-SHA256", "ACS3-HMAC-SHA256 ", "HMAC-SHA1 ", " ", ",", ", ", "=", ";", ";;",
                        "Credential=", "Credential=LTAIfuzz", "SignedHeaders=", "SignedHeaders=host;x-acs-action",
                        "SignedHeaders=HOST;host", "Signature=", "Unknown=1", "\t", "中", "\u0000"),
                hex.map(h -> "Signature=" + h),
                Arbitraries.strings().ofMaxLength(10),
                Arbitraries.integers().between(65, 2_000).map(n -> "Credential=" + "k".repeat(n)));
        Arbitrary<String> wellFormed = Combinators.combine(Arbitraries.strings().ofMinLength(0).ofMaxLength(70),
                        Arbitraries.of("host", "host;x-acs-action;x-acs-date", "x-acs-date;x-acs-signature-nonce;x-acs-content-sha256",
                                "content-type;host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version"),
                        hex)
                .as((id, signed, sig) -> "ACS3-HMAC-SHA256 Credential=" + id + ",SignedHeaders=" + signed + ",Signature=" + sig);
        return Arbitraries.oneOf(part.list().ofMaxSize(12).map(parts -> String.join("", parts)), wellFormed);
    }

    @Provide
    Arbitrary<Map<String, String>> acs3Headers() {
        Arbitrary<String> names = Arbitraries.of("host", "content-type", Wire.HEADER_ACTION, Wire.HEADER_VERSION, Wire.HEADER_DATE,
                Wire.HEADER_NONCE, Wire.HEADER_CONTENT_SHA256, Wire.HEADER_SECURITY_TOKEN, "X-Acs-Date", "x-acs-other", "accept");
        Arbitrary<String> values = Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(70),
                Arbitraries.of("2026-12-05T10:00:00Z", "GetMyTenants", "2023-06-30", "", " ",
                        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
        return Arbitraries.maps(names, values).ofMaxSize(11);
    }

    // --- the bounds on what is remembered --------------------------------------------------------------------------------

    @Property(tries = 5_000, generation = GenerationMode.RANDOMIZED)
    void aNonceIsAcceptedOnlyWhenShortAndPrintable(@ForAll("nonces") String nonce) {
        Map<String, String> parameters = new LinkedHashMap<>(Map.of(Wire.SIGNATURE_METHOD, "HMAC-SHA1", Wire.SIGNATURE_VERSION, "1.0",
                Wire.ACCESS_KEY_ID, "LTAIfuzz", Wire.SIGNATURE, "x", Wire.TIMESTAMP, "2026-12-05T10:00:00Z"));
        parameters.put(Wire.SIGNATURE_NONCE, nonce);
        boolean sane = !nonce.isEmpty() && nonce.length() <= 64 && nonce.chars().allMatch(c -> c > ' ' && c <= '~');
        try {
            assertThat(ClassicSignatureFields.read(parameters).nonce()).isEqualTo(nonce);
            assertThat(sane).as("accepted %s", nonce).isTrue();
        } catch (PopException refused) {
            assertThat(sane).as("refused %s", nonce).isFalse();
            assertThat(refused.error().message()).contains(nonce.isEmpty() ? Wire.SIGNATURE_NONCE : "'" + Wire.SIGNATURE_NONCE + "'");
        }
    }

    @Provide
    Arbitrary<String> nonces() {
        return Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(80),
                Arbitraries.strings().withCharRange('!', '~').ofMinLength(55).ofMaxLength(70),
                Arbitraries.of(List.of("3f2c1b9e-8a7d-4e5f-9a1b-2c3d4e5f6a7b", "a".repeat(64), "a".repeat(65), "a b", "é")));
    }
}
