package dev.sluice.console.signin;

import java.io.IOException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import dev.sluice.account.ConsoleLogins;
import dev.sluice.console.ConsoleUser;
import dev.sluice.console.Htmx;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/**
 * Ends a console session whose sign-in changed since it was opened: the user was disabled or deleted, the operator
 * flag was granted or revoked, or the password was set again (by the user elsewhere, or by an operator). Runs before
 * Spring Security decides what the request may see, so an operator page is never served on a revoked flag. One
 * lookup of the sign-in and its user per console request; the static assets are skipped.
 */
final class SessionRecheck extends OncePerRequestFilter {

    static final String ENDED = ConsoleSecurity.SIGN_IN + "?ended";

    private static final Logger log = LoggerFactory.getLogger(SessionRecheck.class);

    private final ConsoleLogins logins;

    SessionRecheck(ConsoleLogins logins) {
        this.logins = logins;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + "/console/assets/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof ConsoleUser me
                && !logins.activeLogin(me.userId()).map(me::stillMatches).orElse(false)) {
            log.info("Console session of {} ended: the user, the operator flag or the password changed since sign-in",
                    me.loginName());
            HttpSession session = request.getSession(false);
            if (session != null) session.invalidate();
            SecurityContextHolder.clearContext();
            String target = request.getContextPath() + ENDED;
            if (Htmx.isPartial(request)) {
                response.setHeader("HX-Redirect", target); // htmx loads the whole sign-in page, not a fragment of it
                response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            } else {
                response.sendRedirect(target);
            }
            return;
        }
        chain.doFilter(request, response);
    }
}
