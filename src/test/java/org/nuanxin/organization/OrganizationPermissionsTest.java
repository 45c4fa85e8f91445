package org.nuanxin.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nuanxin.organization.OrganizationPermissions.Action.CREATE;
import static org.nuanxin.organization.OrganizationPermissions.Action.DISSOLVE;
import static org.nuanxin.organization.OrganizationPermissions.Action.MOVE;
import static org.nuanxin.organization.OrganizationPermissions.Action.UPDATE;
import static org.nuanxin.organization.OrganizationPermissions.Action.VIEW;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nuanxin.identity.CurrentUser;
import org.nuanxin.identity.Role;
import org.nuanxin.organization.OrganizationPermissions.Action;
import org.nuanxin.support.NuanxinTest;
import org.nuanxin.support.StaffAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The organisation permissions matrix on the real tree: actor (role × organisation) × action × target organisation
 * seen from the actor (own, child, sibling, parent, another district), plus dissolved and root cases.
 */
@NuanxinTest
class OrganizationPermissionsTest {

    // Division codes of the territorial tree (V151): the city, 渝中区 and two of its subdistricts, 江北区 and one of
    // its subdistricts. COMMUNITY is a grassroots union the test keeps under 解放碑街道.
    static final String CITY = "500000";
    static final String YUZHONG = "500103";
    static final String QIXINGGANG = "500103001";
    static final String JIEFANGBEI = "500103003";
    static final String JIANGBEI = "500105";
    static final String JIANGBEI_TOWNSHIP = "500105001";
    static final String COMMUNITY = "community";
    static final String DISSOLVED = "dissolved";

    static final Set<Action> NONE = EnumSet.noneOf(Action.class);
    static final Set<Action> ALL = EnumSet.allOf(Action.class);
    static final Set<Action> VIEW_ONLY = EnumSet.of(VIEW);
    static final Set<Action> OWN_ADMIN = EnumSet.of(VIEW, CREATE);

    @Autowired
    OrganizationPermissions permissions;

    @Autowired
    Organizations organizations;

    @Autowired
    JdbcClient jdbc;

    long community;

    @BeforeEach
    void community() {
        long township = StaffAccounts.organization(jdbc, JIEFANGBEI);
        community = jdbc.sql("SELECT id FROM organization WHERE name = '权限矩阵社区工会' AND parent_id = ?")
                .param(township)
                .query(Long.class)
                .optional()
                .orElseGet(() -> {
                    jdbc.sql("""
                            INSERT INTO organization (name, kind, parent_id, created_at, updated_at)
                            VALUES ('权限矩阵社区工会', 'GRASSROOTS_UNION', ?, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)""").param(township).update();
                    long id = jdbc.sql("SELECT id FROM organization WHERE name = '权限矩阵社区工会'")
                            .query(Long.class)
                            .single();
                    jdbc.sql("""
                            INSERT INTO organization_closure (ancestor_id, descendant_id, depth)
                            SELECT ancestor_id, ?, depth + 1 FROM organization_closure WHERE descendant_id = ?""").params(id, township).update();
                    jdbc.sql("INSERT INTO organization_closure (ancestor_id, descendant_id, depth) VALUES (?, ?, 0)")
                            .params(id, id)
                            .update();
                    return id;
                });
    }

    private Organization target(String which) {
        if (which.equals(COMMUNITY)) {
            return organizations.find(community).orElseThrow();
        }
        if (which.equals(DISSOLVED)) {
            // The township as if it were dissolved: permissions read the record they are given.
            Organization t = organizations
                    .find(StaffAccounts.organization(jdbc, JIEFANGBEI))
                    .orElseThrow();
            return new Organization(
                    t.id(),
                    t.name(),
                    t.kind(),
                    t.parentId(),
                    t.divisionCode(),
                    null,
                    null,
                    false,
                    null,
                    null,
                    t.version());
        }
        return organizations.find(StaffAccounts.organization(jdbc, which)).orElseThrow();
    }

