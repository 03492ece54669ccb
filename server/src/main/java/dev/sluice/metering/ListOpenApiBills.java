package dev.sluice.metering;

import java.math.BigDecimal;
import java.util.List;

import dev.sluice.dispatch.Action;
import dev.sluice.dispatch.Caller;
import dev.sluice.dispatch.OperationHandler;

/** The caller's account bills: the current month as OPEN with its figures so far, then closed months, newest first. */
@Action("ListOpenApiBills")
final class ListOpenApiBills implements OperationHandler<ListOpenApiBills.Request, ListOpenApiBills.Response> {

    record Request() {
    }

    record Response(List<Item> bills) {
    }

    record Item(String month, String status, String plan, long calls, long freeCalls, long billableCalls,
                BigDecimal pricePer10k, BigDecimal amount, String currency, Long closedAt) {
    }

    private final UsageQueries usage;

    ListOpenApiBills(UsageQueries usage) {
        this.usage = usage;
    }

    @Override
    public Response handle(Caller caller, Request request) {
        return new Response(usage.bills(caller.account()).stream()
                .map(b -> new Item(b.month(), b.status().name(), b.plan(), b.calls(), b.freeCalls(), b.billableCalls(),
                        b.pricePer10k(), b.amount(), b.currency(), b.closedAt()))
                .toList());
    }
}
