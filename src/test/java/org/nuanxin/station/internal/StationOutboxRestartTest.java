package org.nuanxin.station.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nuanxin.NuanxinApplication;
import org.nuanxin.geo.GeoPoint;
import org.nuanxin.station.Station;
import org.nuanxin.station.StationCatalog;
import org.nuanxin.station.StationFinder;
import org.nuanxin.station.StationInput;
import org.nuanxin.support.PostgresTestDatabase;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.AsyncConfigurer;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The outbox survives a restart between commit and listener: a {@code StationsChanged} whose listener
 * never ran stays in {@code event_publication} without a completion date, and the next start of the
 * application on the same database delivers it ({@code republish-outstanding-events-on-restart}), on an
 * H2 file database and on PostgreSQL.
 */
class StationOutboxRestartTest {

    private static final GeoPoint JIEFANGBEI = new GeoPoint(106.5734, 29.5603);
    private static final String LISTENER = IndexedStationFinder.class.getName() + ".on(";

    @Test
    void anIncompletePublicationIsDeliveredAtTheNextStartOnH2(@TempDir Path dir) {
        String url = "jdbc:h2:file:" + dir.resolve("nuanxin").toAbsolutePath()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
        crashBetweenCommitAndListenerThenRestart(url, "sa", "");
    }

    @Test
    void anIncompletePublicationIsDeliveredAtTheNextStartOnPostgres() {
        PostgresTestDatabase.Database db = PostgresTestDatabase.createDatabase();
        crashBetweenCommitAndListenerThenRestart(db.jdbcUrl(), db.username(), db.password());
    }

    private void crashBetweenCommitAndListenerThenRestart(String url, String username, String password) {
        Station created;
        // First life: asynchronous listeners are handed to an executor that drops them, as if the
        // process stopped right after the commit.
        AtomicInteger dropped = new AtomicInteger();
        DroppingExecutor.counter = dropped;
        try (ConfigurableApplicationContext first = start(url, username, password, DroppingExecutor.class)) {
            // As union staff, whom StationPermissions lets create stations.
            SecurityContextHolder.getContext()
                    .setAuthentication(new TestingAuthenticationToken("staff", "n/a", "ROLE_UNION_STAFF"));
            try {
                created = first.getBean(StationCatalog.class)
                        .create(new StationInput(
                                null,
                                "重启测试驿站",
                                "企业",
                                "渝中区",
                                "解放碑1号",
                                "106.5734",
                                "29.5603",
                                "WGS-84",
                                "测试",
                                "13800138000",
                                "全天24小时",
                                "饮水",
                                null));
            } finally {
                SecurityContextHolder.clearContext();
            }

            List<Map<String, Object>> rows = first.getBean(JdbcClient.class)
                    .sql("SELECT listener_id, completion_date, serialized_event FROM event_publication")
                    .query()
                    .listOfRows();
            assertThat(rows).singleElement().satisfies(row -> {
                assertThat((String) row.get("listener_id")).startsWith(LISTENER);
                assertThat(row.get("completion_date")).isNull();
                assertThat((String) row.get("serialized_event")).contains(Long.toString(created.id()));
            });
            assertThat(dropped.get()).isEqualTo(1);
            assertThat(first.getBean(StationFinder.class).indexedCount()).isZero();
        }

        // Second life on the same database: the publication is delivered again and completed (deleted).
        try (ConfigurableApplicationContext second = start(url, username, password, null)) {
            JdbcClient jdbc = second.getBean(JdbcClient.class);
            await().atMost(Duration.ofSeconds(20))
                    .untilAsserted(() -> assertThat(jdbc.sql("SELECT COUNT(*) FROM event_publication")
                                    .query(Long.class)
                                    .single())
                            .isZero());
            StationFinder finder = second.getBean(StationFinder.class);
            assertThat(finder.nearest(JIEFANGBEI, Set.of(), false, 1))
                    .extracting(n -> n.station().code())
                    .containsExactly(created.code());
        }
    }

    private static ConfigurableApplicationContext start(String url, String username, String password, Class<?> extra) {
        SpringApplicationBuilder builder = extra == null
                ? new SpringApplicationBuilder(NuanxinApplication.class)
                : new SpringApplicationBuilder(NuanxinApplication.class, extra);
        return builder.profiles("test")
                .run(
                        "--spring.datasource.url=" + url,
                        "--spring.datasource.username=" + username,
                        "--spring.datasource.password=" + password,
                        "--server.port=0",
                        "--spring.jmx.enabled=false");
    }

    /** Hands every {@code @Async} task (the application module listeners) to nowhere, counting them. */
    @Configuration(proxyBeanMethods = false)
    static class DroppingExecutor {

        static AtomicInteger counter;

        @Bean
        AsyncConfigurer droppingAsyncConfigurer() {
            AtomicInteger count = counter;
            return new AsyncConfigurer() {
                @Override
                public Executor getAsyncExecutor() {
                    return task -> count.incrementAndGet();
                }
            };
        }
    }
}
