package dev.sluice.protocol;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.regex.Pattern;

/**
 * The timestamps of both signatures ({@code Timestamp} and {@code x-acs-date}): ISO 8601 in UTC,
 * {@code yyyy-MM-dd'T'HH:mm:ss'Z'}. Fractional seconds are tolerated on input because some clients send milliseconds.
 */
public final class WireTimestamp {

    // Instant.parse alone would also take offsets like +08:00 and years past 9999; the wire format allows neither.
    private static final Pattern SHAPE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?Z");
    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    private WireTimestamp() {
    }

    /** @throws PopException {@code InvalidTimeStamp.Format} if the value is missing or not in the wire format */
    public static Instant parse(String value) {
        if (value == null || !SHAPE.matcher(value).matches()) throw PopErrors.timestampFormat(String.valueOf(value)).exception();
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw PopErrors.timestampFormat(value).exception();
        }
    }

    /** Formats to whole seconds, the precision the SDKs send. */
    public static String format(Instant instant) {
        return FORMAT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }
}
