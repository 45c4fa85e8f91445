package org.nuanxin.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.nuanxin.audit.AuditEntry;
import org.nuanxin.audit.AuditLog;
import org.nuanxin.audit.AuditQuery;
import org.nuanxin.support.NuanxinTest;
import org.nuanxin.support.StaffAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Recovery of a lost administrator password (README): a one-time password that signs in, opens nothing but the
 * page to choose a new password until it is changed, is recorded in the audit log, and is printed with the
 * username only.
 */
@NuanxinTest
@AutoConfigureMockMvc
class AdminRecoveryTest {

    @Autowired
    AdminRecovery recovery;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    AuditLog audit;

    @Test
    void aLostAdministratorPasswordIsReplacedByOneThatMustBeChanged() throws Exception {
        String name = "recovered-admin";
        StaffAccounts.ensure(jdbc, encoder, name, "forgotten long passphrase 1", "CITY_ADMIN");
        jdbc.sql("UPDATE account SET enabled = FALSE WHERE username = ?")
                .param(name)
                .update();

        String oneTime = recovery.recover(name);
        assertThat(oneTime).hasSize(20).matches("[A-HJ-NP-Za-km-z2-9]+");
        mvc.perform(formLogin("/login").user(name).password("forgotten long passphrase 1"))
                .andExpect(redirectedUrl("/login?error"));

        MockHttpSession session =
                (MockHttpSession) mvc.perform(formLogin("/login").user(name).password(oneTime))
                        .andExpect(status().isFound())
                        .andReturn()
                        .getRequest()
                        .getSession(false);
        // Every console page sends them to choose a new password first; htmx gets HX-Redirect.
        for (String page : new String[] {"/console", "/console/accounts", "/console/audit", "/console/stations"}) {
            mvc.perform(get(page).session(session))
                    .andExpect(status().isFound())
                    .andExpect(redirectedUrl("/console/account/password?required"));
        }
        mvc.perform(get("/console/accounts").session(session).header("HX-Request", "true"))
                .andExpect(status().isUnauthorized());
        String form = mvc.perform(
                        get("/console/account/password").param("required", "").session(session))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(form).contains("一次性密码");

        mvc.perform(post("/console/account/password")
                        .session(session)
                        .with(csrf())
                        .param("currentPassword", oneTime)
                        .param("newPassword", "my own new passphrase 2"))
                .andExpect(status().isFound());
        mvc.perform(get("/console/accounts").session(session)).andExpect(status().isOk());
        mvc.perform(formLogin("/login").user(name).password("my own new passphrase 2"))
                .andExpect(redirectedUrl("/console"));

        AuditEntry entry = audit.search(
                        new AuditQuery(AdminRecovery.ACTOR, "account.password.recovery", name, null, null),
                        PageRequest.of(0, 10))
                .getContent()
                .get(0);
        assertThat(entry.recordId()).isEqualTo(name);
        assertThat(entry.details()).doesNotContain(oneTime);
    }

    @Test
    void onlyAnExistingAdministratorCanBeRecovered() {
        StaffAccounts.ensureStaff(jdbc, encoder);
        assertThatThrownBy(() -> recovery.recover(StaffAccounts.STAFF))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not an administrator");
        assertThatThrownBy(() -> recovery.recover("nobody-here"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no account");
    }

    @Test
    void theConsoleShowsTheUsernameAndThePasswordOnly() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        AdminRecovery.print(new PrintStream(bytes, true, StandardCharsets.UTF_8), "admin", "Abc23defGhk45mnpQrs6");
        String printed = bytes.toString(StandardCharsets.UTF_8);
        assertThat(printed).contains("username: admin").contains("one-time password: Abc23defGhk45mnpQrs6");
        assertThat(printed.lines().filter(l -> !l.isBlank())).hasSize(7);
    }
}
