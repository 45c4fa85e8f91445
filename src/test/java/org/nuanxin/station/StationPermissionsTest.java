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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nuanxin.geo.CoordinateSystem;
import org.nuanxin.geo.GeoPoint;
import org.nuanxin.identity.CurrentUser;
import org.nuanxin.identity.Role;
import org.nuanxin.station.StationPermissions.Action;

/**
 * The station permissions matrix: user × action × record (none, or one station). Later modules add
 * rows (district administrators, data scope) to {@link #matrix()}.
 */
class StationPermissionsTest {

    static final Optional<CurrentUser> ANONYMOUS = Optional.empty();
    static final Optional<CurrentUser> STAFF = Optional.of(new CurrentUser("staff", "工作人员", Role.STAFF));
    static final Optional<CurrentUser> ADMIN = Optional.of(new CurrentUser("admin", "管理员", Role.ADMIN));
    static final Station STATION = new Station(
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
            1,
            Instant.EPOCH);

    private final StationPermissions permissions = new StationPermissions();

    /** Rows: user, the actions allowed on the roster (no record), the actions allowed on {@link #STATION}. */
    static Stream<Arguments> matrix() {
        return Stream.of(
                //        user        roster (no record)                         one station
                row("anonymous", ANONYMOUS, EnumSet.noneOf(Action.class), EnumSet.noneOf(Action.class)),
                row("STAFF", STAFF, EnumSet.of(VIEW, CREATE, UPDATE, IMPORT, EXPORT), EnumSet.of(VIEW, UPDATE, EXPORT)),
                row("ADMIN", ADMIN, EnumSet.of(VIEW, EXPORT), EnumSet.of(VIEW, EXPORT)));
    }

    private static Arguments row(String name, Optional<CurrentUser> user, Set<Action> roster, Set<Action> onStation) {
        return Arguments.of(name, user, roster, onStation);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("matrix")
    void everyActionAsInTheTable(String name, Optional<CurrentUser> user, Set<Action> roster, Set<Action> onStation) {
        for (Action action : Action.values()) {
            assertThat(permissions.allows(user, action))
                    .as("%s %s on the roster", name, action)
                    .isEqualTo(roster.contains(action));
            assertThat(permissions.allows(user, action, STATION))
                    .as("%s %s on a station", name, action)
                    .isEqualTo(onStation.contains(action));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("matrix")
    void theTableNamesEveryAction(String name, Optional<CurrentUser> user, Set<Action> roster, Set<Action> onStation) {
        // A new action must get a column decision here, not a silent default.
        assertThat(Arrays.asList(Action.values())).containsExactly(VIEW, CREATE, UPDATE, IMPORT, EXPORT);
    }
}
