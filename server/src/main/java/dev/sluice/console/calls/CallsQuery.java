package dev.sluice.console.calls;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.web.util.UriComponentsBuilder;

import dev.sluice.catalog.OperationType;
import dev.sluice.metering.CallDetail;
import dev.sluice.metering.CallDetailFilter;

/**
 * The call-details filters as the page's query string carries them, with the defaults (this month, every type and
 * level), the same validation as {@code ListOpenApiCallDetails}, the sort order and the page.
 */
record CallsQuery(LocalDate from, LocalDate to, OperationType type, Integer level, String api, Long user, String sort,
                  boolean descending, int page) {

    static final int PAGE_SIZE = 50;
    static final int MAX_DAYS = 366;
    static final List<String> SORTS = List.of("date", "api", "type", "level", "calls", "monthToDate");

    static CallsQuery parse(Map<String, String> params, LocalDate today) {
        LocalDate from = date(params.get("from"), today.withDayOfMonth(1), "start date");
        LocalDate to = date(params.get("to"), today, "end date");
        if (to.isBefore(from)) throw new IllegalArgumentException("The end date is before the start date.");
        if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) throw new IllegalArgumentException("A range spans at most " + MAX_DAYS + " days.");
        String sort = blank(params.get("sort")) ? "date" : params.get("sort");
        if (!SORTS.contains(sort)) sort = "date";
        return new CallsQuery(from, to, type(params.get("type")), level(params.get("level")),
                blank(params.get("api")) ? null : params.get("api").trim(), user(params.get("user")), sort,
                "desc".equals(params.get("dir")), Math.max(1, integer(params.get("page"), 1)));
    }

    CallDetailFilter filter() {
        return new CallDetailFilter(from, to, type, level, api, user);
    }

    Comparator<CallDetail> comparator() {
        Comparator<CallDetail> byDateThenApi = Comparator.comparing(CallDetail::date).thenComparing(CallDetail::apiName);
        Comparator<CallDetail> primary = switch (sort) {
            case "api" -> Comparator.comparing(CallDetail::apiName);
            case "type" -> Comparator.comparing(CallDetail::type);
            case "level" -> Comparator.comparingInt(CallDetail::level);
            case "calls" -> Comparator.comparingLong(CallDetail::calls);
            case "monthToDate" -> Comparator.comparingLong(CallDetail::monthToDate);
            default -> Comparator.comparing(CallDetail::date);
        };
        return (descending ? primary.reversed() : primary).thenComparing(byDateThenApi);
    }

    /** The query string of these filters, with a different sort, direction or page: for links and the CSV export. */
    public String link(String path, String sortBy, Boolean desc, Integer pageNumber) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("from", from);
        params.put("to", to);
        if (type != null) params.put("type", type.name().toLowerCase(Locale.ROOT));
        if (level != null) params.put("level", level);
        if (api != null) params.put("api", api);
        if (user != null) params.put("user", user);
        params.put("sort", sortBy == null ? sort : sortBy);
        params.put("dir", (desc == null ? descending : desc) ? "desc" : "asc");
        if (pageNumber != null) params.put("page", pageNumber);
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath(path);
        params.forEach((name, value) -> uri.queryParam(name, value));
        return uri.encode().build().toUriString();
    }

    /** A column header's link: sorts by it, and a second click reverses the order. */
    public String sortLink(String column) {
        boolean desc = column.equals(sort) ? !descending : column.equals("calls") || column.equals("monthToDate");
        return link("/console/calls", column, desc, 1);
    }

    private static LocalDate date(String value, LocalDate fallback, String what) {
        if (blank(value)) return fallback;
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("The " + what + " must be a date such as 2025-01-31.");
        }
    }

    private static OperationType type(String value) {
        if (blank(value)) return null;
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "read" -> OperationType.READ;
            case "write" -> OperationType.WRITE;
            default -> throw new IllegalArgumentException("The type is read or write.");
        };
    }

    private static Integer level(String value) {
        if (blank(value)) return null;
        int level = integer(value, 0);
        if (level < 1 || level > 3) throw new IllegalArgumentException("The level is 1, 2 or 3.");
        return level;
    }

    private static Long user(String value) {
        if (blank(value)) return null;
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("The user is given by its id.");
        }
    }

    private static int integer(String value, int fallback) {
        if (blank(value)) return fallback;
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
