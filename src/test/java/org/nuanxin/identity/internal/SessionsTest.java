package org.nuanxin.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.nuanxin.support.MutableClock;
import org.nuanxin.support.NuanxinTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * (That anonymous requests never create a session is tested over real HTTP in {@link RawHttpAbuseTest}:
 * spring-security-test's {@code csrf()} swaps the context's token repository for a session-based one.)
 * The page a person
 * wanted is remembered in a small cookie for console pages only; a stale console form or an htmx
 * request without a session goes back to the sign-in page in the way each client understands; a
 * session ends at its absolute lifetime even when active.
 */
@NuanxinTest
class SessionsTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    MutableClock clock;

    @Test
    void onlyAConsolePageIsRememberedAndSignInReturnsThere() throws Exception {
        assertThat(mvc.perform(get("/favicon.ico")).andReturn().getResponse().getCookie(ConsoleReturnCookie.NAME))
                .isNull();
        assertThat(mvc.perform(get("/no-such-page")).andReturn().getResponse().getCookie(ConsoleReturnCookie.NAME))
                .isNull();
        assertThat(mvc.perform(get("/console/stations").header("HX-Request", "true"))
                        .andReturn()
                        .getResponse()
                        .getCookie(ConsoleReturnCookie.NAME))
                .isNull();

        Cookie wanted = mvc.perform(get("/console/stations?district=500103"))
                .andExpect(redirectedUrl("/login"))
                .andReturn()
                .getResponse()
                .getCookie(ConsoleReturnCookie.NAME);
        assertThat(wanted).isNotNull();
        assertThat(wanted.isHttpOnly()).isTrue();
        assertThat(wanted.getValue().length()).isLessThan(100);

        mvc.perform(formLogin("/login").user("admin").password(LockoutFreeSignInTest.PASSWORD))
                .andExpect(redirectedUrl("/console"));
        mvc.perform(post("/login")
                        .param("username", "admin")
                        .param("password", LockoutFreeSignInTest.PASSWORD)
                        .with(csrf())
                        .cookie(wanted))
                .andExpect(authenticated())
                .andExpect(redirectedUrl("/console/stations?district=500103"));
    }

    @Test
    void dataUrlsAreNotRememberedAsTheReturnPage() throws Exception {
        // Opened by a browser (Accept names text/html) or by a script: data, not a page to land on after sign-in.
        for (String data : new String[] {
            "/console/grid/reports.geojson?state=SUBMITTED",
            "/console/grid/reports.xlsx",
            "/console/stations/export.xlsx",
            "/console/members/export.xlsx",
            "/console/enterprises/export.xlsx",
            "/console/stations/import/template.xlsx"
        }) {
            MvcResult result = mvc.perform(get(data).header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8"))
                    .andExpect(redirectedUrl("/login"))
                    .andReturn();
            assertThat(result.getResponse().getCookie(ConsoleReturnCookie.NAME))
                    .as(data)
                    .isNull();
        }
        // The console maps' layers, fetched by their scripts.
        assertThat(mvc.perform(get("/console/stations/layer").header("Accept", "application/geo+json"))
                        .andReturn()
                        .getResponse()
                        .getCookie(ConsoleReturnCookie.NAME))
                .isNull();
        // The pages themselves still are.
        assertThat(mvc.perform(get("/console/grid/reports").header("Accept", "text/html"))
                        .andReturn()
                        .getResponse()
                        .getCookie(ConsoleReturnCookie.NAME))
                .isNotNull();
        // And an old cookie naming a download is not followed.
        mvc.perform(post("/login")
                        .param("username", "admin")
                        .param("password", LockoutFreeSignInTest.PASSWORD)
                        .with(csrf())
                        .cookie(new Cookie(ConsoleReturnCookie.NAME, "%2Fconsole%2Fgrid%2Freports.xlsx")))
                .andExpect(redirectedUrl("/console"));
    }

    @Test
    void aForgedReturnCookieCannotLeaveTheConsole() throws Exception {
        for (String target : new String[] {"https://evil.example/", "//evil.example/console", "/m/stations"}) {
            mvc.perform(post("/login")
                            .param("username", "admin")
                            .param("password", LockoutFreeSignInTest.PASSWORD)
                            .with(csrf())
                            .cookie(new Cookie(ConsoleReturnCookie.NAME, java.net.URLEncoder.encode(target, "UTF-8"))))
                    .andExpect(redirectedUrl("/console"));
        }
    }

    @Test
    void aStaleConsoleFormGoesToSignInWithPageExpiredAndBackToItsPage() throws Exception {
        MvcResult stale = mvc.perform(post("/console/stations/new")
                        .param("name", "x")
                        .param("_csrf", "a-token-of-a-session-that-ended")
                        .header("Referer", "http://localhost/console/stations/new"))
                .andExpect(redirectedUrl("/login?expired"))
                .andReturn();
        assertThat(stale.getRequest().getSession(false)).isNull();
        Cookie back = stale.getResponse().getCookie(ConsoleReturnCookie.NAME);
        assertThat(back).isNotNull();

        mvc.perform(get("/login").param("expired", ""))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("页面已过期")));
        mvc.perform(post("/login")
                        .param("username", "admin")
                        .param("password", LockoutFreeSignInTest.PASSWORD)
                        .with(csrf())
                        .cookie(back))
                .andExpect(redirectedUrl("/console/stations/new"));
    }

    @Test
    void htmxWithoutASessionIsToldToReloadTheWholePage() throws Exception {
        mvc.perform(get("/console/stations").header("HX-Request", "true"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("HX-Redirect", "/login?expired"))
                .andExpect(content().string(""));
        mvc.perform(post("/console/stations/new").header("HX-Request", "true").param("_csrf", "stale"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("HX-Redirect", "/login?expired"));
    }

    @Test
    void theApiKeepsItsJsonAnswers() throws Exception {
        mvc.perform(post("/api/v1/stations").contentType("application/json").content("{}"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
    }

    @Test
    void anUnauthenticatedUploadIsRefusedWithoutReadingItsParts() throws Exception {
        MvcResult result = mvc.perform(multipart("/console/stations/import")
                        .file("file", new byte[1024])
                        .param("_csrf", "whatever"))
                .andExpect(redirectedUrl("/login?expired"))
                .andExpect(header().string("Connection", "close"))
                .andReturn();
        assertThat(result.getRequest().getSession(false)).isNull();
    }

    @Test
    void aSessionEndsAtItsAbsoluteLifetimeEvenWhenActive() throws Exception {
        MockHttpSession session = (MockHttpSession)
                mvc.perform(formLogin("/login").user("admin").password(LockoutFreeSignInTest.PASSWORD))
                        .andExpect(authenticated())
                        .andReturn()
                        .getRequest()
                        .getSession(false);
        assertThat(session).isNotNull();
        try {
            // Active all the time: a request every 20 minutes, well inside the idle timeout.
            for (int i = 0; i < 35; i++) {
                mvc.perform(get("/console").session(session)).andExpect(status().isOk());
                clock.advance(Duration.ofMinutes(20));
            }
            // 11 h 40 min so far; the next 20 minutes pass 12 h.
            mvc.perform(get("/console").session(session)).andExpect(status().isOk());
            clock.advance(Duration.ofMinutes(20));
            mvc.perform(get("/console").session(session)).andExpect(redirectedUrl("/login"));
            assertThat(session.isInvalid()).isTrue();
        } finally {
            clock.set(org.nuanxin.support.TestClock.START);
        }
    }
}
