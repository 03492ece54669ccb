package dev.sluice.console.calls;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import dev.sluice.account.Accounts;
import dev.sluice.catalog.Catalog;
import dev.sluice.catalog.Operation;
import dev.sluice.console.ConsoleUser;
import dev.sluice.console.Htmx;
import dev.sluice.metering.CallDetail;
import dev.sluice.metering.CsvWriter;
import dev.sluice.metering.UsageQueries;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Call details per day and API, from {@link UsageQueries#callDetails}: the very rows {@code ListOpenApiCallDetails}
 * answers for the same filters. Filtering, sorting and paging re-render only the table (htmx); the CSV holds every
 * row the filters select, in the table's order.
 */
@Controller
class CallsController {

    private final UsageQueries usage;
    private final Accounts accounts;
    private final List<String> apiNames;

    CallsController(UsageQueries usage, Accounts accounts, Catalog catalog) {
        this.usage = usage;
        this.accounts = accounts;
        this.apiNames = catalog.all().stream().map(Operation::action).sorted().toList();
    }

    @GetMapping("/console/calls")
    String calls(@AuthenticationPrincipal ConsoleUser me, @RequestParam Map<String, String> params, Model model,
                 HttpServletRequest request) {
        CallsQuery query = CallsQuery.parse(params, usage.today());
        List<CallDetail> rows = rows(me, query);
        int pages = Math.max(1, (rows.size() + CallsQuery.PAGE_SIZE - 1) / CallsQuery.PAGE_SIZE);
        int page = Math.min(query.page(), pages);
        model.addAttribute("screen", "calls");
        model.addAttribute("q", query);
        model.addAttribute("rows", rows.subList((page - 1) * CallsQuery.PAGE_SIZE, Math.min(rows.size(), page * CallsQuery.PAGE_SIZE)));
        model.addAttribute("total", rows.size());
        model.addAttribute("totalCalls", rows.stream().mapToLong(CallDetail::calls).sum());
        model.addAttribute("page", page);
        model.addAttribute("pages", pages);
        if (Htmx.isPartial(request)) return "console/calls :: results";
        model.addAttribute("users", accounts.users(me.accountId()));
        model.addAttribute("apiNames", apiNames);
        return "console/calls";
    }

    @GetMapping("/console/calls.csv")
    ResponseEntity<byte[]> csv(@AuthenticationPrincipal ConsoleUser me, @RequestParam Map<String, String> params) {
        CallsQuery query = CallsQuery.parse(params, usage.today());
        StringBuilder body = new StringBuilder();
        CsvWriter csv = new CsvWriter(body, "date", "api", "type", "level", "calls", "month_to_date");
        for (CallDetail row : rows(me, query)) {
            csv.row(row.date(), row.apiName(), row.type().name(), row.level(), row.calls(), row.monthToDate());
        }
        String file = "call-details-" + query.from() + "-to-" + query.to() + ".csv";
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(file).build().toString())
                .body(body.toString().getBytes(StandardCharsets.UTF_8));
    }

    private List<CallDetail> rows(ConsoleUser me, CallsQuery query) {
        return usage.callDetails(me.accountId(), query.filter()).stream().sorted(query.comparator()).toList();
    }
}
