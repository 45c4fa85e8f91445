package org.nuanxin.organization.internal.enterprise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nuanxin.identity.Role;
import org.nuanxin.kernel.FieldProblem;
import org.nuanxin.kernel.InvalidInputException;
import org.nuanxin.organization.EnterpriseUnionEstablished;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * The registry on a real database (H2: {@link EnterpriseRegistryH2Test}, PostgreSQL:
 * {@link EnterpriseRegistryPostgresTest}): validation with named reasons, duplicates, the data scope in
 * SQL, establishing a union (tree node, closure rows, outbox event, audit) and the permissions.
 */
@RecordApplicationEvents
abstract class EnterpriseRegistryTest {

    @Autowired
    ApplicationEvents published;

    static final String YUZHONG = "500103";
    static final String JIANGBEI = "500105";

    @Autowired
    EnterpriseService service;

    @Autowired
    EnterpriseRepository repository;

    @Autowired
    JdbcClient jdbc;

    long yuzhong;
    long jiangbei;

    @BeforeEach
    void emptyRegistry() {
        jdbc.sql("DELETE FROM campaign_target").update();
        jdbc.sql("DELETE FROM campaign").update();
        jdbc.sql("DELETE FROM enterprise").update();
        yuzhong = EnterpriseFixtures.org(jdbc, YUZHONG);
        jiangbei = EnterpriseFixtures.org(jdbc, JIANGBEI);
        EnterpriseFixtures.actAs("yz-staff", Role.UNION_STAFF, yuzhong);
    }

    @AfterEach
    void signOut() {
        EnterpriseFixtures.signOut();
    }

    @Test
    void createsAnEnterpriseOwnedByTheDistrictFederation() {
        String code = EnterpriseFixtures.code(YUZHONG, 1);
        Enterprise e = service.create(EnterpriseFixtures.input("解放碑即时配送有限公司", code.toLowerCase(), "渝中区"));

        assertThat(e.creditCode()).isEqualTo(code);
        assertThat(e.organizationId()).isEqualTo(yuzhong);
        assertThat(e.organizationName()).isEqualTo("渝中区总工会");
        assertThat(e.industry()).isEqualTo(Industry.FOOD_DELIVERY);
        assertThat(e.size()).isEqualTo(EnterpriseSize.SMALL);
        assertThat(e.platform()).isTrue();
        assertThat(e.head()).isFalse();
        assertThat(e.workerCount()).isEqualTo(120);
        assertThat(e.unionStatus()).isEqualTo(UnionStatus.NONE);
        assertThat(auditCount("enterprise.create", Long.toString(e.id()))).isEqualTo(1);
    }

