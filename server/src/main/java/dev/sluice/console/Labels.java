package dev.sluice.console;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Component;

import dev.sluice.alerts.Quota;
import dev.sluice.alerts.QuotaAlert;
import dev.sluice.catalog.Edition;
import dev.sluice.catalog.OperationType;
import dev.sluice.metering.MonthUsage;
import dev.sluice.metering.UsageQueries;

/**
 * Words for the codes Sluice keeps: what templates show instead of wire codes and enum names, so a newcomer reads
 * "Too many calls per second" rather than {@code Throttling.User}. Templates call it as {@code @labels}.
 */
@Component("labels")
public class Labels {

    private static final Map<String, String> REFUSALS = Map.ofEntries(
            Map.entry("Throttling.User", "Too many calls per second (QPS limit)"),
            Map.entry("DailyLimitExceeded", "Daily call cap reached"),
            Map.entry("QuotaExceeded.MonthlyFree", "Monthly free quota used up (pay-as-you-go is off)"),
            Map.entry("Forbidden.RAM", "The user's policy does not allow this operation"),
            Map.entry("Forbidden.NoPermission", "Reserved to administrators"),
            Map.entry("Forbidden.EditionNotSupported", "Not available in this edition"),
            Map.entry("Forbidden.AccountOverdue", "Account overdue"),
            Map.entry("Forbidden.OpTenantId", "Called for another tenant"),
            Map.entry("Forbidden.SecurityToken", "Temporary credentials are not accepted"),
            Map.entry("SignatureDoesNotMatch", "Wrong signature (check the AccessKey secret)"),
            Map.entry("IncompleteSignature", "Signature parameters missing"),
            Map.entry("InvalidAccessKeyId.Inactive", "AccessKey disabled"),
            Map.entry("InvalidTimeStamp.Expired", "Request timestamp too far from the server's clock"),
            Map.entry("SignatureNonceUsed", "Request replayed (nonce used before)"),
            Map.entry("MissingParameter", "A required parameter is missing"),
            Map.entry("InvalidParameter", "A parameter has the wrong type or form"),
            Map.entry("ServiceUnavailable", "Server temporarily unavailable"));

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    private final ZoneId zone;

    Labels(UsageQueries usage) {
        this.zone = usage.zone();
    }

    public String zone() {
        return zone.getId();
    }

    public String refusal(String code) {
        return REFUSALS.getOrDefault(code, code);
    }

    public String edition(Edition edition) {
        String name = edition.name();
        return name.charAt(0) + name.substring(1).toLowerCase(Locale.ROOT);
    }

    public String type(OperationType type) {
        return type == OperationType.READ ? "Read" : "Write";
    }

    public String quota(Quota quota) {
        return switch (quota) {
            case MONTHLY_FREE -> "monthly free quota";
            case DAILY_TOTAL -> "daily cap (all levels)";
            case DAILY_LEVEL12 -> "daily cap for levels 1 and 2";
            case DAILY_LEVEL3 -> "daily cap for level 3";
            case DAILY_READ -> "daily cap for read calls";
            case DAILY_WRITE -> "daily cap for write calls";
        };
    }

    /** The banner's sentence for an alert. */
    public String alert(QuotaAlert alert) {
        String what = quota(alert.quota());
        String period = alert.quota().isDaily() ? "today" : "this month";
        return alert.reached()
                ? "You have used all of your " + what + " " + period + " (" + count(alert.used()) + " of " + count(alert.limit()) + ")."
                : "You have used " + alert.threshold() + " % of your " + what + " " + period + " (" + count(alert.used())
                + " of " + count(alert.limit()) + ").";
    }

    public String currency() {
        return MonthUsage.CURRENCY;
    }

    public String count(Long n) {
        return n == null ? "No limit" : String.format(Locale.ROOT, "%,d", n);
    }

    public String money(BigDecimal amount) {
        return amount == null ? "" : String.format(Locale.ROOT, "%,.2f", amount);
    }

    /** Epoch milliseconds as a local time in the plans' zone; "never" for null. */
    public String time(Long epochMillis) {
        return epochMillis == null ? "Never" : WHEN.format(Instant.ofEpochMilli(epochMillis).atZone(zone));
    }

    /** A run's length for people: "-" before it started, then seconds, minutes or hours. */
    public String duration(Long millis) {
        if (millis == null) return "-";
        long seconds = Math.max(0, millis) / 1000;
        if (seconds < 60) return seconds + " s";
        if (seconds < 3600) return seconds / 60 + " min " + seconds % 60 + " s";
        return seconds / 3600 + " h " + seconds % 3600 / 60 + " min";
    }

    public String percent(long used, Long limit) {
        if (limit == null || limit <= 0) return "";
        double percent = used * 100.0 / limit;
        return percent > 0 && percent < 0.1 ? "< 0.1 %" : String.format(Locale.ROOT, "%.1f %%", percent);
    }

    /** A meter's colour class: "high" from 80 %, "full" at 100 %, as the alerts. */
    public String level(long used, Long limit) {
        if (limit == null || limit <= 0) return "";
        return used * 100 >= limit * QuotaAlert.REACHED ? "full" : used * 100 >= limit * QuotaAlert.WARNING ? "high" : "";
    }

    /** A width for a progress bar, 0 to 100. */
    public long bar(long used, Long limit) {
        if (limit == null || limit <= 0) return 0;
        return Math.min(100, Math.round(used * 100.0 / limit));
    }
}
