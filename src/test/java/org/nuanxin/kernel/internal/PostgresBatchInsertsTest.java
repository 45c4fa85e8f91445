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
