package org.nuanxin.grid.open311;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.nuanxin.support.NuanxinTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The administrator's API-key page: a key is shown once, on the answer to the issuing POST, then only its prefix. */
@NuanxinTest
class ApiKeyConsoleTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApiKeys keys;

    private static final RequestPostProcessor ADMIN = user("admin").roles("CITY_ADMIN");

    @Test
    void issueShowsTheKeyOnceThenTheListShowsOnlyItsPrefixAndRevokeAsksFirst() throws Exception {
        String page = mvc.perform(post("/console/grid/api-keys")
                        .param("name", "控制台测试对接系统")
                        .with(csrf())
                        .with(ADMIN))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", "no-store"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        Matcher m = Pattern.compile("value=\"(nx311_[A-Za-z0-9_-]{43})\"").matcher(page);
        assertThat(m.find()).as("the new key on the page").isTrue();
        String key = m.group(1);
        assertThat(page).contains("只显示这一次");
        long id = keys.resolve(key).orElseThrow();

        String list = mvc.perform(get("/console/grid/api-keys").with(ADMIN))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(list).contains("控制台测试对接系统", key.substring(0, 10)).doesNotContain(key);

        String confirm = mvc.perform(
                        get("/console/grid/api-keys/" + id + "/revoke").with(ADMIN))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(confirm).contains("控制台测试对接系统", "此操作不能撤销");
        assertThat(keys.resolve(key)).as("asking is not revoking").contains(id);

        mvc.perform(post("/console/grid/api-keys/" + id + "/revoke")
                        .with(csrf())
                        .with(ADMIN))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/console/grid/api-keys"))
                .andExpect(flash().attribute("revoked", "控制台测试对接系统"));
        assertThat(keys.resolve(key)).isEmpty();
    }

    @Test
    void aBlankNameShowsTheFormAgainWithTheProblem() throws Exception {
        String page = mvc.perform(post("/console/grid/api-keys")
                        .param("name", " ")
                        .with(csrf())
                        .with(ADMIN))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("请填写使用方").doesNotContainPattern("nx311_[A-Za-z0-9_-]{43}");
    }

    @Test
    void staffAndAnonymousAreRefused() throws Exception {
        mvc.perform(get("/console/grid/api-keys").with(user("staff").roles("UNION_STAFF")))
                .andExpect(status().isForbidden());
        mvc.perform(post("/console/grid/api-keys")
                        .param("name", "越权")
                        .with(csrf())
                        .with(user("staff").roles("GRID_STAFF")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/console/grid/api-keys")).andExpect(status().isFound());
    }
}
