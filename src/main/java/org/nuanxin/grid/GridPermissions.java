package org.nuanxin.grid;

import java.util.Optional;
import org.nuanxin.identity.CurrentUser;
import org.nuanxin.identity.DataScopes;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Answers "may this staff member do this to hazard reports, blocks or Open311 keys (of this organisation)?"; asked by
 * the console controllers (to show a button, to refuse a page) and again by the grid services. Riders' own pages are
 * not staff actions: a worker sees only the reports they made or follow, found by their signed-in phone.
 *
 * <p>Rules (issue 10): community grid staff ({@code GRID_STAFF}) and union staff ({@code UNION_STAFF}) handle the
 * reports of their subtree (view, triage actions, export) and keep its blocks. Administrators ({@code CITY_ADMIN},
 * {@code ORG_ADMIN}) view, export and keep blocks but do not handle reports; the city administrator alone keeps the
 * responsible-unit list and issues and revokes Open311 API keys. Auditors view. Station managers and legal staff do
 * none of this. Every action on one report or block also needs its organisation to lie in the user's data scope;
 * lists, the map and the export are filtered to the scope in SQL. Anonymous users do none of this.
 */
@Component("gridPermissions")
public class GridPermissions {

    /** What staff can do in the grid module. */
    public enum Action {
        /** See the triage queue, a report with its timeline and photos, the map, the blocks and grid workers. */
        VIEW,
        /** Verify, reject, merge, forward, add a note, mark fixed, reopen. */
        HANDLE,
        /** Download the reports list as xlsx. */
        EXPORT,
        /** Draw, edit and retire blocks. */
        MANAGE_BLOCKS,
        /** Edit the default responsible unit of each category per district (city-wide list). */
        MANAGE_UNITS,
        /** Issue and revoke Open311 API keys (city-wide). */
        MANAGE_API_KEYS
    }

    private final DataScopes scopes;

    GridPermissions(DataScopes scopes) {
        this.scopes = scopes;
    }

    /** @return whether {@code user} (empty: anonymous) may do {@code action} (on the records of their scope) */
    public boolean allows(Optional<CurrentUser> user, Action action) {
        return user.isPresent()
                && switch (user.get().role()) {
                    case GRID_STAFF, UNION_STAFF ->
                        action == Action.VIEW
                                || action == Action.HANDLE
                                || action == Action.EXPORT
                                || action == Action.MANAGE_BLOCKS;
                    case CITY_ADMIN -> action != Action.HANDLE;
                    case ORG_ADMIN ->
                        action == Action.VIEW || action == Action.EXPORT || action == Action.MANAGE_BLOCKS;
                    case AUDITOR -> action == Action.VIEW;
                    case STATION_MANAGER, LEGAL_STAFF -> false;
                };
    }

    /**
     * @param organizationId the organisation of the report or block
     * @return whether {@code user} may do {@code action} on a record of {@code organizationId}
     */
    public boolean allows(Optional<CurrentUser> user, Action action, long organizationId) {
        return allows(user, action) && scopes.of(user.get()).includes(organizationId);
    }

    /** @return whether the current user may do {@code action}; for templates: {@code @gridPermissions.current('HANDLE')} */
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
            throw new AccessDeniedException("grid " + action);
        }
    }

    /**
     * Refuses unless the current user may do {@code action} on a record of {@code organizationId}.
     *
     * @throws AccessDeniedException when not allowed
     */
    public void check(Action action, long organizationId) {
        if (!allows(CurrentUser.get(), action, organizationId)) {
            throw new AccessDeniedException("grid " + action);
        }
    }
}
