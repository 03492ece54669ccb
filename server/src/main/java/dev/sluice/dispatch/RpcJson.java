package dev.sluice.dispatch;

import java.util.Arrays;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.sluice.protocol.PopError;
import dev.sluice.protocol.PopErrors;
import tools.jackson.core.JacksonException;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.type.LogicalType;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON mapping of the wire: PascalCase names, absent values left out. Kept out of the Spring context on purpose:
 * a JsonMapper bean would replace Boot's own mapper for everything else (actuator, console).
 */
public final class RpcJson {

    public static final JsonMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.UPPER_CAMEL_CASE)
            .changeDefaultPropertyInclusion(inclusion -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            // Enums: a request record's enum component binds what the catalog's value rule matched (exactly, or trimmed in
            // any case), and the startup check holds its constants to the rule's values, so a value maps to its constant
            // trimmed and in any case; blank is "not given", as for strings; a number never stands for a constant's index.
            // Free JSON a handler reads into records with enums (nested conditions) binds alike.
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
            .enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            .withCoercionConfig(LogicalType.Enum, enums -> enums.setAcceptBlankAsEmpty(true)
                    .setCoercion(CoercionInputShape.EmptyString, CoercionAction.AsNull))
            .build();

    /**
     * Binds the catalog-checked parameters to a handler's request record. Strict where {@link #MAPPER} is lenient: the
     * startup check holds every record to its operation's parameters, so an unknown property here means a record and
     * the catalog disagree, and that must fail rather than leave a field null. {@link #MAPPER} stays lenient for the
     * free JSON handlers read themselves (e.g. nested filter conditions).
     */
    public static final JsonMapper REQUESTS = MAPPER.rebuild()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private RpcJson() {
    }

    /**
     * A value that did not bind, as {@code InvalidParameter} naming its wire path ({@code prefix} followed by the path
     * Jackson reports, e.g. {@code ListQuery.ScopeList[1]}); an enum's refusal lists its constants, worded as the
     * catalog's value rules word theirs.
     */
    public static PopError refusal(JacksonException e, String prefix) {
        StringBuilder path = new StringBuilder(prefix);
        for (JacksonException.Reference reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) path.append('.');
                path.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        String where = path.isEmpty() ? "parameters" : path.toString();
        if (e instanceof InvalidFormatException format && format.getTargetType() != null && format.getTargetType().isEnum()) {
            String allowed = Arrays.stream(format.getTargetType().getEnumConstants()).map(c -> ((Enum<?>) c).name())
                    .collect(Collectors.joining(", "));
            return PopErrors.invalidParameter(where, "'" + PopErrors.excerpt(String.valueOf(format.getValue())) + "' is not one of " + allowed);
        }
        return PopErrors.invalidParameter(where, e.getOriginalMessage());
    }
}
