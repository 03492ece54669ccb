package dev.sluice.console.operations;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import dev.sluice.console.ConsoleUser;
import dev.sluice.console.NotFound;
import dev.sluice.operations.TodayInstances;

/**
 * Today's instances of the user's projects, with their state and duration, and the log of each. Kept small on
 * purpose: the O&M operations of the API are the product; this page is for a glance.
 */
@Controller
class OperationsController {

    private final TodayInstances instances;

    OperationsController(TodayInstances instances) {
        this.instances = instances;
    }

    @GetMapping("/console/operations")
    String today(@AuthenticationPrincipal ConsoleUser me, Model model) {
        model.addAttribute("screen", "operations");
        TodayInstances.Today today = instances.today(me.accountId(), me.userId());
        model.addAttribute("rows", today.due());
        model.addAttribute("dueLater", today.dueLater());
        model.addAttribute("limit", TodayInstances.LIMIT);
        return "console/operations";
    }

    @GetMapping("/console/operations/{instanceId}/log")
    String log(@AuthenticationPrincipal ConsoleUser me, @PathVariable String instanceId, Model model) {
        model.addAttribute("screen", "operations");
        model.addAttribute("log", instances.log(me.accountId(), me.userId(), instanceId)
                .orElseThrow(() -> new NotFound("You have no instance " + instanceId + " to look at.")));
        return "console/operation-log";
    }
}
