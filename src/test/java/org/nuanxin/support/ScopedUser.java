package org.nuanxin.support;

import org.nuanxin.identity.CurrentUser;
import org.nuanxin.identity.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.AuthenticatedPrincipal;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Test fixture: an authentication for a staff member of one organisation (unlike {@code user(...)} mock users,
 * who act from the root), so that {@code DataScopes.current()} gives that organisation's subtree. Use it for the
 * security context of service tests or with MockMvc's {@code authentication(...)}.
 *
 * <pre>{@code
 * mvc.perform(get("/console/organizations").with(authentication(ScopedUser.of(jdbc, "yz", Role.ORG_ADMIN, "500103"))))
 * }</pre>
 */
public final class ScopedUser {

    private ScopedUser() {}

    /** The principal: the staff member, named by their username. */
    record Principal(CurrentUser currentUser) implements CurrentUser.Principal, AuthenticatedPrincipal {

        @Override
        public String getName() {
            return currentUser.username();
        }
    }

    /** @return an authenticated user with {@code role} in the territorial organisation of {@code divisionCode} */
    public static Authentication of(JdbcClient jdbc, String username, Role role, String divisionCode) {
        return of(new CurrentUser(username, username, role, StaffAccounts.organization(jdbc, divisionCode)));
    }

    /** @return an authenticated user standing for {@code user} */
    public static Authentication of(CurrentUser user) {
        TestingAuthenticationToken token = new TestingAuthenticationToken(
                new Principal(user), "n/a", user.role().authority());
        token.setAuthenticated(true);
        return token;
    }

    /** Puts the user into the current thread's security context (clear it after the test). */
    public static void signIn(Authentication authentication) {
        SecurityContextHolder.getContext().setAuthentication(authentication);
    }
}
