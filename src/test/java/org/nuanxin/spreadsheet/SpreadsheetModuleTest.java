package org.nuanxin.spreadsheet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;

/**
 * The spreadsheet module started alone: its one reader takes its limits from {@code nuanxin.spreadsheet.*}
 * (here at most 2 data rows), so every import in the application is held to the configured limits.
 */
@ApplicationModuleTest
@ActiveProfiles("test")
@TestPropertySource(properties = "nuanxin.spreadsheet.max-rows=2")
class SpreadsheetModuleTest {

    private static final SheetSchema SCHEMA =
            SheetSchema.of(ColumnSpec.required("name", "驿站名称"), ColumnSpec.optional("phone", "联系电话"));

    @Autowired
    SpreadsheetReader reader;

    @Test
    void theReaderHoldsTheConfiguredRowLimit() {
        assertThat(read("驿站名称,联系电话\n甲,1\n乙,2\n").rows()).hasSize(2);
        SpreadsheetRejectedException e =
                catchThrowableOfType(SpreadsheetRejectedException.class, () -> read("驿站名称,联系电话\n甲,1\n乙,2\n丙,3\n"));
        assertThat(e.reason()).isEqualTo(SpreadsheetRejectedException.Reason.TOO_MANY_ROWS);
    }

    private ParsedSheet read(String csv) {
        return reader.read(
                "roster.csv",
                new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)),
                SCHEMA,
                Locale.SIMPLIFIED_CHINESE);
    }
}
