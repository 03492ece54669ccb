package dev.sluice.dispatch;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.springframework.stereotype.Component;

import dev.sluice.plan.Plans;

/**
 * Times as the list operations show them ({@code yyyy-MM-dd HH:mm:ss}), in the server's calendar zone. Operations
 * whose contract shows epoch milliseconds instead use the number as text and need nothing from here.
 */
@Component
public class DisplayTime {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final ZoneId zone;

    DisplayTime(Plans plans) {
        this.zone = plans.zone(); // the one zone days and months are counted in (sluice.zone)
    }

    /** The calendar zone ({@code sluice.zone}), for features that count days themselves (e.g. a script's business date). */
    public ZoneId zone() {
        return zone;
    }

    public String format(long epochMillis) {
        return FORMAT.format(Instant.ofEpochMilli(epochMillis).atZone(zone));
    }
}
