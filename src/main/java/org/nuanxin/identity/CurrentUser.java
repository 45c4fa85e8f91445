package org.nuanxin.identity;

import java.util.Optional;

import org.nuanxin.identity.internal.AccountPrincipal;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The signed-in staff member of the current request, for modules that record "who did this".
 * Obtain it with {@link #get()}; it is empty for anonymous requests (worker pages, public API).
 *
 * @param username    the login name, unique
 * @param displayName the name shown in the console
 * @param role        the account's role
 */
public record CurrentUser(String username, String displayName, Role role) {

    /** The user bound to the current thread's security context, or empty when nobody signed in. */
    public static Optional<CurrentUser> get() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.isAuthenticated() && auth.getPrincipal() instanceof AccountPrincipal p) {
            return Optional.of(new CurrentUser(p.getUsername(), p.displayName(), p.role()));
        }
        return Optional.empty();
    }
}
