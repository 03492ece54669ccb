package dev.sluice.console.explorer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import dev.sluice.account.AccessKey;
import dev.sluice.account.Accounts;
import dev.sluice.account.Credential;
import dev.sluice.catalog.Catalog;
import dev.sluice.catalog.Operation;
import dev.sluice.console.NotFound;
import dev.sluice.console.ConsoleUser;
import dev.sluice.console.Htmx;
import dev.sluice.plan.Plans;
import jakarta.servlet.http.HttpServletRequest;

/** One operation: its parameters from the catalog, and a form that calls it for real as the signed-in user. */
@Controller
class ExplorerController {

    /** Form fields carry this prefix, so a parameter can never collide with the form's own fields. */
    static final String PARAM = "p.";

    private final Catalog catalog;
    private final Accounts accounts;
    private final Plans plans;
    private final SelfCall selfCall;

    ExplorerController(Catalog catalog, Accounts accounts, Plans plans, SelfCall selfCall) {
        this.catalog = catalog;
        this.accounts = accounts;
        this.plans = plans;
        this.selfCall = selfCall;
    }

    @GetMapping("/console/apis/{action}")
    String operation(@AuthenticationPrincipal ConsoleUser me, @PathVariable String action, Model model) {
        describe(me, operation(action), model, Map.of());
        return "console/operation";
    }

    @PostMapping("/console/apis/{action}")
    String tryIt(@AuthenticationPrincipal ConsoleUser me, @PathVariable String action, @RequestParam Map<String, String> form,
                 Model model, HttpServletRequest request) {
        Operation op = operation(action);
        String keyId = form.get("accessKeyId");
        Credential key = enabledKeys(me).stream().filter(k -> k.id().equals(keyId)).findFirst()
                .flatMap(k -> accounts.credential(k.id())).orElse(null);
        Map<String, String> parameters = new LinkedHashMap<>();
        form.forEach((name, value) -> {
            if (name.startsWith(PARAM) && value != null && !value.isBlank()) parameters.put(name.substring(PARAM.length()), value.trim());
        });
        if (key == null) { // answered in the result area (htmx swaps only 2xx), not as an error page
            model.addAttribute("problem", "Choose one of your enabled AccessKeys to sign the call; create one on the AccessKeys page.");
        } else {
            model.addAttribute("result", selfCall.call(key, op.action(), parameters));
        }
        if (Htmx.isPartial(request)) return "console/operation :: result";
        describe(me, op, model, parameters);
        return "console/operation";
    }

    private void describe(ConsoleUser me, Operation op, Model model, Map<String, String> values) {
        var account = accounts.account(me.accountId()).orElseThrow();
        Map<String, String> filled = new LinkedHashMap<>(values);
        filled.putIfAbsent("OpTenantId", String.valueOf(accounts.tenants(account.id()).getFirst().id()));
        model.addAttribute("screen", "apis");
        model.addAttribute("op", op);
        model.addAttribute("allowed", plans.of(account.plan()).edition().covers(op.minEdition()));
        model.addAttribute("keys", enabledKeys(me));
        model.addAttribute("values", filled);
    }

    private List<AccessKey> enabledKeys(ConsoleUser me) {
        return accounts.accessKeys(me.userId()).stream().filter(AccessKey::enabled).toList();
    }

    private Operation operation(String action) {
        return catalog.find(action).orElseThrow(() -> new NotFound("There is no operation " + action + "."));
    }
}
