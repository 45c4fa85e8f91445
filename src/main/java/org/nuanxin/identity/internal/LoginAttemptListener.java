package org.nuanxin.identity.internal;

import java.time.Clock;
import java.time.Instant;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * Keeps the lockout counter: each wrong password counts (unknown usernames update no row), the
 * configured number in a row locks the account, a successful sign-in resets it. Attempts on an
 * already locked account raise a different event and so do not extend the lock.
 */
@Component
class LoginAttemptListener {

    private final AccountRepository accounts;
    private final IdentityProperties properties;
    private final Clock clock;

    LoginAttemptListener(AccountRepository accounts, IdentityProperties properties, Clock clock) {
        this.accounts = accounts;
        this.properties = properties;
        this.clock = clock;
    }

    @EventListener
    void onBadCredentials(AuthenticationFailureBadCredentialsEvent event) {
        Instant now = clock.instant();
        accounts.recordFailure(event.getAuthentication().getName(), properties.maxFailedLogins(),
                now.plus(properties.lockoutDuration()));
    }

    @EventListener
    void onSuccess(AuthenticationSuccessEvent event) {
        accounts.recordSuccess(event.getAuthentication().getName(), clock.instant());
    }
}
