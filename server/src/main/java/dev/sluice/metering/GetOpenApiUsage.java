package dev.sluice.metering;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;

import dev.sluice.dispatch.Action;
import dev.sluice.dispatch.Caller;
import dev.sluice.dispatch.OperationHandler;
import dev.sluice.protocol.PopErrors;

/** The caller's account usage in one month (default: the current one): free quota, calls, billable calls, refusals. */
@Action("GetOpenApiUsage")
final class GetOpenApiUsage implements OperationHandler<GetOpenApiUsage.Request, GetOpenApiUsage.Response> {

    record Request(String month) {
    }

    record Response(Usage usage) {
    }

    record Usage(String month, String plan, String edition, String region, boolean payAsYouGo, long freeQuota,
                 long freeQuotaUsed, long freeQuotaRemaining, long callsThisMonth, long billableCallsThisMonth,
                 BigDecimal pricePer10k, BigDecimal amountDue, String currency, long callsToday, List<Refused> refusedThisMonth) {
    }

    record Refused(String code, long calls) {
    }

    private final UsageQueries usage;

    GetOpenApiUsage(UsageQueries usage) {
        this.usage = usage;
    }

    @Override
    public Response handle(Caller caller, Request request) {
        YearMonth month = request.month() == null || request.month().isBlank()
                ? YearMonth.from(usage.today()) : parse(request.month());
        MonthUsage m = usage.month(caller.account(), month);
        return new Response(new Usage(m.month().toString(), m.plan().name(), m.plan().edition().name(), m.region(),
                m.payAsYouGo(), m.plan().monthlyFree(), m.freeQuotaUsed(), m.freeQuotaRemaining(), m.calls(),
                m.billableCalls(), m.plan().pricePer10k(), m.amountDue(), MonthUsage.CURRENCY, m.callsToday(),
                m.refused().stream().map(r -> new Refused(r.code(), r.calls())).toList()));
    }

    private static YearMonth parse(String month) {
        try {
            return YearMonth.parse(month.trim());
        } catch (DateTimeParseException e) {
            throw PopErrors.invalidParameter("Month", "expected a month as yyyy-MM, got '" + month + "'").exception();
        }
    }
}
