package org.nuanxin.membership;

import java.util.Optional;
import org.nuanxin.identity.CurrentUser;
import org.nuanxin.identity.DataScopes;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Answers "may this staff member do this to memberships, or to the membership of this union?"; asked by the
 * console controllers (to show a button, to refuse a page) and again by the membership services and the mass
 * enrollment import. Workers' own pages are not staff actions: a worker sees only their own membership, found by
 * their signed-in phone.
 *
 * <p>Rules (issue 9; PIPL art. 6, the least personal data for the purpose): union staff ({@code UNION_STAFF}) do the
 * membership work of their subtree: view, review (approve, reject, accept or decline a transfer), import, export,
 * unmask (with a reason, audited). Administrators ({@code CITY_ADMIN}, {@code ORG_ADMIN}) view and export (masked)
 * but neither review nor unmask: they keep accounts and the tree, not members. Auditors view (masked). Station
 * managers, grid staff and legal staff see no member data. Every action on one membership also needs its union
 * (the receiving one for an application or a transfer) to lie in the user's data scope; lists are filtered to the
 * scope in SQL. Anonymous users do none of this.
 */
@Component("memberPermissions")
public class MemberPermissions {

    /** What staff can do to memberships. */
    public enum Action {
        /** See the application queue, members and their history (masked). */
        VIEW,
        /** Approve or reject an application; accept or decline a transfer. */
        REVIEW,
        /** Upload a mass enrollment roster. */
        IMPORT,
        /** Download a list of members (masked unless also UNMASK and asked for). */
        EXPORT,
        /** See or export identity and phone numbers in clear, with a reason that is audited. */
        UNMASK
    }

    private final DataScopes scopes;

    MemberPermissions(DataScopes scopes) {
        this.scopes = scopes;
    }

    /** @return whether {@code user} (empty: anonymous) may do {@code action} on the memberships of their scope */
    public boolean allows(Optional<CurrentUser> user, Action action) {
        return user.isPresent()
                && switch (user.get().role()) {
                    case UNION_STAFF -> true;
                    case CITY_ADMIN, ORG_ADMIN -> action == Action.VIEW || action == Action.EXPORT;
                    case AUDITOR -> action == Action.VIEW;
                    case STATION_MANAGER, GRID_STAFF, LEGAL_STAFF -> false;
                };
    }

    /**
     * @param organizationId the union of the membership (the receiving union of an application or transfer)
     * @return whether {@code user} may do {@code action} on a membership of {@code organizationId}
     */
    public boolean allows(Optional<CurrentUser> user, Action action, long organizationId) {
        return allows(user, action) && scopes.of(user.get()).includes(organizationId);
    }

    /** @return whether the current user may do {@code action}; for templates: {@code @memberPermissions.current('REVIEW')} */
    public boolean current(Action action) {
        return allows(CurrentUser.get(), action);
    }

    /**
     * Refuses unless the current user may do {@code action}.
     *
     * @throws AccessDeniedException when not allowed
     */
    public void check(Action action) {
        if (!current(action)) {
            throw new AccessDeniedException("membership " + action);
        }
    }

    /**
     * Refuses unless the current user may do {@code action} on a membership of {@code organizationId}.
     *
     * @throws AccessDeniedException when not allowed
     */
    public void check(Action action, long organizationId) {
        if (!allows(CurrentUser.get(), action, organizationId)) {
            throw new AccessDeniedException("membership " + action);
        }
    }
}
