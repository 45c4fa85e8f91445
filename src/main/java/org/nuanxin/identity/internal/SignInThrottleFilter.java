package org.nuanxin.identity.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.nuanxin.audit.AuditLog;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a sign-in attempt the throttle does not allow before the password is checked, with the
 * answer of a wrong password; the refusal is written to the audit log as a failed sign-in ({@code throttled}).
 */
final class SignInThrottleFilter extends OncePerRequestFilter {

    private final SignInThrottle throttle;
    private final AuditLog audit;
    private final AccountRepository accounts;

    SignInThrottleFilter(SignInThrottle throttle, AuditLog audit, AccountRepository accounts) {
        this.throttle = throttle;
        this.audit = audit;
        this.accounts = accounts;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod())
                || !"/login"
                        .equals(request.getRequestURI()
                                .substring(request.getContextPath().length()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String username = String.valueOf(request.getParameter("username"));
        if (throttle.allows(username, request.getRemoteAddr())) {
            chain.doFilter(request, response);
            return;
        }
        boolean known = accounts.findByUsername(username).isPresent();
        audit.record(
                new AuditLog.Origin(known ? username : AuditLog.UNKNOWN_ACTOR, request.getRemoteAddr()),
                "identity.sign-in.failed",
                known ? "account" : null,
                known ? username : null,
                null,
                "throttled");
        LoginFailureHandler.answer(request, response);
    }
}