    @Test
    void aWrongCheckCharacterIsRefusedWithItsReasonAndNothingIsWritten() {
        String wrong = EnterpriseFixtures.wrongCheck(EnterpriseFixtures.code(YUZHONG, 2));
        assertThatThrownBy(() -> service.create(EnterpriseFixtures.input("某公司", wrong, "渝中区")))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.errors())
                                .containsExactly(
                                        FieldProblem.of("creditCode", "organization.uscc.CHECK_CHARACTER", wrong)));
        assertThat(repository.countAll()).isZero();
    }

    @Test
    void everyWrongFieldIsNamed() {
        EnterpriseInput bad = new EnterpriseInput(
                "", "123", "挖矿", "巨型", "火星区", "也许", null, null, "-5", "已建会", null, "no spaces", null, null, null);
        assertThatThrownBy(() -> service.create(bad))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.errors().stream().map(FieldProblem::field))
                                .containsExactlyInAnyOrder(
                                        "name",
                                        "creditCode",
                                        "industry",
                                        "size",
                                        "district",
                                        "platform",
                                        "workerCount",
                                        "unionEstablishedOn",
                                        "responsible"));
    }

    @Test
    void aCreditCodeIsRegisteredOnce() {
        String code = EnterpriseFixtures.code(YUZHONG, 3);
        service.create(EnterpriseFixtures.input("甲公司", code, "渝中区"));
        assertThatThrownBy(() -> service.create(EnterpriseFixtures.input("乙公司", " " + code + " ", "渝中区")))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.errors())
                                .containsExactly(FieldProblem.of("creditCode", "enterprise.error.duplicate", code)));
    }

    @Test
    void aDistrictOutsideTheScopeIsRefused() {
        assertThatThrownBy(() ->
                        service.create(EnterpriseFixtures.input("江北公司", EnterpriseFixtures.code(JIANGBEI, 4), "江北区")))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.errors())
                                .containsExactly(
                                        FieldProblem.of("district", "enterprise.error.districtOutOfScope", JIANGBEI)));
    }

    @Test
    void listsAndFindsOnlyWithinTheScopeAndAFilterCannotWidenIt() {
        long own = service.create(EnterpriseFixtures.input("渝中甲", EnterpriseFixtures.code(YUZHONG, 5), "渝中区"))
                .id();
        EnterpriseFixtures.actAs("jb-staff", Role.UNION_STAFF, jiangbei);
        long other = service.create(EnterpriseFixtures.input("江北乙", EnterpriseFixtures.code(JIANGBEI, 6), "江北区"))
                .id();

        EnterpriseFixtures.actAs("yz-staff", Role.UNION_STAFF, yuzhong);
        assertThat(names(EnterpriseFilter.ALL)).containsExactly("渝中甲");
        assertThat(service.find(other)).isEmpty();
        assertThat(service.find(own)).isPresent();
        // The organisation filter naming another district narrows nothing: still only the own scope.
        assertThat(names(new EnterpriseFilter(null, null, null, null, Set.of(), jiangbei)))
                .containsExactly("渝中甲");
        // The district filter on another district finds nothing rather than that district's rows.
        assertThat(names(new EnterpriseFilter(null, JIANGBEI, null, null, Set.of(), null)))
                .isEmpty();

        EnterpriseFixtures.actAs("city", Role.CITY_ADMIN, EnterpriseFixtures.org(jdbc, "500000"));
        assertThat(names(EnterpriseFilter.ALL)).containsExactly("江北乙", "渝中甲");
        // For the city, the organisation filter narrows to that district.
        assertThat(names(new EnterpriseFilter(null, null, null, null, Set.of(), jiangbei)))
                .containsExactly("江北乙");
    }

    @Test
    void filtersByTextIndustryStatusAndFlags() {
        service.create(EnterpriseFixtures.input("渝中骑手配送", EnterpriseFixtures.code(YUZHONG, 7), "渝中区"));
        service.create(
                EnterpriseFixtures.established("渝中快递", EnterpriseFixtures.code(YUZHONG, 8), "渝中区", "2024-05-01", null));

        assertThat(names(new EnterpriseFilter("骑手", null, null, null, Set.of(), null)))
                .containsExactly("渝中骑手配送");
        assertThat(names(new EnterpriseFilter(
                        EnterpriseFixtures.code(YUZHONG, 8).substring(8, 17), null, null, null, Set.of(), null)))
                .containsExactly("渝中快递");
        assertThat(names(new EnterpriseFilter(null, null, Industry.EXPRESS_DELIVERY, null, Set.of(), null)))
                .containsExactly("渝中快递");
        assertThat(names(new EnterpriseFilter(null, null, null, UnionStatus.NONE, Set.of(), null)))
                .containsExactly("渝中骑手配送");
        assertThat(names(new EnterpriseFilter(null, null, null, null, Set.of(EnterpriseFilter.Flag.HEAD), null)))
                .containsExactly("渝中快递");
        assertThat(names(new EnterpriseFilter(
                        null,
                        null,
                        null,
                        null,
                        Set.of(EnterpriseFilter.Flag.HEAD, EnterpriseFilter.Flag.BACKBONE),
                        null)))
                .isEmpty();
        // LIKE's wildcards typed by a user are literal.
        assertThat(names(new EnterpriseFilter("%", null, null, null, Set.of(), null)))
                .isEmpty();
    }

    @Test
    void establishingAUnionCreatesTheEnterpriseUnionInTheTreeAndPublishesTheEvent() {
        long township = township(YUZHONG);
        String code = EnterpriseFixtures.code(YUZHONG, 9);
        Enterprise e = service.create(
                EnterpriseFixtures.established("渝中速运有限公司", code, "渝中区", "2024-06-01", Long.toString(township)));

        assertThat(e.unionStatus()).isEqualTo(UnionStatus.ESTABLISHED);
        assertThat(e.unionEstablishedOn()).hasToString("2024-06-01");
        Long union = e.unionOrganizationId();
        assertThat(union).isNotNull();
        assertThat(jdbc.sql("SELECT name, kind, parent_id, established_on FROM organization WHERE id = ?")
                        .param(union)
                        .query((rs, n) -> List.of(
                                rs.getString(1),
                                rs.getString(2),
                                rs.getLong(3),
                                rs.getDate(4).toString()))
                        .single())
                .containsExactly("渝中速运有限公司工会委员会", "ENTERPRISE_UNION", township, "2024-06-01");
        // Closure rows: itself, the township, the district federation and the city.
        assertThat(jdbc.sql("SELECT COUNT(*) FROM organization_closure WHERE descendant_id = ?")
                        .param(union)
                        .query(Long.class)
                        .single())
                .isEqualTo(4);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM organization_closure WHERE ancestor_id = ? AND descendant_id = ?")
                        .params(yuzhong, union)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(published.stream(EnterpriseUnionEstablished.class))
                .containsExactly(new EnterpriseUnionEstablished(
                        e.id(), code, union, yuzhong, java.time.LocalDate.of(2024, 6, 1)));
        assertThat(auditCount("enterprise.establish", null)).isGreaterThanOrEqualTo(1);
    }

    @Test
    void anUpdateEstablishesOnceAndAStaleVersionIsRefused() {
        Enterprise e = service.create(EnterpriseFixtures.input("待建会公司", EnterpriseFixtures.code(YUZHONG, 10), "渝中区"));
        EnterpriseInput establish = EnterpriseFixtures.established("待建会公司", e.creditCode(), "渝中区", "2024-07-01", null);
        Enterprise saved = service.update(e.id(), e.version(), establish);
        assertThat(saved.unionOrganizationId()).isNotNull();
        assertThat(jdbc.sql("SELECT parent_id FROM organization WHERE id = ?")
                        .param(saved.unionOrganizationId())
                        .query(Long.class)
                        .single())
                .isEqualTo(yuzhong);
        assertThat(auditCount("enterprise.update", Long.toString(e.id()))).isEqualTo(1);

        // Saved again (another date): the same enterprise union, no second one.
        Enterprise again = service.update(
                e.id(),
                saved.version(),
                EnterpriseFixtures.established("待建会公司", e.creditCode(), "渝中区", "2024-07-02", null));
        assertThat(again.unionOrganizationId()).isEqualTo(saved.unionOrganizationId());

        assertThatThrownBy(() -> service.update(e.id(), e.version(), establish))
                .isInstanceOf(EnterpriseChangedConcurrentlyException.class);
    }

    @Test
    void anotherScopesEnterpriseCannotBeUpdatedNorALinkedUnionOutsideTheScope() {
        EnterpriseFixtures.actAs("jb-staff", Role.UNION_STAFF, jiangbei);
        Enterprise other = service.create(EnterpriseFixtures.established(
                "江北速运", EnterpriseFixtures.code(JIANGBEI, 11), "江北区", "2024-01-02", null));

        EnterpriseFixtures.actAs("yz-staff", Role.UNION_STAFF, yuzhong);
        assertThatThrownBy(() -> service.update(
                        other.id(), other.version(), EnterpriseFixtures.input("改名", other.creditCode(), "江北区")))
                .isInstanceOf(java.util.NoSuchElementException.class);
        EnterpriseInput linking = new EnterpriseInput(
                "渝中公司",
                EnterpriseFixtures.code(YUZHONG, 12),
                "快递",
                null,
                "渝中区",
                null,
                null,
                null,
                null,
                "ESTABLISHED",
                "2024-02-02",
                null,
                null,
                null,
                Long.toString(other.unionOrganizationId()));
        assertThatThrownBy(() -> service.create(linking))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.errors().get(0).field()).isEqualTo("unionOrganization"));
        assertThat(jdbc.sql("SELECT name FROM enterprise WHERE id = ?")
                        .param(other.id())
                        .query(String.class)
                        .single())
                .isEqualTo("江北速运");
    }

    @Test
    void viewersMayNotChange() {
        EnterpriseFixtures.actAs("grid", Role.GRID_STAFF, yuzhong);
        assertThat(service.search(EnterpriseFilter.ALL, PageRequest.of(0, 10))).isEmpty();
        assertThatThrownBy(() ->
                        service.create(EnterpriseFixtures.input("某公司", EnterpriseFixtures.code(YUZHONG, 13), "渝中区")))
                .isInstanceOf(AccessDeniedException.class);
        EnterpriseFixtures.signOut();
        assertThatThrownBy(() -> service.search(EnterpriseFilter.ALL, PageRequest.of(0, 10)))
                .isInstanceOf(AccessDeniedException.class);
    }

    private List<String> names(EnterpriseFilter filter) {
        return service.search(filter, PageRequest.of(0, 50, Sort.by("name")))
                .map(Enterprise::name)
                .toList();
    }

    private long township(String district) {
        return jdbc.sql("SELECT MIN(id) FROM organization WHERE parent_id = ? AND kind = 'TOWNSHIP_UNION'")
                .param(EnterpriseFixtures.org(jdbc, district))
                .query(Long.class)
                .single();
    }

    private long auditCount(String action, String recordId) {
        return recordId == null
                ? jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = ?")
                        .param(action)
                        .query(Long.class)
                        .single()
                : jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = ? AND record_id = ?")
                        .params(action, recordId)
                        .query(Long.class)
                        .single();
    }
}
