package org.nuanxin.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nuanxin.identity.AccountPermissions.Action.CHANGE_PASSWORD;
import static org.nuanxin.identity.AccountPermissions.Action.CHANGE_ROLE;
import static org.nuanxin.identity.AccountPermissions.Action.CREATE;
import static org.nuanxin.identity.AccountPermissions.Action.DISABLE;
import static org.nuanxin.identity.AccountPermissions.Action.RESET_PASSWORD;
import static org.nuanxin.identity.AccountPermissions.Action.UPDATE;
import static org.nuanxin.identity.AccountPermissions.Action.VIEW;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nuanxin.identity.AccountPermissions.Action;

/**
 * The account permissions matrix: user × action × record (no account, the user's own account,
 * another account). Later roles add rows to {@link #matrix()}.
 */
class AccountPermissionsTest {

    static final Optional<CurrentUser> ANONYMOUS = Optional.empty();
    static final Optional<CurrentUser> STAFF = Optional.of(new CurrentUser("staff", "工作人员", Role.STAFF));
    static final Optional<CurrentUser> ADMIN = Optional.of(new CurrentUser("admin", "管理员", Role.ADMIN));
    static final StaffAccount STAFF_ACCOUNT = account("staff", Role.STAFF);
    static final StaffAccount ADMIN_ACCOUNT = account("admin", Role.ADMIN);
    static final StaffAccount OTHER_ADMIN = account("admin2", Role.ADMIN);

    private final AccountPermissions permissions = new AccountPermissions();

    private static StaffAccount account(String username, Role role) {
        return new StaffAccount(username.hashCode(), username, username, role, true, Instant.EPOCH, null);
    }

    static Stream<Arguments> matrix() {
        Set<Action> none = EnumSet.noneOf(Action.class);
        Set<Action> all = EnumSet.allOf(Action.class);
        return Stream.of(
                //   user        record          allowed actions
                row(ANONYMOUS, null, none),
                row(ANONYMOUS, STAFF_ACCOUNT, none),
                row(STAFF, null, EnumSet.of(CHANGE_PASSWORD)),
                row(STAFF, STAFF_ACCOUNT, EnumSet.of(CHANGE_PASSWORD)), // own account
                row(STAFF, ADMIN_ACCOUNT, none),
                row(ADMIN, null, all),
                row(ADMIN, STAFF_ACCOUNT, EnumSet.of(VIEW, CREATE, UPDATE, CHANGE_ROLE, DISABLE, RESET_PASSWORD)),
                row(ADMIN, OTHER_ADMIN, EnumSet.of(VIEW, CREATE, UPDATE, CHANGE_ROLE, DISABLE, RESET_PASSWORD)),
                // Own account: no demotion, no disabling, no reset (the own password needs the current one).
                row(ADMIN, ADMIN_ACCOUNT, EnumSet.of(VIEW, CREATE, UPDATE, CHANGE_PASSWORD)));
    }

    private static Arguments row(Optional<CurrentUser> user, StaffAccount record, Set<Action> allowed) {
        String name = user.map(u -> u.role().name()).orElse("anonymous") + " on "
                + (record == null ? "no account" : record.username());
        return Arguments.of(name, user, record, allowed);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("matrix")
    void everyActionAsInTheTable(String name, Optional<CurrentUser> user, StaffAccount record, Set<Action> allowed) {
        for (Action action : Action.values()) {
            boolean actual =
                    record == null ? permissions.allows(user, action) : permissions.allows(user, action, record);
            assertThat(actual).as("%s: %s", name, action).isEqualTo(allowed.contains(action));
        }
    }
}
