package dev.sluice.console.explorer;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import dev.sluice.account.Credential;
import dev.sluice.protocol.FormParameters;
import dev.sluice.protocol.Wire;
import dev.sluice.protocol.signature.ClassicRpcSigner;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The explorer's "try it": a real signed call to this server's own RPC endpoint over loopback HTTP, with one of the
 * user's AccessKeys. It passes the whole admission chain and the ledger like any client's call, so it counts, can be
 * refused, and shows up in the usage figures.
 */
@Component
class SelfCall {

    record Result(int status, String requestId, String json, long millis) {
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final JsonMapper PRETTY = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private final Environment environment;
    private final Clock clock;

    SelfCall(Environment environment, Clock clock) {
        this.environment = environment;
        this.clock = clock;
    }

    Result call(Credential key, String action, Map<String, String> parameters) {
        Map<String, String> all = new LinkedHashMap<>();
        all.put(Wire.ACTION, action);
        all.put(Wire.VERSION_PARAM, Wire.VERSION);
        all.put("Format", "JSON");
        all.putAll(parameters);
        Map<String, String> signed = ClassicRpcSigner.sign("POST", all, key.accessKeyId(), key.secret(),
                UUID.randomUUID().toString(), clock.instant());
        String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
                .timeout(Duration.ofSeconds(30))
                .header("content-type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(FormParameters.format(signed))).build();
        long started = System.nanoTime();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            long millis = (System.nanoTime() - started) / 1_000_000;
            return new Result(response.statusCode(), response.headers().firstValue("x-acs-request-id").orElse(""),
                    pretty(response.body()), millis);
        } catch (IOException e) {
            throw new IllegalStateException("the server's own endpoint could not be reached", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static String pretty(String body) {
        try {
            JsonNode tree = PRETTY.readTree(body);
            return PRETTY.writeValueAsString(tree);
        } catch (RuntimeException notJson) {
            return body;
        }
    }
}
