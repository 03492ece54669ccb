package dev.sluice.dispatch;

import com.fasterxml.jackson.annotation.JsonInclude;

import tools.jackson.databind.DeserializationFeature;
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
            .build();

    private RpcJson() {
    }
}
