package org.nuanxin.station.internal;

import java.io.StringReader;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.nuanxin.station.Station;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Nearest-5 stations per second: the in-memory {@link StationIndex}, the brute-force
 * {@link StationIndex#scan} it is checked against, and the same query in PostgreSQL/PostGIS over a
 * GiST index (geometry(Point,4326) with {@code <->}, planar in degrees, as the issue names it; and
 * geography with {@code <->}, great-circle on the sphere, the exact comparable).
 *
 * <p>Run: {@code ./mvnw -q -B -Pbench test-compile exec:exec -Djmh.args="StationFinderBenchmark -f 1 -wi 3 -w 2s -i 5 -r 3s"}.
 * PostGIS: PostgreSQL at {@code bench.pg.url} (default jdbc:postgresql://127.0.0.1:5432/), user postgres,
 * trust auth; the benchmark creates database {@code nuanxin_bench} and the postgis extension itself.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
public class StationFinderBenchmark {

    static final int LIMIT = 5;
    static final int QUERY_POINTS = 1024;
    /** No amenity required, any time: the API's default query. Only OPEN stations (all generated ones are). */
    static final StationIndex.Criteria ANY = new StationIndex.Criteria(0, null);

    @State(Scope.Benchmark)
    public static class Data {

        @Param({"5444", "180000"})
        public int stations;

        List<Station> all;
        StationIndex index;
        double[][] points;

        @Setup(Level.Trial)
        public void setUp() {
            long t0 = System.nanoTime();
            all = BenchStations.stations(stations);
            long t1 = System.nanoTime();
            index = StationIndex.of(all.stream().map(Station::summary).toList());
            long t2 = System.nanoTime();
            points = BenchStations.queries(QUERY_POINTS);
            System.out.printf(
                    "%n[setup] %,d stations generated in %d ms, index built in %d ms%n",
                    all.size(), (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000);
            // The index must answer exactly what brute force answers, or the figures mean nothing.
            for (int i = 0; i < 200; i++) {
                double[] p = points[i];
                List<String> a = codes(index.nearest(p[0], p[1], ANY, LIMIT));
                List<String> b = codes(index.scan(p[0], p[1], ANY, LIMIT));
                if (!a.equals(b)) {
                    throw new IllegalStateException(
                            "index and scan disagree at " + p[0] + "," + p[1] + ": " + a + " vs " + b);
                }
            }
        }
    }

    /** Cycles through the pre-generated query points. */
    @State(Scope.Thread)
    public static class Cursor {
        int next;

        double[] next(double[][] points) {
            double[] p = points[next];
            next = (next + 1) & (QUERY_POINTS - 1);
            return p;
        }
    }

    /** One JDBC connection to a PostGIS copy of the same stations; prepared statements. */
    @State(Scope.Thread)
    public static class PostGis {

        Connection connection;
        PreparedStatement geometryKnn;
        PreparedStatement geographyKnn;

        @Setup(Level.Trial)
        public void setUp(Data data) throws Exception {
            String base = System.getProperty("bench.pg.url", "jdbc:postgresql://127.0.0.1:5432/");
            Properties auth = new Properties();
            auth.setProperty("user", System.getProperty("bench.pg.user", "postgres"));
            try (Connection admin = DriverManager.getConnection(base + "test", auth);
                    Statement st = admin.createStatement();
                    ResultSet rs = st.executeQuery("SELECT 1 FROM pg_database WHERE datname = 'nuanxin_bench'")) {
                if (!rs.next()) {
                    st.execute("CREATE DATABASE nuanxin_bench");
                }
            }
            connection = DriverManager.getConnection(base + "nuanxin_bench", auth);
            String table = "station_" + data.stations;
            long t0 = System.nanoTime();
            try (Statement st = connection.createStatement()) {
                st.execute("CREATE EXTENSION IF NOT EXISTS postgis");
                st.execute("DROP TABLE IF EXISTS " + table);
                st.execute("CREATE TABLE " + table + " (code text PRIMARY KEY, open boolean NOT NULL, "
                        + "geom geometry(Point, 4326) NOT NULL, geog geography(Point, 4326) NOT NULL)");
            }
            StringBuilder rows = new StringBuilder(data.all.size() * 96);
            for (Station s : data.all) {
                String wkt = "SRID=4326;POINT(" + s.location().longitude() + " "
                        + s.location().latitude() + ")";
                rows.append(s.code())
                        .append('\t')
                        .append(s.status().name().equals("OPEN") ? 't' : 'f')
                        .append('\t')
                        .append(wkt)
                        .append('\t')
                        .append(wkt)
                        .append('\n');
            }
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            long copied = copy.copyIn(
                    "COPY " + table + " (code, open, geom, geog) FROM STDIN", new StringReader(rows.toString()));
            try (Statement st = connection.createStatement()) {
                st.execute("CREATE INDEX ON " + table + " USING gist (geom)");
                st.execute("CREATE INDEX ON " + table + " USING gist (geog)");
                st.execute("VACUUM ANALYZE " + table);
            }
            System.out.printf(
                    "[postgis] %,d rows copied, indexed and analysed in %d ms%n",
                    copied, (System.nanoTime() - t0) / 1_000_000);
            geometryKnn = connection.prepareStatement("SELECT code, ST_DistanceSphere(geom, q.pt) AS metres FROM "
                    + table + ", (SELECT ST_SetSRID(ST_MakePoint(?, ?), 4326) AS pt) q WHERE open "
                    + "ORDER BY geom <-> q.pt LIMIT " + LIMIT);
            geographyKnn = connection.prepareStatement("SELECT code, ST_Distance(geog, q.pt, false) AS metres FROM "
                    + table + ", (SELECT ST_SetSRID(ST_MakePoint(?, ?), 4326)::geography AS pt) q WHERE open "
                    + "ORDER BY geog <-> q.pt LIMIT " + LIMIT);
            explain(table);
            agreement(data);
        }

        private void explain(String table) throws SQLException {
            for (String col : List.of("geom", "geog")) {
                String pt = col.equals("geom")
                        ? "ST_SetSRID(ST_MakePoint(106.55, 29.56), 4326)"
                        : "ST_SetSRID(ST_MakePoint(106.55, 29.56), 4326)::geography";
                try (Statement st = connection.createStatement();
                        ResultSet rs = st.executeQuery("EXPLAIN SELECT code FROM " + table + " WHERE open ORDER BY "
                                + col + " <-> " + pt + " LIMIT 5")) {
                    StringBuilder plan = new StringBuilder();
                    while (rs.next()) {
                        plan.append("\n    ").append(rs.getString(1));
                    }
                    System.out.println("[postgis] plan for " + col + ":" + plan);
                }
            }
        }

        /** How often each PostGIS query returns the same five stations as the exact index. */
        private void agreement(Data data) throws SQLException {
            int sameGeometry = 0;
            int sameGeography = 0;
            for (double[] p : data.points) {
                Set<String> exact = new HashSet<>(codes(data.index.nearest(p[0], p[1], ANY, LIMIT)));
                sameGeometry += exact.equals(new HashSet<>(query(geometryKnn, p))) ? 1 : 0;
                sameGeography += exact.equals(new HashSet<>(query(geographyKnn, p))) ? 1 : 0;
            }
            System.out.printf(
                    "[postgis] same 5 stations as the exact index: geometry <-> %d/%d, geography <-> %d/%d%n",
                    sameGeometry, data.points.length, sameGeography, data.points.length);
        }

        private static List<String> query(PreparedStatement ps, double[] p) throws SQLException {
            ps.setDouble(1, p[0]);
            ps.setDouble(2, p[1]);
            List<String> codes = new java.util.ArrayList<>(LIMIT);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    codes.add(rs.getString(1));
                }
            }
            return codes;
        }

        @TearDown(Level.Trial)
        public void tearDown() throws SQLException {
            connection.close();
        }
    }

    static List<String> codes(List<StationIndex.Hit> hits) {
        return hits.stream().map(h -> h.station().code()).toList();
    }

    @Benchmark
    public List<StationIndex.Hit> index(Data data, Cursor cursor) {
        double[] p = cursor.next(data.points);
        return data.index.nearest(p[0], p[1], ANY, LIMIT);
    }

    @Benchmark
    public List<StationIndex.Hit> scan(Data data, Cursor cursor) {
        double[] p = cursor.next(data.points);
        return data.index.scan(p[0], p[1], ANY, LIMIT);
    }

    @Benchmark
    public void postgisGeometry(Data data, Cursor cursor, PostGis pg, Blackhole bh) throws SQLException {
        run(pg.geometryKnn, cursor.next(data.points), bh);
    }

    @Benchmark
    public void postgisGeography(Data data, Cursor cursor, PostGis pg, Blackhole bh) throws SQLException {
        run(pg.geographyKnn, cursor.next(data.points), bh);
    }

    private static void run(PreparedStatement ps, double[] p, Blackhole bh) throws SQLException {
        ps.setDouble(1, p[0]);
        ps.setDouble(2, p[1]);
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                bh.consume(rs.getString(1));
                bh.consume(rs.getDouble(2));
            }
        }
    }
}
