package org.nuanxin.identity;

import java.util.Optional;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Answers "may this user read the audit log?". It lives in identity, beside the roles, because the
 * audit module is a leaf that every module (identity included) writes into and so cannot know users.
 *
 * <p>Rule: administrators ({@link Role#CITY_ADMIN}, {@link Role#ORG_ADMIN}) and auditors ({@link
 * Role#AUDITOR}) view the audit log, each only the entries of actors in their data scope (the search is
 * filtered by {@link DataScope}); other staff and anonymous users do not.
 */
@Component("auditLogPermissions")
public class AuditLogPermissions {

    /** What can be done with the audit log. */
    public enum Action {
        VIEW
    }

    /** @return whether {@code user} (empty: anonymous) may do {@code action} */
    public boolean allows(Optional<CurrentUser> user, Action action) {
        return user.isPresent()
                && switch (action) {
                    case VIEW ->
                        user.get().role().isAdministrator() || user.get().is(Role.AUDITOR);
                };
    }

    /** @return whether the current user may do {@code action}; for templates */
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
            throw new AccessDeniedException("audit log " + action);
        }
    }
}
