package org.nuanxin.organization.internal.enterprise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nuanxin.identity.Role;
import org.nuanxin.kernel.CityTime;
import org.nuanxin.kernel.InvalidInputException;
import org.nuanxin.organization.EnterpriseUnionEstablished;
import org.nuanxin.organization.UnifiedSocialCreditCode;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * Campaigns on a real database (H2: {@link CampaignH2Test}, PostgreSQL: {@link CampaignPostgresTest}):
 * progress and overdue targets on the test clock (2025-01-01), visibility and upkeep by scope, audit, and
 * the head-enterprise demo data.
 */
@RecordApplicationEvents
abstract class CampaignTest {

    @Autowired
    CampaignService campaigns;

    @Autowired
    EnterpriseService enterprises;

    @Autowired
    EnterpriseDemoData demo;

    @Autowired
    CityTime time;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEvents published;

    long city;
    long yuzhong;
    long jiangbei;

    @BeforeEach
    void empty() {
        jdbc.sql("DELETE FROM campaign_target").update();
        jdbc.sql("DELETE FROM campaign").update();
        jdbc.sql("DELETE FROM enterprise").update();
        city = EnterpriseFixtures.org(jdbc, "500000");
        yuzhong = EnterpriseFixtures.org(jdbc, "500103");
        jiangbei = EnterpriseFixtures.org(jdbc, "500105");
    }

    @AfterEach
    void signOut() {
        EnterpriseFixtures.signOut();
    }

    /** Three 渝中区 targets (established, preparing, none) and one 江北区 target, in a city campaign. */
    private long cityCampaign(String deadline) {
        EnterpriseFixtures.actAs("city", Role.CITY_ADMIN, city);
        Enterprise a = enterprises.create(EnterpriseFixtures.established(
                "甲已建会", EnterpriseFixtures.code("500103", 301), "渝中区", "2024-05-05", null));
        Enterprise b = enterprises.create(new EnterpriseInput(
                "乙筹建中",
                EnterpriseFixtures.code("500103", 302),
                "网约车",
                null,
                "渝中区",
                null,
                "是",
                null,
                null,
                "筹建中",
                null,
                null,
                null,
                null,
                null));
        Enterprise c =
                enterprises.create(EnterpriseFixtures.input("丙未建会", EnterpriseFixtures.code("500103", 303), "渝中区"));
        Enterprise d =
                enterprises.create(EnterpriseFixtures.input("丁江北", EnterpriseFixtures.code("500105", 304), "江北区"));
        long id = campaigns.create(new CampaignInput("头部企业建会 2024", "2024-03-01", deadline, null));
        for (Enterprise e : List.of(a, b, c, d)) {
            campaigns.addTarget(id, e.creditCode());
        }
        return id;
    }

