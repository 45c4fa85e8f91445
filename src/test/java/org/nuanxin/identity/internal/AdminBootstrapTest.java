package org.nuanxin.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.nuanxin.support.NuanxinTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;

/** The configured-password path (profile test sets {@code test-admin-password-1}). */
@NuanxinTest
class AdminBootstrapTest {

    @Autowired
    AdminBootstrap bootstrap;

    @Autowired
    AccountRepository accounts;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    long accounts() {
        return jdbc.sql("SELECT COUNT(*) FROM account").query(Long.class).single();
    }

    @Test
    void createsTheAdministratorWithTheConfiguredPasswordOnceOnly() {
        // Other tests sharing this context add accounts (administrators too), so count before and after.
        long before = accounts();
        Account admin = accounts.findByUsername("admin").orElseThrow();
        assertThat(admin.role()).isEqualTo(org.nuanxin.identity.Role.CITY_ADMIN);
        assertThat(admin.passwordHash()).startsWith("{bcrypt-sha256}");
        assertThat(encoder.matches("test-admin-password-1", admin.passwordHash()))
                .isTrue();

        // A restart runs the bootstrap again: nothing changes.
        assertThat(bootstrap.createAdminIfNoAccount()).isFalse();
        assertThat(accounts()).isEqualTo(before);
        assertThat(accounts.findByUsername("admin").orElseThrow().passwordHash())
                .isEqualTo(admin.passwordHash());
    }
}
