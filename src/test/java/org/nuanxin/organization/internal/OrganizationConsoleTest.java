package org.nuanxin.organization.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.nuanxin.identity.Role;
import org.nuanxin.organization.Organization;
import org.nuanxin.organization.Organizations;
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
 * The organisation console over HTTP for users of one district (渝中区) and of the city: what the tree shows, and
 * that an id of another district, in the path or in a form, is 404 and changes nothing.
 */
@NuanxinTest
class OrganizationConsoleTest {

    static final String CITY = "500000";
    static final String YUZHONG = "500103";
    static final String JIEFANGBEI = "500103003";
    static final String JIANGBEI = "500105";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Organizations organizations;

    long org(String division) {
        return StaffAccounts.organization(jdbc, division);
    }

    Authentication districtAdmin() {
        return ScopedUser.of(jdbc, "yz-admin", Role.ORG_ADMIN, YUZHONG);
    }

    Authentication cityAdmin() {
        return ScopedUser.of(jdbc, "city-admin", Role.CITY_ADMIN, CITY);
    }

    MockHttpServletResponse send(MockHttpServletRequestBuilder request, Authentication who) throws Exception {
        return mvc.perform(request.with(authentication(who)).with(csrf()).locale(java.util.Locale.SIMPLIFIED_CHINESE))
                .andReturn()
                .getResponse();
    }

    String page(String url, Authentication who) throws Exception {
        MockHttpServletResponse response = send(get(url), who);
        assertThat(response.getStatus()).as(url).isEqualTo(200);
        return response.getContentAsString();
    }

    /** A grassroots union under 解放碑街道, made through the form; returns its id. */
    long created(String name) throws Exception {
        MockHttpServletResponse response = send(
                post("/console/organizations/" + org(JIEFANGBEI) + "/new")
                        .param("kind", "GRASSROOTS_UNION")
                        .param("name", name + "-" + System.nanoTime())
                        .param("contactPhone", "13800138000"),
                districtAdmin());
        assertThat(response.getStatus()).isEqualTo(302);
        Matcher m = Pattern.compile("/console/organizations/(\\d+)$").matcher(response.getRedirectedUrl());
        assertThat(m.find()).isTrue();
        return Long.parseLong(m.group(1));
    }

    @Test
    void theCityTreeShowsTheDistrictsButNotTheTownshipsUntilOneIsOpened() throws Exception {
        String tree = page("/console/organizations", cityAdmin());
        assertThat(tree).contains("重庆市总工会", "渝中区总工会", "江北区总工会").doesNotContain("解放碑街道");
        assertThat(count(tree, "href=\"/console/organizations?open=")).isEqualTo(38);

        String opened = page("/console/organizations?open=" + org(YUZHONG), cityAdmin());
        assertThat(opened).contains("解放碑街道", "江北区总工会").doesNotContain("观音桥街道");
    }

    static int count(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }

    @Test
    void aDistrictAdministratorSeesOnlyTheirDistrict() throws Exception {
        String tree = page("/console/organizations", districtAdmin());
        assertThat(tree).contains("渝中区总工会", "解放碑街道").doesNotContain("江北区总工会", "观音桥街道");
        String search = page("/console/organizations?q=500105", districtAdmin());
        assertThat(search).contains("找到 0 个组织").doesNotContain("江北区总工会");
        String node = page("/console/organizations/" + org(JIEFANGBEI), districtAdmin());
        assertThat(node).contains("渝中区总工会", "解放碑街道").doesNotContain("重庆市总工会");
        assertThat(node).contains("/console/organizations/" + org(JIEFANGBEI) + "/move");
        // Their own organisation: no edit, move or dissolve.
        String own = page("/console/organizations/" + org(YUZHONG), districtAdmin());
        assertThat(own)
                .contains("/console/organizations/" + org(YUZHONG) + "/new")
                .doesNotContain("/console/organizations/" + org(YUZHONG) + "/edit")
                .doesNotContain("/console/organizations/" + org(YUZHONG) + "/dissolve");
        assertThat(send(post("/console/organizations/" + org(YUZHONG) + "/edit").param("version", "0"), districtAdmin())
                        .getStatus())
                .isEqualTo(403);
    }

