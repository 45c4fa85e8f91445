package org.nuanxin.organization.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.nuanxin.identity.DataScope;
import org.nuanxin.identity.DataScopes;
import org.nuanxin.identity.Role;
import org.nuanxin.kernel.FieldProblem;
import org.nuanxin.kernel.InvalidInputException;
import org.nuanxin.organization.Organization;
import org.nuanxin.organization.OrganizationChanged;
import org.nuanxin.organization.OrganizationChangedConcurrentlyException;
import org.nuanxin.organization.OrganizationKind;
import org.nuanxin.organization.Organizations;
import org.nuanxin.support.ScopedUser;
import org.nuanxin.support.StaffAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * The organisation tree on a real database: the generated territorial tree, creating, editing, moving (with the
 * closure rows checked against a recomputation from the parent links), cycles, scope, dissolving, audit entries and
 * events. Runs on H2 ({@link OrganizationTreeH2Test}) and PostgreSQL ({@link OrganizationTreePostgresTest}). Tests
 * change only organisations they create (grassroots unions with unique names), never the territorial tree.
 */
@RecordApplicationEvents
abstract class OrganizationTreeTest {

    static final String CITY = "500000";
    static final String YUZHONG = "500103";
    static final String JIEFANGBEI = "500103003"; // 解放碑街道
    static final String QIXINGGANG = "500103001"; // 七星岗街道
    static final String JIANGBEI = "500105";

    @Autowired
    JdbcClient jdbc;

    @Autowired
    OrganizationService service;

    @Autowired
    Organizations organizations;

    @Autowired
    DataScopes scopes;

    @Autowired
    ApplicationEvents events;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    long org(String division) {
        return StaffAccounts.organization(jdbc, division);
    }

    void as(Role role, String division) {
        ScopedUser.signIn(ScopedUser.of(jdbc, "tree-" + role.name().toLowerCase(), role, division));
    }

    static String unique(String name) {
        return name + "-" + System.nanoTime();
    }

    Organization grassroots(long parent, String name) {
        return service.create(
                parent, new OrganizationInput("GRASSROOTS_UNION", unique(name), null, null, null, null, null));
    }

    long count(String sql, Object... params) {
        return jdbc.sql(sql).params(List.of(params)).query(Long.class).single();
    }

    List<String> auditActions(long id) {
        return jdbc.sql("SELECT action FROM audit_log WHERE record_type = 'organization' AND record_id = ? ORDER BY id")
                .param(Long.toString(id))
                .query(String.class)
                .list();
    }

    void assertClosureMatchesParents() {
        assertThat(ClosureCheck.stored(jdbc)).isEqualTo(ClosureCheck.recomputed(jdbc));
    }

    // ---- the generated tree ----

    @Test
    void theFirstStartCreatedOneMunicipal38DistrictAnd1031TownshipOrganisations() {
        Map<String, Long> byKind = jdbc
                .sql("SELECT kind, COUNT(*) AS n FROM organization GROUP BY kind")
                .query((rs, n) -> Map.entry(rs.getString("kind"), rs.getLong("n")))
                .list()
                .stream()
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertThat(byKind.get("MUNICIPAL_FEDERATION")).isEqualTo(1L);
        assertThat(byKind.get("DISTRICT_FEDERATION")).isEqualTo(38L);
        assertThat(byKind.get("TOWNSHIP_UNION")).isEqualTo(1031L);
        assertThat(count("SELECT COUNT(*) FROM organization WHERE parent_id IS NULL AND name = '重庆市总工会'"))
                .isEqualTo(1L);
    }

    @Test
    void everyTownshipsParentIsItsDistrictFederation() {
        assertThat(count("""
                        SELECT COUNT(*) FROM organization t JOIN organization p ON p.id = t.parent_id
                         WHERE t.kind = 'TOWNSHIP_UNION' AND p.kind = 'DISTRICT_FEDERATION'
                           AND p.division_code = SUBSTRING(t.division_code, 1, 6)""")).isEqualTo(1031L);
        assertThat(count("""
                        SELECT COUNT(*) FROM organization d JOIN organization p ON p.id = d.parent_id
                         WHERE d.kind = 'DISTRICT_FEDERATION' AND p.parent_id IS NULL""")).isEqualTo(38L);
    }

    @Test
    void theClosureTableEqualsARecomputationFromTheParentLinks() {
        assertClosureMatchesParents();
        assertThat(count("SELECT COUNT(*) FROM organization_closure WHERE depth = 0"))
                .isEqualTo(count("SELECT COUNT(*) FROM organization"));
    }

