package dev.sluice.runner;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * A script to run: where and as whom ({@code context}), the text, its {@code ${name}} parameters, and the hard timeout
 * of the whole run.
 *
 * @param label     the run id's prefix, naming the kind of run (e.g. {@code SQL}, {@code DATABASE_SQL}); letters,
 *                  digits and underscores
 * @param params    values for {@code ${name}} in the script; {@code bizdate} defaults to yesterday in {@code sluice.zone}
 * @param wirePaths how refusals name the script and the parameters (the operation's wire paths)
 */
public record RunRequest(RunContext context, String label, String script, Map<String, String> params, Duration timeout,
                         WirePaths wirePaths) {

    /** The parameter paths a refusal names, e.g. {@code ExecuteCommand.Code} and {@code ExecuteCommand.ParamList}. */
    public record WirePaths(String script, String params) {
        public static final WirePaths PLAIN = new WirePaths("script", "params");
    }

    public RunRequest {
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(context.engine(), "context.engine");
        Objects.requireNonNull(timeout, "timeout");
        if (label == null || !label.matches("[A-Za-z][A-Za-z0-9_]{0,31}")) throw new IllegalArgumentException("bad run label " + label);
        if (timeout.isNegative() || timeout.isZero()) throw new IllegalArgumentException("a run needs a positive timeout");
        params = params == null ? Map.of() : Map.copyOf(params);
        wirePaths = wirePaths == null ? WirePaths.PLAIN : wirePaths;
    }
}
