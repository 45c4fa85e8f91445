package org.nuanxin.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.nuanxin.support.PostgresTest;

/** {@link MigrationsTest} on a real PostgreSQL. */
@PostgresTest
class MigrationsPostgresTest extends MigrationsTest {

    @Test
    void reallyRunsOnPostgres() {
        assertThat(jdbc.sql("SELECT version()").query(String.class).single()).startsWith("PostgreSQL");
    }
}
