package dev.sluice.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import net.jqwik.api.sessions.JqwikSession;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.sluice.account.AccountAdmin;
import dev.sluice.account.NewAccount;
import dev.sluice.protocol.FormParameters;
import dev.sluice.protocol.signature.Acs3Signer;
import dev.sluice.protocol.signature.ClassicRpcSigner;
import dev.sluice.security.WireCalls.Raw;
import dev.sluice.testsupport.SluiceServerTest;
import dev.sluice.testsupport.TestAccounts;
import tools.jackson.databind.JsonNode;

/**
 * The running server fed generated requests over a raw socket: correctly signed calls (both schemes) with random
 * parameters and unsigned headers added, and junk (any method, path, query, content type, body, headers). Whatever
 * comes in, the answer is never a 5xx, and every error is the POP envelope. Generated with jqwik's arbitraries inside
 * a plain test, because the server comes from Spring's test context, which jqwik's own lifecycle does not start.
 */
@SluiceServerTest
class WireFuzzEndToEndTest {

    private static final int REQUESTS = 2_000;

    @LocalServerPort
    int port;

    @Autowired
    AccountAdmin admin;

    @Test
    void noGeneratedRequestGetsA5xxOrAnythingButTheEnvelope() {
        // pay-as-you-go with a high QPS limit: signed calls reach the operations instead of stopping at a quota
        NewAccount account = TestAccounts.create(admin, "tinypayg");
        JqwikSession.run(() -> requests(account).sampleStream().limit(REQUESTS).forEach(this::check));
    }

    private void check(String request) {
        Raw answer;
        try {
            answer = WireCalls.raw(port, request);
        } catch (IOException e) {
            throw new AssertionError("no answer to " + shortly(request), e);
        }
        assertThat(answer.status()).as("%s%n-> %s", shortly(request), answer.body()).isBetween(200, 499);
        if (request.startsWith("OPTIONS ")) return; // answered by Spring with Allow and no body
        assertThat(answer.headers().get("content-type")).as(shortly(request)).startsWith("application/json");
        JsonNode body = answer.json();
        assertThat(body.path("RequestId").asString()).as(shortly(request)).isNotBlank();
        if (answer.status() >= 400) {
            assertThat(body.path("Code").asString()).as(shortly(request)).isNotBlank();
            assertThat(body.path("Message").asString()).isNotBlank();
            assertThat(body.path("HostId").asString()).isNotBlank();
        }
    }

    private static String shortly(String request) {
        return request.length() <= 600 ? request : request.substring(0, 600) + "…";
    }

    private Arbitrary<String> requests(NewAccount account) {
        return Arbitraries.frequencyOf(
                Tuple.of(4, classic(account)),
                Tuple.of(2, acs3(account)),
                Tuple.of(4, junk()));
    }

    // --- signed calls with additions ------------------------------------------------------------------------------------

    private static final List<String> ACTIONS = List.of("GetMyTenants", "GetUserGroup", "ListUserGroups", "GetOpenApiUsage",
            "DeleteUserGroup", "NoSuchAction", "getmytenants");

    private Arbitrary<String> classic(NewAccount account) {
        return Combinators.combine(Arbitraries.of(ACTIONS), parameters(), unsignedHeaders(), Arbitraries.of("POST", "GET"))
                .as((action, extra, headers, method) -> {
                    Map<String, String> all = new LinkedHashMap<>(extra);
                    all.put("Action", action);
                    all.putIfAbsent("OpTenantId", String.valueOf(account.tenant().id()));
                    all.put("Version", "2023-06-30");
                    Map<String, String> signed = ClassicRpcSigner.sign(method, all, account.key().accessKeyId(),
                            account.key().accessKeySecret(), UUID.randomUUID().toString(), Instant.now());
                    String form = FormParameters.format(signed);
                    return method.equals("GET")
                            ? request("GET", "/?" + form, headers, "")
                            : request("POST", "/", with(headers, "Content-Type", "application/x-www-form-urlencoded"), form);
                });
    }

    private Arbitrary<String> acs3(NewAccount account) {
        return Combinators.combine(Arbitraries.of(ACTIONS), parameters(), unsignedHeaders())
                .as((action, form, extra) -> {
                    Map<String, String> body = new LinkedHashMap<>(form);
                    body.putIfAbsent("OpTenantId", String.valueOf(account.tenant().id()));
                    byte[] bytes = FormParameters.format(body).getBytes(StandardCharsets.UTF_8);
                    Map<String, String> headers = new LinkedHashMap<>();
                    headers.put("host", "127.0.0.1:" + port);
                    headers.put("x-acs-action", action);
                    headers.put("x-acs-version", "2023-06-30");
                    headers.put("content-type", "application/x-www-form-urlencoded");
                    Map<String, String> signed = Acs3Signer.sign("POST", Map.of(), headers, bytes, account.key().accessKeyId(),
                            account.key().accessKeySecret(), UUID.randomUUID().toString(), Instant.now());
                    signed.remove("host");
                    signed.putAll(extra); // added after signing: may clash with, or sit beside, what was signed
                    return request("POST", "/", signed, new String(bytes, StandardCharsets.ISO_8859_1));
                });
    }

