package org.nuanxin.station;

import java.util.Optional;
import org.nuanxin.identity.CurrentUser;
import org.nuanxin.identity.DataScopes;
import org.nuanxin.identity.Role;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Answers "may this user do this to the station roster, or to this station?"; asked by the console
 * controllers and by the roster services (which refuse with {@link AccessDeniedException}). The public
 * finder and map layer are not roster actions: anyone may use them.
 *
 * <p>Rules: union staff ({@link Role#UNION_STAFF}) and station managers ({@link Role#STATION_MANAGER})
 * keep the roster: view, create, update, import, export. Administrators ({@link Role#CITY_ADMIN},
 * {@link Role#ORG_ADMIN}) view and export it but do not edit it. Community grid staff, legal staff and
 * auditors view it (read-only; an export of contact people is not their work). Every action on one
 * station also needs the station's owning organisation to lie in the user's data scope (their
 * organisation's subtree); lists and exports are filtered to that scope in SQL. Anonymous users do none
 * of this.
 */
@Component("stationPermissions")
public class StationPermissions {

    /** What can be done to the roster. */
    public enum Action {
        VIEW,
        CREATE,
        UPDATE,
        IMPORT,
        EXPORT
    }

    private final DataScopes scopes;

    StationPermissions(DataScopes scopes) {
        this.scopes = scopes;
    }

    /** @return whether {@code user} (empty: anonymous) may do {@code action} on the roster (of their scope) */
    public boolean allows(Optional<CurrentUser> user, Action action) {
        return user.isPresent()
                && switch (user.get().role()) {
                    case UNION_STAFF, STATION_MANAGER -> true;
                    case CITY_ADMIN, ORG_ADMIN -> action == Action.VIEW || action == Action.EXPORT;
                    case GRID_STAFF, LEGAL_STAFF, AUDITOR -> action == Action.VIEW;
                };
    }

    /** @return whether {@code user} (empty: anonymous) may do {@code action} on {@code station} */
    public boolean allows(Optional<CurrentUser> user, Action action, Station station) {
        return action != Action.CREATE
                && action != Action.IMPORT
                && allows(user, action)
                && scopes.of(user.get()).includes(station.organizationId());
    }

    /** @return whether the current user may do {@code action}; for templates: {@code @stationPermissions.current('CREATE')} */
    public boolean current(Action action) {
        return allows(CurrentUser.get(), action);
    }

    /**
     * Refuses unless the current user may do {@code action} on the roster.
     *
     * @throws AccessDeniedException when not allowed
     */
    public void check(Action action) {
        if (!current(action)) {
            throw new AccessDeniedException("station " + action);
        }
    }

    /**
     * Refuses unless the current user may do {@code action} on {@code station}.
     *
     * @throws AccessDeniedException when not allowed
     */
    public void check(Action action, Station station) {
        if (!allows(CurrentUser.get(), action, station)) {
            throw new AccessDeniedException("station " + action);
        }
    }
}
