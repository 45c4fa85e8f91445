package org.nuanxin.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.nuanxin.audit.AuditEntry;
import org.nuanxin.audit.AuditLog;
import org.nuanxin.audit.AuditQuery;
import org.nuanxin.identity.Role;
import org.nuanxin.support.NuanxinTest;
import org.nuanxin.support.StaffAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Account management in the console, the own-password page, and the audit entries both write. */
@NuanxinTest
@AutoConfigureMockMvc
class AccountConsoleTest {

    private static final AtomicInteger NEXT = new AtomicInteger();
    private static final String PASSWORD = "a long enough passphrase";

    @Autowired
    MockMvc mvc;

    @Autowired
    AccountRepository accounts;

    @Autowired
    AuditLog audit;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    SignInThrottle throttle;

    private static MockHttpServletRequestBuilder asAdmin(MockHttpServletRequestBuilder request) {
        return request.with(user("admin").roles("CITY_ADMIN")).with(csrf());
    }

    private static String newUsername() {
        return "acct" + NEXT.incrementAndGet();
    }

    private String createStaff(String username) throws Exception {
        mvc.perform(asAdmin(post("/console/accounts/new"))
                        .param("username", username)
                        .param("displayName", "李四")
                        .param("role", "UNION_STAFF")
                        .param("password", PASSWORD))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/console/accounts"));
        return Long.toString(accounts.findByUsername(username).orElseThrow().id());
    }

    /** The password a new account's user chooses at first sign-in. */
    private static final String OWN_PASSWORD = "my own passphrase 2026";

