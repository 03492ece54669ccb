package dev.sluice.protocol.signature;

import static dev.sluice.protocol.PopAssertions.assertRefusedWith;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.aliyuncs.auth.HmacSHA1Signer;
import com.aliyuncs.auth.RpcSignatureComposer;
import com.aliyuncs.http.MethodType;
import dev.sluice.protocol.FormParameters;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ClassicRpcSignatureTest {

    /** sign() builds the string to sign in one pass; it must agree with the two steps as the documentation spells them. */
    @Test
    void theOnePassSignatureAgreesWithTheDocumentedTwoSteps() {
        String[] awkward = {"", "plain", "a b", "a+b*c~d", "100%", "x=y&z", "中文", "emoji \uD83D\uDE00", "é/ü?", "~-_."};
        java.util.Random random = new java.util.Random(7);
        for (int round = 0; round < 200; round++) {
            Map<String, String> parameters = new HashMap<>();
            for (int i = 0; i < 1 + random.nextInt(8); i++) {
                parameters.put(awkward[random.nextInt(awkward.length)] + i, awkward[random.nextInt(awkward.length)]);
            }
            parameters.put("Signature", "ignored");
            String method = random.nextBoolean() ? "GET" : "POST";
            assertThat(ClassicRpcSignature.sign(method, parameters, "s3cr3t"))
                    .as("parameters %s", parameters)
                    .isEqualTo(ClassicRpcSignature.signature(ClassicRpcSignature.stringToSign(method, parameters), "s3cr3t"));
        }
    }

    /**
     * The worked example of Alibaba Cloud's ECS "Request signatures" page (doc-detail/25492,
     * https://www.alibabacloud.com/help/doc-detail/25492.htm): AccessKeyId {@code testid}, secret {@code testsecret},
     * a GET of DescribeRegions, signed {@code OLeaidS1JvxuMvnyHOwuJ+uX5qY=}.
     */
    @Nested
    class DescribeRegionsExampleFromTheRequestSignaturesPage {

        // Deliberately not in sorted order: the URL of the example lists them like this.
        final Map<String, String> parameters = ordered(
                "Timestamp", "2016-02-23T12:46:24Z",
                "Format", "XML",
                "AccessKeyId", "testid",
                "Action", "DescribeRegions",
                "SignatureMethod", "HMAC-SHA1",
                "SignatureNonce", "3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf",
                "Version", "2014-05-26",
                "SignatureVersion", "1.0");

        @Test
        void givesThePublishedStringToSign() {
            assertThat(ClassicRpcSignature.stringToSign("GET", parameters)).isEqualTo(
                    "GET&%2F&AccessKeyId%3Dtestid%26Action%3DDescribeRegions%26Format%3DXML"
                            + "%26SignatureMethod%3DHMAC-SHA1%26SignatureNonce%3D3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf"
                            + "%26SignatureVersion%3D1.0%26Timestamp%3D2016-02-23T12%253A46%253A24Z%26Version%3D2014-05-26");
        }

        @Test
        void givesThePublishedSignature() {
            assertThat(ClassicRpcSignature.sign("GET", parameters, "testsecret")).isEqualTo("OLeaidS1JvxuMvnyHOwuJ+uX5qY=");
        }

        @Test
        void verifiesThePublishedSignedRequest() {
            // The signed URL of the example, as a server receives it.
            Map<String, String> received = FormParameters.parse("SignatureVersion=1.0&Action=DescribeRegions&Format=XML"
                    + "&SignatureNonce=3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf&Version=2014-05-26&AccessKeyId=testid"
                    + "&Signature=OLeaidS1JvxuMvnyHOwuJ%2BuX5qY%3D&SignatureMethod=HMAC-SHA1&Timestamp=2016-02-23T12%3A46%3A24Z");
            assertThatCode(() -> ClassicRpcSignature.verify("GET", received, "testsecret")).doesNotThrowAnyException();
        }

        @Test
        void theSignatureItselfIsNotSigned() {
            Map<String, String> withSignature = new LinkedHashMap<>(parameters);
            withSignature.put("Signature", "anything");
            assertThat(ClassicRpcSignature.sign("GET", withSignature, "testsecret")).isEqualTo("OLeaidS1JvxuMvnyHOwuJ+uX5qY=");
        }
    }

    /**
     * The fixed-parameter example of "Request syntax and signature method V2 for RPC APIs"
     * (https://help.aliyun.com/zh/sdk/product-overview/rpc-mechanism,
     * https://www.alibabacloud.com/help/en/sdk/product-overview/rpc-mechanism).
     */
    @Test
    void givesTheSignatureOfTheV2DocumentationExample() {
        Map<String, String> parameters = ordered(
                "AccessKeyId", "testid",
                "Action", "DescribeDedicatedHosts",
                "Format", "JSON",
                "RegionId", "cn-beijing",
                "SignatureMethod", "HMAC-SHA1",
                "SignatureNonce", "edb2b34af0af9a6d14deaf7c1a5315eb",
                "SignatureVersion", "1.0",
                "Timestamp", "2023-03-13T08:34:30Z",
                "Version", "2014-05-26");
        assertThat(ClassicRpcSignature.canonicalizedQuery(parameters)).isEqualTo(
                "AccessKeyId=testid&Action=DescribeDedicatedHosts&Format=JSON&RegionId=cn-beijing"
                        + "&SignatureMethod=HMAC-SHA1&SignatureNonce=edb2b34af0af9a6d14deaf7c1a5315eb"
                        + "&SignatureVersion=1.0&Timestamp=2023-03-13T08%3A34%3A30Z&Version=2014-05-26");
        assertThat(ClassicRpcSignature.sign("GET", parameters, "testsecret")).isEqualTo("9NaGiOspFP5UPcwX8Iwt2YJXXuk=");
    }

    /** aliyun/darabonba-openapi-util, java/src/test/java/com/aliyun/openapiutil/ClientTest.java, getRPCSignatureTest. */
    @Test
    void givesTheSignatureOfOpenapiutilsOwnTest() {
        assertThat(ClassicRpcSignature.sign("GET", Map.of("query", "test", "body", "test"), "secret"))
                .isEqualTo("XlUyV4sXjOuX5FnjUz9IF9tm5rU=");
    }

    @Nested
    class Verification {

        final Instant now = Instant.parse("2026-03-01T08:00:00Z");
        final Map<String, String> signed = ClassicRpcSigner.sign("POST", ordered(
                        "Action", "ListProjects",
                        "Version", "2023-06-30",
                        "OpTenantId", "30001011",
                        "ListQuery.Name", "销售 数据*~+/"),
                "LTAI5tExample", "s3cr3t", "9a1f3c0e-nonce", now);

        @Test
        void acceptsWhatTheSignerProduced() {
            assertThat(signed).containsKeys("AccessKeyId", "SignatureMethod", "SignatureVersion", "SignatureNonce",
                    "Timestamp", "Signature");
            assertThat(signed.get("Timestamp")).isEqualTo("2026-03-01T08:00:00Z");
            assertThatCode(() -> ClassicRpcSignature.verify("POST", signed, "s3cr3t")).doesNotThrowAnyException();
        }

        @Test
        void acceptsTheParametersInAnyOrder() {
            List<Map.Entry<String, String>> entries = new ArrayList<>(signed.entrySet());
            Collections.reverse(entries);
            Map<String, String> reversed = new LinkedHashMap<>();
            entries.forEach(e -> reversed.put(e.getKey(), e.getValue()));
            assertThatCode(() -> ClassicRpcSignature.verify("POST", reversed, "s3cr3t")).doesNotThrowAnyException();
            assertThatCode(() -> ClassicRpcSignature.verify("POST", new HashMap<>(signed), "s3cr3t")).doesNotThrowAnyException();
        }

        @Test
        void acceptsQueryAndBodyParametersSignedTogether() {
            Map<String, String> query = new LinkedHashMap<>();
            Map<String, String> body = new LinkedHashMap<>();
            signed.forEach((name, value) -> (name.startsWith("ListQuery") ? body : query).put(name, value));
            Map<String, String> received = FormParameters.union(
                    FormParameters.parse(FormParameters.format(query)), FormParameters.parse(FormParameters.format(body)));
            assertThatCode(() -> ClassicRpcSignature.verify("POST", received, "s3cr3t")).doesNotThrowAnyException();
        }

        @Test
        void refusesTheWrongSecret() {
            assertRefusedWith(() -> ClassicRpcSignature.verify("POST", signed, "s3cr3T"))
                    .extracting(error -> error.code()).isEqualTo("SignatureDoesNotMatch");
        }

        @Test
        void refusesATamperedParameter() {
            Map<String, String> tampered = new LinkedHashMap<>(signed);
            tampered.put("OpTenantId", "30001012");
            assertRefusedWith(() -> ClassicRpcSignature.verify("POST", tampered, "s3cr3t"))
                    .extracting(error -> error.code()).isEqualTo("SignatureDoesNotMatch");
        }

        @Test
        void refusesAnAddedParameter() {
            Map<String, String> added = new LinkedHashMap<>(signed);
            added.put("PageSize", "1000");
            assertRefusedWith(() -> ClassicRpcSignature.verify("POST", added, "s3cr3t"))
                    .extracting(error -> error.code()).isEqualTo("SignatureDoesNotMatch");
        }

        @Test
        void refusesAnotherHttpMethod() {
            assertRefusedWith(() -> ClassicRpcSignature.verify("GET", signed, "s3cr3t"))
                    .extracting(error -> error.code()).isEqualTo("SignatureDoesNotMatch");
        }

        @Test
        void refusesARequestWithoutSignature() {
            Map<String, String> unsigned = new LinkedHashMap<>(signed);
            unsigned.remove("Signature");
            assertRefusedWith(() -> ClassicRpcSignature.verify("POST", unsigned, "s3cr3t"))
                    .satisfies(error -> assertThat(error.code()).isEqualTo("IncompleteSignature"))
                    .satisfies(error -> assertThat(error.message()).contains("'Signature'"));
        }

        @Test
        void signsEmptyValuesButAlsoAcceptsTeaOpenapisV2SignerThatSkipsThem() throws Exception {
            Map<String, String> parameters = new LinkedHashMap<>(signed);
            parameters.remove("Signature");
            parameters.put("Description", "");
            Map<String, String> skippingEmpty = new LinkedHashMap<>(parameters);
            skippingEmpty.put("Signature", com.aliyun.openapiutil.Client.getRPCSignature(parameters, "POST", "s3cr3t"));
            assertThatCode(() -> ClassicRpcSignature.verify("POST", skippingEmpty, "s3cr3t")).doesNotThrowAnyException();

            Map<String, String> signingEmpty = ClassicRpcSigner.sign("POST", parameters, "LTAI5tExample", "s3cr3t",
                    "9a1f3c0e-nonce", now);
            assertThat(signingEmpty.get("Signature")).isNotEqualTo(skippingEmpty.get("Signature"));
            assertThatCode(() -> ClassicRpcSignature.verify("POST", signingEmpty, "s3cr3t")).doesNotThrowAnyException();
        }

        @Test
        void doesNotLetAValueBeEmptiedUnderTheTeaVariant() {
            Map<String, String> emptied = new LinkedHashMap<>(signed);
            emptied.put("OpTenantId", "");
            assertRefusedWith(() -> ClassicRpcSignature.verify("POST", emptied, "s3cr3t"))
                    .extracting(error -> error.code()).isEqualTo("SignatureDoesNotMatch");
        }
    }

    /** Against the signers of the real clients, on the same parameters. */
    @Nested
    class SameAsTheSdks {

        final Map<String, String> parameters = ordered(
                "AccessKeyId", "LTAI5tExample",
                "Action", "CreateDataSource",
                "Version", "2023-06-30",
                "Format", "JSON",
                "SignatureMethod", "HMAC-SHA1",
                "SignatureVersion", "1.0",
                "SignatureNonce", "0f3b1c2d-4e5f",
                "Timestamp", "2026-03-01T08:00:00Z",
                "CreateCommand.Name", "订单 库*~+/=&%",
                "CreateCommand.Description", "emoji 😀 and é");

        @Test
        void matchesAliyunJavaSdkCore() throws Exception {
            HmacSHA1Signer signer = new HmacSHA1Signer();
            String stringToSign = RpcSignatureComposer.getComposer()
                    .composeStringToSign(MethodType.POST, null, signer, parameters, null, null);
            assertThat(ClassicRpcSignature.stringToSign("POST", parameters)).isEqualTo(stringToSign);
            assertThat(ClassicRpcSignature.sign("POST", parameters, "s3cr3t"))
                    .isEqualTo(signer.signString(stringToSign, "s3cr3t&"));
        }

        @Test
        void matchesOpenapiutil() throws Exception {
            assertThat(ClassicRpcSignature.sign("POST", parameters, "s3cr3t"))
                    .isEqualTo(com.aliyun.openapiutil.Client.getRPCSignature(parameters, "POST", "s3cr3t"));
        }
    }

    static Map<String, String> ordered(String... namesAndValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) map.put(namesAndValues[i], namesAndValues[i + 1]);
        return map;
    }
}