    /** Rows: actor (role, organisation), target, how the target relates to the actor, the actions allowed. */
    static Stream<Arguments> matrix() {
        return Stream.of(
                // The city administrator: everything below the root; the root itself only viewed, edited and
                // given children.
                row(Role.CITY_ADMIN, CITY, CITY, "own (the root)", EnumSet.of(VIEW, CREATE, UPDATE)),
                row(Role.CITY_ADMIN, CITY, YUZHONG, "child", ALL),
                row(Role.CITY_ADMIN, CITY, JIEFANGBEI, "grandchild", ALL),
                row(Role.CITY_ADMIN, CITY, DISSOLVED, "a dissolved grandchild", VIEW_ONLY),
                // A district administrator: below their district, never the district itself, a sibling, the parent
                // or another district.
                row(Role.ORG_ADMIN, YUZHONG, YUZHONG, "own", OWN_ADMIN),
                row(Role.ORG_ADMIN, YUZHONG, JIEFANGBEI, "child", ALL),
                row(Role.ORG_ADMIN, YUZHONG, COMMUNITY, "grandchild", ALL),
                row(Role.ORG_ADMIN, YUZHONG, JIANGBEI, "sibling", NONE),
                row(Role.ORG_ADMIN, YUZHONG, CITY, "parent", NONE),
                row(Role.ORG_ADMIN, YUZHONG, JIANGBEI_TOWNSHIP, "another district's township", NONE),
                row(Role.ORG_ADMIN, YUZHONG, DISSOLVED, "a dissolved child", VIEW_ONLY),
                // A township administrator.
                row(Role.ORG_ADMIN, JIEFANGBEI, JIEFANGBEI, "own", OWN_ADMIN),
                row(Role.ORG_ADMIN, JIEFANGBEI, COMMUNITY, "child", ALL),
                row(Role.ORG_ADMIN, JIEFANGBEI, QIXINGGANG, "sibling", NONE),
                row(Role.ORG_ADMIN, JIEFANGBEI, YUZHONG, "parent", NONE),
                row(Role.ORG_ADMIN, JIEFANGBEI, JIANGBEI, "another district", NONE),
                // Every other role views its scope and changes nothing.
                row(Role.UNION_STAFF, YUZHONG, YUZHONG, "own", VIEW_ONLY),
                row(Role.UNION_STAFF, YUZHONG, JIEFANGBEI, "child", VIEW_ONLY),
                row(Role.UNION_STAFF, YUZHONG, JIANGBEI, "sibling", NONE),
                row(Role.UNION_STAFF, YUZHONG, CITY, "parent", NONE),
                row(Role.UNION_STAFF, CITY, JIANGBEI_TOWNSHIP, "grandchild", VIEW_ONLY),
                row(Role.STATION_MANAGER, JIEFANGBEI, COMMUNITY, "child", VIEW_ONLY),
                row(Role.GRID_STAFF, JIEFANGBEI, QIXINGGANG, "sibling", NONE),
                row(Role.LEGAL_STAFF, YUZHONG, JIEFANGBEI, "child", VIEW_ONLY),
                row(Role.AUDITOR, YUZHONG, YUZHONG, "own", VIEW_ONLY),
                row(Role.AUDITOR, YUZHONG, JIANGBEI, "sibling", NONE));
    }

    private static Arguments row(Role role, String org, String target, String relation, Set<Action> allowed) {
        return Arguments.of(role + " at " + org + " on " + relation + " " + target, role, org, target, allowed);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("matrix")
    void everyActionAsInTheTable(String name, Role role, String org, String target, Set<Action> allowed) {
        Optional<CurrentUser> user =
                Optional.of(new CurrentUser("u", "u", role, StaffAccounts.organization(jdbc, org)));
        Organization record = target(target);
        for (Action action : Action.values()) {
            assertThat(permissions.allows(user, action, record))
                    .as("%s: %s", name, action)
                    .isEqualTo(allowed.contains(action));
        }
    }

    @Test
    void withoutARecordStaffViewAndAdministratorsDoEverythingAnonymousNothing() {
        for (Role role : Role.values()) {
            Optional<CurrentUser> user = Optional.of(new CurrentUser("u", "u", role, null));
            for (Action action : Action.values()) {
                assertThat(permissions.allows(user, action))
                        .as("%s %s", role, action)
                        .isEqualTo(action == VIEW || role.isAdministrator());
            }
        }
        for (Action action : Action.values()) {
            assertThat(permissions.allows(Optional.empty(), action)).isFalse();
            assertThat(permissions.allows(Optional.empty(), action, target(YUZHONG)))
                    .isFalse();
        }
    }

    @Test
    void aCityAdministratorOfADistrictIsHeldToTheDistrict() {
        // The role does not widen the scope: a CITY_ADMIN account of a district acts there, and is not the root's.
        Optional<CurrentUser> user =
                Optional.of(new CurrentUser("c", "c", Role.CITY_ADMIN, StaffAccounts.organization(jdbc, YUZHONG)));
        assertThat(permissions.allows(user, UPDATE, target(YUZHONG))).isFalse();
        assertThat(permissions.allows(user, VIEW, target(JIANGBEI))).isFalse();
        assertThat(permissions.allows(user, MOVE, target(JIEFANGBEI))).isTrue();
        assertThat(permissions.allows(user, DISSOLVE, target(CITY))).isFalse();
    }
}
