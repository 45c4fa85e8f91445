package org.nuanxin.membership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nuanxin.membership.MemberPermissions.Action.EXPORT;
import static org.nuanxin.membership.MemberPermissions.Action.IMPORT;
import static org.nuanxin.membership.MemberPermissions.Action.REVIEW;
import static org.nuanxin.membership.MemberPermissions.Action.UNMASK;
import static org.nuanxin.membership.MemberPermissions.Action.VIEW;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nuanxin.identity.CurrentUser;
import org.nuanxin.identity.Role;
import org.nuanxin.membership.MemberPermissions.Action;
import org.nuanxin.support.NuanxinTest;
import org.nuanxin.support.StaffAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The membership permissions matrix on the real organisation tree: user (role × organisation) × action × record
 * (the memberships of the user's scope, or one membership of 解放碑街道工会 under 渝中区).
 */
@NuanxinTest
class MemberPermissionsTest {

    static final Set<Action> ALL = EnumSet.allOf(Action.class);
    static final Set<Action> NONE = EnumSet.noneOf(Action.class);
    static final Set<Action> READ = EnumSet.of(VIEW, EXPORT);

    /** 解放碑街道 (渝中区). */
    static final String TOWNSHIP = "500103003";

    @Autowired
    MemberPermissions permissions;

    @Autowired
    JdbcClient jdbc;

    /** Rows: role, the user's organisation, the actions allowed in general, on a membership of the township. */
    static Stream<Arguments> matrix() {
        return Stream.of(
                row(Role.UNION_STAFF, "500000", ALL, ALL), // the city
                row(Role.UNION_STAFF, "500103", ALL, ALL), // the district above the township
                row(Role.UNION_STAFF, TOWNSHIP, ALL, ALL), // the township itself
                row(Role.UNION_STAFF, "500103001", ALL, NONE), // a sibling township
                row(Role.UNION_STAFF, "500105", ALL, NONE), // another district
                row(Role.CITY_ADMIN, "500000", READ, READ),
                row(Role.ORG_ADMIN, "500103", READ, READ),
                row(Role.ORG_ADMIN, "500105", READ, NONE),
                row(Role.AUDITOR, "500103", EnumSet.of(VIEW), EnumSet.of(VIEW)),
                row(Role.AUDITOR, "500105", EnumSet.of(VIEW), NONE),
                row(Role.STATION_MANAGER, "500103", NONE, NONE),
                row(Role.GRID_STAFF, "500103", NONE, NONE),
                row(Role.LEGAL_STAFF, "500103", NONE, NONE));
    }

    private static Arguments row(Role role, String org, Set<Action> general, Set<Action> onRecord) {
        return Arguments.of(role + " at " + org, role, org, general, onRecord);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("matrix")
    void everyActionAsInTheTable(String name, Role role, String org, Set<Action> general, Set<Action> onRecord) {
        Optional<CurrentUser> user =
                Optional.of(new CurrentUser("u", "u", role, StaffAccounts.organization(jdbc, org)));
        long township = StaffAccounts.organization(jdbc, TOWNSHIP);
        for (Action action : Action.values()) {
            assertThat(permissions.allows(user, action))
                    .as("%s %s", name, action)
                    .isEqualTo(general.contains(action));
            assertThat(permissions.allows(user, action, township))
                    .as("%s %s on a membership of the township", name, action)
                    .isEqualTo(onRecord.contains(action));
        }
    }

    @Test
    void anonymousDoesNothingAndEveryRoleHasARow() {
        for (Action action : Action.values()) {
            assertThat(permissions.allows(Optional.empty(), action)).isFalse();
        }
        assertThat(Arrays.asList(Action.values())).containsExactly(VIEW, REVIEW, IMPORT, EXPORT, UNMASK);
        assertThat(matrix().map(a -> (Role) a.get()[1])).containsAll(EnumSet.allOf(Role.class));
    }
}
