package dev.sluice.develop.batch;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Locale;

import com.cronutils.model.Cron;
import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.parser.CronParser;

import dev.sluice.protocol.PopErrors;

/** Schedules of batch tasks: Quartz-style cron expressions (as the contract's examples write them) and custom intervals. */
public final class Schedules {

    private static final CronParser QUARTZ = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.QUARTZ));
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm").withResolverStyle(ResolverStyle.STRICT);

    private Schedules() {
    }

    /** The expression parsed and validated as Quartz reads it; refused at {@code path} with the parser's reason. */
    public static Cron cron(String expression, String path) {
        try {
            return QUARTZ.parse(expression.trim()).validate();
        } catch (IllegalArgumentException e) {
            throw PopErrors.invalidParameter(path, "'" + PopErrors.excerpt(expression) + "' is not a Quartz cron expression (seconds minutes"
                    + " hours day-of-month month day-of-week [year], e.g. '0 0 1 * * ?'): " + e.getMessage()).exception();
        }
    }

    /** A custom interval checked: both times {@code HH:mm}, the start before the end, the interval within that window. */
    static BatchTask.CustomSchedule custom(Wire.CustomScheduleConfig config, String path) {
        LocalTime start = time(config.startTime(), path + ".StartTime");
        LocalTime end = time(config.endTime(), path + ".EndTime");
        if (!start.isBefore(end)) {
            throw PopErrors.invalidParameter(path + ".EndTime", "the window ends (" + config.endTime() + ") before or when it starts ("
                    + config.startTime() + ")").exception();
        }
        if (config.interval() == null) throw PopErrors.missingParameter(path + ".Interval").exception();
        if (config.intervalUnit() == null || config.intervalUnit().isBlank()) throw PopErrors.missingParameter(path + ".IntervalUnit").exception();
        if (config.schedulePeriod() == null || config.schedulePeriod().isBlank()) {
            throw PopErrors.missingParameter(path + ".SchedulePeriod").exception();
        }
        String unit = config.intervalUnit().trim().toUpperCase(Locale.ROOT);
        long minutes = (long) config.interval() * (unit.equals("HOUR") ? 60 : 1);
        long window = java.time.Duration.between(start, end).toMinutes();
        if (config.interval() < 1 || minutes > window) {
            throw PopErrors.invalidParameter(path + ".Interval", "an interval of " + config.interval() + " " + unit
                    + " does not fit in the window " + config.startTime() + "-" + config.endTime() + " (" + window + " minutes)").exception();
        }
        return new BatchTask.CustomSchedule(config.startTime(), config.endTime(), config.interval(), unit,
                config.schedulePeriod().trim().toUpperCase(Locale.ROOT));
    }

    private static LocalTime time(String text, String path) {
        if (text == null || text.isBlank()) throw PopErrors.missingParameter(path).exception();
        try {
            return LocalTime.parse(text.trim(), HH_MM);
        } catch (DateTimeParseException e) {
            throw PopErrors.invalidParameter(path, "'" + PopErrors.excerpt(text) + "' is not a time of day as HH:mm").exception();
        }
    }
}
