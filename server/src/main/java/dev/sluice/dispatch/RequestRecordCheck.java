package dev.sluice.dispatch;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonProperty;

import dev.sluice.catalog.Operation;
import dev.sluice.catalog.Param;
import dev.sluice.catalog.ParamType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;

/**
 * Holds a handler to its operation's declaration, at startup: the handler lives in its module's package, and its
 * request record, nested records included, names only declared parameters under their wire names (as
 * {@link RpcJson} maps components: PascalCase) with types a bound value fits. A misspelt component would otherwise
 * bind to null without a word, and a string component for an integer parameter would fail only when called.
 *
 * <p>Every declared parameter has its component too, so the record binds strictly ({@link RpcJson#REQUESTS} fails on an
 * unknown property) and nothing a caller sends is dropped unnoticed. The one exception is the top-level
 * {@code OpTenantId}: the caller's tenant comes from admission, so a record may leave it out, and the
 * {@link Dispatcher} then does not pass it.
 */
final class RequestRecordCheck {

    static final String TENANT_ID = "OpTenantId";
    private static final PropertyNamingStrategies.NamingBase WIRE_NAMES =
            (PropertyNamingStrategies.NamingBase) PropertyNamingStrategies.UPPER_CAMEL_CASE;
    private static final Set<Class<?>> INTEGERS = Set.of(int.class, long.class, Integer.class, Long.class);
    private static final Set<Class<?>> NUMBERS = Set.of(double.class, Double.class, java.math.BigDecimal.class);
    private static final Set<Class<?>> BOOLEANS = Set.of(boolean.class, Boolean.class);

    private RequestRecordCheck() {
    }

    /** @return what does not fit, each naming the handler and the parameter path; empty when all fits */
    static List<String> problems(Operation operation, Class<?> handler, Class<?> requestType) {
        List<String> problems = new ArrayList<>();
        String module = "dev.sluice." + operation.domain();
        if (!handler.getPackageName().equals(module) && !handler.getPackageName().startsWith(module + ".")) {
            problems.add(handler.getName() + " handles " + operation.action() + " of module '" + operation.module()
                    + "', so it belongs in package " + module);
        }
        if (!requestType.isRecord()) {
            problems.add(handler.getName() + ": the request type " + requestType.getName() + " is not a record");
            return problems;
        }
        fields(operation.request(), requestType, "", new Problems(handler.getName() + " (" + operation.action() + ")", problems));
        return problems;
    }

    /** Whether the record takes the top-level {@code OpTenantId}; when it does not, the dispatcher leaves it out. */
    static boolean takesTenantId(Class<?> requestType) {
        return requestType.isRecord() && java.util.Arrays.stream(requestType.getRecordComponents())
                .anyMatch(c -> wireName(c).equals(TENANT_ID));
    }

    private record Problems(String handler, List<String> found) {

        void add(String path, String problem) {
            found.add(handler + ": " + path + " " + problem);
        }
    }

    private static void fields(List<Param> declared, Class<?> record, String prefix, Problems problems) {
        Set<String> components = new java.util.HashSet<>();
        for (RecordComponent component : record.getRecordComponents()) components.add(wireName(component));
        for (Param param : declared) {
            if (!components.contains(param.name()) && !(prefix.isEmpty() && param.name().equals(TENANT_ID))) {
                problems.add(prefix + param.name(), "is a parameter of the operation but " + record.getSimpleName() + " has no component for it");
            }
        }
        for (RecordComponent component : record.getRecordComponents()) {
            String name = wireName(component);
            String path = prefix + name;
            Optional<Param> param = declared.stream().filter(p -> p.name().equals(name)).findFirst();
            if (param.isEmpty()) {
                problems.add(path, "(component '" + component.getName() + "') is not a parameter of the operation; declared: "
                        + declared.stream().map(Param::name).toList());
            } else {
                value(param.get(), component.getGenericType(), path, problems);
            }
        }
    }

    static String wireName(RecordComponent component) {
        JsonProperty renamed = component.getAccessor().getAnnotation(JsonProperty.class);
        if (renamed == null) renamed = component.getAnnotation(JsonProperty.class);
        if (renamed != null && !renamed.value().isEmpty()) return renamed.value();
        return WIRE_NAMES.nameForField(null, null, component.getName());
    }

    private static void value(Param param, Type type, String path, Problems problems) {
        Class<?> raw = rawClass(type);
        // A tree or Object takes any value as it came; the handler reads it itself.
        if (raw == Object.class || JsonNode.class.isAssignableFrom(raw)) return;
        boolean fits = switch (param.type()) {
            case STRING -> {
                if (raw.isEnum()) enumFits(param, raw, path, problems);
                yield raw == String.class || raw.isEnum();
            }
            case INTEGER -> INTEGERS.contains(raw);
            case NUMBER -> NUMBERS.contains(raw) || INTEGERS.contains(raw);
            case BOOLEAN -> BOOLEANS.contains(raw);
            case ARRAY -> {
                if (!List.class.isAssignableFrom(raw) && !Collection.class.equals(raw) && !Set.class.isAssignableFrom(raw)) yield false;
                value(param.items(), elementType(type), path + "[]", problems);
                yield true;
            }
            case OBJECT -> {
                if (Map.class.isAssignableFrom(raw)) yield true;
                if (!raw.isRecord()) yield false;
                if (param.fields().isEmpty()) {
                    problems.add(path, "declares no fields, so it binds to a Map or a JSON tree, not to " + raw.getSimpleName());
                } else {
                    fields(param.fields(), raw, path + ".", problems);
                }
                yield true;
            }
            case MAP -> Map.class.isAssignableFrom(raw);
            case ANY -> true;
        };
        if (!fits) problems.add(path, "is " + param.type().name().toLowerCase() + " but binds to " + type.getTypeName());
    }

    /**
     * An enum component binds what the catalog's value rule let through, so its constants must be exactly the rule's
     * values: a missing constant would fail on a value the catalog accepts, an extra one could never be sent.
     */
    private static void enumFits(Param param, Class<?> enumType, String path, Problems problems) {
        if (param.allowed() == null) {
            problems.add(path, "binds to the enum " + enumType.getSimpleName() + " but the catalog has no value rule for it"
                    + " (catalog/value-rules.txt), so any string would reach the binding");
            return;
        }
        Set<String> constants = new java.util.TreeSet<>();
        for (Object constant : enumType.getEnumConstants()) constants.add(wireName((Enum<?>) constant));
        Set<String> values = new java.util.TreeSet<>(param.allowed().values());
        if (!constants.equals(values)) {
            problems.add(path, "binds to the enum " + enumType.getSimpleName() + " with constants " + constants
                    + " but the catalog's value rule allows " + values);
        }
    }

    private static String wireName(Enum<?> constant) {
        try {
            JsonProperty renamed = constant.getDeclaringClass().getField(constant.name()).getAnnotation(JsonProperty.class);
            return renamed != null && !renamed.value().isEmpty() ? renamed.value() : constant.name();
        } catch (NoSuchFieldException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static Class<?> rawClass(Type type) {
        if (type instanceof Class<?> c) return c;
        if (type instanceof ParameterizedType p) return (Class<?>) p.getRawType();
        return Object.class;
    }

    private static Type elementType(Type type) {
        return type instanceof ParameterizedType p ? p.getActualTypeArguments()[0] : Object.class;
    }
}
