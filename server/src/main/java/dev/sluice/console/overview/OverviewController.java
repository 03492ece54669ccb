package dev.sluice.console.overview;

import java.time.LocalDate;
import java.time.YearMonth;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import dev.sluice.account.Account;
import dev.sluice.account.Accounts;
import dev.sluice.alerts.QuotaAlerts;
import dev.sluice.console.ConsoleUser;
import dev.sluice.metering.AdmittedCounts;
import dev.sluice.metering.MonthUsage;
import dev.sluice.metering.UsageQueries;

/** The account at a glance: edition, free quota, calls and amount due this month, limits, today, trend, refusals. */
@Controller
class OverviewController {

    private final Accounts accounts;
    private final UsageQueries usage;
    private final QuotaAlerts alerts;

    OverviewController(Accounts accounts, UsageQueries usage, QuotaAlerts alerts) {
        this.accounts = accounts;
        this.usage = usage;
        this.alerts = alerts;
    }

    @GetMapping("/console")
    String overview(@AuthenticationPrincipal ConsoleUser me, Model model) {
        Account account = accounts.account(me.accountId()).orElseThrow();
        LocalDate today = usage.today();
        YearMonth month = YearMonth.from(today);
        MonthUsage m = usage.month(account, month);
        AdmittedCounts counts = usage.todayCounts(account.id());
        model.addAttribute("screen", "overview");
        model.addAttribute("account", account);
        model.addAttribute("usage", m);
        model.addAttribute("today", today);
        model.addAttribute("limits", Limits.rows(m.plan()));
        model.addAttribute("limitsByType", Limits.byType(m.plan()));
        model.addAttribute("todayRows", Limits.today(m.plan(), counts));
        model.addAttribute("trend", Trend.json(month, usage.dailyByLevel(account.id(), month.atDay(1), month.atEndOfMonth())));
        model.addAttribute("refusedTotal", m.refused().stream().mapToLong(MonthUsage.Refusals::calls).sum());
        model.addAttribute("alerts", alerts.check(account, m, counts));
        return "console/overview";
    }
}
