package org.nuanxin.spreadsheet.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.nuanxin.spreadsheet.SheetSchema;
import org.nuanxin.spreadsheet.SpreadsheetReader;
import org.nuanxin.spreadsheet.SpreadsheetRejectedException;
import org.nuanxin.spreadsheet.XlsxExport;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class SpreadsheetConfigurationTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(SpreadsheetConfiguration.class)
            .withBean(
                    org.nuanxin.kernel.CityTime.class,
                    () -> new org.nuanxin.kernel.CityTime(
                            java.time.Clock.systemUTC(), java.time.ZoneId.of("Asia/Shanghai")));

    @Test
    void limitsComeFromProperties() {
        context.withPropertyValues("nuanxin.spreadsheet.max-rows=1").run(ctx -> {
            assertThat(ctx).hasSingleBean(SpreadsheetReader.class).hasSingleBean(XlsxExport.class);
            SpreadsheetReader reader = ctx.getBean(SpreadsheetReader.class);
            byte[] csv = "名称\n甲\n乙\n".getBytes(StandardCharsets.UTF_8);
            SheetSchema schema = SheetSchema.builder().required("name", "名称").build();
            assertThatThrownBy(() -> reader.read("a.csv", new ByteArrayInputStream(csv), schema, Locale.ENGLISH))
                    .isInstanceOfSatisfying(
                            SpreadsheetRejectedException.class,
                            e -> assertThat(e.reason()).isEqualTo(SpreadsheetRejectedException.Reason.TOO_MANY_ROWS))
                    .hasMessage("The data has more than 1 rows. Please split it into several files.");
        });
    }

    @Test
    void defaultsMatchTheDocumentedLimits() {
        context.run(ctx -> assertThat(ctx.getBean(SpreadsheetProperties.class).limits())
                .isEqualTo(org.nuanxin.spreadsheet.SpreadsheetLimits.defaults()));
    }
}
