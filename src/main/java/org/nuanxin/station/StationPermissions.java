package org.nuanxin.station;

import java.util.Optional;
import org.nuanxin.identity.CurrentUser;
import org.nuanxin.identity.Role;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Answers "may this user do this to the station roster, or to this station?"; asked by the console
 * controllers and by the roster services (which refuse with {@link AccessDeniedException}). The
 * public finder and map layer are not roster actions: anyone may use them.
 *
 * <p>Rules: union staff ({@link Role#STAFF}) keep the roster: view, create, update, import, export.
 * The city administrator ({@link Role#ADMIN}) views and exports it but does not edit it. Anonymous
 * users do none of this. Every station is treated alike until the data scope (organisation tree)
 * arrives; that rule then narrows {@link #allows(Optional, Action, Station)}.
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

    /** @return whether {@code user} (empty: anonymous) may do {@code action} on the roster */
    public boolean allows(Optional<CurrentUser> user, Action action) {
        return user.isPresent()
                && switch (user.get().role()) {
                    case STAFF -> true;
                    case ADMIN -> action == Action.VIEW || action == Action.EXPORT;
                };
    }

    /** @return whether {@code user} (empty: anonymous) may do {@code action} on {@code station} */
    public boolean allows(Optional<CurrentUser> user, Action action, Station station) {
        return action != Action.CREATE && action != Action.IMPORT && allows(user, action);
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
