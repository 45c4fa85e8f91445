package org.nuanxin.identity.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.nuanxin.identity.CurrentWorker;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a signed-in session as soon as its account is disabled, deleted, given another role or moved to
 * another organisation: the
 * session's principal was read at sign-in, so without this a disabled user would keep working until
 * the session timed out. One look-up by the unique username per request of a signed-in user. An account with a
 * one-time password (set by an administrator for a new account or a reset, or by {@link AdminRecovery}) is
 * sent to the page to choose a new one from every other page.
 *
 * <p>Also ends a session older than the absolute lifetime ({@code nuanxin.identity.session-absolute-lifetime},
 * counted on the application clock from the sign-in, see {@link #SIGNED_IN_AT}), however active it is; so too a
 * worker's session (one-time-code sign-in).
 */
class AccountStillValidFilter extends OncePerRequestFilter {

    /** Session attribute: the instant of the sign-in, set by the success handler. */
    static final String SIGNED_IN_AT = AccountStillValidFilter.class.getName() + ".SIGNED_IN_AT";

    private final AccountRepository accounts;
    private final Clock clock;
    private final Duration absoluteLifetime;

    AccountStillValidFilter(AccountRepository accounts, Clock clock, Duration absoluteLifetime) {
        this.accounts = accounts;
        this.clock = clock;
        this.absoluteLifetime = absoluteLifetime;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        HttpSession current = request.getSession(false);
        if (auth != null
                && auth.getPrincipal() instanceof CurrentWorker.Principal
                && current != null
                && tooOld(current)) {
            // A worker's session has the same absolute lifetime as a staff member's.
            SecurityContextHolder.clearContext();
            current.invalidate();
        } else if (auth != null && auth.getPrincipal() instanceof AccountPrincipal principal) {
            Optional<Account> account = accounts.findByUsername(principal.getUsername());
            if (account.isEmpty()
                    || !account.get().enabled()
                    || account.get().role() != principal.role()
                    || account.get().organizationId() != principal.organizationId()
                    || tooOld(request.getSession(false))) {
                SecurityContextHolder.clearContext();
                HttpSession session = request.getSession(false);
                if (session != null) {
                    session.invalidate();
                }
            } else if (account.get().mustChangePassword() && !mayOpenBeforeChangingPassword(request)) {
                // A one-time password (administrator recovery) opens nothing but the page to choose a new one.
                String target = request.getContextPath() + CHANGE_PASSWORD + "?required";
                if (request.getHeader("HX-Request") != null) {
                    response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
                    response.setHeader("HX-Redirect", target);
                } else if (SignInAgain.isApi(request)) {
                    response.sendError(HttpServletResponse.SC_FORBIDDEN);
                } else {
                    response.setStatus(HttpServletResponse.SC_FOUND);
                    response.setHeader("Location", target);
                }
                return;
            }
        }
        chain.doFilter(request, response);
    }

    static final String CHANGE_PASSWORD = "/console/account/password";

    private static boolean mayOpenBeforeChangingPassword(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.equals(CHANGE_PASSWORD)
                || path.equals("/logout")
                || path.equals("/error")
                || path.startsWith("/css/")
                || path.startsWith("/js/")
                || path.startsWith("/webjars/")
                || path.startsWith("/favicon");
    }

    private boolean tooOld(HttpSession session) {
        if (session == null) {
            return false;
        }
        Object at = session.getAttribute(SIGNED_IN_AT);
        // A session without the mark was not made by our sign-in (e.g. a test's): it has no absolute age.
        return at instanceof Instant signedInAt && !clock.instant().isBefore(signedInAt.plus(absoluteLifetime));
    }
}
