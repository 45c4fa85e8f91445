package org.nuanxin.identity.internal;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/**
 * Loads staff accounts for form login. Accounts are never locked (wrong passwords are throttled per
 * client address and account by {@link SignInThrottle}).
 */
@Service
class AccountUserDetailsService implements UserDetailsService {

    private final AccountRepository accounts;

    AccountUserDetailsService(AccountRepository accounts) {
        this.accounts = accounts;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        // The message never carries the username: exception messages end up in logs.
        return accounts.findByUsername(username)
                .map(a -> new AccountPrincipal(a, true))
                .orElseThrow(() -> new UsernameNotFoundException("no such account"));
    }
}
