package dev.sluice.dispatch;

import com.fasterxml.jackson.annotation.JsonInclude;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.EnumFeature;
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
            .build();

    /**
     * Binds the catalog-checked parameters to a handler's request record. Strict where {@link #MAPPER} is lenient: the
     * startup check holds every record to its operation's parameters, so an unknown property here means a record and
     * the catalog disagree, and that must fail rather than leave a field null. {@link #MAPPER} stays lenient for the
     * free JSON handlers read themselves (e.g. nested filter conditions).
     */
    public static final JsonMapper REQUESTS = MAPPER.rebuild()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            // Enum components: the catalog's value rule has already matched the value (exactly, or trimmed in any case) and
            // the startup check holds the constants to the rule's values, so here a value maps to its constant trimmed and
            // in any case; a blank one is "not given", as for strings; a number is never taken for a constant's index.
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
            .enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            .withCoercionConfig(LogicalType.Enum, enums -> enums.setAcceptBlankAsEmpty(true)
                    .setCoercion(CoercionInputShape.EmptyString, CoercionAction.AsNull))
            .build();

    private RpcJson() {
    }
}
