package org.nuanxin.grid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nuanxin.grid.GridPermissions.Action.EXPORT;
import static org.nuanxin.grid.GridPermissions.Action.HANDLE;
import static org.nuanxin.grid.GridPermissions.Action.MANAGE_API_KEYS;
import static org.nuanxin.grid.GridPermissions.Action.MANAGE_BLOCKS;
import static org.nuanxin.grid.GridPermissions.Action.MANAGE_UNITS;
import static org.nuanxin.grid.GridPermissions.Action.VIEW;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nuanxin.grid.GridPermissions.Action;
import org.nuanxin.identity.CurrentUser;
import org.nuanxin.identity.Role;
import org.nuanxin.support.NuanxinTest;
import org.nuanxin.support.StaffAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The grid permissions matrix on the real organisation tree: role × action × the record's organisation relative to
 * the user's (own, child, sibling, parent, another district), and role × action without a record (lists, the map,
 * the export, the city-wide lists).
 */
@NuanxinTest
class GridPermissionsTest {

    static final Set<Action> NONE = EnumSet.noneOf(Action.class);
    static final Set<Action> STAFF = EnumSet.of(VIEW, HANDLE, EXPORT, MANAGE_BLOCKS);

    /** What each role may do within its scope (issue 10). */
    static final Map<Role, Set<Action>> BY_ROLE = Map.of(
            Role.GRID_STAFF, STAFF,
            Role.UNION_STAFF, STAFF,
            Role.CITY_ADMIN, EnumSet.of(VIEW, EXPORT, MANAGE_BLOCKS, MANAGE_UNITS, MANAGE_API_KEYS),
            Role.ORG_ADMIN, EnumSet.of(VIEW, EXPORT, MANAGE_BLOCKS),
            Role.AUDITOR, EnumSet.of(VIEW),
            Role.STATION_MANAGER, NONE,
            Role.LEGAL_STAFF, NONE);

    /**
     * The organisation axis: the user's organisation and the record's, by division code (渝中区 500103, its townships
     * 解放碑街道 500103003 and 七星岗街道 500103001, 江北区 500105), and whether the record is in the user's scope.
     */
    enum Relation {
        OWN("500103", "500103", true),
        CHILD("500103", "500103003", true),
        SIBLING("500103001", "500103003", false),
        PARENT("500103003", "500103", false),
        ANOTHER_DISTRICT("500105", "500103", false);

        final String userOrg;
        final String recordOrg;
        final boolean inScope;

        Relation(String userOrg, String recordOrg, boolean inScope) {
            this.userOrg = userOrg;
            this.recordOrg = recordOrg;
            this.inScope = inScope;
        }
    }

    @Autowired
    GridPermissions permissions;

    @Autowired
    JdbcClient jdbc;

    static Stream<Arguments> matrix() {
        List<Arguments> rows = new ArrayList<>();
        for (Role role : Role.values()) {
            for (Relation relation : Relation.values()) {
                Set<Action> expected = relation.inScope ? BY_ROLE.get(role) : NONE;
                rows.add(Arguments.of(role, relation, expected));
            }
        }
        return rows.stream();
    }

    @ParameterizedTest(name = "{0} on a record of the {1} organisation: {2}")
    @MethodSource("matrix")
    void everyActionOnARecordAsInTheTable(Role role, Relation relation, Set<Action> expected) {
        Optional<CurrentUser> user = user(role, relation.userOrg);
        long record = StaffAccounts.organization(jdbc, relation.recordOrg);
        for (Action action : Action.values()) {
            assertThat(permissions.allows(user, action, record))
                    .as("%s at %s, %s on a record of %s", role, relation.userOrg, action, relation.recordOrg)
                    .isEqualTo(expected.contains(action));
        }
    }

    @ParameterizedTest(name = "{0} without a record")
    @MethodSource("roles")
    void everyActionWithoutARecordAsInTheTable(Role role) {
        Optional<CurrentUser> user = user(role, "500103");
        for (Action action : Action.values()) {
            assertThat(permissions.allows(user, action))
                    .as("%s %s", role, action)
                    .isEqualTo(BY_ROLE.get(role).contains(action));
        }
    }

    static Stream<Role> roles() {
        return Arrays.stream(Role.values());
    }

    @Test
    void theCityAdministratorAtTheRootReachesEveryDistrictButNeverHandles() {
        Optional<CurrentUser> admin = user(Role.CITY_ADMIN, "500000");
        long jiangbei = StaffAccounts.organization(jdbc, "500105");
        assertThat(permissions.allows(admin, VIEW, jiangbei)).isTrue();
        assertThat(permissions.allows(admin, MANAGE_UNITS, jiangbei)).isTrue();
        assertThat(permissions.allows(admin, HANDLE, jiangbei)).isFalse();
        Optional<CurrentUser> staff = user(Role.UNION_STAFF, "500000");
        assertThat(permissions.allows(staff, HANDLE, jiangbei)).isTrue();
        assertThat(permissions.allows(staff, MANAGE_UNITS, jiangbei)).isFalse();
    }

    @Test
    void anonymousDoesNothingAndEveryRoleAndActionHasADecision() {
        long yuzhong = StaffAccounts.organization(jdbc, "500103");
        for (Action action : Action.values()) {
            assertThat(permissions.allows(Optional.empty(), action)).isFalse();
            assertThat(permissions.allows(Optional.empty(), action, yuzhong)).isFalse();
        }
        // A new action or role must get a decision in the table, not a silent default.
        assertThat(Arrays.asList(Action.values()))
                .containsExactly(VIEW, HANDLE, EXPORT, MANAGE_BLOCKS, MANAGE_UNITS, MANAGE_API_KEYS);
        assertThat(BY_ROLE.keySet()).containsExactlyInAnyOrder(Role.values());
    }

    private Optional<CurrentUser> user(Role role, String division) {
        return Optional.of(new CurrentUser("u", "u", role, StaffAccounts.organization(jdbc, division)));
    }
}
