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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nuanxin.identity.AccountPermissions.Action;
import org.nuanxin.support.NuanxinTest;
import org.nuanxin.support.StaffAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The account permissions matrix on the real organisation tree: user (role × organisation) × action ×
 * target account (role × organisation: own, child, sibling, parent, another district).
 */
@NuanxinTest
class AccountPermissionsTest {

    // Division codes of the territorial tree (V151): the city, 渝中区 and two of its subdistricts, 江北区.
    static final String CITY = "500000";
    static final String YUZHONG = "500103";
    static final String QIXINGGANG = "500103001";
    static final String JIEFANGBEI = "500103003";
    static final String JIANGBEI = "500105";

    @Autowired
    AccountPermissions permissions;

    @Autowired
    JdbcClient jdbc;

    private CurrentUser user(String name, Role role, String division) {
        return new CurrentUser(name, name, role, StaffAccounts.organization(jdbc, division));
    }

    private StaffAccount account(String name, Role role, String division) {
        return new StaffAccount(
                name.hashCode(),
                name,
                name,
                role,
                StaffAccounts.organization(jdbc, division),
                true,
                Instant.EPOCH,
                null);
    }

    static Set<Action> manage = EnumSet.of(VIEW, CREATE, UPDATE, CHANGE_ROLE, DISABLE, RESET_PASSWORD);

    /** Rows: actor (name, role, organisation), target (name, role, organisation), the actions allowed. */
    static Stream<Arguments> matrix() {
        return Stream.of(
                // The city administrator manages everyone but themselves.
                row("city", Role.CITY_ADMIN, CITY, "clerk", Role.UNION_STAFF, JIANGBEI, manage),
                row("city", Role.CITY_ADMIN, CITY, "city2", Role.CITY_ADMIN, CITY, manage),
                row(
                        "city",
                        Role.CITY_ADMIN,
                        CITY,
                        "city",
                        Role.CITY_ADMIN,
                        CITY,
                        EnumSet.of(VIEW, CREATE, CHANGE_PASSWORD)),
                // A district administrator: own organisation and below, never a sibling, the parent or another
                // district.
                row("yz", Role.ORG_ADMIN, YUZHONG, "clerk", Role.UNION_STAFF, YUZHONG, manage),
                row("yz", Role.ORG_ADMIN, YUZHONG, "clerk", Role.UNION_STAFF, JIEFANGBEI, manage),
                row("yz", Role.ORG_ADMIN, YUZHONG, "twp", Role.ORG_ADMIN, JIEFANGBEI, manage),
                row("yz", Role.ORG_ADMIN, YUZHONG, "yz2", Role.ORG_ADMIN, YUZHONG, EnumSet.of(VIEW)), // a peer
                row("yz", Role.ORG_ADMIN, YUZHONG, "city", Role.CITY_ADMIN, CITY, EnumSet.noneOf(Action.class)),
                row("yz", Role.ORG_ADMIN, YUZHONG, "clerk", Role.UNION_STAFF, CITY, EnumSet.noneOf(Action.class)),
                row("yz", Role.ORG_ADMIN, YUZHONG, "jb", Role.UNION_STAFF, JIANGBEI, EnumSet.noneOf(Action.class)),
                row("yz", Role.ORG_ADMIN, YUZHONG, "yz", Role.ORG_ADMIN, YUZHONG, EnumSet.of(VIEW, CHANGE_PASSWORD)),
                // A township administrator: not the district above, not the sibling township.
                row("twp", Role.ORG_ADMIN, JIEFANGBEI, "clerk", Role.UNION_STAFF, JIEFANGBEI, manage),
                row(
                        "twp",
                        Role.ORG_ADMIN,
                        JIEFANGBEI,
                        "clerk",
                        Role.UNION_STAFF,
                        QIXINGGANG,
                        EnumSet.noneOf(Action.class)),
                row(
                        "twp",
                        Role.ORG_ADMIN,
                        JIEFANGBEI,
                        "clerk",
                        Role.UNION_STAFF,
                        YUZHONG,
                        EnumSet.noneOf(Action.class)),
                // Everyone else: only their own password.
                row(
                        "clerk",
                        Role.UNION_STAFF,
                        YUZHONG,
                        "clerk",
                        Role.UNION_STAFF,
                        YUZHONG,
                        EnumSet.of(CHANGE_PASSWORD)),
                row(
                        "clerk",
                        Role.UNION_STAFF,
                        YUZHONG,
                        "other",
                        Role.UNION_STAFF,
                        JIEFANGBEI,
                        EnumSet.noneOf(Action.class)),
                row(
                        "auditor",
                        Role.AUDITOR,
                        CITY,
                        "other",
                        Role.UNION_STAFF,
                        JIEFANGBEI,
                        EnumSet.noneOf(Action.class)));
    }

