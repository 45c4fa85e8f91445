package org.nuanxin.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.matchesRegex;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.nuanxin.identity.CurrentUser;
import org.nuanxin.identity.Role;
import org.nuanxin.support.NuanxinTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

@NuanxinTest
class SecurityBaselineTest {

    @Autowired
    MockMvc mvc;

    @Test
    void consoleRedirectsAnonymousUsersToLogin() throws Exception {
        mvc.perform(get("/console"))
                .andExpect(status().isFound())
                .andExpect(header().string("Location", endsWith("/login")));
        mvc.perform(get("/console/stations/import"))
                .andExpect(status().isFound())
                .andExpect(header().string("Location", endsWith("/login")));
    }

    @Test
    void apiWritesWithoutLoginGet401ProblemDetail() throws Exception {
        mvc.perform(post("/api/v1/stations")
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(401))
                .andExpect(jsonPath("$.title").value("需要登录"))
                .andExpect(jsonPath("$.instance").value("/api/v1/stations"));
    }

    @Test
    void apiReadsArePublic() throws Exception {
        mvc.perform(get("/api/v1/districts"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].code").value("500101"));
        mvc.perform(get("/api/v1/stations/nearest").param("lat", "29.5603").param("lng", "106.5734"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.stations").isArray());
    }

    @Test
    void apiPathsWithoutARuleAreDeniedEvenForReading() throws Exception {
        // Deny by default: a GET the access rules do not list is refused before any controller is looked for.
        mvc.perform(get("/api/v1/no-such-thing"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/api/v1/no-such-thing").with(user("staff").roles("UNION_STAFF")))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.title").value("没有权限"));
    }

    @Test
    void listedApiReadsArePublic() throws Exception {
        mvc.perform(get("/api/v1/stations/no-such-code"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void aRefusedConsolePageIsTheErrorPageForAPersonAndJsonOnlyForTheApi() throws Exception {
        // The city administrator may not create stations: a browser gets the container's 403 error page
        // (templates/error/4xx.html, in words; MockMvc does not forward to it), never the API's JSON.
        var page = mvc.perform(get("/console/stations/new")
                        .with(user("boss").roles("CITY_ADMIN"))
                        .accept(MediaType.TEXT_HTML))
                .andExpect(status().isForbidden())
                .andReturn()
                .getResponse();
        assertThat(page.getContentType()).isNull();
        assertThat(page.getContentAsString()).isEmpty();
        mvc.perform(get("/api/v1/no-such-thing").with(user("boss").roles("CITY_ADMIN")))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void prometheusNeedsAdmin() throws Exception {
        mvc.perform(get("/actuator/prometheus").with(user("staff").roles("UNION_STAFF")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/actuator/prometheus").with(user("boss").roles("CITY_ADMIN")))
                .andExpect(status().isOk());
        mvc.perform(get("/actuator/health")).andExpect(status().isOk());
    }

    @Test
    void consoleNeedsAStaffRole() throws Exception {
        mvc.perform(get("/console").with(user("worker").roles("WORKER"))).andExpect(status().isForbidden());
        mvc.perform(get("/console").with(user("staff").roles("UNION_STAFF"))).andExpect(status().isOk());
    }

    @Test
    void adminSignsInWithTheConfiguredPassword() throws Exception {
        mvc.perform(formLogin("/login").user("admin").password("test-admin-password-1"))
                .andExpect(authenticated().withUsername("admin").withRoles("CITY_ADMIN"))
                .andExpect(redirectedUrl("/console"));
    }

    @Test
    void wrongPasswordIsRefused() throws Exception {
        mvc.perform(formLogin("/login").user("admin").password("wrong"))
                .andExpect(unauthenticated())
                .andExpect(redirectedUrl("/login?error"));
    }

    @Test
    void unknownUsernameReadsLikeAWrongPassword() throws Exception {
        for (int i = 0; i < 6; i++) {
            mvc.perform(formLogin("/login").user("nobody-" + i).password("x")).andExpect(redirectedUrl("/login?error"));
        }
    }

    @Test
    void postWithoutCsrfTokenIsForbidden() throws Exception {
        mvc.perform(post("/login").param("username", "admin").param("password", "test-admin-password-1"))
                .andExpect(status().isForbidden())
                .andExpect(unauthenticated());
        mvc.perform(post("/logout").with(user("staff").roles("UNION_STAFF"))).andExpect(status().isForbidden());
        mvc.perform(post("/logout").with(user("staff").roles("UNION_STAFF")).with(csrf()))
                .andExpect(redirectedUrl("/login?logout"));
    }

    @Test
    void securityHeadersArePresent() throws Exception {
        mvc.perform(get("/login"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Security-Policy", containsString("default-src 'self'")))
                .andExpect(header().string("Content-Security-Policy", containsString("script-src 'self';")))
                .andExpect(header().string("Content-Security-Policy", containsString("frame-ancestors 'none'")))
                .andExpect(header().string("Content-Security-Policy", containsString("object-src 'none'")))
                .andExpect(header().string("Content-Security-Policy", not(containsString("unsafe-eval"))))
                .andExpect(header().string("X-Frame-Options", "DENY"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("Referrer-Policy", "strict-origin-when-cross-origin"))
                .andExpect(header().string("Permissions-Policy", "geolocation=(self), camera=(), microphone=()"));
    }

    @Test
    void pagesCarryTheCsrfTokenForHtmxAndNoInlineScript() throws Exception {
        mvc.perform(get("/console").with(user("staff").roles("UNION_STAFF")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<meta name=\"_csrf\" content=\"")))
                .andExpect(content().string(containsString("<meta name=\"_csrf_header\" content=\"X-CSRF-TOKEN\"")))
                .andExpect(content().string(matchesRegex("(?s).*/js/nuanxin-[0-9a-f]{32}\\.js.*")))
                .andExpect(content().string(containsString("<span class=\"nx-username\">staff</span>")))
                .andExpect(content().string(containsString("action=\"/logout\"")))
                .andExpect(content().string(not(containsString("<script>"))));
    }

    @Test
    void tileHostIsAllowedForImagesOnly() {
        org.assertj.core.api.Assertions.assertThat(
                        SecurityConfiguration.tileSource("https://{s}.tile.openstreetmap.org/{z}/{x}/{y}.png"))
                .isEqualTo("https://*.tile.openstreetmap.org");
        org.assertj.core.api.Assertions.assertThat(
                        SecurityConfiguration.tileSource("https://webrd0{s}.is.autonavi.com/appmaptile?x={x}"))
                .isEqualTo("https://*.is.autonavi.com");
        org.assertj.core.api.Assertions.assertThat(SecurityConfiguration.tileSource(""))
                .isEmpty();
        org.assertj.core.api.Assertions.assertThat(
                        SecurityConfiguration.contentSecurityPolicy("https://t.example.org/{z}/{x}/{y}.png"))
                .contains("img-src 'self' data: https://t.example.org;");
    }

    @Test
    void currentUserIsEmptyOutsideARequest() {
        org.assertj.core.api.Assertions.assertThat(CurrentUser.get()).isEmpty();
        org.assertj.core.api.Assertions.assertThat(Role.UNION_STAFF.authority()).isEqualTo("ROLE_UNION_STAFF");
    }
}
