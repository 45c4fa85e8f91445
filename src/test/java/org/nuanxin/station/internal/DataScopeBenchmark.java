package org.nuanxin.station.internal;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.nuanxin.NuanxinApplication;
import org.nuanxin.identity.DataScope;
import org.nuanxin.identity.DataScopes;
import org.nuanxin.kernel.SqlCondition;
import org.nuanxin.station.Station;
import org.nuanxin.station.StationFilter;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the data scope costs, on PostgreSQL with 180,000 stations and 100,000 organisations: the
 * application itself (Flyway schema, the real {@link StationRepository} and {@link DataScopes}), a
 * database {@code nuanxin_scope_bench} it creates, and a generated tree: the 1,070 territorial unions
 * of V151 plus grassroots unions under every township (about 96 each), stations spread over the
 * districts by population ({@link BenchStations}), each owned by a random union under a township of its
 * district.
 *
 * <ul>
 *   <li>{@code visibleOrganizations}: "which organisations may this user see" — the ids of a district
 *       federation's subtree (about 2,000–9,000), read with the scope's SQL condition.
 *   <li>{@code mayActOn}: "may this user act on records of this organisation" — one {@link
 *       DataScope#includes} for a random organisation.
 *   <li>{@code scopedList} against {@code sameListUnscoped}: the console's first page (50 by code, and
 *       the total) of the district's stations, chosen by the data scope, against the same rows chosen by
 *       the district filter with no scope condition. The goal: the ratio at most 1.2.
 * </ul>
 *
 * <p>Run: {@code ./mvnw -q -B -Pbench test-compile exec:exec -Djmh.args="DataScopeBenchmark -f 1 -wi 3 -w 2s -i 5 -r 3s"}
 * (PostgreSQL on 127.0.0.1:5432, trust auth, as {@code scripts/setup.sh} leaves it).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
public class DataScopeBenchmark {

    static final int STATIONS = 180_000;
    static final int ORGANIZATIONS = 100_000;
    /** 渝北区: the largest district by population, so the largest scope below the city. */
    static final String DISTRICT = "500112";

    @State(Scope.Benchmark)
    public static class Data {

        ConfigurableApplicationContext context;
        StationRepository repository;
        JdbcClient jdbc;
        DataScope district;
        SqlCondition districtStations;
        SqlCondition districtOrganizations;
        StationFilter sameRows;
        Pageable firstPage;
        long[] organizationIds;
        int next;

        @Setup(Level.Trial)
        public void setUp() throws Exception {
            String base = System.getProperty("bench.pg.url", "jdbc:postgresql://127.0.0.1:5432/");
            Properties auth = new Properties();
            auth.setProperty("user", System.getProperty("bench.pg.user", "postgres"));
            boolean loaded = loaded(base, auth);
            if (!loaded) {
                try (Connection admin = DriverManager.getConnection(base + "test", auth);
                        Statement st = admin.createStatement()) {
                    st.execute("DROP DATABASE IF EXISTS nuanxin_scope_bench");
                    st.execute("CREATE DATABASE nuanxin_scope_bench");
                }
            }
            // Arguments, not default properties: application.yaml would win over those.
            context = new SpringApplicationBuilder(NuanxinApplication.class)
                    .web(WebApplicationType.SERVLET)
                    .run(
                            "--spring.datasource.url=" + base + "nuanxin_scope_bench",
                            "--spring.datasource.username=" + auth.getProperty("user"),
                            "--spring.datasource.password=",
                            "--nuanxin.station.demo-data=false",
                            "--nuanxin.identity.admin-password=benchmark-admin-password-1",
                            // PostgreSQL needs personal-data keys to start; these are for the benchmark only.
                            "--nuanxin.personal-data.data-key=" + benchmarkKey(),
                            "--nuanxin.personal-data.lookup-key=" + benchmarkKey(),
                            "--server.port=0",
                            "--logging.level.root=WARN");
            repository = context.getBean(StationRepository.class);
            jdbc = context.getBean(JdbcClient.class);
            JdbcTemplate template = context.getBean(JdbcTemplate.class);
            long t0 = System.nanoTime();
            if (!loaded) {
                // Each benchmark method is a trial of its own: the first loads, the others reuse the database.
                Map<String, List<Long>> unionsByDistrict = grassroots(template);
                stations(template, unionsByDistrict);
                template.execute("VACUUM ANALYZE");
            }
            System.out.printf(
                    "%n[setup] %d organisations, %d stations loaded in %d s%n",
                    count("organization"), count("station"), (System.nanoTime() - t0) / 1_000_000_000L);

            long federation = jdbc.sql(
                            "SELECT id FROM organization WHERE division_code = ? AND kind = 'DISTRICT_FEDERATION'")
                    .param(DISTRICT)
                    .query(Long.class)
                    .single();
            district = context.getBean(DataScopes.class).of(federation);
            districtStations = district.on("s.organization_id");
            districtOrganizations = district.on("o.id");
            sameRows = new StationFilter(DISTRICT, null, null, null, null);
            firstPage = PageRequest.of(0, 50, Sort.by("code"));
            organizationIds = jdbc.sql("SELECT id FROM organization").query(Long.class).list().stream()
                    .mapToLong(Long::longValue)
                    .toArray();
            long scoped = repository
                    .search(StationFilter.ALL, districtStations, firstPage)
                    .getTotalElements();
            long filtered =
                    repository.search(sameRows, SqlCondition.ALWAYS, firstPage).getTotalElements();
            if (scoped != filtered || scoped == 0) {
                throw new IllegalStateException(
                        "the scoped and the filtered list differ: " + scoped + " vs " + filtered);
            }
            System.out.printf("[setup] %s: %d organisations in scope, %d stations%n", DISTRICT, visible(this), scoped);
            System.out.println("[setup] plan of the scoped page: "
                    + template.queryForList(
                            "EXPLAIN SELECT id FROM station s WHERE " + districtStations.sql()
                                    + " ORDER BY code LIMIT 50",
                            String.class,
                            districtStations.parameters().toArray()));
        }

