package dev.sluice.console.signin;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import dev.sluice.account.ConsoleLogins;
import dev.sluice.console.ConsoleUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** The sign-in page (Spring Security checks the form it posts) and the password change. */
@Controller
class SignInController {

    private final ConsoleLogins logins;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    SignInController(ConsoleLogins logins) {
        this.logins = logins;
    }

    @GetMapping("/console/signin")
    String signIn(@AuthenticationPrincipal ConsoleUser me, @RequestParam(required = false) String locked, Model model) {
        if (me != null) return "redirect:/console";
        if (locked != null) model.addAttribute("lockedMinutes", minutes(locked));
        return "console/signin";
    }

    /** The wait the failure handler put in the address; anything else there is shown as the longest wait. */
    private static int minutes(String text) {
        try {
            return Math.clamp(Integer.parseInt(text), 1, 60);
        } catch (NumberFormatException notANumber) {
            return 15;
        }
    }

    @GetMapping("/console/password")
    String passwordForm(Model model) {
        model.addAttribute("minLength", ConsoleLogins.MIN_PASSWORD_LENGTH);
        return "console/password";
    }

    @PostMapping("/console/password")
    String changePassword(@AuthenticationPrincipal ConsoleUser me, @RequestParam String current,
                          @RequestParam String replacement, @RequestParam String confirmation, Model model,
                          HttpServletRequest request, HttpServletResponse response) {
        model.addAttribute("minLength", ConsoleLogins.MIN_PASSWORD_LENGTH);
        if (!replacement.equals(confirmation)) {
            model.addAttribute("problem", "The new password and its confirmation differ.");
            return "console/password";
        }
        try {
            logins.changePassword(me.userId(), current, replacement);
        } catch (IllegalArgumentException refused) {
            model.addAttribute("problem", refused.getMessage());
            return "console/password";
        }
        // The session keeps the principal, so it is replaced (and saved) without the must-change mark.
        ConsoleUser changed = me.withPasswordChanged(logins.ofUser(me.userId()).orElseThrow());
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(changed, null, changed.getAuthorities()));
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
        return "redirect:/console?passwordChanged";
    }
}
