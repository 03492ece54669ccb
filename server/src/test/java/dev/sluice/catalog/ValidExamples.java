package dev.sluice.catalog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds valid wire parameters for any catalog operation, the way an SDK client would send them: simple values as
 * strings, structures as one JSON string. The minimal example holds only what is required (arrays get one element so
 * their element shape is exercised); the full example holds every declared parameter and field.
 */
final class ValidExamples {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final boolean full;

    private ValidExamples(boolean full) {
        this.full = full;
    }

    static ValidExamples minimal() {
        return new ValidExamples(false);
    }

    static ValidExamples full() {
        return new ValidExamples(true);
    }

    /** The typed value of every included top-level parameter, keyed by wire name. */
    ObjectNode typedValues(Operation op) {
        ObjectNode values = NODES.objectNode();
        for (Param param : op.request()) {
            if (included(param)) values.set(param.name(), value(param));
        }
        return values;
    }

    Map<String, String> wireParams(Operation op) {
        return toWire(op, typedValues(op));
    }

    static Map<String, String> toWire(Operation op, ObjectNode typedValues) {
        Map<String, String> wire = new LinkedHashMap<>();
        for (Param param : op.request()) {
            JsonNode value = typedValues.get(param.name());
            if (value == null) continue;
            wire.put(param.name(), param.type().isStructured() ? value.toString() : value.asString());
        }
        return wire;
    }

    /**
     * Paths of every nested required field, at any depth and also inside optional structures (all of which the full
     * example holds), e.g. {@code CreateCommand.ProjectId} or {@code Command.Rules[0].Name}.
     */
    static List<String> nestedRequiredPaths(Param param) {
        List<String> paths = new ArrayList<>();
        collectRequired(param, param.name(), paths);
        return paths;
    }

    private static void collectRequired(Param param, String path, List<String> paths) {
        for (Param field : param.fields()) {
            String fieldPath = path + "." + field.name();
            if (field.required()) paths.add(fieldPath);
            collectRequired(field, fieldPath, paths);
        }
        if (param.items() != null) collectRequired(param.items(), path + "[0]", paths);
    }

    private boolean included(Param param) {
        return full || param.required();
    }

    private JsonNode value(Param param) {
        return switch (param.type()) {
            // an enum takes its first allowed value
            case STRING -> NODES.stringNode(param.allowed() == null ? "x-" + param.name() : param.allowed().values().getFirst());
            // an integer takes 7, or the nearest value its range allows
            case INTEGER -> NODES.numberNode(param.range() == null ? 7L : Math.max(param.range().min(), Math.min(7L, param.range().max())));
            case NUMBER -> NODES.numberNode(2.5);
            case BOOLEAN -> NODES.booleanNode(true);
            case MAP, ANY -> NODES.objectNode().put("k", "v");
            case ARRAY -> NODES.arrayNode().add(value(param.items()));
            case OBJECT -> object(param);
        };
    }

    private ObjectNode object(Param param) {
        ObjectNode object = NODES.objectNode();
        for (Param field : param.fields()) {
            if (included(field)) object.set(field.name(), value(field));
        }
        return object;
    }
}
