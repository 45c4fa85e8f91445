package org.nuanxin.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The demo-data switch, on a real embedded H2 and on a PostgreSQL address that cannot be reached. */
class DemoDataSettingTest {

    private final DriverManagerDataSource h2 = new DriverManagerDataSource("jdbc:h2:mem:demo-setting");
    private final DriverManagerDataSource unreachable =
            new DriverManagerDataSource("jdbc:postgresql://127.0.0.1:1/none");

    @Test
    void autoMeansTheEmbeddedDatabaseOnlyAndExplicitValuesWin() {
        assertThat(DemoDataSetting.enabled("auto", h2)).isTrue();
        assertThat(DemoDataSetting.enabled(" AUTO ", h2)).isTrue();
        assertThat(DemoDataSetting.enabled("auto", unreachable)).isFalse();
        assertThat(DemoDataSetting.enabled("false", h2)).isFalse();
        assertThat(DemoDataSetting.enabled("true", unreachable)).isTrue();
        assertThat(DemoDataSetting.enabled("maybe", h2)).isFalse();
    }
}
