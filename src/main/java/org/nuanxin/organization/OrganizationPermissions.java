package org.nuanxin.organization;

import java.util.Optional;
import org.nuanxin.identity.CurrentUser;
import org.nuanxin.identity.DataScope;
import org.nuanxin.identity.DataScopes;
import org.nuanxin.identity.Role;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Answers "may this user do this to the organisation tree, or to this organisation?"; asked by the console and
 * again by the organisation service (which refuses with {@link AccessDeniedException}).
 *
 * <p>Rules (issue 8, "Organisation tree"):
 *
 * <ul>
 *   <li>{@link Action#VIEW}: every staff role views the organisations of its data scope (its organisation's
 *       subtree); nobody sees an organisation outside it.
 *   <li>{@link Action#CREATE} (the record is the <em>parent</em> to be): the city administrator ({@link
 *       Role#CITY_ADMIN}) and organisation administrators ({@link Role#ORG_ADMIN}) create organisations under any
 *       active organisation of their scope, their own included.
 *   <li>{@link Action#UPDATE}, {@link Action#MOVE}, {@link Action#DISSOLVE}: the same administrators, on active
 *       organisations of their scope, but never on the organisation at the top of their own scope: an organisation
 *       administrator manages what is below their organisation, not the organisation itself (that is for the
 *       administrator above). The one exception: the city administrator whose scope is the whole city edits the
 *       root (重庆市总工会: its name and contact), but nobody moves or dissolves the root.
 *   <li>A dissolved organisation is kept for history: viewed, never changed (no child, edit, move or dissolve).
 *   <li>Union staff, station managers, grid staff, legal staff and auditors only view. Anonymous users do nothing.
 * </ul>
 *
 * <p>A move also needs the new parent to lie in the mover's scope (the service checks it: an id outside the scope
 * is "not found"), and refuses a cycle.
 */
@Component("organizationPermissions")
public class OrganizationPermissions {

    /** What can be done to organisations. */
    public enum Action {
        VIEW,
        CREATE,
        UPDATE,
        MOVE,
        DISSOLVE
    }

    private final DataScopes scopes;

    OrganizationPermissions(DataScopes scopes) {
        this.scopes = scopes;
    }

    /** @return whether {@code user} (empty: anonymous) may do {@code action} to some organisation of their scope */
    public boolean allows(Optional<CurrentUser> user, Action action) {
        return user.isPresent() && (action == Action.VIEW || user.get().role().isAdministrator());
    }

    /**
     * @param target the organisation acted on; for {@link Action#CREATE} the parent of the new organisation
     * @return whether {@code user} (empty: anonymous) may do {@code action} to {@code target}
     */
    public boolean allows(Optional<CurrentUser> user, Action action, Organization target) {
        if (!allows(user, action)) {
            return false;
        }
        CurrentUser actor = user.get();
        DataScope scope = scopes.of(actor);
        if (!scope.includes(target.id())) {
            return false;
        }
        boolean top = target.id() == scope.rootId();
        return switch (action) {
            case VIEW -> true;
            case CREATE -> target.active();
            case UPDATE -> target.active() && (!top || (actor.is(Role.CITY_ADMIN) && scope.wholeCity()));
            case MOVE, DISSOLVE -> target.active() && !top && target.parentId() != null;
        };
    }

    /** @return whether the current user may do {@code action}; for templates: {@code @organizationPermissions.current('CREATE')} */
    public boolean current(Action action) {
        return allows(CurrentUser.get(), action);
    }

    /** @return whether the current user may do {@code action} to {@code target}; for templates */
    public boolean current(Action action, Organization target) {
        return allows(CurrentUser.get(), action, target);
    }

    /**
     * Refuses unless the current user may do {@code action} to some organisation.
     *
     * @throws AccessDeniedException when not allowed
     */
    public void check(Action action) {
        if (!current(action)) {
            throw new AccessDeniedException("organization " + action);
        }
    }

    /**
     * Refuses unless the current user may do {@code action} to {@code target}.
     *
     * @throws AccessDeniedException when not allowed
     */
    public void check(Action action, Organization target) {
        if (!current(action, target)) {
            throw new AccessDeniedException("organization " + action);
        }
    }
}
