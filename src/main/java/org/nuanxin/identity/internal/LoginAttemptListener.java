package org.nuanxin.identity.internal;

import java.time.Clock;
import org.nuanxin.audit.AuditLog;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationFailureDisabledEvent;
import org.springframework.security.authentication.event.AuthenticationFailureLockedEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * Records the last sign-in of an account (wrong passwords are throttled by {@link SignInThrottle}, never
 * locking the account). Every sign-in and
 * every failed one is written to the audit log; a failure names the attempted username only when
 * such an account exists, so a password typed into the username field is never stored.
 */
@Component
class LoginAttemptListener {

    private final AccountRepository accounts;
    private final Clock clock;
    private final AuditLog audit;

    LoginAttemptListener(AccountRepository accounts, Clock clock, AuditLog audit) {
        this.accounts = accounts;
        this.clock = clock;
        this.audit = audit;
    }

    @EventListener
    void onSuccess(AuthenticationSuccessEvent event) {
        String username = event.getAuthentication().getName();
        accounts.recordSuccess(username, clock.instant());
        audit.record(
                new AuditLog.Origin(username, audit.currentOrigin().clientAddress()),
                "identity.sign-in",
                "account",
                username,
                null,
                null);
    }

    @EventListener
    void onFailure(AbstractAuthenticationFailureEvent event) {
        String attempted = event.getAuthentication().getName();
        boolean known = attempted != null
                && !attempted.isBlank()
                && accounts.findByUsername(attempted).isPresent();
        String actor = known ? attempted : AuditLog.UNKNOWN_ACTOR;
        String cause = event instanceof AuthenticationFailureBadCredentialsEvent
                ? "bad-credentials"
                : event instanceof AuthenticationFailureLockedEvent
                        ? "locked"
                        : event instanceof AuthenticationFailureDisabledEvent ? "disabled" : "other";
        audit.record(
                new AuditLog.Origin(actor, audit.currentOrigin().clientAddress()),
                "identity.sign-in.failed",
                known ? "account" : null,
                known ? attempted : null,
                null,
                cause);
    }
}
