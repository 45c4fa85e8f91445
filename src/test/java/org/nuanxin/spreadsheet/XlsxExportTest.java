package org.nuanxin.spreadsheet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class XlsxExportTest {

    private static byte[] export(List<String> headers, List<List<Object>> rows) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new XlsxExport(java.time.ZoneId.of("Asia/Shanghai")).write(out, "驿站/名册", headers, rows);
        return out.toByteArray();
    }

    @Test
    void writesFormulaSafeTextAndTypedValues() throws IOException {
        byte[] file = export(
                List.of("驿站名称", "数量", "金额", "日期", "身份证号", "时间", "开放"),
                List.of(
                        Arrays.asList(
                                "=1+1",
                                42,
                                new BigDecimal("12.50"),
                                LocalDate.of(2024, 5, 1),
                                "500101199001011234",
                                Instant.parse("2024-05-01T00:30:00Z"),
                                true),
                        Arrays.asList("+86 138", -3.5, null, null, "@SUM(A1)", null, false),
                        Arrays.asList("-1", 1234567890123456789L, null, null, "\tx", null, null)));
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(file))) {
            XSSFSheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getSheetName()).isEqualTo("驿站 名册");
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("驿站名称");
            assertThat(workbook.getFontAt(
                                    sheet.getRow(0).getCell(0).getCellStyle().getFontIndex())
                            .getBold())
                    .isTrue();
            assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
            assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 1);
            assertThat(sheet.getColumnWidth(4)).isGreaterThan(18 * 256);

            var first = sheet.getRow(1);
            assertThat(first.getCell(0).getCellType()).isEqualTo(CellType.STRING);
            // The cell holds exactly the text, marked quote-prefixed so that Excel never runs it.
            assertThat(first.getCell(0).getStringCellValue()).isEqualTo("=1+1");
            assertThat(first.getCell(0).getCellStyle().getQuotePrefixed()).isTrue();
            assertThat(first.getCell(4).getCellStyle().getQuotePrefixed()).isFalse();
            assertThat(first.getCell(1).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(first.getCell(1).getNumericCellValue()).isEqualTo(42.0);
            assertThat(first.getCell(2).getNumericCellValue()).isEqualTo(12.5);
            assertThat(first.getCell(3).getLocalDateTimeCellValue().toLocalDate())
                    .isEqualTo(LocalDate.of(2024, 5, 1));
            assertThat(new DataFormatter(Locale.ROOT).formatCellValue(first.getCell(3)))
                    .isEqualTo("2024-05-01");
            assertThat(first.getCell(4).getCellType()).isEqualTo(CellType.STRING);
            assertThat(first.getCell(4).getStringCellValue()).isEqualTo("500101199001011234");
            assertThat(new DataFormatter(Locale.ROOT).formatCellValue(first.getCell(5)))
                    .isEqualTo("2024-05-01 08:30:00");
            assertThat(first.getCell(6).getBooleanCellValue()).isTrue();

            var second = sheet.getRow(2);
            assertThat(second.getCell(0).getStringCellValue()).isEqualTo("+86 138");
            assertThat(second.getCell(0).getCellStyle().getQuotePrefixed()).isTrue();
            assertThat(second.getCell(1).getNumericCellValue()).isEqualTo(-3.5);
            assertThat(second.getCell(2)).isNull();
            assertThat(second.getCell(4).getStringCellValue()).isEqualTo("@SUM(A1)");
            assertThat(second.getCell(4).getCellStyle().getQuotePrefixed()).isTrue();

            var third = sheet.getRow(3);
            assertThat(third.getCell(0).getStringCellValue()).isEqualTo("-1");
            // 19 digits would be rounded by Excel, so the value goes out as text.
            assertThat(third.getCell(1).getStringCellValue()).isEqualTo("1234567890123456789");
            assertThat(third.getCell(4).getStringCellValue()).isEqualTo("\tx");
        }
    }

    @Test
    void anExportReadsBackThroughTheReader() {
        byte[] file = export(
                Sheets.STATIONS.headers(),
                List.of(Arrays.asList(
                        1,
                        "解放碑站",
                        "渝中区",
                        "民族路1号",
                        new BigDecimal("106.5785"),
                        29.564,
                        "GCJ-02",
                        "银行",
                        "陈某",
                        "13800000101",
                        "08:00-22:00",
                        "饮水,充电")));
        ParsedSheet sheet = new org.nuanxin.spreadsheet.internal.DefaultSpreadsheetReader(SpreadsheetLimits.defaults())
                .read("export.xlsx", new ByteArrayInputStream(file), Sheets.STATIONS, Locale.SIMPLIFIED_CHINESE);
        assertThat(sheet.rows()).singleElement().satisfies(row -> {
            assertThat(row.rowNumber()).isEqualTo(2);
            assertThat(row.values())
                    .containsEntry("seq", "1")
                    .containsEntry("lon", "106.5785")
                    .containsEntry("lat", "29.564")
                    .containsEntry("phone", "13800000101")
                    .containsEntry("amenities", "饮水,充电");
        });
    }
}
