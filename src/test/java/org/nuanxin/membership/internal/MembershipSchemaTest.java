package org.nuanxin.membership.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.nuanxin.support.PostgresTestDatabase;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * V400 on H2 and PostgreSQL, without the application: one person, one membership is a unique constraint on the
 * keyed hash (erased rows, whose hash is NULL, do not collide), member numbers are unique and drawn from a sequence,
 * and the checks refuse an erased row that still holds personal data.
 */
class MembershipSchemaTest {

    @Test
    void onH2() {
        var ds = new SingleConnectionDataSource(
                "jdbc:h2:mem:membership-" + UUID.randomUUID()
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
                "sa",
                "",
                true);
        try {
            rules(migrate(ds));
        } finally {
            ds.destroy();
        }
    }

    @Test
    void onPostgres() {
        PostgresTestDatabase.Database db = PostgresTestDatabase.createDatabase();
        rules(migrate(new DriverManagerDataSource(db.jdbcUrl(), db.username(), db.password())));
    }

    private static JdbcClient migrate(DataSource ds) {
        Flyway.configure()
                .dataSource(ds)
                .locations("classpath:db/migration")
                .outOfOrder(true)
                .load()
                .migrate();
        return JdbcClient.create(ds);
    }

    private static final String INSERT = """
            INSERT INTO member (person_key, id_number_sealed, mobile_key, mobile_sealed, name, occupation, route,
                   organization_id, state, source, applied_at, created_at, updated_at, erased_at)
            VALUES (?, ?, ?, ?, ?, 'COURIER', 'WORK_LOCATION', 1, ?, 'ONLINE', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP,
                    CURRENT_TIMESTAMP, ?)""";

    private static void rules(JdbcClient jdbc) {
        String key = "a".repeat(64);
        jdbc.sql(INSERT).params(key, "c1", "m", "c2", "甲", "APPLIED", null).update();
        assertThatThrownBy(() -> jdbc.sql(INSERT)
                        .params(key, "c3", "m2", "c4", "乙", "APPLIED", null)
                        .update())
                .isInstanceOf(DuplicateKeyException.class);
        // Two erased rows: no hash, no personal data, no collision.
        jdbc.sql(INSERT)
                .params(null, null, null, null, null, "WITHDRAWN", java.sql.Timestamp.valueOf("2026-01-01 00:00:00"))
                .update();
        jdbc.sql(INSERT)
                .params(null, null, null, null, null, "WITHDRAWN", java.sql.Timestamp.valueOf("2026-01-01 00:00:00"))
                .update();
        // An "erased" row that kept a name is refused.
        assertThatThrownBy(() -> jdbc.sql(INSERT)
                        .params(
                                null,
                                null,
                                null,
                                null,
                                "丙",
                                "WITHDRAWN",
                                java.sql.Timestamp.valueOf("2026-01-01 00:00:00"))
                        .update())
                .isInstanceOf(DataIntegrityViolationException.class);
        // A member needs a number.
        assertThatThrownBy(() -> jdbc.sql(INSERT)
                        .params("b".repeat(64), "c", "m", "c", "丁", "ACTIVE", null)
                        .update())
                .isInstanceOf(DataIntegrityViolationException.class);
        long first = jdbc.sql("SELECT NEXTVAL('member_number_seq')")
                .query(Long.class)
                .single();
        long second = jdbc.sql("SELECT NEXTVAL('member_number_seq')")
                .query(Long.class)
                .single();
        assertThat(second).isEqualTo(first + 1);
    }
}
