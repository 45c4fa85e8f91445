package org.nuanxin.station;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nuanxin.station.StationPermissions.Action.CREATE;
import static org.nuanxin.station.StationPermissions.Action.EXPORT;
import static org.nuanxin.station.StationPermissions.Action.IMPORT;
import static org.nuanxin.station.StationPermissions.Action.UPDATE;
import static org.nuanxin.station.StationPermissions.Action.VIEW;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nuanxin.geo.CoordinateSystem;
import org.nuanxin.geo.GeoPoint;
import org.nuanxin.identity.CurrentUser;
import org.nuanxin.identity.Role;
import org.nuanxin.station.StationPermissions.Action;
import org.nuanxin.support.NuanxinTest;
import org.nuanxin.support.StaffAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The station permissions matrix on the real organisation tree: user (role × organisation) × action ×
 * record (the roster, or one station of 渝中区 owned by 渝中区总工会).
 */
@NuanxinTest
class StationPermissionsTest {

    static final Set<Action> ALL = EnumSet.allOf(Action.class);
    static final Set<Action> NONE = EnumSet.noneOf(Action.class);
    static final Set<Action> KEEP_ONE = EnumSet.of(VIEW, UPDATE, EXPORT);

    @Autowired
    StationPermissions permissions;

    @Autowired
    JdbcClient jdbc;

    private Station stationOf(String division) {
        return new Station(
                1,
                "500103-0001",
                "解放碑驿站",
                HostType.COMMUNITY_SERVICE_STATION,
                "500103",
                "民族路 88 号",
                new GeoPoint(106.577, 29.557),
                CoordinateSystem.WGS84,
                new GeoPoint(106.577, 29.557),
                "张某",
                "+8613800000999",
                OpeningHours.parse("08:00-22:00"),
                Set.of(Amenity.WATER),
                StationStatus.OPEN,
                false,
                0L,
                StaffAccounts.organization(jdbc, division),
                1,
                Instant.EPOCH);
    }

    /** Rows: role, the user's organisation, the actions allowed on the roster, on a 渝中区 station. */
    static Stream<Arguments> matrix() {
        return Stream.of(
                row(Role.UNION_STAFF, "500000", ALL, KEEP_ONE),
                row(Role.UNION_STAFF, "500103", ALL, KEEP_ONE), // own organisation
                row(Role.UNION_STAFF, "500105", ALL, NONE), // another district
                row(Role.UNION_STAFF, "500103003", ALL, NONE), // a child township: the parent's station is not theirs
                row(Role.STATION_MANAGER, "500103", ALL, KEEP_ONE),
                row(Role.STATION_MANAGER, "500105", ALL, NONE),
                row(Role.CITY_ADMIN, "500000", EnumSet.of(VIEW, EXPORT), EnumSet.of(VIEW, EXPORT)),
                row(Role.ORG_ADMIN, "500103", EnumSet.of(VIEW, EXPORT), EnumSet.of(VIEW, EXPORT)),
                row(Role.ORG_ADMIN, "500105", EnumSet.of(VIEW, EXPORT), NONE),
                row(Role.GRID_STAFF, "500103", EnumSet.of(VIEW), EnumSet.of(VIEW)),
                row(Role.LEGAL_STAFF, "500103", EnumSet.of(VIEW), EnumSet.of(VIEW)),
                row(Role.AUDITOR, "500103", EnumSet.of(VIEW), EnumSet.of(VIEW)),
                row(Role.AUDITOR, "500105", EnumSet.of(VIEW), NONE));
    }

    private static Arguments row(Role role, String org, Set<Action> roster, Set<Action> onStation) {
        return Arguments.of(role + " at " + org, role, org, roster, onStation);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("matrix")
    void everyActionAsInTheTable(String name, Role role, String org, Set<Action> roster, Set<Action> onStation) {
        Optional<CurrentUser> user =
                Optional.of(new CurrentUser("u", "u", role, StaffAccounts.organization(jdbc, org)));
        Station station = stationOf("500103");
        for (Action action : Action.values()) {
            assertThat(permissions.allows(user, action))
                    .as("%s %s on the roster", name, action)
                    .isEqualTo(roster.contains(action));
            assertThat(permissions.allows(user, action, station))
                    .as("%s %s on a station", name, action)
                    .isEqualTo(onStation.contains(action));
        }
    }

    @Test
    void anonymousDoesNothingAndEveryRoleHasARow() {
        for (Action action : Action.values()) {
            assertThat(permissions.allows(Optional.empty(), action)).isFalse();
        }
        // A new action or role must get a decision in the table, not a silent default.
        assertThat(Arrays.asList(Action.values())).containsExactly(VIEW, CREATE, UPDATE, IMPORT, EXPORT);
        assertThat(matrix().map(a -> (Role) a.get()[1])).containsAll(EnumSet.allOf(Role.class));
    }
}
