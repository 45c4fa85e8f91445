package org.nuanxin.identity.internal;

import java.time.Clock;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/**
 * Loads staff accounts for form login. A locked account is returned with
 * {@code accountNonLocked=false}, so Spring Security refuses it before the password is checked:
 * even the right password fails until the lock expires.
 */
@Service
class AccountUserDetailsService implements UserDetailsService {

    private final AccountRepository accounts;
    private final Clock clock;

    AccountUserDetailsService(AccountRepository accounts, Clock clock) {
        this.accounts = accounts;
        this.clock = clock;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        // The message never carries the username: exception messages end up in logs.
        return accounts.findByUsername(username)
                .map(a -> new AccountPrincipal(a, !a.lockedAt(clock.instant())))
                .orElseThrow(() -> new UsernameNotFoundException("no such account"));
    }
}
