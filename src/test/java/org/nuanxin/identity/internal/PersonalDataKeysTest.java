package org.nuanxin.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.nuanxin.identity.PersonalData;
import org.nuanxin.identity.PersonalDataKind;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** Where the keys come from: configuration, the development key file on embedded H2, or a refused start. */
@ExtendWith(OutputCaptureExtension.class)
class PersonalDataKeysTest {

    static final String POSTGRES = "jdbc:postgresql://127.0.0.1:5432/test";
    static final String H2_FILE = "jdbc:h2:file:./data/nuanxin;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE";

    @TempDir
    Path dir;

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(PersonalDataProperties.class)
    @Import(PersonalDataConfiguration.class)
    static class OnlyPersonalData {}

    ApplicationContextRunner runner() {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(ConfigurationPropertiesAutoConfiguration.class))
                .withUserConfiguration(OnlyPersonalData.class)
                .withPropertyValues("nuanxin.personal-data.development-key-file=" + dir.resolve("data/keys"));
    }

    @Test
    void theApplicationRefusesToStartWithoutKeysOnPostgres() {
        runner().withPropertyValues("spring.datasource.url=" + POSTGRES).run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure())
                    .rootCause()
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("NUANXIN_PERSONAL_DATA_DATA_KEY")
                    .hasMessageContaining("NUANXIN_PERSONAL_DATA_LOOKUP_KEY")
                    .hasMessageContaining("are not set");
        });
        assertThat(dir.resolve("data/keys")).doesNotExist();
    }

    @Test
    void anH2ServerIsNotTheEmbeddedDatabase() {
        assertThat(PersonalDataKeys.isEmbeddedH2(H2_FILE)).isTrue();
        assertThat(PersonalDataKeys.isEmbeddedH2("jdbc:h2:mem:x;MODE=PostgreSQL"))
                .isTrue();
        assertThat(PersonalDataKeys.isEmbeddedH2("jdbc:h2:tcp://db:9092/nuanxin"))
                .isFalse();
        assertThat(PersonalDataKeys.isEmbeddedH2("jdbc:h2:ssl://db/nuanxin")).isFalse();
        assertThat(PersonalDataKeys.isEmbeddedH2("")).isFalse();
        assertThatThrownBy(() -> resolve("", "", "jdbc:h2:tcp://db:9092/nuanxin"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("are not set");
    }

    @Test
    void theApplicationStartsWithBothKeysOnPostgres() {
        runner().withPropertyValues(
                        "spring.datasource.url=" + POSTGRES,
                        "nuanxin.personal-data.data-key=" + AesGcmPersonalDataTest.DATA_KEY_1,
                        "nuanxin.personal-data.lookup-key=" + AesGcmPersonalDataTest.LOOKUP_KEY)
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    PersonalData data = context.getBean(PersonalData.class);
                    assertThat(data.open(data.seal(PersonalDataKind.MOBILE, "+8613800138000")
                                    .ciphertext()))
                            .isEqualTo("+8613800138000");
                });
    }

    @Test
    void retiredKeysComeFromOneCommaSeparatedSetting() {
        runner().withPropertyValues(
                        "spring.datasource.url=" + POSTGRES,
                        "nuanxin.personal-data.data-key=" + AesGcmPersonalDataTest.DATA_KEY_2,
                        "nuanxin.personal-data.data-key-version=3",
                        "nuanxin.personal-data.retired-data-keys=1:" + AesGcmPersonalDataTest.DATA_KEY_1 + ", 2:"
                                + AesGcmPersonalDataTest.LOOKUP_KEY,
                        "nuanxin.personal-data.lookup-key=" + AesGcmPersonalDataTest.LOOKUP_KEY)
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    PersonalDataProperties properties = context.getBean(PersonalDataProperties.class);
                    PersonalDataKeys keys = PersonalDataKeys.resolve(properties, POSTGRES);
                    assertThat(keys.version()).isEqualTo(3);
                    assertThat(keys.dataKeys()).containsOnlyKeys(1, 2, 3);
                });
    }

    @Test
    void oneKeyAloneIsRefusedEvenOnH2() {
        assertThatThrownBy(() -> resolve(AesGcmPersonalDataTest.DATA_KEY_1, "", H2_FILE))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("only one of");
        assertThatThrownBy(() -> resolve("", AesGcmPersonalDataTest.LOOKUP_KEY, H2_FILE))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("only one of");
    }

    @Test
    void keysMustBe32BytesOfBase64AndVersionsInRange() {
        String short16 = Base64.getEncoder().encodeToString(new byte[16]);
        assertThatThrownBy(() -> resolve(short16, AesGcmPersonalDataTest.LOOKUP_KEY, POSTGRES))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("data-key must be 32 bytes, not 16");
        assertThatThrownBy(() -> resolve(AesGcmPersonalDataTest.DATA_KEY_1, "%%%", POSTGRES))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("lookup-key is not Base64");
        assertThatThrownBy(() -> PersonalDataKeys.resolve(
                        new PersonalDataProperties(
                                AesGcmPersonalDataTest.DATA_KEY_1, 256, null, AesGcmPersonalDataTest.LOOKUP_KEY, null),
                        POSTGRES))
                .hasMessageContaining("1 to 255");
        assertThatThrownBy(() -> PersonalDataKeys.resolve(
                        new PersonalDataProperties(
                                AesGcmPersonalDataTest.DATA_KEY_1,
                                1,
                                List.of("1:" + AesGcmPersonalDataTest.DATA_KEY_2),
                                AesGcmPersonalDataTest.LOOKUP_KEY,
                                null),
                        POSTGRES))
                .hasMessageContaining("version 1 is configured twice");
        assertThatThrownBy(() -> PersonalDataKeys.resolve(
                        new PersonalDataProperties(
                                AesGcmPersonalDataTest.DATA_KEY_1,
                                2,
                                List.of(AesGcmPersonalDataTest.DATA_KEY_2),
                                AesGcmPersonalDataTest.LOOKUP_KEY,
                                null),
                        POSTGRES))
                .hasMessageContaining("version:Base64");
    }

    @Test
    void onTheEmbeddedH2DevelopmentKeysAreGeneratedOwnerOnlyAndKeptWithAWarning(CapturedOutput output)
            throws Exception {
        Path file = dir.resolve("data/personal-data-development.keys");
        PersonalData first = new AesGcmPersonalData(
                PersonalDataKeys.resolve(new PersonalDataProperties(null, null, null, null, file.toString()), H2_FILE));

        assertThat(file).exists();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertThat(output.getOut() + output.getErr())
                .contains("WARN")
                .contains("DEVELOPMENT keys")
                .contains(file.toAbsolutePath().toString());
        String content = Files.readString(file);
        assertThat(content)
                .containsPattern("data-key=[A-Za-z0-9+/]{43}=")
                .containsPattern("lookup-key=[A-Za-z0-9+/]{43}=");
        // The keys themselves are never logged.
        String dataKey = content.replaceAll("(?s).*data-key=(\\S+).*", "$1");
        assertThat(output.getAll()).doesNotContain(dataKey);

        // The next start reads the same keys: what was sealed opens, lookup keys are equal.
        String sealed = first.seal(PersonalDataKind.RESIDENT_ID_NUMBER, "500103199001011236")
                .ciphertext();
        PersonalData second = new AesGcmPersonalData(
                PersonalDataKeys.resolve(new PersonalDataProperties("", null, null, "", file.toString()), H2_FILE));
        assertThat(second.open(sealed)).isEqualTo("500103199001011236");
        assertThat(second.lookupKey(PersonalDataKind.MOBILE, "+8613800138000"))
                .isEqualTo(first.lookupKey(PersonalDataKind.MOBILE, "+8613800138000"));
        assertThat(Files.readString(file)).isEqualTo(content);
    }

    @Test
    void theDefaultH2DatabaseStartsWithoutKeys() {
        runner().withPropertyValues("spring.datasource.url=" + H2_FILE).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(dir.resolve("data/keys")).exists();
        });
    }

    static PersonalDataKeys resolve(String data, String lookup, String url) {
        return PersonalDataKeys.resolve(new PersonalDataProperties(data, null, null, lookup, null), url);
    }
}
