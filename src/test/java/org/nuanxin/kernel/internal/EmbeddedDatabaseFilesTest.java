package org.nuanxin.kernel.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.ClassPathResource;

/** The embedded database's directory and files are for the owner only, and it writes no trace file. */
class EmbeddedDatabaseFilesTest {

    @TempDir
    Path temp;

    @Test
    void theDatabaseDirectoryAndItsFilesAreTheOwnersOnly() throws Exception {
        Path data = temp.resolve("data");
        String url = "jdbc:h2:file:" + data.resolve("nuanxin") + ";MODE=PostgreSQL";
        EmbeddedDatabaseFiles.restrict(url);
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            c.createStatement().execute("CREATE TABLE t(x INT)");
        }
        Path file = data.resolve("nuanxin.mv.db");
        assertThat(file).exists();
        assertThat(Files.size(file)).isPositive();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data)))
                .isEqualTo("rwx------");
        // The store file H2 writes at the first start is the owner's only (H2 alone makes it rw-r--r--).
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            assertThat(c.createStatement()
                            .executeQuery("SELECT COUNT(*) FROM t")
                            .next())
                    .isTrue();
        }

        // A database file left readable by an earlier version is restricted at the next start.
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));
        EmbeddedDatabaseFiles.restrict(url);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data)))
                .isEqualTo("rwx------");
    }

    @Test
    void onlyH2FileUrlsAreTouched() {
        assertThat(EmbeddedDatabaseFiles.directoryOf("jdbc:h2:mem:x;MODE=PostgreSQL"))
                .isNull();
        assertThat(EmbeddedDatabaseFiles.directoryOf("jdbc:postgresql://db:5432/nuanxin"))
                .isNull();
        assertThat(EmbeddedDatabaseFiles.directoryOf("jdbc:h2:file:./data/nuanxin;MODE=PostgreSQL"))
                .isEqualTo(Path.of("data").toAbsolutePath());
    }

    @Test
    void theDefaultEmbeddedDatabaseWritesNoTraceFile() throws Exception {
        YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
        yaml.setResources(new ClassPathResource("application.yaml"));
        String url = yaml.getObject().getProperty("spring.datasource.url");
        assertThat(url)
                .startsWith("jdbc:h2:file:./data/nuanxin;")
                .contains(";MODE=PostgreSQL", ";DATABASE_TO_LOWER=TRUE", ";DEFAULT_NULL_ORDERING=HIGH");

        Path data = temp.resolve("data");
        String here = url.replace("./data/nuanxin", data.resolve("nuanxin").toString());
        try (Connection c = DriverManager.getConnection(here, "sa", "")) {
            // A failed statement is what H2 traces (with its values) at its default file level.
            assertThatThrownBy(
                            () -> c.createStatement().executeQuery("SELECT nope FROM missing WHERE x = '13800138000'"))
                    .isInstanceOf(SQLException.class);
        }
        assertThat(data.resolve("nuanxin.mv.db")).exists();
        assertThat(data.resolve("nuanxin.trace.db")).doesNotExist();
    }
}