    @Test
    void anotherDistrictsIdIsNotFoundAndNothingChanges() throws Exception {
        long jiangbei = org(JIANGBEI);
        Organization before = organizations.find(jiangbei).orElseThrow();
        Authentication yz = districtAdmin();
        for (String url : new String[] {
            "/console/organizations/" + jiangbei,
            "/console/organizations?open=" + jiangbei,
            "/console/organizations/" + jiangbei + "/edit",
            "/console/organizations/" + jiangbei + "/new",
            "/console/organizations/" + jiangbei + "/move",
            "/console/organizations/" + jiangbei + "/dissolve"
        }) {
            assertThat(send(get(url), yz).getStatus()).as(url).isEqualTo(404);
        }
        assertThat(send(
                                post("/console/organizations/" + jiangbei + "/edit")
                                        .param("version", Integer.toString(before.version()))
                                        .param("kind", "DISTRICT_FEDERATION")
                                        .param("name", "改名")
                                        .param("divisionCode", JIANGBEI),
                                yz)
                        .getStatus())
                .isEqualTo(404);
        assertThat(send(
                                post("/console/organizations/" + jiangbei + "/new")
                                        .param("kind", "GRASSROOTS_UNION")
                                        .param("name", "越界新建"),
                                yz)
                        .getStatus())
                .isEqualTo(404);
        assertThat(send(
                                post("/console/organizations/" + jiangbei + "/dissolve")
                                        .param("version", Integer.toString(before.version()))
                                        .param("reason", "x"),
                                yz)
                        .getStatus())
                .isEqualTo(404);
        // An own organisation moved under another district's id: 404 too.
        long mine = created("越界移动测试");
        Organization mineBefore = organizations.find(mine).orElseThrow();
        assertThat(send(
                                post("/console/organizations/" + mine + "/move")
                                        .param("version", Integer.toString(mineBefore.version()))
                                        .param("parentId", Long.toString(jiangbei)),
                                yz)
                        .getStatus())
                .isEqualTo(404);

        assertThat(organizations.find(jiangbei)).contains(before);
        assertThat(organizations.find(mine)).contains(mineBefore);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM organization WHERE name = '越界新建'")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void theFormsCreateEditMoveAndDissolveAndSayWhatIsWrong() throws Exception {
        Authentication yz = districtAdmin();
        String refused = send(
                        post("/console/organizations/" + org(JIEFANGBEI) + "/new")
                                .param("kind", "GRASSROOTS_UNION")
                                .param("name", "校验测试")
                                .param("creditCode", "91500103MA5U7K2P3A"),
                        yz)
                .getContentAsString();
        assertThat(refused).contains("校验码（第 18 位）不正确", "value=\"校验测试\"");

        long parent = created("表单甲");
        long child = created("表单乙");
        Organization childBefore = organizations.find(child).orElseThrow();
        MockHttpServletResponse moved = send(
                post("/console/organizations/" + child + "/move")
                        .param("version", Integer.toString(childBefore.version()))
                        .param("parentId", Long.toString(parent)),
                yz);
        assertThat(moved.getStatus()).isEqualTo(302);
        assertThat(organizations.find(child).orElseThrow().parentId()).isEqualTo(parent);

        Organization parentNow = organizations.find(parent).orElseThrow();
        String cycle = send(
                        post("/console/organizations/" + parent + "/move")
                                .param("version", Integer.toString(parentNow.version()))
                                .param("parentId", Long.toString(child)),
                        yz)
                .getContentAsString();
        assertThat(cycle).contains("移动后会形成循环");
        assertThat(organizations.find(parent).orElseThrow().parentId()).isEqualTo(org(JIEFANGBEI));

        String blocked = send(
                        post("/console/organizations/" + parent + "/dissolve")
                                .param("version", Integer.toString(parentNow.version()))
                                .param("reason", "合并"),
                        yz)
                .getContentAsString();
        assertThat(blocked).contains("本组织还有 1 个在册的下级组织");
        assertThat(organizations.find(parent).orElseThrow().active()).isTrue();

        Organization childNow = organizations.find(child).orElseThrow();
        assertThat(send(
                                post("/console/organizations/" + child + "/dissolve")
                                        .param("version", Integer.toString(childNow.version()))
                                        .param("reason", "合并"),
                                yz)
                        .getStatus())
                .isEqualTo(302);
        assertThat(organizations.find(child).orElseThrow().active()).isFalse();
        assertThat(page("/console/organizations/" + child, yz)).contains("已撤销");

        String moveForm = page("/console/organizations/" + parent + "/move?q=街道", yz);
        assertThat(moveForm).contains("七星岗街道").doesNotContain("观音桥街道");
    }

    @Test
    void staffViewButChangeNothing() throws Exception {
        Authentication staff = ScopedUser.of(jdbc, "yz-staff", Role.UNION_STAFF, YUZHONG);
        String node = page("/console/organizations/" + org(JIEFANGBEI), staff);
        assertThat(node).doesNotContain("/move\"").doesNotContain("/new\"");
        assertThat(send(get("/console/organizations/" + org(JIEFANGBEI) + "/new"), staff)
                        .getStatus())
                .isEqualTo(403);
        assertThat(page("/console", staff)).contains("/console/organizations");
    }
}
