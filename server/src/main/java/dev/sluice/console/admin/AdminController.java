package dev.sluice.console.admin;

import java.time.YearMonth;
import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.sluice.account.Account;
import dev.sluice.account.AccountAdmin;
import dev.sluice.account.Accounts;
import dev.sluice.console.NotFound;
import dev.sluice.metering.MonthUsage;
import dev.sluice.metering.UsageQueries;
import dev.sluice.plan.Plan;
import dev.sluice.plan.Plans;

/** Operators only (the security chain checks the role): every account, its plan and switches, usage and bills. */
@Controller
class AdminController {

    /** An account with its usage this month. */
    record Row(Account account, MonthUsage usage) {
    }

    private final Accounts accounts;
    private final AccountAdmin admin;
    private final UsageQueries usage;
    private final Plans plans;

    AdminController(Accounts accounts, AccountAdmin admin, UsageQueries usage, Plans plans) {
        this.accounts = accounts;
        this.admin = admin;
        this.usage = usage;
        this.plans = plans;
    }

    @GetMapping("/console/admin")
    String accounts(Model model) {
        YearMonth month = YearMonth.from(usage.today());
        List<Row> rows = accounts.accounts().stream().map(a -> new Row(a, usage.month(a, month))).toList();
        model.addAttribute("screen", "admin");
        model.addAttribute("rows", rows);
        model.addAttribute("month", month);
        return "console/admin/accounts";
    }

    @GetMapping("/console/admin/accounts/{id}")
    String account(@PathVariable long id, Model model) {
        Account account = account(id);
        model.addAttribute("screen", "admin");
        model.addAttribute("account", account);
        model.addAttribute("usage", usage.month(account, YearMonth.from(usage.today())));
        model.addAttribute("bills", usage.bills(account));
        model.addAttribute("plans", plans.names().stream().map(plans::of)
                .sorted(java.util.Comparator.comparing(Plan::edition).thenComparing(Plan::name)).toList());
        model.addAttribute("users", accounts.users(id));
        return "console/admin/account";
    }

    @PostMapping("/console/admin/accounts/{id}")
    String update(@PathVariable long id, @RequestParam String plan,
                  @RequestParam(defaultValue = "false") boolean payAsYouGo,
                  @RequestParam(defaultValue = "false") boolean overdue, RedirectAttributes flash) {
        Account updated = admin.updateAccount(account(id).id(), plan, payAsYouGo, overdue);
        flash.addFlashAttribute("notice", "Account " + updated.name() + " saved: plan " + updated.plan()
                + ", pay-as-you-go " + (updated.payAsYouGo() ? "on" : "off") + ", overdue " + (updated.overdue() ? "yes" : "no") + ".");
        return "redirect:/console/admin/accounts/" + id;
    }

    private Account account(long id) {
        return accounts.account(id).orElseThrow(() -> new NotFound("There is no account " + id + "."));
    }
}
