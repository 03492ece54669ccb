package dev.sluice.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
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
 * Signed calls with whatever an attacker adds around them: headers outside the signature, odd nonces, raw requests.
 * RawClient sends what an honest client sends; these tests need the dishonest extras.
 */
final class WireCalls {

    record Answer(int status, String text, HttpHeaders headers) {

        JsonNode body() {
            return RpcJson.MAPPER.readTree(text);
        }

        String code() {
            return body().path("Code").asString();
        }

        String message() {
            return body().path("Message").asString();
        }
    }

    static final HttpClient HTTP = HttpClient.newHttpClient();

    private final int port;
    private final String accessKeyId;
    private final String secret;

    WireCalls(int port, String accessKeyId, String secret) {
        this.port = port;
        this.accessKeyId = accessKeyId;
        this.secret = secret;
    }

    URI root() {
        return URI.create("http://127.0.0.1:" + port + "/");
    }

    /** A classic (HMAC-SHA1) call in a form body, with {@code unsigned} headers added after signing. */
    Answer classic(Map<String, String> parameters, String nonce, Map<String, String> unsigned) {
        Map<String, String> all = new LinkedHashMap<>(parameters);
        all.putIfAbsent("Version", "2023-06-30");
        all.putIfAbsent("Format", "JSON");
        Map<String, String> signed = ClassicRpcSigner.sign("POST", all, accessKeyId, secret, nonce, Instant.now());
        HttpRequest.Builder request = HttpRequest.newBuilder(root()).header("content-type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(FormParameters.format(signed)));
        unsigned.forEach(request::header);
        return send(request.build());
    }

    Answer classic(Map<String, String> parameters, Map<String, String> unsigned) {
        return classic(parameters, UUID.randomUUID().toString(), unsigned);
    }

    /**
     * An ACS3 call: {@code signedHeaders} are signed with host, the action and version headers; {@code unsigned} are
     * added afterwards; {@code form} travels in the body (covered by its hash).
     */
    Answer acs3(String action, Map<String, String> form, String nonce, Map<String, String> signedHeaders, Map<String, String> unsigned) {
        byte[] body = FormParameters.format(form).getBytes(StandardCharsets.UTF_8);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("host", "127.0.0.1:" + port);
        if (action != null) headers.put("x-acs-action", action);
        headers.put("x-acs-version", "2023-06-30");
        headers.put("content-type", "application/x-www-form-urlencoded");
        headers.putAll(signedHeaders);
        Map<String, String> signed = Acs3Signer.sign("POST", Map.of(), headers, body, accessKeyId, secret, nonce, Instant.now());
        HttpRequest.Builder request = HttpRequest.newBuilder(root()).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        signed.forEach((name, value) -> {
            if (!name.equals("host")) request.header(name, value); // the HTTP client sets Host itself, to the same value
        });
        unsigned.forEach(request::header);
        return send(request.build());
    }

    static Answer send(HttpRequest request) {
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body(), response.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
