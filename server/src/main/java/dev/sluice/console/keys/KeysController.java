package dev.sluice.console.keys;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.sluice.account.AccessKey;
import dev.sluice.account.AccountAdmin;
import dev.sluice.account.Accounts;
import dev.sluice.account.KeyPair;
import dev.sluice.console.NotFound;
import dev.sluice.console.ConsoleUser;

/**
 * The signed-in user's own AccessKeys. A new key's secret travels once, in the flash attributes of the redirect after
 * creating it, and is never stored in readable form; a key of someone else reads as not found.
 */
@Controller
class KeysController {

    private final Accounts accounts;
    private final AccountAdmin admin;

    KeysController(Accounts accounts, AccountAdmin admin) {
        this.accounts = accounts;
        this.admin = admin;
    }

    @GetMapping("/console/keys")
    String keys(@AuthenticationPrincipal ConsoleUser me, Model model) {
        model.addAttribute("screen", "keys");
        model.addAttribute("keys", accounts.accessKeys(me.userId()));
        return "console/keys";
    }

    @PostMapping("/console/keys")
    String create(@AuthenticationPrincipal ConsoleUser me, RedirectAttributes flash) {
        KeyPair created = admin.createAccessKey(me.userId());
        flash.addFlashAttribute("created", created);
        return "redirect:/console/keys";
    }

    @PostMapping("/console/keys/{id}/disable")
    String disable(@AuthenticationPrincipal ConsoleUser me, @PathVariable String id, RedirectAttributes flash) {
        admin.setAccessKeyEnabled(own(me, id).id(), false);
        flash.addFlashAttribute("notice", "AccessKey " + id + " is disabled. Calls signed with it are refused until you enable it again.");
        return "redirect:/console/keys";
    }

    @PostMapping("/console/keys/{id}/enable")
    String enable(@AuthenticationPrincipal ConsoleUser me, @PathVariable String id, RedirectAttributes flash) {
        admin.setAccessKeyEnabled(own(me, id).id(), true);
        flash.addFlashAttribute("notice", "AccessKey " + id + " is enabled again.");
        return "redirect:/console/keys";
    }

    @GetMapping("/console/keys/{id}/delete")
    String confirmDelete(@AuthenticationPrincipal ConsoleUser me, @PathVariable String id, Model model) {
        model.addAttribute("screen", "keys");
        model.addAttribute("key", own(me, id));
        return "console/key-delete";
    }

    @PostMapping("/console/keys/{id}/delete")
    String delete(@AuthenticationPrincipal ConsoleUser me, @PathVariable String id, RedirectAttributes flash) {
        admin.deleteAccessKey(own(me, id).id());
        flash.addFlashAttribute("notice", "AccessKey " + id + " is deleted.");
        return "redirect:/console/keys";
    }

    private AccessKey own(ConsoleUser me, String id) {
        return accounts.accessKeys(me.userId()).stream().filter(k -> k.id().equals(id)).findFirst()
                .orElseThrow(() -> new NotFound("You have no AccessKey " + id + "."));
    }
}
