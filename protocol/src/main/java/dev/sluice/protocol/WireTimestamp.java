package dev.sluice.protocol;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * The timestamps of both signatures ({@code Timestamp} and {@code x-acs-date}): ISO 8601 in UTC,
 * {@code yyyy-MM-dd'T'HH:mm:ss'Z'}. Fractional seconds are tolerated on input because some clients send milliseconds.
 */
public final class WireTimestamp {

    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    private WireTimestamp() {
    }

    /**
     * Read by hand rather than with a regular expression and {@link Instant#parse}, which together cost a fifth of
     * checking a signature (JFR under {@code ./sluice bench admission}); {@link LocalDateTime#of} still validates every
     * field, so {@code 2016-02-30} is refused as before. Offsets other than {@code Z} and years past 9999 are not the
     * wire format and are refused.
     *
     * @throws PopException {@code InvalidTimeStamp.Format} if the value is missing or not in the wire format
     */
    public static Instant parse(String value) {
        if (value == null) throw PopErrors.timestampFormat("null").exception();
        int length = value.length();
        if (length < 20 || length == 21 || length > 30 || value.charAt(length - 1) != 'Z'
                || value.charAt(4) != '-' || value.charAt(7) != '-' || value.charAt(10) != 'T'
                || value.charAt(13) != ':' || value.charAt(16) != ':' || (length > 20 && value.charAt(19) != '.')) {
            throw PopErrors.timestampFormat(value).exception();
        }
        int year = digits(value, 0, 4);
        int month = digits(value, 5, 7);
        int day = digits(value, 8, 10);
        int hour = digits(value, 11, 13);
        int minute = digits(value, 14, 16);
        int second = digits(value, 17, 19);
        int nanos = 0;
        if (length > 20) {
            int fraction = length - 21; // digits between '.' and 'Z': 1 to 9
            nanos = digits(value, 20, length - 1);
            for (int i = fraction; i < 9; i++) nanos *= 10;
        }
        if ((year | month | day | hour | minute | second | nanos) < 0) throw PopErrors.timestampFormat(value).exception();
        try {
            return LocalDateTime.of(year, month, day, hour, minute, second, nanos).toInstant(ZoneOffset.UTC);
        } catch (DateTimeException outOfRange) {
            throw PopErrors.timestampFormat(value).exception();
        }
    }

    /** The decimal number in {@code [from, to)}, or -1 if any character there is not an ASCII digit. */
    private static int digits(String value, int from, int to) {
        int number = 0;
        for (int i = from; i < to; i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') return -1;
            number = number * 10 + (c - '0');
        }
        return number;
    }

    /** Formats to whole seconds, the precision the SDKs send. */
    public static String format(Instant instant) {
        return FORMAT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }
}
