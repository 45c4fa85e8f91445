package org.nuanxin.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nuanxin.identity.AuditLogPermissions.Action;

/** The audit-log permissions matrix: user × action (the log has no per-record rule). */
class AuditLogPermissionsTest {

    static Stream<Arguments> matrix() {
        return Stream.of(
                //            user                                                         action       allowed
                Arguments.of("anonymous", Optional.empty(), Action.VIEW, false),
                Arguments.of("STAFF", Optional.of(new CurrentUser("staff", "s", Role.UNION_STAFF)), Action.VIEW, false),
                Arguments.of("ADMIN", Optional.of(new CurrentUser("admin", "a", Role.CITY_ADMIN)), Action.VIEW, true));
    }

    @ParameterizedTest(name = "{0} {2} -> {3}")
    @MethodSource("matrix")
    void asInTheTable(String name, Optional<CurrentUser> user, Action action, boolean allowed) {
        assertThat(new AuditLogPermissions().allows(user, action)).isEqualTo(allowed);
    }
}