    @Test
    void progressAndOverdueAfterTheDeadline() {
        long id = cityCampaign("2024-12-31");
        Campaign c = campaigns.find(id).orElseThrow();
        assertThat(time.today()).isEqualTo(LocalDate.of(2025, 1, 1));
        assertThat(c.targets()).isEqualTo(4);
        assertThat(c.established()).isEqualTo(1);
        assertThat(c.percent()).isEqualTo(25);
        assertThat(c.overdue(time.today())).isEqualTo(3);
        assertThat(names(c, null, true)).containsExactly("丁江北", "丙未建会", "乙筹建中");
        assertThat(names(c, UnionStatus.ESTABLISHED, false)).containsExactly("甲已建会");
        assertThat(names(c, null, false)).containsExactly("丁江北", "丙未建会", "乙筹建中", "甲已建会");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'campaign.addTarget' AND record_id = ?")
                        .param(Long.toString(id))
                        .query(Long.class)
                        .single())
                .isEqualTo(4);
    }

    @Test
    void nothingIsOverdueBeforeTheDeadline() {
        long id = cityCampaign("2025-06-30");
        Campaign c = campaigns.find(id).orElseThrow();
        assertThat(c.overdue(time.today())).isZero();
        assertThat(names(c, null, true)).isEmpty();
    }

    @Test
    void aDistrictSeesTheCampaignOverItsOwnTargetsAndCannotChangeIt() {
        long id = cityCampaign("2024-12-31");
        Enterprise other =
                enterprises.create(EnterpriseFixtures.input("戊江北", EnterpriseFixtures.code("500105", 305), "江北区"));

        EnterpriseFixtures.actAs("yz", Role.UNION_STAFF, yuzhong);
        Campaign seen = campaigns.find(id).orElseThrow();
        assertThat(seen.targets()).isEqualTo(3);
        assertThat(seen.established()).isEqualTo(1);
        assertThat(names(seen, null, false)).doesNotContain("丁江北");
        assertThat(campaigns.list(PageRequest.of(0, 10)))
                .extracting(Campaign::id)
                .containsExactly(id);
        assertThatThrownBy(() -> campaigns.addTarget(id, other.creditCode())).isInstanceOf(AccessDeniedException.class);

        // 渝中区's own campaign: another district's enterprise is not found, its own is added.
        long own = campaigns.create(new CampaignInput("渝中骨干企业建会", "2025-01-01", "2025-12-31", null));
        assertThatThrownBy(() -> campaigns.addTarget(own, other.creditCode()))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.errors().get(0).code()).isEqualTo("campaign.error.noSuchEnterprise"));
        campaigns.addTarget(own, EnterpriseFixtures.code("500103", 303));
        assertThat(campaigns.find(own).orElseThrow().targets()).isEqualTo(1);

        // A district with no target and no campaign of its own sees none of them.
        EnterpriseFixtures.actAs("nan-an", Role.UNION_STAFF, EnterpriseFixtures.org(jdbc, "500108"));
        assertThat(campaigns.find(id)).isEmpty();
        assertThat(campaigns.list(PageRequest.of(0, 10))).isEmpty();
    }

    @Test
    void aCampaignNeedsANameAndAPeriodInOrder() {
        EnterpriseFixtures.actAs("city", Role.CITY_ADMIN, city);
        assertThatThrownBy(() -> campaigns.create(new CampaignInput(" ", "2025-05-01", "2025-04-01", null)))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.errors())
                                .extracting(p -> p.field() + ":" + p.code())
                                .containsExactly(
                                        "name:enterprise.error.required",
                                        "deadline:campaign.error.deadlineBeforeStart"));
        EnterpriseFixtures.actAs("auditor", Role.AUDITOR, city);
        assertThatThrownBy(() -> campaigns.create(new CampaignInput("x", "2025-01-01", "2025-02-01", null)))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void removingATargetIsAudited() {
        long id = cityCampaign("2024-12-31");
        Enterprise c = enterprises
                .search(new EnterpriseFilter("丙未建会", null, null, null, java.util.Set.of(), null), PageRequest.of(0, 1))
                .getContent()
                .get(0);
        campaigns.removeTarget(id, c.id());
        assertThat(campaigns.find(id).orElseThrow().targets()).isEqualTo(3);
        assertThat(jdbc.sql("SELECT details FROM audit_log WHERE action = 'campaign.removeTarget' AND record_id = ?")
                        .param(Long.toString(id))
                        .query(String.class)
                        .single())
                .isEqualTo("enterprise=" + c.id());
    }

    @Test
    void theDemoDataIsTheFifteenHeadEnterprisesWithValidSyntheticCodesAllEstablished() {
        int loaded = demo.load();
        assertThat(loaded).isEqualTo(15);
        EnterpriseFixtures.actAs("city", Role.CITY_ADMIN, city);
        List<Enterprise> all =
                enterprises.search(EnterpriseFilter.ALL, PageRequest.of(0, 50)).getContent();
        assertThat(all).hasSize(15).allSatisfy(e -> {
            assertThat(e.head()).isTrue();
            assertThat(e.demo()).isTrue();
            assertThat(UnifiedSocialCreditCode.parse(e.creditCode()).refusal()).isEmpty();
            assertThat(e.unionStatus()).isEqualTo(UnionStatus.ESTABLISHED);
            assertThat(e.unionOrganizationId()).isNotNull();
        });
        assertThat(all)
                .extracting(Enterprise::name)
                .contains(
                        "顺丰速运", "京东物流", "滴滴出行", "美团", "饿了么", "菜鸟", "中通快递", "圆通速递", "申通快递", "韵达速递", "极兔速递", "货拉拉", "满帮",
                        "达达快送", "曹操出行");
        Campaign c = campaigns.list(PageRequest.of(0, 10)).getContent().get(0);
        assertThat(c.name()).isEqualTo(EnterpriseDemoData.CAMPAIGN);
        assertThat(c.targets()).isEqualTo(15);
        assertThat(c.established()).isEqualTo(15);
        assertThat(c.percent()).isEqualTo(100);
        assertThat(published.stream(EnterpriseUnionEstablished.class)).hasSize(15);
    }

    private List<String> names(Campaign c, UnionStatus status, boolean overdue) {
        return campaigns
                .targets(c, status, overdue, null, PageRequest.of(0, 50))
                .map(Enterprise::name)
                .toList();
    }
}
