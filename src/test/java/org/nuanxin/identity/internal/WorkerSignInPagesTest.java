package org.nuanxin.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.Cookie;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nuanxin.identity.CurrentUser;
import org.nuanxin.identity.CurrentWorker;
import org.nuanxin.support.MutableClock;
import org.nuanxin.support.NuanxinTest;
import org.nuanxin.support.SmsInbox;
import org.nuanxin.support.TestClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.test.context.TestSecurityContextHolder;
import org.springframework.security.test.web.support.WebTestUtils;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.context.WebApplicationContext;

/**
 * The worker sign-in pages over HTTP with the application's real CSRF cookie (not spring-security-test's
 * session-based token, which would create a session): no session before the code is right, a new session after it,
 * {@code next} kept local, the worker sent to their sign-in and never into the console, the limits answered in words.
 */
@NuanxinTest
class WorkerSignInPagesTest {

    private static final AtomicInteger NUMBERS = new AtomicInteger(500);
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @Autowired
    MockMvc mvc;

    @Autowired
    SmsInbox inbox;

    @Autowired
    MutableClock clock;

    @Autowired
    MeterRegistry meters;

    @Autowired
    WebApplicationContext application;

    /**
     * spring-security-test's {@code csrf()}, used by other tests of this shared context, replaces the CSRF filter's
     * token store with a session-based one for good; this test needs the application's own (a cookie).
     */
    @BeforeEach
    void theApplicationsOwnCsrfTokens() {
        WebTestUtils.setCsrfTokenRepository(
                new MockHttpServletRequest(application.getServletContext()), SecurityConfiguration.csrfTokens());
    }

    @BeforeEach
    @AfterEach
    void putBack() {
        clock.set(TestClock.START);
        inbox.failing(false);
        // MockMvc's security support keeps a sign-in's context on the test thread (the next request would be signed
        // in and saved to a session): every visitor here starts anonymous.
        TestSecurityContextHolder.clearContext();
    }

    /** A browser without a session: its CSRF cookie and the token of a page it was given, and its address. */
    private record Visitor(Cookie xsrf, String token, String address) {

        MockHttpServletRequestBuilder post(String url) {
            return org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(url)
                    .cookie(xsrf)
                    .param("_csrf", token)
                    .with(from(address));
        }
    }

    private static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    private Visitor visitor(String address) throws Exception {
        TestSecurityContextHolder.clearContext(); // a new browser
        MvcResult page = mvc.perform(get("/m/signin").with(from(address)))
                .andExpect(status().isOk())
                .andReturn();
        assertThat(page.getRequest().getSession(false))
                .as("session after the sign-in page")
                .isNull();
        Cookie xsrf = page.getResponse().getCookie("XSRF-TOKEN");
        assertThat(xsrf).isNotNull();
        return new Visitor(xsrf, token(page), address);
    }

    private static String token(MvcResult page) throws Exception {
        Matcher m = CSRF.matcher(page.getResponse().getContentAsString());
        assertThat(m.find()).as("a form with a CSRF token").isTrue();
        return m.group(1);
    }

    private static String newMobile() {
        return "1390001" + String.format("%04d", NUMBERS.getAndIncrement());
    }

    private static String e164(String national) {
        return "+86" + national;
    }

