package dev.sluice.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.sluice.account.AccountAdmin;
import dev.sluice.account.ConsoleLogins;
import dev.sluice.account.NewAccount;
import dev.sluice.console.ConsoleFixtures;
import dev.sluice.console.ConsoleSession;
import dev.sluice.security.WireCalls.Answer;
import dev.sluice.security.WireCalls.Raw;
import dev.sluice.testsupport.SluiceServerTest;
import dev.sluice.testsupport.TestAccounts;
import tools.jackson.databind.JsonNode;

/**
 * Issue 15 item 13: every error the server answers is the POP envelope ({@code RequestId}, {@code HostId},
 * {@code Code}, {@code Message}) with a precise code and status, including what Tomcat refuses before the application
 * sees it (before: Tomcat's HTML page), unknown paths and methods (before: Spring's JSON without RequestId or Code)
 * and {@code /error} itself (before: 500). The console keeps its HTML pages.
 */
@SluiceServerTest
class ErrorEnvelopeTest {

    @LocalServerPort
    int port;

    @Autowired
    AccountAdmin admin;

    @Autowired
    ConsoleLogins logins;

    NewAccount account;

    @BeforeEach
    void newAccount() {
        account = TestAccounts.create(admin, "intelligent");
    }

    private Raw raw(String request) throws IOException {
        return WireCalls.raw(port, request);
    }

    private static String get(String target, String... headers) {
        return "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + String.join("", headers) + "Connection: close\r\n\r\n";
    }

    private static void envelope(Raw answer, int status, String code) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.headers().get("content-type")).startsWith("application/json");
        JsonNode body = answer.json();
        assertThat(body.path("Code").asString()).as(answer.body()).isEqualTo(code);
        assertThat(body.path("RequestId").asString()).isNotBlank().isEqualTo(answer.headers().get("x-acs-request-id"));
        assertThat(body.path("HostId").asString()).isNotBlank();
        assertThat(body.path("Message").asString()).isNotBlank();
        assertThat(body.path("HttpStatusCode").asInt()).isEqualTo(status);
        assertThat(body.path("Success").asBoolean(true)).isFalse();
    }

    @Test
    void aRequestLineBeyondTheHeaderLimitIsRequestUriTooLong() throws IOException {
        Raw answer = raw(get("/?Action=GetMyTenants&Pad=" + "a".repeat(10_000)));
        envelope(answer, 414, "RequestURITooLong");
        assertThat(answer.json().path("Message").asString()).contains("8192 bytes");
    }

    @Test
    void headersBeyondTheLimitAreRequestHeaderFieldsTooLarge() throws IOException {
        envelope(raw(get("/", "X-Padding: " + "b".repeat(10_000) + "\r\n")), 431, "RequestHeaderFieldsTooLarge");
    }

    @Test
    void aMalformedRequestTargetIsMalformedRequest() throws IOException {
        envelope(raw(get("/%zz")), 400, "MalformedRequest");
        envelope(raw(get("/a\u0001b")), 400, "MalformedRequest");
    }

    @Test
    void unknownPathsAreInvalidPathNotFound() throws IOException {
        envelope(raw(get("/nope")), 404, "InvalidPath.NotFound");
        envelope(raw(get("/nope", "Accept: text/html\r\n")), 404, "InvalidPath.NotFound");
        envelope(raw("POST /api/v1 HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"), 404,
                "InvalidPath.NotFound");
        envelope(raw(get("/actuator/nope")), 404, "InvalidPath.NotFound");
    }

    @Test
    void theErrorPathItselfIsNotAnApi() throws IOException {
        Raw answer = raw(get("/error"));
        envelope(answer, 404, "InvalidPath.NotFound");
        assertThat(answer.json().path("Message").asString()).contains("/error");
    }

    @Test
    void otherMethodsAreUnsupportedHttpMethodNamingTheMethod() throws IOException {
        for (String method : new String[] {"PUT", "DELETE", "PATCH", "BREW"}) {
            Raw answer = raw(method + " / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
            envelope(answer, 405, "UnsupportedHTTPMethod");
            assertThat(answer.json().path("Message").asString()).contains(method);
        }
    }

    @Test
    void moreThanAThousandParametersAreRefusedBeforeAnythingElse() {
        WireCalls wire = new WireCalls(port, account.key().accessKeyId(), account.key().accessKeySecret());
        Map<String, String> many = new LinkedHashMap<>(Map.of("Action", "GetMyTenants", "OpTenantId", String.valueOf(account.tenant().id())));
        for (int i = 0; many.size() < 1_001 - 8; i++) many.put("P" + i, "v"); // with the 8 the signer and client add: 1,001
        Answer answer = wire.classic(many, Map.of());

        assertThat(answer.status()).as(answer.text()).isEqualTo(400);
        assertThat(answer.code()).isEqualTo("InvalidParameter");
        assertThat(answer.message()).contains("'parameters'", "1001", "at most 1000");
        assertThat(answer.body().path("RequestId").asString()).isNotBlank();

        many.remove("P0"); // exactly 1,000: past the count, refused for what the parameters say, not for how many
        Answer thousand = wire.classic(many, Map.of());
        assertThat(thousand.message()).doesNotContain("at most 1000");
    }

    @Test
    void theConsoleAndActuatorKeepTheirOwnAnswers() throws IOException {
        Raw console = raw(get("/console/nope", "Accept: text/html\r\n"));
        assertThat(console.status()).isEqualTo(302); // to the sign-in page, as before
        assertThat(console.headers().get("location")).endsWith("/console/signin");
        Raw signin = raw(get("/console/signin", "Accept: text/html\r\n"));
        assertThat(signin.status()).isEqualTo(200);
        assertThat(signin.headers().get("content-type")).startsWith("text/html");
        ConsoleSession session = ConsoleSession.signedIn(port, ConsoleFixtures.consoleUser(logins, account), ConsoleFixtures.PASSWORD);
        ConsoleSession.Page missing = session.get("/console/nope");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.body()).contains("Page not found", "Back to the console");
        Raw health = raw(get("/actuator/health"));
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body()).contains("UP");
    }
}
