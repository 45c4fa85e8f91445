package org.nuanxin.identity;

import java.util.Optional;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Answers "may this user do this to this staff account?" for the identity module; asked by the
 * account console and by the account service (which refuses with {@link AccessDeniedException}).
 *
 * <p>Rules: the city administrator ({@link Role#ADMIN}) views, creates and updates accounts, changes
 * roles, disables/enables and resets passwords, but never demotes, disables or resets the password of
 * their own account (so the city can never lose its last administrator by a slip, and an own password
 * is changed with the current one). Every signed-in staff member changes their own password, and only
 * their own. Union staff ({@link Role#STAFF}) do nothing else here; anonymous users nothing at all.
 */
@Component("accountPermissions")
public class AccountPermissions {

    /** What can be done to accounts. {@link #DISABLE} covers enabling again. */
    public enum Action {
        VIEW,
        CREATE,
        UPDATE,
        CHANGE_ROLE,
        DISABLE,
        RESET_PASSWORD,
        CHANGE_PASSWORD
    }

    /** @return whether {@code user} (empty: anonymous) may do {@code action} with no particular account */
    public boolean allows(Optional<CurrentUser> user, Action action) {
        // Actions on one account, asked without one, mean "could this user do it to some account?".
        return user.isPresent()
                && switch (action) {
                    case VIEW, CREATE, UPDATE, CHANGE_ROLE, DISABLE, RESET_PASSWORD ->
                        user.get().is(Role.ADMIN);
                    case CHANGE_PASSWORD -> true;
                };
    }

    /** @return whether {@code user} (empty: anonymous) may do {@code action} to the account {@code target} */
    public boolean allows(Optional<CurrentUser> user, Action action, StaffAccount target) {
        if (user.isEmpty()) {
            return false;
        }
        boolean own = user.get().username().equals(target.username());
        return switch (action) {
            case VIEW, CREATE, UPDATE -> user.get().is(Role.ADMIN);
            case CHANGE_ROLE, DISABLE, RESET_PASSWORD -> user.get().is(Role.ADMIN) && !own;
            case CHANGE_PASSWORD -> own;
        };
    }

    /** @return whether the current user may do {@code action}; for templates: {@code @accountPermissions.current('VIEW')} */
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
