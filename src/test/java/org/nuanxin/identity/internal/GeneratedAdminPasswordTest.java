package org.nuanxin.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.nuanxin.support.NuanxinTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.security.crypto.password.PasswordEncoder;

/** With no configured password the first start generates one and prints it exactly once. */
@ExtendWith(OutputCaptureExtension.class)
@NuanxinTest(properties = "nuanxin.identity.admin-password=")
class GeneratedAdminPasswordTest {

    @Autowired
    AdminBootstrap bootstrap;
    @Autowired
    AccountRepository accounts;
    @Autowired
    PasswordEncoder encoder;

    @Test
    void generatesAStrongPasswordAndLogsItOnce(CapturedOutput output) {
        Matcher m = Pattern.compile("password: (\\S+)").matcher(output.getAll());
        assertThat(m.find()).as("banner with the generated password in the log").isTrue();
        String password = m.group(1);
        assertThat(password).hasSizeGreaterThanOrEqualTo(20).doesNotContain("test-admin-password");
        assertThat(m.find()).as("printed only once").isFalse();

        assertThat(accounts.count()).isEqualTo(1);
        assertThat(encoder.matches(password, accounts.findByUsername("admin").orElseThrow().passwordHash())).isTrue();

        // Restart: no second admin, no new password in the log.
        int before = output.getAll().length();
        assertThat(bootstrap.createAdminIfNoAccount()).isFalse();
        assertThat(accounts.count()).isEqualTo(1);
        assertThat(output.getAll().substring(before)).doesNotContain("password:");
    }
}
