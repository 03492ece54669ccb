package dev.sluice.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.sluice.protocol.FormParameters;

/**
 * A browser-less console visitor over real HTTP: keeps the session cookie, does not follow redirects (tests look at
 * them), and sends back the CSRF token of the last page it read, as a form does.
 */
public final class ConsoleSession {

    public record Page(int status, String body, HttpHeaders headers) {

        public String location() {
            return headers.firstValue("location").orElse("");
        }
    }

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"|name=\"csrf-token\" content=\"([^\"]+)\"");

    private final HttpClient http;
    private final String base;
    private String csrf;

    public ConsoleSession(int port) {
        this(port, null);
    }

    /**
     * A visitor whose connections come from {@code from}, e.g. another loopback address such as 127.8.0.1 (all of
     * 127/8 is this machine), so tests of per-address limits neither share nor spend the address other tests use.
     */
    public ConsoleSession(int port, InetAddress from) {
        this.base = "http://127.0.0.1:" + port;
        HttpClient.Builder builder = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER);
        if (from != null) builder.localAddress(from);
        this.http = builder.build();
    }

    /** Signs in through the sign-in form and checks that it landed on the overview (or the forced password change). */
    public static ConsoleSession signedIn(int port, String login, String password) {
        ConsoleSession session = new ConsoleSession(port);
        Page result = session.signIn(login, password);
        assertThat(result.status()).as("sign-in redirects").isEqualTo(302);
        assertThat(result.location()).as("signed in as " + login).doesNotContain("failed");
        return session;
    }

    public Page signIn(String login, String password) {
        get("/console/signin");
        return post("/console/signin", Map.of("username", login, "password", password));
    }

    public Page get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET().build());
    }

    public Page getPartial(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("HX-Request", "true").GET().build());
    }

    /** Posts a form with the CSRF token of the last page read. */
    public Page post(String path, Map<String, String> form) {
        Map<String, String> withToken = new LinkedHashMap<>(form);
        if (csrf != null) withToken.put("_csrf", csrf);
        return postRaw(path, withToken);
    }

    public Page postWithoutCsrf(String path, Map<String, String> form) {
        return postRaw(path, form);
    }

    private Page postRaw(String path, Map<String, String> form) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("content-type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(FormParameters.format(form))).build());
    }

    private Page send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            Matcher token = CSRF.matcher(response.body());
            if (token.find()) csrf = token.group(1) != null ? token.group(1) : token.group(2);
            return new Page(response.statusCode(), response.body(), response.headers());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
