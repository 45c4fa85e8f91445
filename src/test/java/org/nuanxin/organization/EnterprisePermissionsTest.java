package org.nuanxin.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.nuanxin.organization.EnterprisePermissions.Action.CREATE;
import static org.nuanxin.organization.EnterprisePermissions.Action.EXPORT;
import static org.nuanxin.organization.EnterprisePermissions.Action.IMPORT;
import static org.nuanxin.organization.EnterprisePermissions.Action.UPDATE;
import static org.nuanxin.organization.EnterprisePermissions.Action.VIEW;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
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
import org.nuanxin.organization.EnterprisePermissions.Action;
import org.nuanxin.support.NuanxinTest;
import org.nuanxin.support.StaffAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The registry and campaign permissions on the real organisation tree: role × where the user works
 * relative to the record's owner × action. The record is owned by 解放碑街道工会 (500103003, a township of
 * 渝中区); the user works there (own), in a grassroots union under it (child), in another township of 渝中区
 * (sibling), in 渝中区总工会 (parent), in 江北区总工会 (other district) or in the municipal federation (city).
 */
@NuanxinTest
class EnterprisePermissionsTest {

    static final Set<Action> ALL = EnumSet.allOf(Action.class);
    static final Set<Action> KEEP = EnumSet.of(VIEW, CREATE, UPDATE, EXPORT); // IMPORT is of the registry, not a record
    static final Set<Action> VIEW_ONLY = EnumSet.of(VIEW);
    static final Set<Action> NONE = EnumSet.noneOf(Action.class);

    /** Where the user works, relative to the record's owner. */
    enum Place {
        OWN,
        CHILD,
        SIBLING,
        PARENT,
        OTHER_DISTRICT,
        CITY
    }

    @Autowired
    EnterprisePermissions permissions;

    @Autowired
    JdbcClient jdbc;

    long owner;
    long child;

    @BeforeEach
    void tree() {
        owner = StaffAccounts.organization(jdbc, "500103003");
        child = jdbc.sql("SELECT id FROM organization WHERE name = '权限矩阵社区工会'")
                .query(Long.class)
                .optional()
                .orElseGet(this::createChild);
    }

    private long createChild() {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        long id = jdbc.sql("""
                INSERT INTO organization (name, kind, parent_id, status, version, created_at, updated_at)
                VALUES ('权限矩阵社区工会', 'GRASSROOTS_UNION', ?, 'ACTIVE', 0, ?, ?)""").params(owner, now, now).update() > 0
                ? jdbc.sql("SELECT id FROM organization WHERE name = '权限矩阵社区工会'")
                        .query(Long.class)
                        .single()
                : -1;
        jdbc.sql("""
                INSERT INTO organization_closure (ancestor_id, descendant_id, depth)
                SELECT ancestor_id, ?, depth + 1 FROM organization_closure WHERE descendant_id = ?""").params(id, owner).update();
        jdbc.sql("INSERT INTO organization_closure (ancestor_id, descendant_id, depth) VALUES (?, ?, 0)")
                .params(id, id)
                .update();
        return id;
    }

    private long organization(Place place) {
        return switch (place) {
            case OWN -> owner;
            case CHILD -> child;
            case SIBLING -> StaffAccounts.organization(jdbc, "500103001");
            case PARENT -> StaffAccounts.organization(jdbc, "500103");
            case OTHER_DISTRICT -> StaffAccounts.organization(jdbc, "500105");
            case CITY -> StaffAccounts.organization(jdbc, "500000");
        };
    }

    static Stream<Arguments> matrix() {
        Stream.Builder<Arguments> rows = Stream.builder();
        for (Role role : Role.values()) {
            boolean keeper = role == Role.UNION_STAFF || role == Role.ORG_ADMIN || role == Role.CITY_ADMIN;
            Set<Action> registry = keeper ? ALL : VIEW_ONLY;
            for (Place place : Place.values()) {
                boolean inScope = place == Place.OWN || place == Place.PARENT || place == Place.CITY;
                Set<Action> onRecord = !inScope ? NONE : keeper ? KEEP : VIEW_ONLY;
                rows.add(Arguments.of(role, place, registry, onRecord));
            }
        }
        return rows.build();
    }

    @ParameterizedTest(name = "{0} at {1}")
    @MethodSource("matrix")
    void everyActionAsInTheTable(Role role, Place place, Set<Action> registry, Set<Action> onRecord) {
        Optional<CurrentUser> user = Optional.of(new CurrentUser("u", "u", role, organization(place)));
        for (Action action : Action.values()) {
            assertThat(permissions.allows(user, action))
                    .as("%s at %s: %s on the registry", role, place, action)
                    .isEqualTo(registry.contains(action));
            assertThat(permissions.allows(user, action, owner))
                    .as("%s at %s: %s on a record of 解放碑街道工会", role, place, action)
                    .isEqualTo(onRecord.contains(action));
        }
    }

    /** The table above, spelt out for the rows that matter most, so that a rule change shows as a diff. */
    @Test
    void theRulesInWords() {
        Optional<CurrentUser> districtStaff =
                Optional.of(new CurrentUser("s", "s", Role.UNION_STAFF, organization(Place.PARENT)));
        Optional<CurrentUser> otherDistrictAdmin =
                Optional.of(new CurrentUser("a", "a", Role.ORG_ADMIN, organization(Place.OTHER_DISTRICT)));
        Optional<CurrentUser> auditor = Optional.of(new CurrentUser("x", "x", Role.AUDITOR, organization(Place.CITY)));
        assertThat(permissions.allows(districtStaff, UPDATE, owner)).isTrue();
        assertThat(permissions.allows(otherDistrictAdmin, VIEW, owner)).isFalse();
        assertThat(permissions.allows(auditor, VIEW, owner)).isTrue();
        assertThat(permissions.allows(auditor, EXPORT)).isFalse();
        assertThat(permissions.allows(auditor, UPDATE, owner)).isFalse();
    }

    @Test
    void anonymousDoesNothingAndEveryRoleAndActionHasARow() {
        for (Action action : Action.values()) {
            assertThat(permissions.allows(Optional.empty(), action)).isFalse();
            assertThat(permissions.allows(Optional.empty(), action, owner)).isFalse();
        }
        assertThat(Arrays.asList(Action.values())).containsExactly(VIEW, CREATE, UPDATE, IMPORT, EXPORT);
        assertThat(matrix().count()).isEqualTo((long) Role.values().length * Place.values().length);
    }
}