    @Test
    void anAnonymousVisitorOfAWorkerPageIsSentToTheWorkerSignIn() throws Exception {
        mvc.perform(get("/m/me")).andExpect(redirectedUrl("/m/signin?next=%2Fm%2Fme"));
        mvc.perform(get("/m/member/card?size=big"))
                .andExpect(redirectedUrl("/m/signin?next=%2Fm%2Fmember%2Fcard%3Fsize%3Dbig"));
        mvc.perform(get("/m/join")).andExpect(redirectedUrl("/m/signin?next=%2Fm%2Fjoin"));
        mvc.perform(get("/m/me").header("HX-Request", "true"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("HX-Redirect", "/m/signin?next=%2Fm%2Fme"));
        MvcResult stale = mvc.perform(post("/m/me/data").param("_csrf", "a-token-of-an-ended-session"))
                .andExpect(redirectedUrl("/m/signin?expired"))
                .andReturn();
        assertThat(stale.getResponse().getCookie(ConsoleReturnCookie.NAME)).isNull();
        // The staff console keeps its own sign-in.
        mvc.perform(get("/console")).andExpect(redirectedUrl("/login"));
    }

    @Test
    void noSessionUntilTheRightCodeThenANewSessionOfAWorker() throws Exception {
        Visitor visitor = visitor("10.30.0.1");
        String mobile = newMobile();

        MvcResult codePage = mvc.perform(
                        visitor.post("/m/signin/code").param("mobile", mobile).param("next", "/m/member"))
                .andExpect(status().isOk())
                .andReturn();
        String html = codePage.getResponse().getContentAsString();
        assertThat(html)
                .contains(mobile.substring(0, 3) + "****" + mobile.substring(7))
                .contains("name=\"mobile\" value=\"" + e164(mobile) + "\"")
                .contains("name=\"next\" value=\"/m/member\"");
        assertThat(codePage.getRequest().getSession(false))
                .as("session after sending a code")
                .isNull();
        String code = inbox.lastCode(e164(mobile)).orElseThrow();

        String wrong = code.equals("000000") ? "111111" : "000000";
        MvcResult wrongAnswer = mvc.perform(
                        visitor.post("/m/signin").param("mobile", e164(mobile)).param("code", wrong))
                .andExpect(status().isBadRequest())
                .andReturn();
        assertThat(wrongAnswer.getResponse().getContentAsString()).contains("验证码不对或已失效");
        assertThat(wrongAnswer.getRequest().getSession(false))
                .as("session after a wrong code")
                .isNull();

        MvcResult signedIn = mvc.perform(visitor.post("/m/signin")
                        .param("mobile", e164(mobile))
                        .param("code", code)
                        .param("next", "/m/member"))
                .andExpect(redirectedUrl("/m/member"))
                .andReturn();
        MockHttpSession session = (MockHttpSession) signedIn.getRequest().getSession(false);
        assertThat(session).isNotNull();
        SecurityContext context = (SecurityContext)
                session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
        assertThat(CurrentWorker.of(context.getAuthentication())).contains(new CurrentWorker(e164(mobile)));
        assertThat(CurrentUser.of(context.getAuthentication())).as("not staff").isEmpty();
        assertThat(context.getAuthentication().getName()).doesNotContain(mobile);
        // A new CSRF token for the signed-in worker.
        assertThat(signedIn.getResponse().getCookie("XSRF-TOKEN").getMaxAge()).isZero();

        MvcResult me = mvc.perform(get("/m/me").session(session))
                .andExpect(status().isOk())
                .andReturn();
        assertThat(me.getResponse().getContentAsString()).contains(mobile.substring(0, 3) + "****");
        // The worker never reaches the console, whatever page.
        mvc.perform(get("/console").session(session)).andExpect(status().isForbidden());
        mvc.perform(get("/console/stations").session(session)).andExpect(status().isForbidden());
        mvc.perform(get("/console/accounts").session(session)).andExpect(status().isForbidden());
        mvc.perform(get("/actuator/prometheus").session(session)).andExpect(status().isForbidden());

        // Signing out ends the session.
        Cookie xsrf = me.getResponse().getCookie("XSRF-TOKEN");
        mvc.perform(post("/m/signout").session(session).cookie(xsrf).param("_csrf", token(me)))
                .andExpect(redirectedUrl("/m/signin?signedOut"));
        assertThat(session.isInvalid()).isTrue();
    }

    @Test
    void signingInChangesTheSessionId() throws Exception {
        MockHttpSession staff = (MockHttpSession)
                mvc.perform(formLogin("/login").user("admin").password(LockoutFreeSignInTest.PASSWORD))
                        .andReturn()
                        .getRequest()
                        .getSession(false);
        assertThat(staff).isNotNull();
        TestSecurityContextHolder.clearContext();
        theApplicationsOwnCsrfTokens(); // formLogin() used csrf()
        Visitor visitor = visitor("10.30.0.2");
        String mobile = newMobile();
        mvc.perform(visitor.post("/m/signin/code").param("mobile", mobile)).andExpect(status().isOk());
        MvcResult signedIn = mvc.perform(visitor.post("/m/signin")
                        .session(staff)
                        .param("mobile", e164(mobile))
                        .param("code", inbox.lastCode(e164(mobile)).orElseThrow()))
                .andExpect(redirectedUrl("/m/me"))
                .andReturn();
        MockHttpServletRequest request = signedIn.getRequest();
        assertThat(staff.isInvalid()).as("the earlier session").isTrue();
        assertThat(request.getSession(false).getId()).isNotEqualTo(staff.getId());
    }

    @Test
    void nextReturnsOnlyToALocalWorkerPage() throws Exception {
        for (String next : new String[] {
            "https://evil.example/m/me", "//evil.example/m/me", "/console/accounts", "/m/../console", "/m/%2e%2e/login"
        }) {
            Visitor visitor = visitor("10.30.1." + NUMBERS.getAndIncrement() % 250);
            String mobile = newMobile();
            MvcResult page = mvc.perform(visitor.post("/m/signin/code")
                            .param("mobile", mobile)
                            .param("next", next))
                    .andExpect(status().isOk())
                    .andReturn();
            assertThat(page.getResponse().getContentAsString()).doesNotContain("name=\"next\"");
            mvc.perform(visitor.post("/m/signin")
                            .param("mobile", e164(mobile))
                            .param("code", inbox.lastCode(e164(mobile)).orElseThrow())
                            .param("next", next))
                    .andExpect(redirectedUrl("/m/me"));
        }
        mvc.perform(get("/m/signin").param("next", "https://evil.example/"))
                .andExpect(status().isOk())
                .andExpect(result ->
                        assertThat(result.getResponse().getContentAsString()).doesNotContain("evil.example"));
    }

    @Test
    void aNumberThatIsNotAMainlandMobileIsRefusedBesideTheField() throws Exception {
        Visitor visitor = visitor("10.30.0.3");
        String[][] cases = {
            {"", "请输入手机号"},
            {"12345", "这不是有效的手机号"},
            {"023-6312-3456", "这是固定电话号码"},
            {"14912345678", "还没有分配给运营商"},
            {"+1 650 253 0000", "中国大陆"}
        };
        for (String[] c : cases) {
            MvcResult page = mvc.perform(visitor.post("/m/signin/code").param("mobile", c[0]))
                    .andExpect(status().isBadRequest())
                    .andReturn();
            assertThat(page.getResponse().getContentAsString())
                    .as(c[0])
                    .contains(c[1])
                    .contains("aria-invalid");
        }
        // Full-width digits are fine.
        String mobile = newMobile();
        StringBuilder fullWidth = new StringBuilder();
        for (char ch : mobile.toCharArray()) {
            fullWidth.append((char) ('０' + (ch - '0')));
        }
        mvc.perform(visitor.post("/m/signin/code").param("mobile", fullWidth.toString()))
                .andExpect(status().isOk());
        assertThat(inbox.lastCode(e164(mobile))).isPresent();
    }

    @Test
    void theAnswerIsTheSameWhetherOrNotANumberWasJustSentACode() throws Exception {
        Visitor visitor = visitor("10.30.0.4");
        String mobile = newMobile();
        String first = sentLine(visitor, mobile);
        String again = sentLine(visitor, mobile);
        assertThat(again).isEqualTo(first);
        assertThat(inbox.to(e164(mobile))).hasSize(1);
    }

    private String sentLine(Visitor visitor, String mobile) throws Exception {
        String html = mvc.perform(visitor.post("/m/signin/code").param("mobile", mobile))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        Matcher m = Pattern.compile("id=\"code-sent\"[^>]*>([^<]*)<").matcher(html);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    @Test
    void oneAddressMayAskForTwentyCodesAnHour() throws Exception {
        Visitor visitor = visitor("10.30.0.5");
        for (int i = 0; i < 20; i++) {
            mvc.perform(visitor.post("/m/signin/code").param("mobile", newMobile()))
                    .andExpect(status().isOk());
        }
        String mobile = newMobile();
        MvcResult refused = mvc.perform(visitor.post("/m/signin/code").param("mobile", mobile))
                .andExpect(status().isTooManyRequests())
                .andReturn();
        assertThat(refused.getResponse().getContentAsString()).contains("请求验证码的次数太多");
        assertThat(inbox.to(e164(mobile))).isEmpty();

        Visitor other = visitor("10.30.0.6");
        mvc.perform(other.post("/m/signin/code").param("mobile", mobile)).andExpect(status().isOk());
        assertThat(inbox.to(e164(mobile))).hasSize(1);
    }

    @Test
    void oneAddressMayTypeThirtyWrongCodesAnHour() throws Exception {
        Visitor visitor = visitor("10.30.0.7");
        String mobile = null;
        for (int i = 0; i < 30; i++) {
            if (i % 5 == 0) {
                // A new code every five wrong tries, so that the code itself does not die first.
                mobile = newMobile();
                mvc.perform(visitor.post("/m/signin/code").param("mobile", mobile));
            }
            String code = inbox.lastCode(e164(mobile)).orElseThrow();
            mvc.perform(visitor.post("/m/signin")
                            .param("mobile", e164(mobile))
                            .param("code", code.equals("000000") ? "111111" : "000000"))
                    .andExpect(status().isBadRequest());
        }
        String last = newMobile();
        Visitor other = visitor("10.30.0.8");
        mvc.perform(other.post("/m/signin/code").param("mobile", last)).andExpect(status().isOk());
        String code = inbox.lastCode(e164(last)).orElseThrow();
        mvc.perform(visitor.post("/m/signin").param("mobile", e164(last)).param("code", code))
                .andExpect(status().isBadRequest());
        mvc.perform(other.post("/m/signin").param("mobile", e164(last)).param("code", code))
                .andExpect(redirectedUrl("/m/me"));
    }

    @Test
    void withoutAGatewayThePageSaysNoCodeWasSent() throws Exception {
        inbox.failing(true);
        MvcResult page = mvc.perform(visitor("10.30.0.9").post("/m/signin/code").param("mobile", newMobile()))
                .andExpect(status().isServiceUnavailable())
                .andReturn();
        assertThat(page.getResponse().getContentAsString()).contains("短信服务暂时不可用");
    }

    @Test
    void aWorkerSessionEndsAtTheAbsoluteLifetimeAndSignInsAreCounted() throws Exception {
        double before = meters.counter("nuanxin.worker.sign-in.checks", "outcome", "signed-in")
                .count();
        Visitor visitor = visitor("10.30.0.10");
        String mobile = newMobile();
        mvc.perform(visitor.post("/m/signin/code").param("mobile", mobile));
        MockHttpSession session = (MockHttpSession) mvc.perform(visitor.post("/m/signin")
                        .param("mobile", e164(mobile))
                        .param("code", inbox.lastCode(e164(mobile)).orElseThrow()))
                .andExpect(redirectedUrl("/m/me"))
                .andReturn()
                .getRequest()
                .getSession(false);
        assertThat(meters.counter("nuanxin.worker.sign-in.checks", "outcome", "signed-in")
                        .count())
                .isEqualTo(before + 1);
        for (int i = 0; i < 35; i++) {
            mvc.perform(get("/m/me").session(session)).andExpect(status().isOk());
            clock.advance(Duration.ofMinutes(20));
        }
        // 11 h 40 min active; at 12 h the session ends.
        clock.advance(Duration.ofMinutes(20));
        mvc.perform(get("/m/me").session(session)).andExpect(redirectedUrl("/m/signin?next=%2Fm%2Fme"));
        assertThat(session.isInvalid()).isTrue();
    }
}
