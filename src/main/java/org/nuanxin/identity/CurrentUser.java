package org.nuanxin.identity;

import java.util.Arrays;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The signed-in staff member of the current request: who records "who did this", and whom the
 * permissions classes ({@link AccountPermissions}, {@code StationPermissions}, ...) and the data scope
 * ({@link DataScopes}) ask about. Obtain it with {@link #get()}; it is empty for anonymous requests
 * (worker pages, public API).
 *
 * @param username       the login name, unique
 * @param displayName    the name shown in the console
 * @param role           the account's role
 * @param organizationId the organisation the account belongs to; null only for an authentication that
 *     no account stands behind (tests' mock users), which {@link DataScopes} treats as the root
 */
public record CurrentUser(
        String username,
        String displayName,
        Role role,
        @Nullable Long organizationId) {

    /** A user of a test or a tool that acts for the whole city (organisation unknown: the root). */
    public CurrentUser(String username, String displayName, Role role) {
        this(username, displayName, role, null);
    }

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
