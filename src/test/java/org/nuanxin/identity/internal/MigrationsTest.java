package org.nuanxin.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
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
    void lockoutStatementsWorkHere() {
        Instant now = Instant.parse("2025-05-01T08:30:15.123456Z");
        String name = "lock-" + System.nanoTime();
        accounts.insert(name, "{noop}x", "Lock", Role.UNION_STAFF, tree.rootId(), false, now);
        for (int i = 0; i < 4; i++) {
            accounts.recordFailure(name, 5, now.plus(Duration.ofMinutes(15)));
        }
        Account four = accounts.findByUsername(name).orElseThrow();
        assertThat(four.failedLoginCount()).isEqualTo(4);
        assertThat(four.lockedUntil()).isNull();

        accounts.recordFailure(name, 5, now.plus(Duration.ofMinutes(15)));
        Account locked = accounts.findByUsername(name).orElseThrow();
        assertThat(locked.failedLoginCount()).isZero();
        assertThat(locked.lockedUntil())
                .isEqualTo(now.plus(Duration.ofMinutes(15)).truncatedTo(ChronoUnit.MICROS));
        assertThat(locked.createdAt()).isEqualTo(now);
        assertThat(locked.lockedAt(now)).isTrue();

        accounts.recordSuccess(name, now.plus(Duration.ofHours(1)));
        Account ok = accounts.findByUsername(name).orElseThrow();
        assertThat(ok.lockedUntil()).isNull();
        assertThat(ok.lastLoginAt()).isEqualTo(now.plus(Duration.ofHours(1)));
    }
}
