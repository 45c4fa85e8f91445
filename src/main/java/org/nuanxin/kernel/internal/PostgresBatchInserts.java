package org.nuanxin.kernel.internal;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * On PostgreSQL, JDBC batches of inserts travel as multi-row {@code INSERT … VALUES (…), (…)} statements: the
 * driver's {@code reWriteBatchedInserts} (pgjdbc), set on the connection pool before it opens its first connection.
 * Without it the driver sends a batch of 1,000 inserts as 1,000 statements, each planned and executed on its own;
 * the roster imports write their previews, problems and staged rows that way (docs/PERFORMANCE.md §12). A value
 * given in the URL ({@code ?reWriteBatchedInserts=false}) takes precedence. H2 and other databases are left alone.
 *
 * <p>What changes for callers: a rewritten batch reports {@link java.sql.Statement#SUCCESS_NO_INFO} instead of a
 * count per row, so code must not read the counts of a batch insert (none does).
 */
final class PostgresBatchInserts implements BeanPostProcessor {

    static final String PROPERTY = "reWriteBatchedInserts";

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource pool) {
            apply(pool);
        }
        return bean;
    }

    static void apply(HikariDataSource pool) {
        String url = pool.getJdbcUrl();
        if (url != null
                && url.startsWith("jdbc:postgresql:")
                && !pool.getDataSourceProperties().containsKey(PROPERTY)) {
            pool.addDataSourceProperty(PROPERTY, "true");
        }
    }
}
