package dev.sluice.metering;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;

import dev.sluice.catalog.OperationType;
import dev.sluice.dispatch.Action;
import dev.sluice.dispatch.Caller;
import dev.sluice.dispatch.OperationHandler;
import dev.sluice.dispatch.Paging;
import dev.sluice.protocol.PopErrors;

/**
 * Call details of the caller's account: per day and per API in a date range, with calls that day and calls so far
 * that month, filtered by type, level, API and user; paged.
 */
@Action("ListOpenApiCallDetails")
final class ListOpenApiCallDetails implements OperationHandler<ListOpenApiCallDetails.Request, ListOpenApiCallDetails.Response> {

    static final int MAX_DAYS = 366;
    static final int MAX_PAGE_SIZE = 500;

    record Request(String startDate, String endDate, OperationType apiType, Integer apiLevel, String apiName,
                   Long userId, Integer pageNumber, Integer pageSize) {
    }

    record Response(CallDetails callDetails) {
    }

    record CallDetails(long totalCount, int pageNumber, int pageSize, List<Item> items) {
    }

    record Item(String date, String apiName, String type, int level, long calls, long monthToDate) {
    }

    private final UsageQueries usage;

    ListOpenApiCallDetails(UsageQueries usage) {
        this.usage = usage;
    }

    @Override
    public Response handle(Caller caller, Request request) {
        LocalDate from = date("StartDate", request.startDate());
        LocalDate to = date("EndDate", request.endDate());
        if (to.isBefore(from)) throw PopErrors.invalidParameter("EndDate", "is before StartDate").exception();
        if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            throw PopErrors.invalidParameter("EndDate", "a range spans at most " + MAX_DAYS + " days").exception();
        }
        Paging paging = Paging.of(request.pageNumber(), request.pageSize(), "PageNumber", "PageSize", MAX_PAGE_SIZE);
        String apiName = request.apiName() == null || request.apiName().isBlank() ? null : request.apiName().trim();
        List<CallDetail> rows = usage.callDetails(caller.account().id(),
                new CallDetailFilter(from, to, request.apiType(), request.apiLevel(), apiName, request.userId()));
        List<Item> items = paging.slice(rows).stream()
                .map(r -> new Item(r.date().toString(), r.apiName(), r.type().name(), r.level(), r.calls(), r.monthToDate()))
                .toList();
        return new Response(new CallDetails(rows.size(), paging.page(), paging.size(), items));
    }

    private static LocalDate date(String parameter, String value) {
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw PopErrors.invalidParameter(parameter, "expected a date as yyyy-MM-dd, got '" + value + "'").exception();
        }
    }
}