        /** @return whether the benchmark database exists with the full data set of an earlier trial of this run */
        private static boolean loaded(String base, Properties auth) {
            try (Connection c = DriverManager.getConnection(base + "nuanxin_scope_bench", auth);
                    Statement st = c.createStatement();
                    var rs = st.executeQuery(
                            "SELECT (SELECT COUNT(*) FROM station), (SELECT COUNT(*) FROM organization)")) {
                return rs.next() && rs.getLong(1) == STATIONS && rs.getLong(2) == ORGANIZATIONS;
            } catch (java.sql.SQLException e) {
                return false; // no database or no tables yet
            }
        }

        private long count(String table) {
            return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
        }

        /** Adds grassroots unions under the townships until there are {@link #ORGANIZATIONS}; their ids by district. */
        private Map<String, List<Long>> grassroots(JdbcTemplate template) {
            List<Object[]> townships = template.query(
                    """
                    SELECT t.id, t.parent_id, d.parent_id, d.division_code FROM organization t
                      JOIN organization d ON d.id = t.parent_id WHERE t.kind = 'TOWNSHIP_UNION' ORDER BY t.id""", (rs, n) -> new Object[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4)});
            long existing = count("organization");
            int toAdd = (int) (ORGANIZATIONS - existing);
            Timestamp now = Timestamp.from(Instant.parse("2024-01-01T00:00:00Z"));
            List<Object[]> unions = new ArrayList<>();
            for (int i = 0; i < toAdd; i++) {
                Object[] t = townships.get(i % townships.size());
                unions.add(new Object[] {"基层工会 " + i, t[0], now, now});
            }
            template.batchUpdate(
                    "INSERT INTO organization (name, kind, parent_id, created_at, updated_at) VALUES (?, 'GRASSROOTS_UNION', ?, ?, ?)",
                    unions);
            // Closure rows of the new unions: themselves, their township, district and the root.
            template.update("INSERT INTO organization_closure (ancestor_id, descendant_id, depth) "
                    + "SELECT id, id, 0 FROM organization WHERE kind = 'GRASSROOTS_UNION'");
            template.update("INSERT INTO organization_closure (ancestor_id, descendant_id, depth) "
                    + "SELECT c.ancestor_id, o.id, c.depth + 1 FROM organization o "
                    + "JOIN organization_closure c ON c.descendant_id = o.parent_id WHERE o.kind = 'GRASSROOTS_UNION'");
            Map<String, List<Long>> byDistrict = new HashMap<>();
            template.query("""
                    SELECT o.id, d.division_code FROM organization o JOIN organization t ON t.id = o.parent_id
                      JOIN organization d ON d.id = t.parent_id WHERE o.kind = 'GRASSROOTS_UNION'""", rs -> {
                byDistrict
                        .computeIfAbsent(rs.getString(2), k -> new ArrayList<>())
                        .add(rs.getLong(1));
            });
            return byDistrict;
        }

        private void stations(JdbcTemplate template, Map<String, List<Long>> unionsByDistrict) {
            SplittableRandom random = new SplittableRandom(8);
            List<Object[]> rows = new ArrayList<>(10_000);
            for (Station s : BenchStations.stations(STATIONS)) {
                List<Long> unions = unionsByDistrict.get(s.districtCode());
                rows.add(new Object[] {
                    s.code(),
                    s.name(),
                    s.hostType().name(),
                    s.districtCode(),
                    s.address(),
                    s.location().longitude(),
                    s.location().latitude(),
                    s.location().longitude(),
                    s.location().latitude(),
                    s.h3Cell(),
                    s.contactName(),
                    s.contactPhone(),
                    s.openingHours().toString(),
                    s.status().name(),
                    unions.get(random.nextInt(unions.size())),
                    Timestamp.from(s.updatedAt()),
                    Timestamp.from(s.updatedAt())
                });
                if (rows.size() == 10_000) {
                    insert(template, rows);
                    rows.clear();
                }
            }
            insert(template, rows);
        }

        private static void insert(JdbcTemplate template, List<Object[]> rows) {
            template.batchUpdate("""
                    INSERT INTO station (code, name, host_type, district_code, address, longitude, latitude,
                      entered_crs, entered_longitude, entered_latitude, h3_cell, contact_name, contact_phone,
                      opening_hours, status, organization_id, synthetic, version, created_at, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, 'WGS84', ?, ?, ?, ?, ?, ?, ?, ?, TRUE, 0, ?, ?)""", rows);
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            context.close();
        }
    }

    static long visible(Data d) {
        return d.jdbc.sql("SELECT o.id FROM organization o WHERE " + d.districtOrganizations.sql())
                .params(d.districtOrganizations.parameters())
                .query(Long.class)
                .list()
                .size();
    }

    @Benchmark
    public long visibleOrganizations(Data d) {
        return visible(d);
    }

    @Benchmark
    public boolean mayActOn(Data d) {
        long id = d.organizationIds[d.next++ % d.organizationIds.length];
        return d.district.includes(id);
    }

    @Benchmark
    public long scopedList(Data d) {
        return d.repository
                .search(StationFilter.ALL, d.districtStations, d.firstPage)
                .getTotalElements();
    }

    @Benchmark
    public long sameListUnscoped(Data d) {
        return d.repository.search(d.sameRows, SqlCondition.ALWAYS, d.firstPage).getTotalElements();
    }

    private static String benchmarkKey() {
        byte[] key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        return java.util.Base64.getEncoder().encodeToString(key);
    }
}
