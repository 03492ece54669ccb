package dev.sluice.console;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import dev.sluice.account.Account;
import dev.sluice.account.Accounts;
import dev.sluice.alerts.QuotaAlert;
import dev.sluice.alerts.QuotaAlerts;
import jakarta.servlet.http.HttpServletRequest;

/**
 * What every console page shows around its content (who is signed in, their account, quota alerts), and the error
 * page: a person sees what went wrong in words and a reference, never a stack trace; the log has the details.
 */
@ControllerAdvice(basePackages = "dev.sluice.console")
class ConsoleAdvice {

    private static final Logger log = LoggerFactory.getLogger(ConsoleAdvice.class);

    /** When each account was last checked for new crossings; pages in between only read the recorded alerts. */
    private final Cache<Long, Boolean> checkedRecently = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofSeconds(10)).maximumSize(10_000).build();

    private final Accounts accounts;
    private final QuotaAlerts alerts;

    ConsoleAdvice(Accounts accounts, QuotaAlerts alerts) {
        this.accounts = accounts;
        this.alerts = alerts;
    }

    @ModelAttribute("me")
    ConsoleUser me(@AuthenticationPrincipal ConsoleUser me) {
        return me;
    }

    @ModelAttribute("myAccount")
    Account myAccount(@AuthenticationPrincipal ConsoleUser me) {
        return me == null ? null : accounts.account(me.accountId()).orElse(null);
    }

    /**
     * Full pages show the account's alerts. They look for new crossings (a handful of indexed reads) at most every ten
     * seconds per account and otherwise read only the recorded alerts; partial updates and downloads skip both. The
     * overview checks with the figures it reads anyway and puts its own list in the model.
     */
    @ModelAttribute("alerts")
    List<QuotaAlert> alerts(@AuthenticationPrincipal ConsoleUser me, HttpServletRequest request) {
        String path = request.getRequestURI();
        if (me == null || me.mustChangePassword() || Htmx.isPartial(request) || !"GET".equals(request.getMethod())
                || path.equals("/console") || path.endsWith(".csv")) {
            return List.of();
        }
        if (checkedRecently.getIfPresent(me.accountId()) != null) return alerts.current(me.accountId());
        checkedRecently.put(me.accountId(), true);
        return accounts.account(me.accountId()).map(alerts::check).orElse(List.of());
    }

    @ExceptionHandler({IllegalArgumentException.class, MissingServletRequestParameterException.class,
            MethodArgumentTypeMismatchException.class})
    ModelAndView badRequest(Exception e) {
        String message = e instanceof IllegalArgumentException ? e.getMessage()
                : "A value in the request is missing or not in the expected form.";
        return error(HttpStatus.BAD_REQUEST, "That did not work", message, null);
    }

    @ExceptionHandler(NotFound.class)
    ModelAndView notFound(NotFound e) {
        return error(HttpStatus.NOT_FOUND, "Not found", e.getMessage(), null);
    }

    @ExceptionHandler(Exception.class)
    ModelAndView unexpected(Exception e, HttpServletRequest request) {
        String reference = UUID.randomUUID().toString().substring(0, 8);
        log.error("console request {} {} failed (reference {})", request.getMethod(), request.getRequestURI(), reference, e);
        return error(HttpStatus.INTERNAL_SERVER_ERROR, "Something went wrong",
                "The page could not be shown. Try again in a moment; if it keeps failing, give your operator this reference.",
                reference);
    }

    private static ModelAndView error(HttpStatus status, String title, String message, String reference) {
        ModelAndView view = new ModelAndView("error");
        view.setStatus(status);
        view.addObject("status", status.value());
        view.addObject("title", title);
        view.addObject("message", message);
        view.addObject("reference", reference);
        return view;
    }
}
