package org.nuanxin.kernel.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.nuanxin.support.PostgresTest;
import org.postgresql.core.BaseConnection;
import org.springframework.beans.factory.annotation.Autowired;

/** On PostgreSQL the application's connections rewrite batched inserts into multi-row statements. */
@PostgresTest
class PostgresBatchInsertsTest {

    @Autowired
    DataSource dataSource;

    @Test
    void theApplicationsPostgresConnectionsRewriteBatchedInserts() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            assertThat(connection
                            .unwrap(BaseConnection.class)
                            .getQueryExecutor()
                            .isReWriteBatchedInsertsEnabled())
                    .isTrue();
        }
    }

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate template;

    @Test
    void nullsAreBoundWithoutAskingTheServerForTheirTypeAndPostgresAcceptsThem() {
        // src/main/resources/spring.properties: without it each null costs a round trip to describe the statement.
        assertThat(org.springframework.core.SpringProperties.getFlag("spring.jdbc.getParameterType.ignore"))
                .isTrue();
        template.execute("CREATE TEMPORARY TABLE null_batch (id INTEGER, n BIGINT, d DATE, t VARCHAR(10))");
        template.batchUpdate(
                "INSERT INTO null_batch (id, n, d, t) VALUES (?, ?, ?, ?)",
                java.util.List.of(
                        new Object[] {1, null, null, null},
                        new Object[] {2, 7L, java.time.LocalDate.of(2024, 7, 25), "x"}));
        assertThat(template.queryForObject(
                        "SELECT COUNT(*) FROM null_batch WHERE n IS NULL AND d IS NULL AND t IS NULL", Long.class))
                .isEqualTo(1);
    }

    @Test
    void aValueAlreadyGivenIsKeptAndOtherDatabasesAreLeftAlone() {
        try (HikariDataSource given = new HikariDataSource();
                HikariDataSource h2 = new HikariDataSource()) {
            given.setJdbcUrl("jdbc:postgresql://127.0.0.1:5432/test");
            given.addDataSourceProperty(PostgresBatchInserts.PROPERTY, "false");
            PostgresBatchInserts.apply(given);
            assertThat(given.getDataSourceProperties().getProperty(PostgresBatchInserts.PROPERTY))
                    .isEqualTo("false");

            h2.setJdbcUrl("jdbc:h2:mem:x");
            PostgresBatchInserts.apply(h2);
            assertThat(h2.getDataSourceProperties()).doesNotContainKey(PostgresBatchInserts.PROPERTY);
        }
    }
}
