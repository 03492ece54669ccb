package dev.sluice.runner;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.sluice.protocol.PopErrors;

/**
 * {@code ${name}} in a script replaced by its value, as text: the user writes the SQL, and every statement that results
 * still passes the {@link StatementGate}, so a value cannot reach a table the user may not. {@code ${bizdate}} is the
 * day before today ({@code yyyyMMdd}) unless given. A name without a value is refused before anything runs.
 */
public final class ScriptParams {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_.-]*)}");
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private ScriptParams() {
    }

    public static String substitute(String script, Map<String, String> given, LocalDate today, String paramsPath) {
        Map<String, String> values = new HashMap<>();
        values.put("bizdate", DAY.format(today.minusDays(1)));
        values.putAll(given);
        Matcher m = PLACEHOLDER.matcher(script);
        StringBuilder out = new StringBuilder(script.length());
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null) {
                throw PopErrors.invalidParameter(paramsPath, "the script uses ${" + m.group(1) + "} but no value is given for '"
                        + m.group(1) + "'.").exception();
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }
}
