package org.nuanxin.identity;

import java.util.Arrays;
import java.util.Optional;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The signed-in staff member of the current request: who records "who did this", and whom the
 * permissions classes ({@link AccountPermissions}, {@code StationPermissions}, ...) ask about. Later
 * modules extend what it carries (organisation, data scope). Obtain it with {@link #get()}; it is
 * empty for anonymous requests (worker pages, public API).
 *
 * @param username    the login name, unique
 * @param displayName the name shown in the console
 * @param role        the account's role
 */
public record CurrentUser(String username, String displayName, Role role) {

    /** A signed-in principal that knows the staff member it stands for (a password sign-in's account). */
    public interface Principal {

        /** @return the staff member, as the permissions classes see them */
        CurrentUser currentUser();
    }

    /**
     * The user bound to the current thread's security context, or empty when nobody signed in or the
     * authentication carries no staff role.
     */
    public static Optional<CurrentUser> get() {
        return of(SecurityContextHolder.getContext().getAuthentication());
    }

    /** The staff member behind an authentication, or empty for none, an anonymous one or one without a staff role. */
    public static Optional<CurrentUser> of(Authentication auth) {
        if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
            return Optional.empty();
        }
        if (auth.getPrincipal() instanceof Principal p) {
            return Optional.of(p.currentUser());
        }
        // Other authentications (tests' mock users, future sign-in methods) carry their role as an authority.
        return auth.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .flatMap(a ->
                        Arrays.stream(Role.values()).filter(r -> r.authority().equals(a)))
                .findFirst()
                .map(role -> new CurrentUser(auth.getName(), auth.getName(), role));
    }

    /** @return whether this user has the role */
    public boolean is(Role other) {
        return role == other;
    }
}