    /**
     * Signs in with the one-time password an administrator set, is sent to the own-password page for any
     * console page, chooses {@link #OWN_PASSWORD}, and returns the session, now free to use the console.
     */
    private MockHttpSession firstSignIn(String username) throws Exception {
        MockHttpSession session =
                (MockHttpSession) mvc.perform(formLogin("/login").user(username).password(PASSWORD))
                        .andExpect(authenticated())
                        .andReturn()
                        .getRequest()
                        .getSession();
        mvc.perform(get("/console/stations").session(session))
                .andExpect(redirectedUrl("/console/account/password?required"));
        mvc.perform(get("/console/account/password").session(session))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("一次性密码")));
        mvc.perform(post("/console/account/password")
                        .session(session)
                        .with(csrf())
                        .param("currentPassword", PASSWORD)
                        .param("newPassword", PASSWORD))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("新密码不能与当前密码相同")));
        mvc.perform(post("/console/account/password")
                        .session(session)
                        .with(csrf())
                        .param("currentPassword", PASSWORD)
                        .param("newPassword", OWN_PASSWORD))
                .andExpect(status().isFound());
        return session;
    }

    private List<AuditEntry> entries(String action, String recordId) {
        return audit.search(new AuditQuery(null, action, recordId, null, null), PageRequest.of(0, 50))
                .getContent();
    }

    @Test
    void createRefusesBadFieldsBesideEachFieldAndKeepsNoPassword() throws Exception {
        String html = mvc.perform(asAdmin(post("/console/accounts/new"))
                        .param("username", "Bad Name")
                        .param("displayName", "")
                        .param("role", "KING")
                        .param("password", "elevenchars"))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("elevenchars"))))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(html)
                .contains("用户名须为 3–64 个字符")
                .contains("请填写姓名")
                .contains("请选择角色")
                .contains("密码至少需要 12 个字符");
        assertThat(html.split("is-invalid", -1)).hasSize(5); // username, name, role, password
        assertThat(accounts.findByUsername("Bad Name")).isEmpty();
        // Twelve characters are enough; a taken username is not.
        String username = newUsername();
        mvc.perform(asAdmin(post("/console/accounts/new"))
                        .param("username", username)
                        .param("displayName", "王五")
                        .param("role", "UNION_STAFF")
                        .param("password", "twelve-chars"))
                .andExpect(status().isFound());
        mvc.perform(asAdmin(post("/console/accounts/new"))
                        .param("username", username)
                        .param("displayName", "王五")
                        .param("role", "UNION_STAFF")
                        .param("password", "twelve-chars"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("已被使用")));
    }

    @Test
    void aCreatedAccountSignsInAndBothAreAudited() throws Exception {
        String username = newUsername();
        createStaff(username);
        Account created = accounts.findByUsername(username).orElseThrow();
        assertThat(created.role()).isEqualTo(Role.UNION_STAFF);
        assertThat(created.enabled()).isTrue();
        assertThat(created.passwordHash()).startsWith("{bcrypt-sha256}");
        assertThat(created.mustChangePassword())
                .as("a password set by an administrator is one-time")
                .isTrue();
        assertThat(entries("account.create", username)).singleElement().satisfies(e -> {
            assertThat(e.actor()).isEqualTo("admin");
            assertThat(e.recordType()).isEqualTo("account");
            assertThat(e.details())
                    .isEqualTo("role=UNION_STAFF organization=" + created.organizationId())
                    .doesNotContain(PASSWORD);
            assertThat(e.clientAddress()).isEqualTo("127.0.0.1");
        });
        mvc.perform(formLogin("/login").user(username).password(PASSWORD)).andExpect(authenticated());
        assertThat(entries("identity.sign-in", username))
                .singleElement()
                .satisfies(e -> assertThat(e.actor()).isEqualTo(username));
        // The list shows the last sign-in in Chongqing time.
        java.time.Instant last = accounts.findByUsername(username).orElseThrow().lastLoginAt();
        assertThat(mvc.perform(asAdmin(get("/console/accounts")))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .contains(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
                        .format(last.atZone(java.time.ZoneId.of("Asia/Shanghai"))));
    }

    @Test
    void roleChangesAreAuditedWithBeforeAndAfter() throws Exception {
        String username = newUsername();
        String id = createStaff(username);
        mvc.perform(asAdmin(post("/console/accounts/" + id + "/role")).param("role", "CITY_ADMIN"))
                .andExpect(status().isFound());
        assertThat(accounts.findByUsername(username).orElseThrow().role()).isEqualTo(Role.CITY_ADMIN);
        assertThat(entries("account.role.change", username))
                .singleElement()
                .satisfies(e -> assertThat(e.details()).isEqualTo("UNION_STAFF->CITY_ADMIN"));
        // The same role again changes nothing and writes nothing.
        mvc.perform(asAdmin(post("/console/accounts/" + id + "/role")).param("role", "CITY_ADMIN"))
                .andExpect(status().isFound());
        assertThat(entries("account.role.change", username)).hasSize(1);
    }

    @Test
    void aDisabledAccountCannotSignInUntilEnabledAgain() throws Exception {
        String username = newUsername();
        String id = createStaff(username);
        mvc.perform(asAdmin(post("/console/accounts/" + id + "/enabled"))
                        .param("enabled", "false")
                        .param("reason", "离职"))
                .andExpect(status().isFound());
        mvc.perform(formLogin("/login").user(username).password(PASSWORD)).andExpect(unauthenticated());
        assertThat(entries("account.disable", username))
                .singleElement()
                .satisfies(e -> assertThat(e.reason()).isEqualTo("离职"));
        assertThat(entries("identity.sign-in.failed", username))
                .singleElement()
                .satisfies(e -> assertThat(e.details()).isEqualTo("disabled"));
        mvc.perform(asAdmin(post("/console/accounts/" + id + "/enabled")).param("enabled", "true"))
                .andExpect(status().isFound());
        assertThat(entries("account.enable", username))
                .singleElement()
                .satisfies(e -> assertThat(e.reason()).isEmpty());
        mvc.perform(formLogin("/login").user(username).password(PASSWORD)).andExpect(authenticated());
    }

    @Test
    void disablingOrChangingTheRoleEndsTheAccountsOpenSessions() throws Exception {
        String username = newUsername();
        String id = createStaff(username);
        MockHttpSession session = firstSignIn(username);
        mvc.perform(get("/console/stations").session(session)).andExpect(status().isOk());
        mvc.perform(asAdmin(post("/console/accounts/" + id + "/role")).param("role", "CITY_ADMIN"))
                .andExpect(status().isFound());
        mvc.perform(get("/console/stations").session(session)).andExpect(redirectedUrl("/login"));

        MockHttpSession again =
                (MockHttpSession) mvc.perform(formLogin("/login").user(username).password(OWN_PASSWORD))
                        .andExpect(authenticated().withRoles("CITY_ADMIN"))
                        .andReturn()
                        .getRequest()
                        .getSession();
        mvc.perform(get("/console/accounts").session(again)).andExpect(status().isOk());
        mvc.perform(asAdmin(post("/console/accounts/" + id + "/enabled")).param("enabled", "false"))
                .andExpect(status().isFound());
        mvc.perform(get("/console/accounts").session(again)).andExpect(redirectedUrl("/login"));
    }

    @Test
    void anAdministratorCannotDisableDemoteOrResetTheirOwnAccount() throws Exception {
        String adminId =
                Long.toString(accounts.findByUsername("admin").orElseThrow().id());
        mvc.perform(asAdmin(post("/console/accounts/" + adminId + "/enabled")).param("enabled", "false"))
                .andExpect(status().isForbidden());
        mvc.perform(asAdmin(post("/console/accounts/" + adminId + "/role")).param("role", "UNION_STAFF"))
                .andExpect(status().isForbidden());
        mvc.perform(asAdmin(post("/console/accounts/" + adminId + "/password")).param("password", PASSWORD))
                .andExpect(status().isForbidden());
        Account admin = accounts.findByUsername("admin").orElseThrow();
        assertThat(admin.enabled()).isTrue();
        assertThat(admin.role()).isEqualTo(Role.CITY_ADMIN);
        assertThat(entries("account.", "admin")).isEmpty();
        // The list offers no such buttons on the own row.
        String html = mvc.perform(asAdmin(get("/console/accounts")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(html)
                .doesNotContain("/console/accounts/" + adminId + "/enabled")
                .doesNotContain("/console/accounts/" + adminId + "/role");
    }

    @Test
    void resetPasswordNeedsTwelveCharacters() throws Exception {
        String username = newUsername();
        String id = createStaff(username);
        mvc.perform(asAdmin(post("/console/accounts/" + id + "/password")).param("password", "short"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("is-invalid")));
        mvc.perform(asAdmin(post("/console/accounts/" + id + "/password")).param("password", "another passphrase"))
                .andExpect(status().isFound());
        mvc.perform(formLogin("/login").user(username).password("another passphrase"))
                .andExpect(authenticated());
        assertThat(entries("account.password.reset", username)).hasSize(1);
    }

    @Test
    void staffChangeTheirOwnPasswordWithTheCurrentOne() throws Exception {
        String username = newUsername();
        createStaff(username);
        MockHttpServletRequestBuilder change = post("/console/account/password")
                .with(user(username).roles("UNION_STAFF"))
                .with(csrf());
        mvc.perform(change.param("currentPassword", "wrong").param("newPassword", "x"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("当前密码不正确")))
                .andExpect(content().string(containsString("密码至少需要 12 个字符")));
        mvc.perform(post("/console/account/password")
                        .with(user(username).roles("UNION_STAFF"))
                        .with(csrf())
                        .param("currentPassword", PASSWORD)
                        .param("newPassword", "my new passphrase"))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/console/account/password"));
        mvc.perform(formLogin("/login").user(username).password("my new passphrase"))
                .andExpect(authenticated());
        assertThat(entries("account.password.change", username))
                .singleElement()
                .satisfies(e -> assertThat(e.actor()).isEqualTo(username));
    }

    @Test
    void theNewPasswordIsDescribedByThePolicyAndByItsProblemWhenItHasOne() throws Exception {
        String username = newUsername();
        createStaff(username);
        var blank = org.jsoup.Jsoup.parse(
                mvc.perform(get("/console/account/password").with(user(username).roles("UNION_STAFF")))
                        .andReturn()
                        .getResponse()
                        .getContentAsString());
        var field = blank.getElementById("newPassword");
        assertThat(field.attr("aria-describedby")).isEqualTo("newPassword-help");
        assertThat(blank.getElementById("newPassword-help").text()).contains("12");
        assertThat(field.hasAttr("aria-invalid")).isFalse();

        var refused = org.jsoup.Jsoup.parse(mvc.perform(post("/console/account/password")
                        .with(user(username).roles("UNION_STAFF"))
                        .with(csrf())
                        .param("currentPassword", PASSWORD)
                        .param("newPassword", "short"))
                .andReturn()
                .getResponse()
                .getContentAsString());
        field = refused.getElementById("newPassword");
        assertThat(field.attr("aria-invalid")).isEqualTo("true");
        assertThat(field.attr("aria-describedby")).isEqualTo("newPassword-help newPassword-error");
        assertThat(refused.getElementById("newPassword-error").text()).contains("密码至少需要 12 个字符");
    }

    @Test
    void aFailedSignInNamesOnlyExistingAccounts() throws Exception {
        // Someone types their password into the username field: it must not end up in the log.
        String typo = "MyS3cret-passphrase!";
        mvc.perform(formLogin("/login").user(typo).password("whatever")).andExpect(unauthenticated());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE actor = :t OR record_id = :t OR details LIKE :like")
                        .param("t", typo)
                        .param("like", "%" + typo + "%")
                        .query(Long.class)
                        .single())
                .isZero();
        List<AuditEntry> unknown = audit.search(
                        new AuditQuery(AuditLog.UNKNOWN_ACTOR, "identity.sign-in.failed", null, null, null),
                        PageRequest.of(0, 50))
                .getContent();
        assertThat(unknown)
                .isNotEmpty()
                .allSatisfy(e -> assertThat(e.recordId()).isEmpty());

        StaffAccounts.ensureStaff(jdbc, encoder);
        mvc.perform(formLogin("/login").user(StaffAccounts.STAFF).password("wrong password"))
                .andExpect(unauthenticated());
        assertThat(audit.search(
                                new AuditQuery(StaffAccounts.STAFF, "identity.sign-in.failed", null, null, null),
                                PageRequest.of(0, 50))
                        .getContent())
                .isNotEmpty()
                .first()
                .satisfies(e -> {
                    assertThat(e.recordId()).isEqualTo(StaffAccounts.STAFF);
                    assertThat(e.details()).isEqualTo("bad-credentials");
                });
    }

    @Test
    void theAdministratorSeesWhichAccountsAreBeingThrottledNow() throws Exception {
        String slowed = newUsername();
        createStaff(slowed);
        String calm = newUsername();
        createStaff(calm);
        // The test profile raises the free failures to 1,000 (so other tests are never slowed): go past them.
        int failures = throttle.freeFailures() + 3;
        for (int i = 0; i < failures; i++) {
            throttle.failed(slowed, "203.0.113.91");
        }
        // The person signing in is told nothing about the throttle.
        mvc.perform(post("/login")
                        .param("username", slowed)
                        .param("password", "a long enough passphrase")
                        .with(csrf())
                        .with(request -> {
                            request.setRemoteAddr("203.0.113.91");
                            return request;
                        }))
                .andExpect(unauthenticated())
                .andExpect(redirectedUrl("/login?error"));
        org.jsoup.nodes.Document page = org.jsoup.Jsoup.parse(mvc.perform(asAdmin(get("/console/accounts")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());
        org.jsoup.nodes.Element slowedRow = page.select("tr:has(.nx-account-username:containsOwn(" + slowed + "))")
                .first();
        org.jsoup.nodes.Element calmRow = page.select("tr:has(.nx-account-username:containsOwn(" + calm + "))")
                .first();
        assertThat(slowedRow).isNotNull();
        assertThat(calmRow).isNotNull();
        assertThat(slowedRow.select(".nx-throttled").text())
                .startsWith("登录被放慢，至 ")
                .contains(String.format(java.util.Locale.ROOT, "输错密码 %,d 次", failures))
                .contains("共 1 个地址");
        assertThat(calmRow.select(".nx-throttled")).isEmpty();
        // The address itself (personal data) is not shown.
        assertThat(page.text()).doesNotContain("203.0.113.91");
    }

    @Test
    void theMenuShowsEachRoleOnlyWhatItMayOpen() throws Exception {
        String asAdmin = mvc.perform(get("/console").with(user("admin").roles("CITY_ADMIN")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(asAdmin)
                .contains("href=\"/console/accounts\"")
                .contains("href=\"/console/audit\"")
                .doesNotContain("href=\"/console/stations/import\"")
                .contains("href=\"/console/account/password\"");
        String asStaff = mvc.perform(get("/console").with(user("staff").roles("UNION_STAFF")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(asStaff)
                .doesNotContain("href=\"/console/accounts\"")
                .doesNotContain("href=\"/console/audit\"")
                .contains("href=\"/console/stations/import\"")
                .contains("href=\"/console/account/password\"");
    }

    @Test
    void everyIdentityMessageExistsInBothLanguages() throws Exception {
        for (String bundle : new String[] {"messages/identity", "messages/audit"}) {
            java.util.Properties zh = new java.util.Properties();
            java.util.Properties en = new java.util.Properties();
            try (var a = getClass().getClassLoader().getResourceAsStream(bundle + ".properties");
                    var b = getClass().getClassLoader().getResourceAsStream(bundle + "_en.properties")) {
                zh.load(new java.io.InputStreamReader(a, java.nio.charset.StandardCharsets.UTF_8));
                en.load(new java.io.InputStreamReader(b, java.nio.charset.StandardCharsets.UTF_8));
            }
            assertThat(en.keySet()).as(bundle).isEqualTo(zh.keySet());
        }
    }
}
