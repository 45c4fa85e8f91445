package org.nuanxin.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.stereotype.Component;

/**
 * After a failed sign-in, tells the login page whether the account is now locked and until when.
 * Only existing accounts can be locked, so an unknown username always reads "wrong username or
 * password", exactly like a wrong password.
 */
@Component
class LoginFailureHandler implements AuthenticationFailureHandler {

    static final String LOCKED_UNTIL = LoginFailureHandler.class.getName() + ".LOCKED_UNTIL";

    private final AccountRepository accounts;
    private final Clock clock;

    LoginFailureHandler(AccountRepository accounts, Clock clock) {
        this.accounts = accounts;
        this.clock = clock;
    }

    @Override
    public void onAuthenticationFailure(
            HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
            throws IOException {
        String username = request.getParameter("username");
        Instant now = clock.instant();
        // The failure event has already been handled, so the lock of the failure that locked it shows too.
        Instant lockedUntil = username == null
                ? null
                : accounts.findByUsername(username)
                        .filter(a -> a.lockedAt(now))
                        .map(Account::lockedUntil)
                        .orElse(null);
        if (lockedUntil != null) {
            request.getSession().setAttribute(LOCKED_UNTIL, lockedUntil);
        }
        response.sendRedirect(request.getContextPath() + "/login?" + (lockedUntil != null ? "locked" : "error"));
    }
}
