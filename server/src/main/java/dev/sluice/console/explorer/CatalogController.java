package dev.sluice.console.explorer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import dev.sluice.account.Accounts;
import dev.sluice.catalog.Catalog;
import dev.sluice.catalog.Edition;
import dev.sluice.catalog.Operation;
import dev.sluice.console.ConsoleUser;
import dev.sluice.console.Htmx;
import dev.sluice.plan.Plans;
import jakarta.servlet.http.HttpServletRequest;

/** The operations by module and group, as the catalog declares them, with whether the account's edition allows each. */
@Controller
class CatalogController {

    /** The operations of one group within a module. */
    record Group(String module, String name, List<Operation> operations) {
    }

    private final Catalog catalog;
    private final Accounts accounts;
    private final Plans plans;

    CatalogController(Catalog catalog, Accounts accounts, Plans plans) {
        this.catalog = catalog;
        this.accounts = accounts;
        this.plans = plans;
    }

    @GetMapping("/console/apis")
    String catalog(@AuthenticationPrincipal ConsoleUser me, @RequestParam(required = false) String q,
                   @RequestParam(required = false) String module, Model model, HttpServletRequest request) {
        String needle = q == null ? "" : q.trim().toLowerCase(Locale.ROOT);
        String onlyModule = module == null || module.isBlank() ? null : module;
        Map<String, Group> groups = new LinkedHashMap<>();
        for (Operation op : catalog.all()) {
            if (onlyModule != null && !op.module().equals(onlyModule)) continue;
            if (!needle.isEmpty() && !op.action().toLowerCase(Locale.ROOT).contains(needle)) continue;
            groups.computeIfAbsent(op.module() + "\u0000" + op.group(), k -> new Group(op.module(), op.group(), new java.util.ArrayList<>()))
                    .operations().add(op);
        }
        model.addAttribute("screen", "apis");
        model.addAttribute("groups", groups.values());
        model.addAttribute("matches", groups.values().stream().mapToInt(g -> g.operations().size()).sum());
        model.addAttribute("edition", edition(me));
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("module", onlyModule);
        if (Htmx.isPartial(request)) return "console/apis :: results";
        model.addAttribute("modules", catalog.all().stream().map(Operation::module).distinct().toList());
        model.addAttribute("size", catalog.size());
        return "console/apis";
    }

    private Edition edition(ConsoleUser me) {
        return plans.of(accounts.account(me.accountId()).orElseThrow().plan()).edition();
    }
}
