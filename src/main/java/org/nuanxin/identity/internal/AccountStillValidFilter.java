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
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a signed-in session as soon as its account is disabled, deleted, given another role or moved to
 * another organisation: the
 * session's principal was read at sign-in, so without this a disabled user would keep working until
 * the session timed out. One look-up by the unique username per request of a signed-in user.
 *
 * <p>While the account's password is one-time (set by an administrator: a new account or a reset), every
 * console page but the own-password page sends the user there first ({@link #PASSWORD_PAGE}).
 *
 * <p>Also ends a session older than the absolute lifetime ({@code nuanxin.identity.session-absolute-lifetime},
 * counted on the application clock from the sign-in, see {@link #SIGNED_IN_AT}), however active it is.
 */
class AccountStillValidFilter extends OncePerRequestFilter {

    /** Session attribute: the instant of the sign-in, set by the success handler. */
    static final String SIGNED_IN_AT = AccountStillValidFilter.class.getName() + ".SIGNED_IN_AT";

    /** Where a user with a one-time password is sent until they have chosen their own. */
    static final String PASSWORD_PAGE = "/console/account/password";

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
        if (auth != null && auth.getPrincipal() instanceof AccountPrincipal principal) {
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
            } else if (account.get().mustChangePassword()
                    && request.getRequestURI().startsWith(request.getContextPath() + "/console")
                    && !request.getRequestURI().equals(request.getContextPath() + PASSWORD_PAGE)) {
                response.sendRedirect(request.getContextPath() + PASSWORD_PAGE);
                return;
            }
        }
        chain.doFilter(request, response);
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
