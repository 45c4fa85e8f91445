package org.nuanxin.web.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesRegex;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.cookie;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.nuanxin.support.NuanxinTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.servlet.resource.ResourceUrlProvider;

@NuanxinTest
class LocaleAndLayoutTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ResourceUrlProvider resourceUrls;

    @Test
    void chineseByDefaultEvenWhenTheBrowserAsksForEnglish() throws Exception {
        mvc.perform(get("/login").header("Accept-Language", "en-US,en;q=0.9"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<html lang=\"zh-CN\">")))
                .andExpect(content().string(containsString("工作人员登录")))
                .andExpect(content().string(containsString("暖新 · 工会服务")));
    }

    @Test
    void langParameterSwitchesToEnglishAndTheCookieKeepsIt() throws Exception {
        mvc.perform(get("/login").param("lang", "en"))
                .andExpect(content().string(containsString("<html lang=\"en\">")))
                .andExpect(content().string(containsString("Staff sign-in")))
                .andExpect(content().string(containsString("href=\"/login?lang=zh-CN\"")))
                .andExpect(cookie().value(WebConfiguration.LANG_COOKIE, "en"));
        mvc.perform(get("/login").cookie(new Cookie(WebConfiguration.LANG_COOKIE, "en")))
                .andExpect(content().string(containsString("Staff sign-in")));
        mvc.perform(get("/login").param("lang", "zh-CN").cookie(new Cookie(WebConfiguration.LANG_COOKIE, "en")))
                .andExpect(content().string(containsString("工作人员登录")));
    }

    @Test
    void unsupportedLanguagesAreIgnored() throws Exception {
        mvc.perform(get("/login").param("lang", "fr"))
                .andExpect(content().string(containsString("工作人员登录")))
                .andExpect(cookie().doesNotExist(WebConfiguration.LANG_COOKIE));
    }

    @Test
    void consoleLayoutHasNavigationAndKeepsThePageWhenSwitchingLanguage() throws Exception {
        mvc.perform(get("/console").with(user("staff").roles("UNION_STAFF")))
                .andExpect(content().string(containsString("href=\"/console/stations\"")))
                .andExpect(content().string(containsString("href=\"/console/stations/import\"")))
                .andExpect(content().string(containsString("href=\"/console?lang=en\"")))
                .andExpect(content().string(containsString("退出登录")))
                .andExpect(content().string(matchesRegex("(?s).*/webjars/bootstrap/[0-9.]+/css/bootstrap.min.css.*")))
                .andExpect(content().string(matchesRegex("(?s).*/webjars/htmx.org/[0-9.]+/dist/htmx.min.js.*")));
        mvc.perform(get("/console").param("lang", "en").with(user("staff").roles("UNION_STAFF")))
                .andExpect(content().string(containsString("Sign out")))
                .andExpect(content().string(not(containsString("退出登录"))));
    }

    @Test
    void rootGoesToTheStationFinder() throws Exception {
        mvc.perform(get("/")).andExpect(redirectedUrl("/m/stations"));
    }

    /**
     * Issue 7: Thymeleaf's {@code @{...}} asks every resource handler whose pattern matches a link to resolve it on
     * the classpath. Under Boot's default {@code /**} that was every link of a page; only asset patterns may remain.
     */
    @Test
    void onlyAssetLinksAreResolvedAsResources() throws Exception {
        assertThat(resourceUrls.getHandlerMap().keySet())
                .contains("/css/**", "/js/**", "/webjars/**", "/favicon.svg")
                .doesNotContain("/**")
                .allMatch(p -> p.startsWith("/css/")
                        || p.startsWith("/js/")
                        || p.startsWith("/webjars/")
                        || p.startsWith("/swagger-ui/")
                        || p.equals("/favicon.svg"));
        assertThat(resourceUrls.getForLookupPath("/console/stations/500103-0001"))
                .isNull();
        String page = mvc.perform(get("/console").with(user("staff").roles("UNION_STAFF")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        Matcher css = Pattern.compile("/css/nuanxin-[0-9a-f]{32}\\.css").matcher(page);
        assertThat(css.find())
                .as("the style sheet's link carries its content hash")
                .isTrue();
        mvc.perform(get(css.group()))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", containsString("max-age=31536000")));
    }

    @Test
    void staticAssetsArePublic() throws Exception {
        mvc.perform(get("/js/nuanxin.js"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("htmx:configRequest")));
        mvc.perform(get("/css/nuanxin.css")).andExpect(status().isOk());
        mvc.perform(get("/webjars/bootstrap/css/bootstrap.min.css")).andExpect(status().isOk());
        mvc.perform(get("/webjars/htmx.org/dist/htmx.min.js")).andExpect(status().isOk());
        mvc.perform(get("/webjars/bootstrap-icons/font/bootstrap-icons.min.css"))
                .andExpect(status().isOk());
    }

    @Test
    void languageSwitchUrlsKeepOtherParameters() {
        org.assertj.core.api.Assertions.assertThat(
                        LanguageInterceptor.switchUrl("/m/stations", "q=abc&lang=zh-CN", "en"))
                .isEqualTo("/m/stations?q=abc&lang=en");
        org.assertj.core.api.Assertions.assertThat(LanguageInterceptor.supported("zh_CN"))
                .isEqualTo(java.util.Locale.SIMPLIFIED_CHINESE);
    }
}
