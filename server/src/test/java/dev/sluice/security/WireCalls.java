package dev.sluice.security;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
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

    /** An answer read straight off a socket. */
    record Raw(int status, Map<String, String> headers, String body) {

        JsonNode json() {
            return RpcJson.MAPPER.readTree(body);
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

    /** Sends bytes as they are (no client library would send most of these) and reads the whole answer. */
    static Raw raw(int port, String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            return parse(socket.getInputStream());
        }
    }

    private static Raw parse(InputStream in) throws IOException {
        byte[] all = in.readAllBytes();
        String text = new String(all, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) throw new IOException("no complete answer: " + text);
        String[] head = text.substring(0, end).split("\r\n");
        int status = Integer.parseInt(head[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < head.length; i++) {
            int colon = head[i].indexOf(':');
            headers.put(head[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), head[i].substring(colon + 1).trim());
        }
        byte[] body = Arrays.copyOfRange(all, end + 4, all.length);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) body = unchunk(body);
        return new Raw(status, headers, new String(body, StandardCharsets.UTF_8));
    }

    private static byte[] unchunk(byte[] chunked) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String text = new String(chunked, StandardCharsets.ISO_8859_1);
        int at = 0;
        while (true) {
            int lineEnd = text.indexOf("\r\n", at);
            int size = Integer.parseInt(text.substring(at, lineEnd).trim(), 16);
            if (size == 0) return out.toByteArray();
            out.write(chunked, lineEnd + 2, size);
            at = lineEnd + 2 + size + 2;
        }
    }
}
