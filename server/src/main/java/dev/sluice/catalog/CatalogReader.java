package dev.sluice.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Turns the generated catalog JSON into the model; fails loudly on anything it does not understand. */
final class CatalogReader {

    private CatalogReader() {
    }

    static List<Operation> readResource(String resource, TextRules texts, ValueRules values) {
        try (InputStream in = CatalogReader.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("catalog resource '" + resource + "' is not on the classpath");
            return readOperations(JsonMapper.shared().readTree(in), texts, values);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read catalog resource '" + resource + "'", e);
        }
    }

    static List<Operation> readOperations(JsonNode root, TextRules texts, ValueRules values) {
        List<Operation> operations = new ArrayList<>();
        for (JsonNode node : required(root, "operations").values()) {
            String action = text(node, "action");
            try {
                operations.add(operation(node, texts, values));
            } catch (RuntimeException e) {
                throw new IllegalStateException("catalog entry '" + action + "' is invalid: " + e.getMessage(), e);
            }
        }
        return operations;
    }

    private static Operation operation(JsonNode node, TextRules texts, ValueRules values) {
        List<Param> request = new ArrayList<>();
        String action = text(node, "action");
        for (JsonNode param : required(node, "request").values()) {
            String name = param.path("name").asString("");
            request.add(param(param, ParamLocation.valueOf(text(param, "location").toUpperCase(Locale.ROOT)),
                    new Where(texts, values, action, name, name)));
        }
        return new Operation(
                text(node, "action"),
                text(node, "module"),
                text(node, "group"),
                required(node, "level").asInt(),
                Edition.parse(text(node, "minEdition")),
                OperationType.parse(text(node, "type")),
                request,
                responseShape(required(node, "response")),
                adminRoles(required(node, "adminRoles")));
    }

    /** Where a parameter sits, to find its text rule: its path ({@code []} for elements) and its (or its array's) name. */
    private record Where(TextRules texts, ValueRules values, String action, String path, String name) {

        Where field(String field) {
            return new Where(texts, values, action, path + "." + field, field);
        }

        Where element() {
            return new Where(texts, values, action, path + "[]", name);
        }

        TextRule rule() {
            return texts.of(action, path, name);
        }

        AllowedValues allowed() {
            return values.allowed(action, path);
        }

        IntegerRange range() {
            return values.range(action, path);
        }
    }

    private static Param param(JsonNode node, ParamLocation location, Where where) {
        List<Param> fields = new ArrayList<>();
        for (JsonNode field : node.path("fields").values()) {
            fields.add(param(field, location, where.field(field.path("name").asString(""))));
        }
        JsonNode items = node.get("items");
        ParamType type = ParamType.parse(text(node, "type"));
        return new Param(
                node.path("name").asString(""),
                location,
                type,
                // an element shape declares no "required": elements are always there
                node.path("required").asBoolean(true),
                "json".equals(node.path("encoding").asString(null)),
                fields,
                items == null ? null : param(items, location, where.element()),
                type == ParamType.STRING ? where.rule() : null,
                type == ParamType.STRING ? where.allowed() : null,
                type == ParamType.INTEGER ? where.range() : null);
    }

    private static ResponseShape responseShape(JsonNode node) {
        List<ResponseShape> fields = new ArrayList<>();
        for (JsonNode field : node.path("fields").values()) {
            fields.add(responseShape(field));
        }
        JsonNode items = node.get("items");
        return new ResponseShape(
                node.path("name").asString(""),
                ParamType.parse(text(node, "type")),
                fields,
                items == null ? null : responseShape(items));
    }

    private static Set<AdminRole> adminRoles(JsonNode node) {
        Set<AdminRole> roles = EnumSet.noneOf(AdminRole.class);
        for (JsonNode role : node.values()) {
            roles.add(AdminRole.valueOf(role.asString()));
        }
        return roles;
    }

    private static JsonNode required(JsonNode node, String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) throw new IllegalStateException("'" + name + "' is missing");
        return value;
    }

    private static String text(JsonNode node, String name) {
        return required(node, name).asString();
    }
}