    private static Arguments row(
            String actor,
            Role role,
            String org,
            String target,
            Role targetRole,
            String targetOrg,
            Set<Action> allowed) {
        String name =
                actor + " (" + role + " at " + org + ") on " + target + " (" + targetRole + " at " + targetOrg + ")";
        return Arguments.of(name, actor, role, org, target, targetRole, targetOrg, allowed);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("matrix")
    void everyActionAsInTheTable(
            String name,
            String actor,
            Role role,
            String org,
            String target,
            Role targetRole,
            String targetOrg,
            Set<Action> allowed) {
        Optional<CurrentUser> user = Optional.of(user(actor, role, org));
        StaffAccount record = account(target, targetRole, targetOrg);
        for (Action action : Action.values()) {
            assertThat(permissions.allows(user, action, record))
                    .as("%s: %s", name, action)
                    .isEqualTo(allowed.contains(action));
        }
    }

    @Test
    void withoutATargetAnAdministratorMayManageSomeAccountsAndOthersOnlyTheirOwnPassword() {
        for (Role role : Role.values()) {
            Optional<CurrentUser> user = Optional.of(user("u", role, YUZHONG));
            for (Action action : Action.values()) {
                boolean expected = action == CHANGE_PASSWORD || role.isAdministrator();
                assertThat(permissions.allows(user, action))
                        .as("%s %s", role, action)
                        .isEqualTo(expected);
            }
        }
        for (Action action : Action.values()) {
            assertThat(permissions.allows(Optional.empty(), action))
                    .as("anonymous %s", action)
                    .isFalse();
        }
    }

    @Test
    void nobodyGrantsARoleAboveTheirOwnOrOutsideTheirScope() {
        Optional<CurrentUser> district = Optional.of(user("yz", Role.ORG_ADMIN, YUZHONG));
        long yuzhong = StaffAccounts.organization(jdbc, YUZHONG);
        long township = StaffAccounts.organization(jdbc, JIEFANGBEI);
        long jiangbei = StaffAccounts.organization(jdbc, JIANGBEI);
        assertThat(permissions.mayGrant(district, Role.CITY_ADMIN, township)).isFalse();
        assertThat(permissions.mayGrant(district, Role.ORG_ADMIN, township)).isTrue();
        assertThat(permissions.mayGrant(district, Role.ORG_ADMIN, yuzhong))
                .as("a peer administrator")
                .isFalse();
        assertThat(permissions.mayGrant(district, Role.UNION_STAFF, yuzhong)).isTrue();
        assertThat(permissions.mayGrant(district, Role.UNION_STAFF, jiangbei)).isFalse();
        Optional<CurrentUser> clerk = Optional.of(user("clerk", Role.UNION_STAFF, YUZHONG));
        for (Role role : Role.values()) {
            assertThat(permissions.mayGrant(clerk, role, township))
                    .as("staff grant %s", role)
                    .isFalse();
        }
        Optional<CurrentUser> city = Optional.of(user("city", Role.CITY_ADMIN, CITY));
        assertThat(permissions.mayGrant(city, Role.CITY_ADMIN, jiangbei)).isTrue();
    }
}
