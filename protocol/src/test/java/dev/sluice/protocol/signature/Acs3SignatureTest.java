package dev.sluice.protocol.signature;

import static dev.sluice.protocol.PopAssertions.assertRefusedWith;
import static dev.sluice.protocol.signature.ClassicRpcSignatureTest.ordered;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.aliyun.tea.TeaRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class Acs3SignatureTest {

    static final String EMPTY_BODY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    /**
     * The fixed-parameter example of "Request syntax and signature method V3"
     * (https://help.aliyun.com/zh/sdk/product-overview/v3-request-structure-and-signature,
     * https://www.alibabacloud.com/help/en/sdk/product-overview/v3-request-structure-and-signature): a POST of ECS
     * RunInstances with AccessKey {@code YourAccessKeyId} / {@code YourAccessKeySecret}, no body.
     */
    @Nested
    class RunInstancesExampleFromTheV3Documentation {

        final Map<String, String> query = ordered(
                "ImageId", "win2019_1809_x64_dtc_zh-cn_40G_alibase_20230811.vhd",
                "RegionId", "cn-shanghai");
        final Map<String, String> headers = ordered(
                "host", "ecs.cn-shanghai.aliyuncs.com",
                "x-acs-action", "RunInstances",
                "x-acs-version", "2014-05-26",
                "x-acs-date", "2023-10-26T10:22:32Z",
                "x-acs-signature-nonce", "3156853299f313e23d1673dc12e1703d",
                "x-acs-content-sha256", EMPTY_BODY_SHA256);
        final List<String> signedHeaders = List.of(
                "host", "x-acs-action", "x-acs-content-sha256", "x-acs-date", "x-acs-signature-nonce", "x-acs-version");
        final String canonicalRequest = """
                POST
                /
                ImageId=win2019_1809_x64_dtc_zh-cn_40G_alibase_20230811.vhd&RegionId=cn-shanghai
                host:ecs.cn-shanghai.aliyuncs.com
                x-acs-action:RunInstances
                x-acs-content-sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855
                x-acs-date:2023-10-26T10:22:32Z
                x-acs-signature-nonce:3156853299f313e23d1673dc12e1703d
                x-acs-version:2014-05-26

                host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version
                e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855""";
        final String authorization = "ACS3-HMAC-SHA256 Credential=YourAccessKeyId,"
                + "SignedHeaders=host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version,"
                + "Signature=06563a9e1b43f5dfe96b81484da74bceab24a1d853912eee15083a6f0f3283c0";

        @Test
        void hashesTheEmptyBody() {
            assertThat(Acs3Signature.hashPayload(new byte[0])).isEqualTo(EMPTY_BODY_SHA256);
        }

        @Test
        void buildsThePublishedCanonicalRequestAndStringToSign() {
            assertThat(Acs3Signature.canonicalRequest("POST", query, headers, signedHeaders, EMPTY_BODY_SHA256))
                    .isEqualTo(canonicalRequest);
            assertThat(Acs3Signature.stringToSign(canonicalRequest))
                    .isEqualTo("ACS3-HMAC-SHA256\n7ea06492da5221eba5297e897ce16e55f964061054b7695beedaac1145b1e259");
        }

        @Test
        void givesThePublishedSignature() {
            assertThat(Acs3Signature.signature(Acs3Signature.stringToSign(canonicalRequest), "YourAccessKeySecret"))
                    .isEqualTo("06563a9e1b43f5dfe96b81484da74bceab24a1d853912eee15083a6f0f3283c0");
        }

        @Test
        void signsLikeThePublishedAuthorization() {
            Map<String, String> unsigned = ordered(
                    "host", "ecs.cn-shanghai.aliyuncs.com",
                    "x-acs-action", "RunInstances",
                    "x-acs-version", "2014-05-26");
            Map<String, String> sent = Acs3Signer.sign("POST", query, unsigned, new byte[0],
                    "YourAccessKeyId", "YourAccessKeySecret",
                    "3156853299f313e23d1673dc12e1703d", Instant.parse("2023-10-26T10:22:32Z"));
            assertThat(sent).containsAllEntriesOf(headers);
            assertThat(sent.get("authorization")).isEqualTo(authorization);
        }

        @Test
        void verifiesThePublishedRequest() {
            Map<String, String> received = new LinkedHashMap<>(headers);
            received.put("Authorization", authorization);
            assertThatCode(() -> Acs3Signature.verify("POST", query, received, new byte[0],
                    Acs3Authorization.parse(authorization), "YourAccessKeySecret")).doesNotThrowAnyException();
        }
    }

    /**
     * aliyun/darabonba-openapi-util, java/src/test/java/com/aliyun/openapiutil/ClientTest.java, getAuthorizationTest:
     * a GET with an empty query value, two header names differing only in case (the later one counts), and a payload
     * hash passed in as it is.
     */
    @Test
    void givesTheSignatureOfOpenapiutilsOwnTest() {
        Map<String, String> query = ordered("test", "ok", "empty", "");
        Map<String, String> headers = ordered("x-acs-TEST", "https", "x-acs-test", "http");
        String canonicalRequest = Acs3Signature.canonicalRequest("GET", query, headers, List.of("x-acs-test"),
                "55e12e91650d2fec56ec74e1d3e4ddbfce2ef3a65890c2a19ecf88a307e76a23");
        assertThat(canonicalRequest).contains("\nempty=&test=ok\n");
        String authorization = new Acs3Authorization("acesskey", List.of("x-acs-test"),
                Acs3Signature.signature(Acs3Signature.stringToSign(canonicalRequest), "secret")).headerValue();
        assertThat(authorization).isEqualTo("ACS3-HMAC-SHA256 Credential=acesskey,SignedHeaders=x-acs-test,"
                + "Signature=02e81f9f3cc8839151b0c7278024cbc4bfc9fa786085a0b8305f825f17b5dae7");
    }

    @Nested
    class Verification {

        final byte[] body = "Name=%E9%94%80%E5%94%AE+%E6%95%B0%E6%8D%AE&Star=%2A".getBytes(StandardCharsets.UTF_8);
        final Map<String, String> query = ordered("OpTenantId", "30001011", "Env", "PROD", "Note", "a b*~+中文", "Empty", "");
        final Map<String, String> sent = Acs3Signer.sign("POST", query,
                ordered("Host", "dataphin.example.internal",
                        "x-acs-action", "ListProjects",
                        "x-acs-version", "2023-06-30",
                        "content-type", "application/x-www-form-urlencoded",
                        "user-agent", "AlibabaCloud (Linux) Java/21 TeaDSL/1"),
                body, "LTAI5tExample", "s3cr3t", "6a7c1f0e2d", Instant.parse("2026-03-01T08:00:00Z"));
        final Acs3Authorization authorization = Acs3Authorization.parse(sent.get("authorization"));

        @Test
        void signsHostContentTypeAndEveryAcsHeader() {
            assertThat(authorization.signedHeaders()).containsExactly("content-type", "host", "x-acs-action",
                    "x-acs-content-sha256", "x-acs-date", "x-acs-signature-nonce", "x-acs-version");
            assertThat(sent).containsEntry("x-acs-date", "2026-03-01T08:00:00Z")
                    .containsEntry("x-acs-signature-nonce", "6a7c1f0e2d")
                    .containsEntry("x-acs-content-sha256", Acs3Signature.hashPayload(body));
        }

        @Test
        void acceptsWhatTheSignerProduced() {
            assertThatCode(() -> verify(query, sent, body, "s3cr3t")).doesNotThrowAnyException();
        }

        @Test
        void acceptsQueryAndHeadersInAnyOrderAndHeaderNamesInAnyCase() {
            Map<String, String> shuffledHeaders = new TreeMap<>(Comparator.reverseOrder());
            sent.forEach((name, value) -> shuffledHeaders.put(name.toUpperCase(Locale.ROOT), value));
            assertThatCode(() -> verify(new HashMap<>(query), shuffledHeaders, body, "s3cr3t")).doesNotThrowAnyException();
        }

        @Test
        void refusesTheWrongSecret() {
            assertRefusedWith(() -> verify(query, sent, body, "s3cr3T"))
                    .extracting(error -> error.code()).isEqualTo("SignatureDoesNotMatch");
        }

        @Test
        void refusesATamperedQueryParameter() {
            Map<String, String> tampered = new LinkedHashMap<>(query);
            tampered.put("OpTenantId", "30001012");
            assertRefusedWith(() -> verify(tampered, sent, body, "s3cr3t"))
                    .extracting(error -> error.code()).isEqualTo("SignatureDoesNotMatch");
        }

        @Test
        void refusesATamperedSignedHeader() {
            Map<String, String> tampered = new LinkedHashMap<>(sent);
            tampered.put("x-acs-action", "DeleteProject");
            assertRefusedWith(() -> verify(query, tampered, body, "s3cr3t"))
                    .extracting(error -> error.code()).isEqualTo("SignatureDoesNotMatch");
        }

        @Test
        void refusesATamperedBody() {
            byte[] tampered = "Name=x&Star=%2A".getBytes(StandardCharsets.UTF_8);
            assertRefusedWith(() -> verify(query, sent, tampered, "s3cr3t"))
                    .extracting(error -> error.code()).isEqualTo("InvalidParameter.ContentSha256");
        }

        @Test
        void refusesATamperedBodyHashThatMatchesTheTamperedBody() {
            byte[] tampered = "Name=x&Star=%2A".getBytes(StandardCharsets.UTF_8);
            Map<String, String> rehashed = new LinkedHashMap<>(sent);
            rehashed.put("x-acs-content-sha256", Acs3Signature.hashPayload(tampered));
            assertRefusedWith(() -> verify(query, rehashed, tampered, "s3cr3t"))
                    .extracting(error -> error.code()).isEqualTo("SignatureDoesNotMatch");
        }

        @Test
        void refusesAnAcsHeaderThatIsNotSigned() {
            Map<String, String> extra = new LinkedHashMap<>(sent);
            extra.put("x-acs-security-token", "CAIS...token");
            assertRefusedWith(() -> verify(query, extra, body, "s3cr3t"))
                    .satisfies(error -> assertThat(error.code()).isEqualTo("IncompleteSignature"))
                    .satisfies(error -> assertThat(error.message()).contains("x-acs-security-token in SignedHeaders"));
        }

        @Test
        void refusesASignedHeaderThatIsNotThere() {
            Map<String, String> without = new LinkedHashMap<>(sent);
            without.remove("content-type");
            assertRefusedWith(() -> verify(query, without, body, "s3cr3t"))
                    .satisfies(error -> assertThat(error.code()).isEqualTo("IncompleteSignature"))
                    .satisfies(error -> assertThat(error.message()).contains("signed header content-type"));
        }

        @Test
        void refusesARequestWithoutDateNonceOrBodyHash() {
            for (String name : List.of("x-acs-date", "x-acs-signature-nonce", "x-acs-content-sha256")) {
                Map<String, String> without = new LinkedHashMap<>(sent);
                without.remove(name);
                assertRefusedWith(() -> verify(query, without, body, "s3cr3t"))
                        .satisfies(error -> assertThat(error.code()).isEqualTo("IncompleteSignature"))
                        .satisfies(error -> assertThat(error.message()).contains("'" + name + "' is missing"));
            }
        }

        @Test
        void acceptsSignedHeadersListedUnsorted() {
            // Older openapiutil releases joined SignedHeaders in hash-map order; the line is signed as listed.
            List<String> unsorted = List.of("x-acs-version", "host", "x-acs-signature-nonce", "content-type",
                    "x-acs-date", "x-acs-content-sha256", "x-acs-action");
            String canonicalRequest = Acs3Signature.canonicalRequest("POST", query, sent, unsorted,
                    Acs3Signature.hashPayload(body));
            assertThat(canonicalRequest).contains("\n\nx-acs-version;host;x-acs-signature-nonce;");
            Acs3Authorization listedUnsorted = new Acs3Authorization("LTAI5tExample", unsorted,
                    Acs3Signature.signature(Acs3Signature.stringToSign(canonicalRequest), "s3cr3t"));
            assertThatCode(() -> Acs3Signature.verify("POST", query, sent, body, listedUnsorted, "s3cr3t"))
                    .doesNotThrowAnyException();
        }

        @Test
        void acceptsTheUpperCaseHexOfTheSameSignature() {
            Acs3Authorization upper = new Acs3Authorization(authorization.accessKeyId(), authorization.signedHeaders(),
                    authorization.signature().toUpperCase(Locale.ROOT));
            assertThatCode(() -> Acs3Signature.verify("POST", query, sent, body, upper, "s3cr3t")).doesNotThrowAnyException();
        }

        private void verify(Map<String, String> query, Map<String, String> headers, byte[] body, String secret) {
            Acs3Signature.verify("POST", query, headers, body, authorization, secret);
        }
    }

    /** Against com.aliyun.openapiutil.Client.getAuthorization, which tea-openapi's doRequest calls. */
    @Nested
    class SameAsOpenapiutil {

        final byte[] body = "{\"Name\":\"销售 数据\",\"Star\":\"*~\"}".getBytes(StandardCharsets.UTF_8);
        final Map<String, String> query = ordered("OpTenantId", "30001011", "Note", "a b*~+/=&%中文😀", "Empty", "");
        final Map<String, String> unsigned = ordered(
                "host", "dataphin.example.internal",
                "x-acs-action", "CreateDataSource",
                "x-acs-version", "2023-06-30",
                "content-type", "application/json; charset=utf-8",
                "user-agent", "AlibabaCloud TeaDSL/1",
                "accept", "application/json");
        final Instant date = Instant.parse("2026-03-01T08:00:00Z");
        final Map<String, String> sent = Acs3Signer.sign("POST", query, unsigned, body, "LTAI5tExample", "s3cr3t",
                "3f1d2a", date);

        @Test
        void producesTheSameAuthorization() throws Exception {
            Map<String, String> teaHeaders = new HashMap<>(sent); // tea-openapi keeps its headers in a HashMap
            teaHeaders.remove("authorization");
            assertThat(sent.get("authorization")).isEqualTo(teaAuthorization(teaHeaders));
        }

        @Test
        void acceptsWhatOpenapiutilSigned() throws Exception {
            Map<String, String> received = new HashMap<>(unsigned);
            received.put("x-acs-date", "2026-03-01T08:00:00Z");
            received.put("x-acs-signature-nonce", "c0ffee");
            received.put("x-acs-content-sha256", Acs3Signature.hashPayload(body));
            String teaAuthorization = teaAuthorization(received);
            received.put("Authorization", teaAuthorization);
            assertThatCode(() -> Acs3Signature.verify("POST", query, received, body,
                    Acs3Authorization.parse(teaAuthorization), "s3cr3t")).doesNotThrowAnyException();
        }

        private String teaAuthorization(Map<String, String> headers) throws Exception {
            TeaRequest request = new TeaRequest();
            request.method = "POST";
            request.pathname = "/";
            request.query = new HashMap<>(query);
            request.headers = headers;
            return com.aliyun.openapiutil.Client.getAuthorization(request, "ACS3-HMAC-SHA256",
                    headers.get("x-acs-content-sha256"), "LTAI5tExample", "s3cr3t");
        }
    }
}