    // ---- scoped reads ----

    @Test
    void listsKeepToTheReadersScope() {
        DataScope city = scopes.of(org(CITY));
        DataScope yuzhong = scopes.of(org(YUZHONG));
        long root = org(CITY);
        PageRequest page = PageRequest.of(0, 100);

        assertThat(organizations.children(root, city, page).getTotalElements()).isGreaterThanOrEqualTo(38);
        assertThat(organizations.children(root, yuzhong, page).getContent())
                .extracting(Organization::divisionCode)
                .containsExactly(YUZHONG);

        // Every active child, whatever its kind: other tests of the shared database add enterprise unions here.
        long townships =
                count("SELECT COUNT(*) FROM organization WHERE parent_id = " + org(YUZHONG) + " AND status = 'ACTIVE'");
        assertThat(townships)
                .isGreaterThanOrEqualTo(
                        count(
                                "SELECT COUNT(*) FROM organization WHERE kind = 'TOWNSHIP_UNION' AND division_code LIKE '500103%'"))
                .isGreaterThan(5);
        assertThat(organizations.countActiveChildren(org(YUZHONG))).isEqualTo(townships);
        assertThat(organizations.countActiveChildren(List.of(org(YUZHONG), org(JIEFANGBEI))))
                .containsEntry(org(YUZHONG), townships);

        assertThat(organizations.ancestors(org(JIEFANGBEI), city))
                .extracting(Organization::divisionCode)
                .containsExactly(CITY, YUZHONG, JIEFANGBEI);
        assertThat(organizations.ancestors(org(JIEFANGBEI), yuzhong))
                .extracting(Organization::divisionCode)
                .containsExactly(YUZHONG, JIEFANGBEI);
        assertThat(organizations.ancestors(org(JIANGBEI), yuzhong)).isEmpty();

        assertThat(organizations.search("街道", yuzhong, page).getContent())
                .isNotEmpty()
                .allSatisfy(o -> assertThat(o.divisionCode()).startsWith(YUZHONG));
        assertThat(organizations.search("500105", yuzhong, page).getContent()).isEmpty();
        assertThat(organizations.search("500105", city, page).getContent())
                .first()
                .extracting(Organization::divisionCode)
                .isEqualTo(JIANGBEI);
        assertThat(organizations.search("解放碑", city, page).getContent())
                .extracting(Organization::divisionCode)
                .contains(JIEFANGBEI);
        assertThat(organizations.search("%", city, page).getContent())
                .as("a LIKE wildcard is a character, not a pattern")
                .isEmpty();
        assertThat(organizations.find(org(JIANGBEI), yuzhong)).isEmpty();
        assertThat(organizations.find(org(JIEFANGBEI), yuzhong)).isPresent();
    }

    @Test
    void searchFindsACreditCodeTypedAnyHow() {
        as(Role.CITY_ADMIN, CITY);
        Organization made = service.create(
                org(QIXINGGANG),
                new OrganizationInput("ENTERPRISE_UNION", unique("企业工会"), null, null, null, null, null));
        String code = freeCreditCode();
        service.update(
                made.id(),
                made.version(),
                new OrganizationInput("ENTERPRISE_UNION", made.name(), null, code.toLowerCase(), null, null, null));
        assertThat(organizations
                        .search(" " + code.toLowerCase() + " ", scopes.of(org(YUZHONG)), PageRequest.of(0, 10))
                        .getContent())
                .extracting(Organization::id)
                .containsExactly(made.id());
    }

    /** A valid credit code no organisation has yet: an enterprise of 渝中区 with a fresh organisation code. */
    String freeCreditCode() {
        String body = String.format("%08d", System.nanoTime() % 100_000_000L);
        String first17 = "915001030" + body.substring(1)
                + org.nuanxin.organization.UnifiedSocialCreditCode.organisationCodeCheck("0" + body.substring(1));
        first17 = first17.substring(0, 17);
        return first17 + org.nuanxin.organization.UnifiedSocialCreditCode.checkCharacter(first17);
    }

    // ---- create and edit ----

