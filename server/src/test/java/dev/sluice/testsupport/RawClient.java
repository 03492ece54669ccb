package dev.sluice.testsupport;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import dev.sluice.dispatch.RpcJson;
import dev.sluice.protocol.FormParameters;
import dev.sluice.protocol.signature.Acs3Signer;
import dev.sluice.protocol.signature.ClassicRpcSigner;
import tools.jackson.databind.JsonNode;

/**
 * A hand-driven client over plain HTTP, signing with Sluice's own signers, for what the SDKs will not send:
 * old timestamps, replayed nonces, security tokens, wrong versions, oversized or malformed bodies.
 */
public final class RawClient {

    public record Response(int status, JsonNode body, java.net.http.HttpHeaders headers) {

        public String code() {
            return body.path("Code").asString();
        }

        public boolean ok() {
            return status / 100 == 2;
        }

        public String message() {
            return body.path("Message").asString();
        }
    }

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final int port;
    private final String accessKeyId;
    private final String secret;

    public RawClient(int port, String accessKeyId, String secret) {
        this.port = port;
        this.accessKeyId = accessKeyId;
        this.secret = secret;
    }

    public Call call(String action) {
        return new Call(action);
    }

    public final class Call {
        private final Map<String, String> params = new LinkedHashMap<>();
        private String version = "2023-06-30";
        private Instant at = Instant.now();
        private String nonce = UUID.randomUUID().toString();
        private String securityToken;
        private boolean acs3;
        private String signingSecret = secret;
        private String method = "POST";

        private Call(String action) {
            params.put("Action", action);
        }

        public Call param(String name, Object value) {
            params.put(name, String.valueOf(value));
            return this;
        }

        public Call version(String value) {
            version = value;
            return this;
        }

        public Call at(Instant value) {
            at = value;
            return this;
        }

        public Call nonce(String value) {
            nonce = value;
            return this;
        }

        public Call securityToken(String value) {
            securityToken = value;
            return this;
        }

        public Call acs3() {
            acs3 = true;
            return this;
        }

        public Call get() {
            method = "GET";
            return this;
        }

        public Call signedWith(String otherSecret) {
            signingSecret = otherSecret;
            return this;
        }

        public Response send() {
            return acs3 ? sendAcs3() : sendClassic();
        }

        private Response sendClassic() {
            Map<String, String> all = new LinkedHashMap<>(params);
            if (version != null) all.put("Version", version);
            all.put("Format", "JSON");
            if (securityToken != null) all.put("SecurityToken", securityToken);
            Map<String, String> signed = ClassicRpcSigner.sign(method, all, accessKeyId, signingSecret, nonce, at);
            String encoded = FormParameters.format(signed);
            HttpRequest.Builder request = method.equals("GET")
                    ? HttpRequest.newBuilder(URI.create(base() + "/?" + encoded)).GET()
                    : HttpRequest.newBuilder(URI.create(base() + "/"))
                    .header("content-type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(encoded));
            return exchange(request.build());
        }

        private Response sendAcs3() {
            Map<String, String> form = new LinkedHashMap<>(params);
            String action = form.remove("Action");
            byte[] body = FormParameters.format(form).getBytes(StandardCharsets.UTF_8);
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("host", "127.0.0.1:" + port);
            headers.put("x-acs-action", action);
            if (version != null) headers.put("x-acs-version", version);
            headers.put("content-type", "application/x-www-form-urlencoded");
            if (securityToken != null) headers.put("x-acs-security-token", securityToken);
            Map<String, String> signed = Acs3Signer.sign("POST", Map.of(), headers, body, accessKeyId, signingSecret, nonce, at);
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + "/")).POST(HttpRequest.BodyPublishers.ofByteArray(body));
            signed.forEach((name, value) -> {
                if (!name.equals("host")) request.header(name, value); // the HTTP client sets Host itself, to the same value
            });
            return exchange(request.build());
        }
    }

    public Response post(String contentType, byte[] body) {
        return exchange(HttpRequest.newBuilder(URI.create(base() + "/")).header("content-type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }

    private static Response exchange(HttpRequest request) {
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), RpcJson.MAPPER.readTree(response.body()), response.headers());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
