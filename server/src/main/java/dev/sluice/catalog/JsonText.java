package dev.sluice.catalog;

import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Parses a parameter that arrives as JSON text, reporting malformed text as an invalid parameter. */
final class JsonText {

    // Jackson points at the start of an unclosed structure with a source description that only adds noise.
    private static final Pattern SOURCE_REFERENCE = Pattern.compile("\\s*\\(start marker at \\[Source:[^\\]]*]\\)");

    private JsonText() {
    }

    static JsonNode parse(String text, String path) {
        JsonNode node;
        try {
            node = JsonMapper.shared().readTree(text);
        } catch (JacksonException e) {
            throw RequestBinder.invalid(path, "the JSON is malformed: " + describe(e));
        }
        if (node == null || node.isMissingNode()) {
            throw RequestBinder.invalid(path, "the JSON is malformed: it holds no value");
        }
        return node;
    }

    private static String describe(JacksonException e) {
        String message = e.getOriginalMessage();
        String firstLine = message == null
                ? "unreadable input"
                : SOURCE_REFERENCE.matcher(message.lines().findFirst().orElse(message)).replaceAll("");
        TokenStreamLocation at = e.getLocation();
        if (at == null || at == TokenStreamLocation.NA || at.getLineNr() < 1) return firstLine;
        return firstLine + " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
    }
}
