package org.nuanxin.identity;

import java.util.Optional;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Answers "may this user do this to this staff account?" for the identity module; asked by the account
 * console and by the account service (which refuses with {@link AccessDeniedException}).
 *
 * <p>Rules. Administrators ({@link Role#isAdministrator()}) see the accounts of their data scope (their
 * organisation's subtree). They <em>manage</em> an account — create it, change its role or organisation,
 * disable or enable it, reset its password — when the account's organisation lies in their scope and
 * its role is one they may grant ({@link Role#grantable()}); an organisation administrator does not
 * manage (or create) another organisation administrator of their own organisation: that is for the
 * administrator above. A role change or a move must be one the administrator could also create. Nobody
 * manages their own account (so nobody raises their own rights, and the city never loses its last
 * administrator by a slip); every signed-in staff member changes their own password, and only their own.
 * Anonymous users do nothing here.
 */
@Component("accountPermissions")
public class AccountPermissions {

    /** What can be done to accounts. {@link #DISABLE} covers enabling again; {@link #UPDATE} covers a move. */
    public enum Action {
        VIEW,
        CREATE,
        UPDATE,
        CHANGE_ROLE,
        DISABLE,
        RESET_PASSWORD,
        CHANGE_PASSWORD
    }

    private final DataScopes scopes;

    AccountPermissions(DataScopes scopes) {
        this.scopes = scopes;
    }

    /** @return whether {@code user} (empty: anonymous) may do {@code action} with no particular account */
    public boolean allows(Optional<CurrentUser> user, Action action) {
        // Actions on one account, asked without one, mean "could this user do it to some account?".
        return user.isPresent()
                && switch (action) {
                    case VIEW, CREATE, UPDATE, CHANGE_ROLE, DISABLE, RESET_PASSWORD ->
                        user.get().role().isAdministrator();
                    case CHANGE_PASSWORD -> true;
                };
    }

    /** @return whether {@code user} (empty: anonymous) may do {@code action} to the account {@code target} */
    public boolean allows(Optional<CurrentUser> user, Action action, StaffAccount target) {
        if (user.isEmpty()) {
            return false;
        }
        CurrentUser actor = user.get();
        boolean own = actor.username().equals(target.username());
        return switch (action) {
            case VIEW -> actor.role().isAdministrator() && scopes.of(actor).includes(target.organizationId());
            case CREATE -> may(actor, target.role(), target.organizationId());
            case UPDATE, CHANGE_ROLE, DISABLE, RESET_PASSWORD ->
                !own && may(actor, target.role(), target.organizationId());
            case CHANGE_PASSWORD -> own;
        };
    }

    /**
     * @return whether {@code user} may give an account the role {@code role} in the organisation {@code
     *     organizationId} (create it so, or change or move an account it manages to it)
     */
    public boolean mayGrant(Optional<CurrentUser> user, Role role, long organizationId) {
        return user.isPresent() && may(user.get(), role, organizationId);
    }

    private boolean may(CurrentUser actor, Role role, long organizationId) {
        if (!actor.role().grantable().contains(role) || !scopes.of(actor).includes(organizationId)) {
            return false;
        }
        boolean peerAdministrator = actor.role() == Role.ORG_ADMIN
                && role == Role.ORG_ADMIN
                && organizationId == scopes.of(actor).rootId();
        return !peerAdministrator;
    }

    /** @return whether the current user may do {@code action}; for templates: {@code @accountPermissions.current('VIEW')} */
    public boolean current(Action action) {
        return allows(CurrentUser.get(), action);
    }

    /** @return whether the current user may do {@code action} to {@code target}; for templates */
    public boolean current(Action action, StaffAccount target) {
        return allows(CurrentUser.get(), action, target);
    }

    /**
     * Refuses unless the current user may do {@code action}.
     *
     * @throws AccessDeniedException when not allowed
     */
    public void check(Action action) {
        if (!current(action)) {
            throw new AccessDeniedException("account " + action);
        }
    }

    /**
     * Refuses unless the current user may do {@code action} to {@code target}.
     *
     * @throws AccessDeniedException when not allowed
     */
    public void check(Action action, StaffAccount target) {
        if (!allows(CurrentUser.get(), action, target)) {
            throw new AccessDeniedException("account " + action);
        }
    }
}
