package org.nuanxin.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.nuanxin.identity.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The identity migration and its SQL on one database; subclasses pick the database
 * ({@link MigrationsH2Test} with {@code @NuanxinTest}, {@link MigrationsPostgresTest} with
 * {@code @PostgresTest}). Other modules can copy this pattern: write the tests once, run them twice.
 */
abstract class MigrationsTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    org.nuanxin.identity.OrganizationTree tree;

    @Autowired
    AccountRepository accounts;

    @Test
    void flywayAppliedTheIdentityMigration() {
        assertThat(jdbc.sql("SELECT success FROM flyway_schema_history WHERE version = '200'")
                        .query(Boolean.class)
                        .single())
                .isTrue();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM account WHERE username = 'admin' AND role = 'CITY_ADMIN' AND enabled")
                        .query(Long.class)
                        .single())
                .isEqualTo(1L);
    }

    @Test
    void usernamesAreUnique() {
        Instant now = Instant.now();
        String name = "unique-" + System.nanoTime();
        accounts.insert(name, "{noop}x", "Unique", Role.UNION_STAFF, tree.rootId(), false, now);
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> accounts.insert(name, "{noop}y", "Again", Role.UNION_STAFF, tree.rootId(), false, now))
                .isInstanceOf(org.springframework.dao.DuplicateKeyException.class);
    }

    @Test
    void theUnusedLockoutColumnsAreGoneAndSignInStatementsWorkHere() {
        assertThat(jdbc.sql("SELECT success FROM flyway_schema_history WHERE version = '204'")
                        .query(Boolean.class)
                        .single())
                .isTrue();
        assertThat(jdbc.sql("""
                        SELECT COUNT(*) FROM information_schema.columns
                         WHERE LOWER(table_name) = 'account'
                           AND LOWER(column_name) IN ('failed_login_count', 'locked_until')""").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("""
                        SELECT COUNT(*) FROM information_schema.columns
                         WHERE LOWER(table_name) = 'account' AND LOWER(column_name) = 'last_login_at'""").query(Long.class).single()).isEqualTo(1L);
        Instant now = Instant.parse("2025-05-01T08:30:15.123456Z");
        String name = "signin-" + System.nanoTime();
        accounts.insert(name, "{noop}x", "Sign-in", Role.UNION_STAFF, tree.rootId(), false, now);
        Account created = accounts.findByUsername(name).orElseThrow();
        assertThat(created.createdAt()).isEqualTo(now);
        assertThat(created.lastLoginAt()).isNull();
        accounts.recordSuccess(name, now.plus(Duration.ofHours(1)));
        accounts.updatePassword(created.id(), "{noop}y", false);
        Account ok = accounts.findByUsername(name).orElseThrow();
        assertThat(ok.lastLoginAt()).isEqualTo(now.plus(Duration.ofHours(1)));
        assertThat(ok.passwordHash()).isEqualTo("{noop}y");
    }
}
