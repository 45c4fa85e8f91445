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

    long admins() {
        return jdbc.sql("SELECT COUNT(*) FROM account WHERE role = 'ADMIN'").query(Long.class).single();
    }

    @Test
    void createsTheAdministratorWithTheConfiguredPasswordOnceOnly() {
        // Other tests sharing this context may add accounts; there is exactly one admin.
        assertThat(admins()).isEqualTo(1);
        Account admin = accounts.findByUsername("admin").orElseThrow();
        assertThat(admin.role()).isEqualTo(org.nuanxin.identity.Role.ADMIN);
        assertThat(admin.passwordHash()).startsWith("{bcrypt}");
        assertThat(encoder.matches("test-admin-password-1", admin.passwordHash())).isTrue();

        // A restart runs the bootstrap again: nothing changes.
        assertThat(bootstrap.createAdminIfNoAccount()).isFalse();
        assertThat(admins()).isEqualTo(1);
        assertThat(accounts.findByUsername("admin").orElseThrow().passwordHash()).isEqualTo(admin.passwordHash());
    }
}
