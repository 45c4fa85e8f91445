package org.nuanxin.membership.internal.members;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.nuanxin.identity.Role;
import org.nuanxin.organization.UnifiedSocialCreditCode;
import org.nuanxin.support.NuanxinTest;
import org.nuanxin.support.ScopedUser;
import org.nuanxin.support.StaffAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The members list's filter form over HTTP: the union and the platform enterprise are chosen from lists (the union
 * within the user's scope), and a wrong filter or a missing reason of an export answers the list page with the
 * problem beside its field and the filters kept.
 */
@NuanxinTest
class MembersConsoleTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    private Authentication staff(String username, String divisionCode) {
        return ScopedUser.of(jdbc, username, Role.UNION_STAFF, divisionCode);
    }

    private MockHttpServletResponse answer(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn().getResponse();
    }

    private static Document page(MockHttpServletResponse response) throws Exception {
        assertThat(response.getContentType()).startsWith("text/html");
        return Jsoup.parse(response.getContentAsString(StandardCharsets.UTF_8));
    }

    /** A platform enterprise of 渝中区 (a valid synthetic credit code), inserted once; its id. */
    private long platform() {
        String first17 = "91500103PF" + "000001" + UnifiedSocialCreditCode.organisationCodeCheck("PF000001");
        String code = first17 + UnifiedSocialCreditCode.checkCharacter(first17);
        if (jdbc.sql("SELECT COUNT(*) FROM enterprise WHERE credit_code = ?")
                        .param(code)
                        .query(Long.class)
                        .single()
                == 0) {
            jdbc.sql("""
                    INSERT INTO enterprise (name, credit_code, industry, district_code, organization_id, platform,
                                            created_at, updated_at)
                    VALUES ('会员筛选测试平台', ?, 'OTHER', '500103', ?, TRUE, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)""")
                    .params(code, StaffAccounts.organization(jdbc, "500103"))
                    .update();
        }
        return jdbc.sql("SELECT id FROM enterprise WHERE credit_code = ?")
                .param(code)
                .query(Long.class)
                .single();
    }

    @Test
    void theUnionIsChosenWithinTheScopeAndThePlatformFromTheRegistry() throws Exception {
        long yuzhong = StaffAccounts.organization(jdbc, "500103");
        long jiefangbei = StaffAccounts.organization(jdbc, "500103003");
        long platform = platform();

        // The city: the municipal federation and its district federations, not the thousand townships.
        Document city = page(answer(get("/console/members").with(authentication(staff("mc-city", "500000")))));
        assertThat(city.select("select#organization option[value=" + yuzhong + "]")
                        .text())
                .isEqualTo("渝中区总工会");
        assertThat(city.select("select#organization option").size()).isBetween(30, 50);
        assertThat(city.select("select#organization option[value=" + jiefangbei + "]"))
                .isEmpty();
        // A township chosen (a link from elsewhere) is offered and stays chosen.
        Document chosen = page(answer(get("/console/members")
                .param("organization", String.valueOf(jiefangbei))
                .with(authentication(staff("mc-city", "500000")))));
        assertThat(chosen.select("select#organization option[selected]").text()).isEqualTo("解放碑街道工会");

        // A district: itself and its townships, nothing of another district.
        Document district = page(answer(get("/console/members").with(authentication(staff("mc-yz", "500103")))));
        assertThat(district.select("select#organization option").eachText())
                .contains("渝中区总工会", "解放碑街道工会")
                .doesNotContain("江北区总工会", "重庆市总工会");

        // The platform enterprise: a list, not a box where a partial name ("美") was refused.
        assertThat(city.select("input[name=enterprise]")).isEmpty();
        assertThat(city.select("select#enterprise option[value=" + platform + "]")
                        .text())
                .isEqualTo("会员筛选测试平台");
        MockHttpServletResponse filtered = answer(get("/console/members")
                .param("enterprise", String.valueOf(platform))
                .with(authentication(staff("mc-city", "500000"))));
        assertThat(filtered.getStatus()).isEqualTo(200);
        assertThat(page(filtered).select("select#enterprise option[selected]").text())
                .isEqualTo("会员筛选测试平台");
    }

    @Test
    void aWrongExportFilterOrAMissingReasonAnswersTheListWithTheProblemBesideItsField() throws Exception {
        Authentication staff = staff("mc-export", "500103");
        // The masked export with a misspelt occupation: the list page, the problem under the occupation.
        MockHttpServletResponse wrong = answer(get("/console/members/export.xlsx")
                .param("occupation", "程序员")
                .param("state", "ACTIVE")
                .param("joinedFrom", "2024-01-01")
                .with(authentication(staff)));
        assertThat(wrong.getStatus()).isEqualTo(400);
        Document list = page(wrong);
        assertThat(list.select("#occupation-error").text()).isEqualTo("职业“程序员”无法识别");
        assertThat(list.select("select#occupation").attr("aria-invalid")).isEqualTo("true");
        assertThat(list.select("select#state option[selected]").val()).isEqualTo("ACTIVE");
        assertThat(list.select("input#joinedFrom").val()).isEqualTo("2024-01-01");

        // The clear export without a reason: the list with its members, the problem under the reason.
        MockHttpServletResponse noReason = answer(post("/console/members/export.xlsx")
                .param("state", "ACTIVE")
                .param("reason", "")
                .with(authentication(staff))
                .with(csrf()));
        assertThat(noReason.getStatus()).isEqualTo(422);
        Document again = page(noReason);
        assertThat(again.select("#reason-error").text()).startsWith("请填写查看原因");
        assertThat(again.select("input#export-reason").attr("aria-invalid")).isEqualTo("true");
        assertThat(again.select("select#state option[selected]").val()).isEqualTo("ACTIVE");
        assertThat(again.select("form#members-export-clear").attr("action")).contains("state=ACTIVE");
    }
}
