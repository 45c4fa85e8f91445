package org.nuanxin.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Real, fresh PostgreSQL databases for tests.
 *
 * <p>The server is found once per JVM: first the local PostgreSQL at {@code 127.0.0.1:5432}
 * (user {@code postgres}, trust authentication, maintenance database {@code postgres} or
 * {@code test}); if it is unreachable and the environment variable {@code CI} is {@code true} this
 * fails, because CI must never silently skip PostgreSQL; otherwise an embedded PostgreSQL
 * (io.zonky, about 4 s to start) is used and a notice is printed.
 *
 * <p>{@link #jdbcUrl()} is one database shared by the whole JVM; {@link #createDatabase()} makes a
 * new empty one (what {@link PostgresTest} does for each Spring context). Every database this
 * class creates is dropped when the JVM exits.
 *
 * <pre>{@code
 * String url = PostgresTestDatabase.jdbcUrl();            // jdbc:postgresql://127.0.0.1:5432/nuanxin_test_ab12...
 * try (Connection c = DriverManager.getConnection(url, PostgresTestDatabase.USERNAME, "")) { ... }
 * }</pre>
 */
public final class PostgresTestDatabase {

    /** The user for every database handed out (trust authentication, empty password). */
    public static final String USERNAME = "postgres";

    /** A created database: JDBC URL and credentials. */
    public record Database(String jdbcUrl, String username, String password) {}

    private static final String LOCAL_HOST = "127.0.0.1";
    private static final int LOCAL_PORT = 5432;
    private static final List<String> created = new CopyOnWriteArrayList<>();
    private static Server server;
    private static Database shared;

    private PostgresTestDatabase() {}

    /** The JDBC URL of one fresh database shared by this JVM (created on first call). */
    public static synchronized String jdbcUrl() {
        if (shared == null) {
            shared = createDatabase();
        }
        return shared.jdbcUrl();
    }

    /** Creates a new, empty database on the test server and returns how to reach it. */
    public static synchronized Database createDatabase() {
        Server s = server();
        String name = "nuanxin_test_"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
        try (Connection c = s.connectMaintenance();
                Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database on " + s.description, e);
        }
        created.add(name);
        return new Database("jdbc:postgresql://" + s.host + ":" + s.port + "/" + name, USERNAME, "");
    }

    private static Server server() {
        if (server == null) {
            server = startServer();
            Runtime.getRuntime().addShutdownHook(new Thread(PostgresTestDatabase::cleanUp, "postgres-test-cleanup"));
        }
        return server;
    }

    private static Server startServer() {
        for (String db : List.of("postgres", "test")) {
            Server local = new Server(LOCAL_HOST, LOCAL_PORT, db, null, "local PostgreSQL at 127.0.0.1:5432");
            try (Connection c = local.connectMaintenance()) {
                return local;
            } catch (SQLException unreachable) {
                // try the next maintenance database, then the embedded server
            }
        }
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException("CI=true but no PostgreSQL at 127.0.0.1:5432; "
                    + "start it (pg_ctlcluster 15 main start): PostgreSQL tests must not be skipped in CI");
        }
        System.err.println("""
                ********************************************************************
                * PostgreSQL at 127.0.0.1:5432 is not reachable: starting an       *
                * embedded PostgreSQL (io.zonky) for the tests instead.            *
                ********************************************************************""");
        try {
            EmbeddedPostgres embedded = EmbeddedPostgres.start();
            return new Server("localhost", embedded.getPort(), "postgres", embedded, "embedded PostgreSQL");
        } catch (IOException e) {
            throw new IllegalStateException("neither a local nor an embedded PostgreSQL is available", e);
        }
    }

    private static void cleanUp() {
        Server s = server;
        if (s == null) {
            return;
        }
        try (Connection c = s.connectMaintenance();
                Statement st = c.createStatement()) {
            for (String name : created) {
                // FORCE: Spring's connection pools may still be open while the JVM shuts down.
                st.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            }
        } catch (SQLException e) {
            System.err.println("Could not drop test databases " + created + ": " + e.getMessage());
        }
        if (s.embedded != null) {
            try {
                s.embedded.close();
            } catch (IOException ignored) {
                // the JVM is exiting anyway
            }
        }
    }

    private record Server(String host, int port, String maintenanceDb, EmbeddedPostgres embedded, String description) {

        Connection connectMaintenance() throws SQLException {
            Properties props = new Properties();
            props.setProperty("user", USERNAME);
            props.setProperty("password", "");
            props.setProperty("connectTimeout", "3");
            return DriverManager.getConnection("jdbc:postgresql://" + host + ":" + port + "/" + maintenanceDb, props);
        }
    }

    /**
     * Points {@code spring.datasource.*} at a new database; used by {@link PostgresTest}, or directly
     * with {@code @ContextConfiguration(initializers = PostgresTestDatabase.Initializer.class)}.
     */
    public static class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            Database db = createDatabase();
            TestPropertyValues.of(
                            "spring.datasource.url=" + db.jdbcUrl(),
                            "spring.datasource.username=" + db.username(),
                            "spring.datasource.password=" + db.password(),
                            "spring.datasource.driver-class-name=org.postgresql.Driver")
                    .applyTo(context);
        }
    }
}
