package dev.sluice.governance;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A request as it came off the wire, before anything is trusted: method, query and form parameters (decoded),
 * lower-cased headers and the raw body. Everything a signature covers is here; nothing about servlets is.
 */
public record SignedRequest(String method, String path, Map<String, String> query, Map<String, String> form,
                            Map<String, String> headers, byte[] body) {

    /** Query and form parameters together, as the classic signature and the operations see them. */
    public Map<String, String> parameters() {
        if (form.isEmpty()) return query;
        Map<String, String> all = new LinkedHashMap<>(query);
        all.putAll(form);
        return all;
    }

    public String header(String lowerCaseName) {
        return headers.get(lowerCaseName);
    }
}
