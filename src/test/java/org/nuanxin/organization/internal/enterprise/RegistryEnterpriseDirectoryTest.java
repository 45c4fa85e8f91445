package org.nuanxin.organization.internal.enterprise;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nuanxin.organization.EnterpriseDirectory.Entry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The directory reads its rows by column name: an H2 file database at H2's default trace level (errors to
 * {@code <name>.trace.db}) is left without a trace file, which a mapper probing for property names
 * ({@code creditCode}, {@code organizationId}) filled with "column not found" exceptions at every join page.
 */
class RegistryEnterpriseDirectoryTest {

    @TempDir
    Path temp;

    @Test
    void readsEntriesWithoutProbingForColumns() throws Exception {
        String code = EnterpriseFixtures.code("500103", 1);
        SingleConnectionDataSource data = new SingleConnectionDataSource(
                "jdbc:h2:file:" + temp.resolve("nuanxin") + ";MODE=PostgreSQL;" + "DATABASE_TO_LOWER=TRUE",
                "sa",
                "",
                true);
        try {
            JdbcClient jdbc = JdbcClient.create(data);
            jdbc.sql("CREATE TABLE enterprise (id BIGINT PRIMARY KEY, name VARCHAR(100), credit_code VARCHAR(18),"
                            + " platform BOOLEAN, organization_id BIGINT)")
                    .update();
            jdbc.sql("INSERT INTO enterprise VALUES (7, '美团', ?, TRUE, 3)")
                    .param(code)
                    .update();
            RegistryEnterpriseDirectory directory = new RegistryEnterpriseDirectory(jdbc);

            Entry meituan = new Entry(7, "美团", code, true, 3);
            assertThat(directory.platforms()).containsExactly(meituan);
            assertThat(directory.find(7)).contains(meituan);
            assertThat(directory.findByCreditCode(code)).contains(meituan);
            assertThat(directory.findByName(" 美团 ")).containsExactly(meituan);
        } finally {
            data.destroy();
        }
        try (Stream<Path> files = Files.list(temp)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(name -> name.endsWith(".trace.db"));
        }
    }
}
