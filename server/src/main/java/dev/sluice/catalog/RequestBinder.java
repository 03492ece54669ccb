package dev.sluice.catalog;

import dev.sluice.protocol.PopErrors;
import dev.sluice.protocol.PopException;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Checks a call's parameters against its operation's declaration and turns them into one typed JSON object, keyed
 * by wire name, ready for {@code treeToValue} into a request record.
 *
 * <p>Only declared parameters are read, so protocol parameters ({@code Action}, {@code Signature}, ...) and any
 * unknown extras are ignored. Values are accepted as leniently as the real backend accepts them: see
 * {@link ValueConverter}. The first problem found, in declaration order, is thrown as a {@code PopException} carrying
 * {@code MissingParameter} or {@code InvalidParameter} with the parameter's path (e.g. {@code CreateCommand.ProjectId},
 * {@code UserIdList[2]}).
 */
public final class RequestBinder {

    private final ValueConverter converter = new ValueConverter();

    /**
     * @param wireParams the decoded query and form parameters of the call
     * @throws dev.sluice.protocol.PopException when a required parameter is missing or a value does not fit
     */
    public ObjectNode bind(Operation operation, Map<String, String> wireParams) {
        ObjectNode bound = JsonNodeFactory.instance.objectNode();
        for (Param param : operation.request()) {
            JsonNode value = converter.convertField(param, wireValue(param, wireParams.get(param.name())), param.name());
            if (value != null) bound.set(param.name(), value);
        }
        return bound;
    }

    private static JsonNode wireValue(Param param, String raw) {
        if (raw == null || raw.isEmpty()) return null;
        // Structures travel as one JSON string; accept that even where the declaration does not say so.
        if (param.jsonEncoded() || param.type().isStructured()) return JsonText.parse(raw, param.name());
        return JsonNodeFactory.instance.stringNode(raw);
    }

    static PopException invalid(String path, String problem) {
        return PopErrors.invalidParameter(path, problem).exception();
    }
}
