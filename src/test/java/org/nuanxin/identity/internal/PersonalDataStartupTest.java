package org.nuanxin.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nuanxin.NuanxinApplication;
import org.nuanxin.support.PostgresTestDatabase;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** The whole application on a real PostgreSQL without personal-data keys: it does not start, and says why. */
class PersonalDataStartupTest {

    @Test
    void theApplicationRefusesToStartOnPostgresWithoutKeys(@TempDir Path dir) {
        PostgresTestDatabase.Database db = PostgresTestDatabase.createDatabase();
        Path keyFile = dir.resolve("data/personal-data-development.keys");
        assertThatThrownBy(() -> new SpringApplicationBuilder(NuanxinApplication.class)
                        .profiles("test")
                        .run(
                                "--spring.datasource.url=" + db.jdbcUrl(),
                                "--spring.datasource.username=" + db.username(),
                                "--spring.datasource.password=" + db.password(),
                                // The test profile's keys, taken away.
                                "--nuanxin.personal-data.data-key=",
                                "--nuanxin.personal-data.lookup-key=",
                                "--nuanxin.personal-data.development-key-file=" + keyFile,
                                "--server.port=0",
                                "--spring.jmx.enabled=false")
                        .close())
                .rootCause()
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("NUANXIN_PERSONAL_DATA_DATA_KEY")
                .hasMessageContaining("are not set");
        assertThat(keyFile).doesNotExist();
    }
}
