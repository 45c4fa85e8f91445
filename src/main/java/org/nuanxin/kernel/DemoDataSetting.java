package org.nuanxin.kernel;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;

/**
 * The one rule for "is demo data on?", shared by every module that loads demo data (stations, the
 * enterprise registry): {@code NUANXIN_DEMO_DATA} is {@code auto} (on for the embedded H2 database only,
 * never on PostgreSQL), {@code true} or {@code false}.
 */
public final class DemoDataSetting {

    private DemoDataSetting() {}

    /**
     * @param setting    the configured value: {@code auto}, {@code true} or {@code false} (case and
     *     surrounding spaces ignored; anything else means false)
     * @param dataSource the application's database, asked for its product name when {@code auto}
     * @return whether demo data is to be loaded; false for {@code auto} when the database cannot be reached
     */
    public static boolean enabled(String setting, DataSource dataSource) {
        String value = setting.strip().toLowerCase(Locale.ROOT);
        if (value.equals("auto")) {
            try (Connection c = dataSource.getConnection()) {
                return c.getMetaData()
                        .getDatabaseProductName()
                        .toLowerCase(Locale.ROOT)
                        .contains("h2");
            } catch (SQLException e) {
                return false;
            }
        }
        return Boolean.parseBoolean(value);
    }
}