    @Test
    void aCreatedOrganisationHasItsClosureRowsAnAuditEntryAndAnEvent() {
        as(Role.ORG_ADMIN, YUZHONG);
        Organization made = grassroots(org(JIEFANGBEI), "解放碑社区工会");

        assertThat(made.parentId()).isEqualTo(org(JIEFANGBEI));
        assertThat(made.active()).isTrue();
        assertThat(organizations.ancestors(made.id(), scopes.of(org(CITY))))
                .extracting(Organization::id)
                .containsExactly(org(CITY), org(YUZHONG), org(JIEFANGBEI), made.id());
        assertClosureMatchesParents();
        assertThat(auditActions(made.id())).containsExactly("organization.create");
        assertThat(events.stream(OrganizationChanged.class))
                .contains(
                        new OrganizationChanged(made.id(), OrganizationChanged.Change.CREATED, org(JIEFANGBEI), null));
    }

    @Test
    void everyWrongFieldIsNamed() {
        as(Role.CITY_ADMIN, CITY);
        assertThatThrownBy(() -> service.create(
                        org(YUZHONG),
                        new OrganizationInput(
                                "DISTRICT_FEDERATION", " ", "5001", "91500103MA5U7K2P3A", "2999-01-01", null, "12345")))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.errors())
                                .containsExactlyInAnyOrder(
                                        FieldProblem.of("kind", "organization.error.kindUnderParent", "渝中区总工会"),
                                        FieldProblem.of("name", "organization.error.required"),
                                        FieldProblem.of("divisionCode", "organization.error.divisionCode", "5001", 6),
                                        FieldProblem.of(
                                                "creditCode",
                                                "organization.uscc.CHECK_CHARACTER",
                                                "91500103MA5U7K2P3A"),
                                        FieldProblem.of("establishedOn", "organization.error.future", "2999-01-01"),
                                        FieldProblem.of("contactPhone", "organization.error.phone", "12345")));
        // A second township union for a division that has one would make territorial() ambiguous.
        assertThatThrownBy(() -> service.create(
                        org(YUZHONG),
                        new OrganizationInput("TOWNSHIP_UNION", unique("解放碑街道工会"), JIEFANGBEI, null, null, null, null)))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.errors())
                                .containsExactly(FieldProblem.of(
                                        "divisionCode", "organization.error.divisionTaken", JIEFANGBEI)));
    }

    @Test
    void anEditNeedsTheVersionItWasLoadedAt() {
        as(Role.ORG_ADMIN, YUZHONG);
        Organization made = grassroots(org(JIEFANGBEI), "编辑测试工会");
        Organization edited = service.update(
                made.id(),
                made.version(),
                new OrganizationInput(
                        "GRASSROOTS_UNION", made.name(), null, null, "2024-09-17", "王某", "138 0013 8000"));
        assertThat(edited.version()).isEqualTo(made.version() + 1);
        assertThat(edited.contactPhone()).isEqualTo("+8613800138000");
        assertThat(edited.establishedOn()).isEqualTo(java.time.LocalDate.of(2024, 9, 17));
        assertThat(auditActions(made.id())).containsExactly("organization.create", "organization.update");
        assertThat(jdbc.sql("SELECT details FROM audit_log WHERE action = 'organization.update' AND record_id = ?")
                        .param(Long.toString(made.id()))
                        .query(String.class)
                        .single())
                .isEqualTo("fields=establishedOn,contactName,contactPhone");

        assertThatThrownBy(() -> service.update(
                        made.id(),
                        made.version(),
                        new OrganizationInput("GRASSROOTS_UNION", "改名", null, null, null, null, null)))
                .isInstanceOf(OrganizationChangedConcurrentlyException.class);
        assertThat(organizations.find(made.id()).orElseThrow().name()).isEqualTo(made.name());
    }

    @Test
    void aDistrictAdministratorCannotEditTheirOwnOrganisationNorReachAnother() {
        as(Role.ORG_ADMIN, YUZHONG);
        Organization yuzhong = organizations.find(org(YUZHONG)).orElseThrow();
        OrganizationInput input =
                new OrganizationInput("DISTRICT_FEDERATION", yuzhong.name(), YUZHONG, null, null, "改", null);
        assertThatThrownBy(() -> service.update(yuzhong.id(), yuzhong.version(), input))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> grassroots(org(JIANGBEI), "越界工会")).isInstanceOf(NoSuchElementException.class);
        assertThat(count("SELECT COUNT(*) FROM organization WHERE name LIKE '越界工会%'"))
                .isZero();
    }

    // ---- moves ----

    @Test
    void aMoveTakesTheSubtreeAndRewritesItsClosureRows() {
        as(Role.CITY_ADMIN, CITY);
        Organization a = grassroots(org(JIEFANGBEI), "移动甲");
        Organization b = grassroots(a.id(), "移动乙");
        Organization c = grassroots(b.id(), "移动丙");
        long jiangbeiTownship = jdbc.sql(
                        "SELECT MIN(id) FROM organization WHERE kind = 'TOWNSHIP_UNION' AND division_code LIKE '500105%'")
                .query(Long.class)
                .single();

        Organization moved = service.move(a.id(), a.version(), jiangbeiTownship);

        assertThat(moved.parentId()).isEqualTo(jiangbeiTownship);
        assertThat(moved.version()).isEqualTo(a.version() + 1);
        assertThat(organizations.ancestors(c.id(), scopes.of(org(CITY))))
                .extracting(Organization::id)
                .containsExactly(org(CITY), org(JIANGBEI), jiangbeiTownship, a.id(), b.id(), c.id());
        assertThat(scopes.of(org(YUZHONG)).includes(c.id())).isFalse();
        assertThat(scopes.of(org(JIANGBEI)).includes(c.id())).isTrue();
        assertClosureMatchesParents();
        assertThat(auditActions(a.id())).containsExactly("organization.create", "organization.move");
        assertThat(jdbc.sql("SELECT details FROM audit_log WHERE action = 'organization.move' AND record_id = ?")
                        .param(Long.toString(a.id()))
                        .query(String.class)
                        .single())
                .isEqualTo("from=" + org(JIEFANGBEI) + " to=" + jiangbeiTownship + " subtree=3");
        assertThat(events.stream(OrganizationChanged.class))
                .contains(new OrganizationChanged(
                        a.id(), OrganizationChanged.Change.MOVED, jiangbeiTownship, org(JIEFANGBEI)));
    }

    @Test
    void aMoveIntoTheOwnSubtreeIsRefusedAsACycleAndChangesNothing() {
        as(Role.ORG_ADMIN, YUZHONG);
        Organization a = grassroots(org(JIEFANGBEI), "循环甲");
        Organization b = grassroots(a.id(), "循环乙");
        Organization c = grassroots(b.id(), "循环丙");
        for (Organization target : List.of(a, c)) {
            assertThatThrownBy(() -> service.move(a.id(), a.version(), target.id()))
                    .isInstanceOfSatisfying(
                            InvalidInputException.class,
                            e -> assertThat(e.errors())
                                    .containsExactly(FieldProblem.of(
                                            "parentId", "organization.error.cycle", target.name(), a.name())));
        }
        assertThatThrownBy(() -> service.move(a.id(), a.version(), org(JIEFANGBEI)))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.errors().get(0).code()).isEqualTo("organization.error.sameParent"));
        assertThat(organizations.find(a.id()).orElseThrow().parentId()).isEqualTo(org(JIEFANGBEI));
        assertThat(auditActions(a.id())).containsExactly("organization.create");
        assertClosureMatchesParents();
    }

    @Test
    void aMoveOutsideTheMoversScopeIsNotFoundAndChangesNothing() {
        as(Role.ORG_ADMIN, YUZHONG);
        Organization a = grassroots(org(JIEFANGBEI), "越界移动");
        assertThatThrownBy(() -> service.move(a.id(), a.version(), org(JIANGBEI)))
                .isInstanceOf(NoSuchElementException.class);
        // Nor may they move their own organisation, or a district federation under a township.
        Organization yuzhong = organizations.find(org(YUZHONG)).orElseThrow();
        assertThatThrownBy(() -> service.move(yuzhong.id(), yuzhong.version(), org(JIEFANGBEI)))
                .isInstanceOf(AccessDeniedException.class);
        as(Role.CITY_ADMIN, CITY);
        Organization jiangbei = organizations.find(org(JIANGBEI)).orElseThrow();
        assertThatThrownBy(() -> service.move(jiangbei.id(), jiangbei.version(), org(YUZHONG)))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.errors().get(0).code()).isEqualTo("organization.error.kindUnderParent"));
        assertThat(organizations.find(a.id()).orElseThrow().parentId()).isEqualTo(org(JIEFANGBEI));
        assertThat(organizations.find(org(JIANGBEI)).orElseThrow().version()).isEqualTo(jiangbei.version());
        assertClosureMatchesParents();
    }

    // ---- dissolve ----

    @Test
    void dissolvingIsRefusedWhileChildrenStationsOrEnabledAccountsRemainAndSaysHowMany() {
        as(Role.ORG_ADMIN, YUZHONG);
        Organization parent = grassroots(org(JIEFANGBEI), "撤销甲");
        grassroots(parent.id(), "撤销乙");
        Organization child2 = grassroots(parent.id(), "撤销丙");

        assertThatThrownBy(() -> service.dissolve(parent.id(), parent.version(), "合并"))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.errors())
                                .containsExactly(
                                        FieldProblem.of("organization", "organization.error.activeChildren", 2L)));

        insertStation(child2.id());
        assertThatThrownBy(() -> service.dissolve(child2.id(), child2.version(), " "))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.errors())
                                .containsExactly(
                                        FieldProblem.of("reason", "organization.error.required"),
                                        FieldProblem.of("organization", "station.organizationUsage", 1L)));
        jdbc.sql("DELETE FROM station WHERE organization_id = ?")
                .param(child2.id())
                .update();

        // An enabled staff account of the organisation also holds it; a disabled one does not.
        String clerk = unique("dissolve-clerk").toLowerCase(java.util.Locale.ROOT);
        jdbc.sql("""
                INSERT INTO account (username, password_hash, display_name, role, enabled, created_at, organization_id)
                VALUES (?, '{noop}x', '撤销测试', 'UNION_STAFF', TRUE, CURRENT_TIMESTAMP, ?)""").params(clerk, child2.id()).update();
        assertThatThrownBy(() -> service.dissolve(child2.id(), child2.version(), "并入上级"))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.errors())
                                .containsExactly(
                                        FieldProblem.of("organization", "organization.error.activeAccounts", 1L)));
        jdbc.sql("UPDATE account SET enabled = FALSE WHERE username = ?")
                .param(clerk)
                .update();

        Organization dissolved = service.dissolve(child2.id(), child2.version(), "并入上级");
        assertThat(dissolved.active()).isFalse();
        assertThat(organizations.countActiveChildren(parent.id())).isEqualTo(1);
        assertThat(jdbc.sql("SELECT reason FROM audit_log WHERE action = 'organization.dissolve' AND record_id = ?")
                        .param(Long.toString(child2.id()))
                        .query(String.class)
                        .single())
                .isEqualTo("并入上级");
        assertThat(events.stream(OrganizationChanged.class))
                .contains(
                        new OrganizationChanged(child2.id(), OrganizationChanged.Change.DISSOLVED, parent.id(), null));
        // A dissolved organisation is history: no second dissolution, no edit, no child.
        assertThatThrownBy(() -> service.dissolve(child2.id(), dissolved.version(), "again"))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> grassroots(child2.id(), "撤销丁")).isInstanceOf(AccessDeniedException.class);
    }

    /** A station owned by {@code organizationId}, written directly (the roster service decides owners itself). */
    void insertStation(long organizationId) {
        jdbc.sql("""
                INSERT INTO station (code, name, host_type, district_code, address, longitude, latitude, entered_crs,
                                     entered_longitude, entered_latitude, h3_cell, contact_name, contact_phone,
                                     opening_hours, status, created_at, updated_at, organization_id)
                VALUES (?, ?, 'COMMUNITY_SERVICE_STATION', '500103', '渝中区测试路 1 号', 106.57, 29.55, 'WGS84',
                        106.57, 29.55, 0, '张某', '+8613800000999', '08:00-22:00', 'CLOSED',
                        CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, ?)""")
                .params("T-" + System.nanoTime(), unique("撤销测试驿站"), organizationId)
                .update();
    }

    @Test
    void nobodyDissolvesOrMovesTheRootAndOnlyTheCityAdministratorEditsIt() {
        as(Role.CITY_ADMIN, CITY);
        Organization root = organizations.find(org(CITY)).orElseThrow();
        assertThatThrownBy(() -> service.dissolve(root.id(), root.version(), "x"))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> service.move(root.id(), root.version(), org(YUZHONG)))
                .isInstanceOf(AccessDeniedException.class);
        Organization edited = service.update(
                root.id(),
                root.version(),
                new OrganizationInput(null, root.name(), CITY, null, null, root.contactName(), "023-6312-3456"));
        assertThat(edited.contactPhone()).isEqualTo("+862363123456");
        assertThat(edited.kind()).isEqualTo(OrganizationKind.MUNICIPAL_FEDERATION);
        // Put the root back as it was for other tests sharing the database.
        service.update(
                root.id(),
                edited.version(),
                new OrganizationInput(
                        null, root.name(), CITY, root.creditCode(), null, root.contactName(), root.contactPhone()));
    }
}
