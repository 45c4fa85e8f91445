package org.nuanxin.organization;

import java.util.Optional;
import org.nuanxin.identity.CurrentUser;
import org.nuanxin.identity.DataScopes;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Answers "may this user do this to the enterprise registry or the union-establishment campaigns, or to
 * this record of an organisation?"; asked by the console controllers (to show a button, to refuse a page)
 * and again by the registry and campaign services.
 *
 * <p>Rules (issue 8): union staff ({@code UNION_STAFF}) and administrators ({@code CITY_ADMIN},
 * {@code ORG_ADMIN}) keep the registry and the campaigns: view, create, update (including establishing a
 * union), import, export. Everyone else with a staff role (station managers, grid staff, legal staff,
 * auditors) views. Every action on one record (an enterprise or campaign, identified by its owning
 * organisation) also needs that organisation to lie in the user's data scope; lists and exports are
 * filtered to the scope in SQL. Anonymous users do none of this.
 */
@Component("enterprisePermissions")
public class EnterprisePermissions {

    /** What can be done to the registry and the campaigns. */
    public enum Action {
        VIEW,
        CREATE,
        UPDATE,
        IMPORT,
        EXPORT
    }

    private final DataScopes scopes;

    EnterprisePermissions(DataScopes scopes) {
        this.scopes = scopes;
    }

    /** @return whether {@code user} (empty: anonymous) may do {@code action} on the registry of their scope */
    public boolean allows(Optional<CurrentUser> user, Action action) {
        return user.isPresent()
                && switch (user.get().role()) {
                    case UNION_STAFF, CITY_ADMIN, ORG_ADMIN -> true;
                    case STATION_MANAGER, GRID_STAFF, LEGAL_STAFF, AUDITOR -> action == Action.VIEW;
                };
    }

    /**
     * @param organizationId the organisation that owns (or would own) the record
     * @return whether {@code user} may do {@code action} on a record of {@code organizationId}
     */
    public boolean allows(Optional<CurrentUser> user, Action action, long organizationId) {
        return action != Action.IMPORT
                && allows(user, action)
                && scopes.of(user.get()).includes(organizationId);
    }

    /** @return whether the current user may do {@code action}; for templates: {@code @enterprisePermissions.current('CREATE')} */
    public boolean current(Action action) {
        return allows(CurrentUser.get(), action);
    }

    /**
     * Refuses unless the current user may do {@code action} on the registry.
     *
     * @throws AccessDeniedException when not allowed
     */
    public void check(Action action) {
        if (!current(action)) {
            throw new AccessDeniedException("enterprise " + action);
        }
    }

    /**
     * Refuses unless the current user may do {@code action} on a record of {@code organizationId}.
     *
     * @throws AccessDeniedException when not allowed
     */
    public void check(Action action, long organizationId) {
        if (!allows(CurrentUser.get(), action, organizationId)) {
            throw new AccessDeniedException("enterprise " + action);
        }
    }
}
