package org.nuanxin.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.nuanxin.support.NuanxinTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * With no configured password the first start generates one and prints it exactly once. Runs in the
 * shared context: it empties the account table, starts a bootstrap without a password as a first
 * start would, and then puts the configured administrator back for the other tests.
 */
@ExtendWith(OutputCaptureExtension.class)
@NuanxinTest
class GeneratedAdminPasswordTest {

    @Autowired
    AdminBootstrap configured;

    @Autowired
    AccountRepository accounts;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    Clock clock;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    org.nuanxin.identity.OrganizationTree tree;

    @AfterEach
    void configuredAdministratorAgain() {
        jdbc.sql("DELETE FROM account").update();
        assertThat(configured.createAdminIfNoAccount()).isTrue();
        assertThat(accounts.findByUsername("admin").orElseThrow().mustChangePassword())
                .as("a configured password was chosen by the operator")
                .isFalse();
    }

    @Test
    void generatesAStrongPasswordAndLogsItOnce(CapturedOutput output) {
        jdbc.sql("DELETE FROM account").update();
        AdminBootstrap firstStart = new AdminBootstrap(
                accounts, encoder, new IdentityProperties("", null, null, null, null, null, null), clock, tree);
        int start = output.getAll().length();

        assertThat(firstStart.createAdminIfNoAccount()).isTrue();

        String log = output.getAll().substring(start);
        Matcher m = Pattern.compile("password: (\\S+)").matcher(log);
        assertThat(m.find()).as("banner with the generated password in the log").isTrue();
        String password = m.group(1);
        assertThat(password).hasSizeGreaterThanOrEqualTo(20).doesNotContain("test-admin-password");
        assertThat(m.find()).as("printed only once").isFalse();

        assertThat(accounts.count()).isEqualTo(1);
        assertThat(encoder.matches(
                        password, accounts.findByUsername("admin").orElseThrow().passwordHash()))
                .isTrue();
        assertThat(accounts.findByUsername("admin").orElseThrow().mustChangePassword())
                .as("it has been in the log: changed at the first sign-in")
                .isTrue();

        // Restart: no second admin, no new password in the log.
        int before = output.getAll().length();
        assertThat(firstStart.createAdminIfNoAccount()).isFalse();
        assertThat(accounts.count()).isEqualTo(1);
        assertThat(output.getAll().substring(before)).doesNotContain("password:");
    }

    @Test
    void aTooShortOrCommonConfiguredPasswordStopsTheFirstStart() {
        jdbc.sql("DELETE FROM account").update();
        for (String password : new String[] {"x", "short-pw", "password1234", "admin"}) {
            AdminBootstrap firstStart = new AdminBootstrap(
                    accounts,
                    encoder,
                    new IdentityProperties(password, null, null, null, null, null, null),
                    clock,
                    tree);
            org.assertj.core.api.Assertions.assertThatThrownBy(firstStart::createAdminIfNoAccount)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("NUANXIN_ADMIN_PASSWORD")
                    .hasMessageContaining("at least 12 characters")
                    .hasMessageNotContaining(password.length() > 5 ? password : "\u0000");
            assertThat(jdbc.sql("SELECT COUNT(*) FROM account")
                            .query(Long.class)
                            .single())
                    .isZero();
        }
        AdminBootstrap longChinese = new AdminBootstrap(
                accounts,
                encoder,
                new IdentityProperties(PasswordsTest.LONG_CHINESE, null, null, null, null, null, null),
                clock,
                tree);
        assertThat(longChinese.createAdminIfNoAccount()).isTrue();
        assertThat(encoder.matches(
                        PasswordsTest.LONG_CHINESE,
                        accounts.findByUsername("admin").orElseThrow().passwordHash()))
                .isTrue();
    }
}
