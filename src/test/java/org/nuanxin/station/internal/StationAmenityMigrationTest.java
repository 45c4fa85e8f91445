package org.nuanxin.station.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.nuanxin.support.PostgresTestDatabase;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * V301 moves each station's comma list of amenities into the child table {@code station_amenity} and
 * drops the old column, on H2 and on PostgreSQL: a database at V300 with stations is migrated and
 * every amenity arrives, no more and no less.
 */
class StationAmenityMigrationTest {

    @Test
    void onH2() {
        // One connection throughout, as the application's pool keeps them: H2 evaluates a CHECK constraint in
        // the session that created it, so closing Flyway's connection would break later inserts.
        var ds = new SingleConnectionDataSource(
                "jdbc:h2:mem:amenity-" + UUID.randomUUID()
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
                "sa",
                "",
                true);
        try {
            migrateFromV300(ds);
        } finally {
            ds.destroy();
        }
    }

    @Test
    void onPostgres() {
        PostgresTestDatabase.Database db = PostgresTestDatabase.createDatabase();
        DataSource ds = new DriverManagerDataSource(db.jdbcUrl(), db.username(), db.password());
        JdbcClient jdbc = migrateFromV300(ds);

        // The amenity filter's EXISTS is answered from an index of station_amenity, not by scanning it.
        String plan = String.join(
                "\n",
                jdbc.sql("EXPLAIN SELECT id FROM station s WHERE EXISTS "
                                + "(SELECT 1 FROM station_amenity f WHERE f.station_id = s.id AND f.amenity = 'WATER')")
                        .query(String.class)
                        .list());
        assertThat(plan).doesNotContain("Seq Scan on station_amenity");
    }

    private static JdbcClient migrateFromV300(DataSource ds) {
        Flyway.configure()
                .dataSource(ds)
                .locations("classpath:db/migration")
                .outOfOrder(true)
                .target("300")
                .load()
                .migrate();
        JdbcClient jdbc = JdbcClient.create(ds);
        String insert = "INSERT INTO station (code, name, host_type, district_code, address, longitude, latitude, "
                + "entered_crs, entered_longitude, entered_latitude, h3_cell, contact_name, contact_phone, opening_hours, "
                + "amenities, status, created_at, updated_at) VALUES (?, ?, 'BANK', '500103', 'a', 106.5, 29.5, 'WGS84', "
                + "106.5, 29.5, 0, 'c', '+8613800138000', '全天24小时', ?, ?, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)";
        jdbc.sql(insert).params("A-1", "甲", ",CHARGING,WATER,", "OPEN").update();
        jdbc.sql(insert)
                .params("A-2", "乙", ",AIR_CONDITIONING,REPAIR_KIT,REST,", "OPEN")
                .update();
        jdbc.sql(insert).params("A-3", "丙", ",,", "CLOSED").update();

        Flyway.configure()
                .dataSource(ds)
                .locations("classpath:db/migration")
                .outOfOrder(true)
                .load()
                .migrate();

        assertThat(jdbc.sql(
                                "SELECT s.code || ':' || a.amenity FROM station_amenity a JOIN station s ON s.id = a.station_id "
                                        + "ORDER BY 1")
                        .query(String.class)
                        .list())
                .containsExactly("A-1:CHARGING", "A-1:WATER", "A-2:AIR_CONDITIONING", "A-2:REPAIR_KIT", "A-2:REST");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM information_schema.columns WHERE LOWER(table_name) = 'station' "
                                + "AND LOWER(column_name) = 'amenities'")
                        .query(Long.class)
                        .single())
                .as("old column dropped")
                .isZero();
        long a1 = jdbc.sql("SELECT id FROM station WHERE code = 'A-1'")
                .query(Long.class)
                .single();
        assertThatThrownBy(() -> jdbc.sql("INSERT INTO station_amenity (station_id, amenity) VALUES (?, 'SAUNA')")
                        .param(a1)
                        .update())
                .as("known amenities only")
                .isInstanceOf(DataIntegrityViolationException.class);
        jdbc.sql("DELETE FROM station WHERE code = 'A-1'").update();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM station_amenity WHERE station_id = ?")
                        .param(a1)
                        .query(Long.class)
                        .single())
                .as("deleted with their station")
                .isZero();
        return jdbc;
    }
}