    private static Arbitrary<Map<String, String>> parameters() {
        Arbitrary<String> names = Arbitraries.oneOf(
                Arbitraries.of("OpTenantId", "UserGroupId", "PageNo", "PageSize", "ListQuery", "Month", "Action", "Version",
                        "SignatureNonce", "Name.1", "Name.1.Key", "CreateCommand"),
                Arbitraries.strings().withCharRange('!', '~').ofMinLength(1).ofMaxLength(12),
                Arbitraries.strings().ofMinLength(1).ofMaxLength(6));
        Arbitrary<String> values = Arbitraries.oneOf(
                Arbitraries.of("", "1", "-1", "0", "9223372036854775808", "abc", "{}", "{\"PageNo\":1}", "[", "null", "2026-13",
                        "{\"Name\":\"g\",\"AdminUserIdList\":[1]}", "\u0000", "中文"),
                Arbitraries.strings().ofMaxLength(30),
                Arbitraries.integers().between(1, 5_000).map("x"::repeat));
        return Arbitraries.maps(names, values).ofMaxSize(6);
    }

    private static Arbitrary<Map<String, String>> unsignedHeaders() {
        Arbitrary<String> names = Arbitraries.of("x-acs-action", "x-acs-version", "x-acs-security-token", "x-acs-signature-nonce",
                "x-acs-date", "x-acs-content-sha256", "Authorization", "Accept", "X-Forwarded-For", "x-acs-other");
        return Arbitraries.maps(names, headerValues()).ofMaxSize(3);
    }

    // --- junk ---------------------------------------------------------------------------------------------------------------

    private static Arbitrary<String> junk() {
        Arbitrary<String> method = Arbitraries.of("GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "BREW", "post");
        Arbitrary<String> path = Arbitraries.of("/", "/", "/", "/nope", "/error", "/actuator/nope", "//", "/.%2e/", "/%zz",
                "/index.html", "/%E4%B8%AD");
        Arbitrary<String> query = Arbitraries.oneOf(Arbitraries.just(""),
                fragments().map(q -> "?" + q.replace(" ", "%20").replace("#", "%23")));
        Arbitrary<String> contentType = Arbitraries.of("application/x-www-form-urlencoded", "application/json", "text/plain",
                "multipart/form-data; boundary=x", "", "application/x-www-form-urlencoded; charset=ISO-8859-1");
        Arbitrary<Map<String, String>> headers = Arbitraries.maps(
                Arbitraries.of("Authorization", "x-acs-action", "x-acs-version", "x-acs-signature-nonce", "x-acs-date",
                        "x-acs-content-sha256", "x-acs-security-token", "Accept", "Expect", "Transfer-Encoding", "Content-Encoding"),
                headerValues()).ofMaxSize(4);
        return Combinators.combine(method, path, query, contentType, headers, fragments())
                .as((m, p, q, type, h, body) -> {
                    Map<String, String> all = new LinkedHashMap<>(h);
                    all.remove("Transfer-Encoding"); // a body framed two ways would be the test's own mistake
                    all.remove("Expect");
                    if (!type.isEmpty()) all.put("Content-Type", type);
                    String bytes = new String(body.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
                    return request(m, p + q, all, m.equals("GET") || m.equals("OPTIONS") || m.equals("TRACE") ? "" : bytes);
                });
    }

    private static Arbitrary<String> fragments() {
        return Arbitraries.oneOf(
                        Arbitraries.of("&", "=", "+", "%", "%2", "%zz", "%41", "%E4%B8", "%E4%B8%AD", "%FF", "%00", "Action=",
                                "Action=GetMyTenants", "Version=2023-06-30", "SignatureMethod=HMAC-SHA1", "SignatureNonce=",
                                "AccessKeyId=LTAI", "Timestamp=2026-12-05T10:00:00Z", "Signature=x", "OpTenantId=1", "a", "中"),
                        Arbitraries.strings().withCharRange('!', '~').ofMaxLength(10))
                .list().ofMaxSize(25).map(parts -> String.join("", parts));
    }

    private static Arbitrary<String> headerValues() {
        return Arbitraries.oneOf(
                Arbitraries.of("", "GetMyTenants", "DeleteUserGroup", "2023-06-30", "2017-01-01", "ACS3-HMAC-SHA256 Credential=x",
                        "ACS3-HMAC-SHA256 Credential=LTAI,SignedHeaders=host,Signature=" + "a".repeat(64), "2026-12-05T10:00:00Z",
                        "token", "gzip", "*/*"),
                Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(40),
                Arbitraries.integers().between(60, 3_000).map("v"::repeat));
    }

    private static Map<String, String> with(Map<String, String> headers, String name, String value) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.put(name, value);
        return all;
    }

    /** An HTTP/1.1 request as bytes-in-a-string (ISO-8859-1), framed by Content-Length, closed after the answer. */
    private static String request(String method, String target, Map<String, String> headers, String body) {
        StringBuilder request = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\nHost: 127.0.0.1\r\n");
        headers.forEach((name, value) -> {
            if (!name.equalsIgnoreCase("host") && !name.equalsIgnoreCase("content-length") && !name.equalsIgnoreCase("connection")) {
                request.append(name).append(": ").append(value.strip()).append("\r\n");
            }
        });
        return request.append("Content-Length: ").append(body.length()).append("\r\nConnection: close\r\n\r\n").append(body).toString();
    }
}
