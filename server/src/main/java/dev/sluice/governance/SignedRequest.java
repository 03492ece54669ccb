package dev.sluice.governance;

import java.util.Map;

import dev.sluice.protocol.FormParameters;

/**
 * A request as it came off the wire, before anything is trusted: method, query and form parameters (decoded),
 * lower-cased headers and the raw body. Everything a signature covers is here; nothing about servlets is.
 */
public record SignedRequest(String method, Map<String, String> query, Map<String, String> form, Map<String, String> headers,
                            byte[] body, Map<String, String> parameters) {

    /** @throws IllegalArgumentException when a parameter is sent both in the query and in the form body */
    public SignedRequest(String method, Map<String, String> query, Map<String, String> form, Map<String, String> headers, byte[] body) {
        this(method, query, form, headers, body, form.isEmpty() ? query : FormParameters.union(query, form));
    }

    public String header(String lowerCaseName) {
        return headers.get(lowerCaseName);
    }
}
