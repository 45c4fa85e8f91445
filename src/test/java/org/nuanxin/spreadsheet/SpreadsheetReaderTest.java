package org.nuanxin.spreadsheet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.nuanxin.spreadsheet.Sheets.STATIONS;
import static org.nuanxin.spreadsheet.Sheets.in;
import static org.nuanxin.spreadsheet.Sheets.resource;
import static org.nuanxin.spreadsheet.Sheets.xlsx;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.nuanxin.spreadsheet.SpreadsheetRejectedException.Reason;

class SpreadsheetReaderTest {

    private final SpreadsheetReader reader =
            new org.nuanxin.spreadsheet.internal.DefaultSpreadsheetReader(SpreadsheetLimits.defaults());

    private ParsedSheet read(String name, byte[] bytes) {
        return reader.read(name, in(bytes), STATIONS, Locale.SIMPLIFIED_CHINESE);
    }

    private SpreadsheetRejectedException rejection(String name, byte[] bytes, Locale locale) {
        return org.assertj.core.api.Assertions.catchThrowableOfType(
                SpreadsheetRejectedException.class, () -> reader.read(name, in(bytes), STATIONS, locale));
    }

    /** A header row with the station columns the tests need, at the given 0-based row. */
    private static Row header(XSSFSheet sheet, int row, String... headers) {
        Row r = sheet.createRow(row);
        for (int i = 0; i < headers.length; i++) {
            r.createCell(i).setCellValue(headers[i]);
        }
        return r;
    }

    private static final String[] SHORT_HEADER = {"驿站名称", "所属区县", "详细地址", "经度", "纬度", "联系电话"};

    @Nested
    class SampleFiles {

        @Test
        void xlsxAndCsvReadTheSame38Rows() {
            ParsedSheet xlsx = read("station-roster-sample.xlsx", resource("station-roster-sample.xlsx"));
            ParsedSheet csv = read("station-roster-sample.csv", resource("station-roster-sample.csv"));

            assertThat(xlsx.format()).isEqualTo(SheetFormat.XLSX);
            assertThat(xlsx.encoding()).isEmpty();
            assertThat(csv.format()).isEqualTo(SheetFormat.CSV);
            assertThat(csv.detectedEncoding()).isEqualTo("UTF-8");
            assertThat(xlsx.rows()).hasSize(38);
            assertThat(csv.rows()).hasSize(38);
            assertThat(xlsx.headerRowNumber()).isEqualTo(1);
            assertThat(xlsx.unknownHeaders()).isEmpty();
            assertThat(xlsx.columnLetters())
                    .containsEntry("seq", "A")
                    .containsEntry("lon", "E")
                    .containsEntry("phone", "J")
                    .containsEntry("amenities", "L")
                    .hasSize(12);
            assertThat(csv.columnLetters()).isEqualTo(xlsx.columnLetters());

            SheetRow first = xlsx.rows().get(0);
            assertThat(first.rowNumber()).isEqualTo(2);
            assertThat(first.value("seq")).contains("1");
            assertThat(first.value("name")).contains("临江门重药健康小站");
            assertThat(first.value("district")).contains("渝中区");
            assertThat(first.value("lon")).contains("106.5785");
            assertThat(first.value("lat")).contains("29.564");
            assertThat(first.value("crs")).contains("GCJ-02");
            assertThat(first.value("phone")).contains("13800000101");
            assertThat(first.value("hours")).contains("08:00-22:00");
            assertThat(first.value("amenities")).contains("饮水,充电,休息,健康监测,空调");
            assertThat(first.cellRef("phone")).isEqualTo("J2");

            for (int i = 0; i < 38; i++) {
                SheetRow x = xlsx.rows().get(i);
                SheetRow c = csv.rows().get(i);
                assertThat(x.rowNumber()).isEqualTo(c.rowNumber()).isEqualTo(i + 2);
                assertThat(x.values().keySet()).isEqualTo(c.values().keySet());
                for (String key : x.values().keySet()) {
                    if (key.equals("lon") || key.equals("lat")) {
                        // The CSV keeps the typed trailing zero (29.5640); Excel stores the number 29.564.
                        assertThat(new BigDecimal(x.values().get(key)))
                                .as("%s row %d", key, i + 2)
                                .isEqualByComparingTo(new BigDecimal(c.values().get(key)));
                    } else {
                        assertThat(x.values().get(key))
                                .as("%s row %d", key, i + 2)
                                .isEqualTo(c.values().get(key));
                    }
                }
            }
        }

        @Test
        void gbkAndBomCsvReadLikeUtf8() {
            byte[] utf8 = resource("station-roster-sample.csv");
            String text = new String(utf8, StandardCharsets.UTF_8);
            ParsedSheet expected = read("utf8.csv", utf8);

            ParsedSheet gbk = read("gbk.csv", text.getBytes(Charset.forName("GBK")));
            assertThat(gbk.detectedEncoding()).isEqualTo("GB18030");
            assertThat(gbk.rows()).isEqualTo(expected.rows());

            byte[] bom = ("\uFEFF" + text).getBytes(StandardCharsets.UTF_8);
            ParsedSheet withBom = read("bom.csv", bom);
            assertThat(withBom.detectedEncoding()).isEqualTo("UTF-8");
            assertThat(withBom.columnLetters()).containsEntry("seq", "A");
            assertThat(withBom.rows()).isEqualTo(expected.rows());
        }

        @Test
        void formatIsDetectedByContentNotExtension() {
            ParsedSheet sheet = read("名册.csv", resource("station-roster-sample.xlsx"));
            assertThat(sheet.format()).isEqualTo(SheetFormat.XLSX);
            assertThat(sheet.rows()).hasSize(38);
        }
    }

    @Nested
    class Layout {

        @Test
        void titleRowAndBlankRowsAreSkippedKeepingRowNumbers() {
            byte[] file = xlsx(sheet -> {
                sheet.createRow(0).createCell(0).setCellValue("2024年渝中区工会驿站名册");
                sheet.addMergedRegion(CellRangeAddress.valueOf("A1:F1")); // a merged title is fine
                header(sheet, 2, SHORT_HEADER);
                Row a = sheet.createRow(3);
                a.createCell(0).setCellValue("解放碑站");
                a.createCell(5).setCellValue("13800000101");
                sheet.createRow(4).createCell(0).setCellValue("   ");
                Row b = sheet.createRow(6);
                b.createCell(0).setCellValue("朝天门站");
            });
            ParsedSheet sheet = read("title.xlsx", file);
            assertThat(sheet.headerRowNumber()).isEqualTo(3);
            assertThat(sheet.rows()).extracting(SheetRow::rowNumber).containsExactly(4, 7);
            assertThat(sheet.rows().get(0).value("name")).contains("解放碑站");
            assertThat(sheet.rows().get(0).cellRef("phone")).isEqualTo("F4");
            assertThat(sheet.rows().get(1).value("phone")).isEmpty();
        }

        @Test
        void csvTitleRowAndBlankLinesKeepLineNumbers() {
            String csv = "2024年渝中区工会驿站名册,,,,,\n驿站名称,所属区县,详细地址,经度,纬度,联系电话,备注\n\n"
                    + "解放碑站,渝中区,民族路1号,106.5785,29.564,13800000101,\n,,,,,,\n朝天门站,渝中区,朝东路,106.586,29.566,13800000103,x\n";
            ParsedSheet sheet = read("t.csv", csv.getBytes(StandardCharsets.UTF_8));
            assertThat(sheet.headerRowNumber()).isEqualTo(2);
            assertThat(sheet.unknownHeaders()).containsExactly("备注");
            assertThat(sheet.rows()).extracting(SheetRow::rowNumber).containsExactly(4, 6);
            assertThat(sheet.rows().get(1).cellRef("phone")).isEqualTo("F6");
        }

        @Test
        void headersMatchAliasesIgnoringCaseSpacesWidthUnitsAndRequiredMarks() {
            String csv = "*站点名称,区 县,地址,LONGITUDE(°),Ｌａｔｉｔｕｄｅ（度）,手机号【必填】\n" + "甲站,渝中区,某路,106.5,29.5,13800000101\n";
            ParsedSheet sheet = read("aliases.csv", csv.getBytes(StandardCharsets.UTF_8));
            assertThat(sheet.columnLetters()).containsOnlyKeys("name", "district", "address", "lon", "lat", "phone");
            assertThat(sheet.rows().get(0).value("lat")).contains("29.5");
        }
    }

    @Nested
    class CellValues {

        @Test
        void numbersAsNumbersAndAsTextReadTheSame() {
            byte[] file = xlsx(sheet -> {
                var workbook = sheet.getWorkbook();
                CellStyle date = workbook.createCellStyle();
                date.setDataFormat(workbook.createDataFormat().getFormat("yyyy\"年\"m\"月\"d\"日\""));
                CellStyle time = workbook.createCellStyle();
                time.setDataFormat(workbook.createDataFormat().getFormat("h:mm"));
                header(sheet, 0, "驿站名称", "所属区县", "详细地址", "经度", "纬度", "联系电话", "开放时间", "序号");
                Row numeric = sheet.createRow(1);
                numeric.createCell(0).setCellValue("甲站");
                numeric.createCell(3).setCellValue(106.5785);
                numeric.createCell(4).setCellValue(0.0);
                numeric.createCell(5).setCellValue(13800000101.0);
                var d = numeric.createCell(6);
                d.setCellValue(LocalDate.of(2024, 5, 1));
                d.setCellStyle(date);
                numeric.createCell(7).setCellValue(true);
                Row text = sheet.createRow(2);
                text.createCell(0).setCellValue("\u3000乙站 ");
                text.createCell(3).setCellValue("106.5785 ");
                text.createCell(4).setCellValue("0");
                text.createCell(5).setCellValue("１３８０００００１０１");
                var t = text.createCell(6);
                t.setCellValue(LocalDateTime.of(1899, 12, 31, 8, 30));
                t.setCellStyle(time);
                text.createCell(7).setCellValue(1.0E-5);
            });
            List<SheetRow> rows = read("numbers.xlsx", file).rows();
            assertThat(rows.get(0).values())
                    .containsEntry("name", "甲站")
                    .containsEntry("lon", "106.5785")
                    .containsEntry("lat", "0")
                    .containsEntry("phone", "13800000101")
                    .containsEntry("hours", "2024-05-01")
                    .containsEntry("seq", "true");
            assertThat(rows.get(1).values())
                    .containsEntry("name", "乙站")
                    .containsEntry("lon", "106.5785")
                    .containsEntry("lat", "0")
                    .containsEntry("phone", "13800000101")
                    .containsEntry("hours", "08:30")
                    .containsEntry("seq", "0.00001");
        }

        @Test
        void floatingPointNoiseIsRoundedToWhatExcelShows() {
            byte[] file = xlsx(sheet -> {
                header(sheet, 0, SHORT_HEADER);
                Row r = sheet.createRow(1);
                r.createCell(0).setCellValue("甲站");
                r.createCell(3).setCellValue(0.1 + 0.2);
                r.createCell(4).setCellValue(123456789012345.0);
            });
            SheetRow row = read("noise.xlsx", file).rows().get(0);
            assertThat(row.value("lon")).contains("0.3");
            assertThat(row.value("lat")).contains("123456789012345");
        }
    }

    @Nested
    class Rejections {

        @Test
        void aRosterOverTheRowLimitIsRefusedForItsRowsNotAsAZipBomb() {
            byte[] file = xlsx(sheet -> {
                header(sheet, 0, SHORT_HEADER);
                for (int i = 1; i <= 1100; i++) {
                    Row r = sheet.createRow(i);
                    r.createCell(0).setCellValue("第" + i + "号工会驿站");
                    r.createCell(1).setCellValue("渝中区");
                    r.createCell(2).setCellValue("渝中区民族路" + (i * 7919 % 10007) + "号");
                    r.createCell(3).setCellValue(106.5 + i * 0.000137);
                    r.createCell(4).setCellValue(29.5 + i * 0.000071);
                    r.createCell(5).setCellValue("138" + (10000000 + i * 7919L % 89999999));
                }
            });
            // The sheet unpacks to far more than 64 KiB: before, that guard named it a zip bomb.
            var small = new org.nuanxin.spreadsheet.internal.DefaultSpreadsheetReader(
                    new SpreadsheetLimits(SpreadsheetLimits.DEFAULT_MAX_BYTES, 1000, 200, 64 * 1024, 0.01));
            try {
                SpreadsheetRejectedException e = org.assertj.core.api.Assertions.catchThrowableOfType(
                        SpreadsheetRejectedException.class,
                        () -> small.read("big.xlsx", in(file), STATIONS, Locale.SIMPLIFIED_CHINESE));
                assertThat(e.reason()).isEqualTo(Reason.TOO_MANY_ROWS);
                assertThat(e.getMessage()).contains("1000").contains("行");
            } finally {
                // POI's limits are process-wide: put the defaults back for the tests that follow.
                new org.nuanxin.spreadsheet.internal.DefaultSpreadsheetReader(SpreadsheetLimits.defaults());
            }
        }

        @Test
        void aFillingInstructionsRowBelowTheHeaderIsANoteAlsoWhenMergedAcrossTheColumns() {
            byte[] file = xlsx(sheet -> {
                header(sheet, 0, SHORT_HEADER);
                sheet.createRow(1).createCell(0).setCellValue("填写说明：带*的列为必填，经纬度请填写小数。");
                sheet.addMergedRegion(new org.apache.poi.ss.util.CellRangeAddress(1, 1, 0, SHORT_HEADER.length - 1));
                Row r = sheet.createRow(2);
                r.createCell(0).setCellValue("甲站");
                r.createCell(3).setCellValue(106.5);
            });
            ParsedSheet sheet = read("note.xlsx", file);
            assertThat(sheet.rows()).extracting(SheetRow::rowNumber).containsExactly(3);
            assertThat(sheet.problems()).isEmpty();

            String header = String.join(",", SHORT_HEADER);
            String csv = header + "\n填写说明：带*的列为必填\n甲站,,,106.5\n";
            ParsedSheet fromCsv = read("note.csv", csv.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            assertThat(fromCsv.rows()).extracting(SheetRow::rowNumber).containsExactly(3);
        }

        @Test
        void big5AndShiftJisTextIsRefusedWithTheEncodingNamedNotReadAsGbk() {
            String traditional = "驛站名稱,所屬區縣,詳細地址,聯繫電話\n"
                    + "解放碑商圈工會驛站,渝中區,渝中區民族路166號,13800000102\n"
                    + "觀音橋步行街工會驛站,江北區,江北區觀音橋步行街8號,13800000103\n"
                    + "沙坪壩三峽廣場工會驛站,沙坪壩區,沙坪壩區三峽廣場東路,13800000104\n";
            SpreadsheetRejectedException big5 =
                    rejection("big5.csv", traditional.getBytes(Charset.forName("Big5")), Locale.SIMPLIFIED_CHINESE);
            assertThat(big5.reason()).isEqualTo(Reason.NOT_A_SPREADSHEET);
            assertThat(big5.getMessage()).contains("big5.csv").contains("Big5").contains("UTF-8");

            String japanese = "駅名,住所,電話番号\n"
                    + "東京駅前ステーション,東京都千代田区丸の内一丁目,0312345678\n"
                    + "大阪梅田ステーション,大阪府大阪市北区梅田三丁目,0612345678\n"
                    + "名古屋栄ステーション,愛知県名古屋市中区栄三丁目,0522345678\n";
            SpreadsheetRejectedException sjis =
                    rejection("sjis.csv", japanese.getBytes(Charset.forName("Shift_JIS")), Locale.ENGLISH);
            assertThat(sjis.getMessage())
                    .contains("sjis.csv")
                    .contains("Shift_JIS")
                    .contains("UTF-8");
        }

        @Test
        void aFormulaCellIsAProblemOfItsCellAndTheOtherRowsAreRead() {
            byte[] file = xlsx(sheet -> {
                header(sheet, 0, SHORT_HEADER);
                Row r = sheet.createRow(1);
                r.createCell(0).setCellValue("甲站");
                r.createCell(3).setCellValue(106.5);
                Row f = sheet.createRow(2);
                f.createCell(0).setCellValue("乙站");
                f.createCell(3).setCellFormula("D2+0.01");
            });
            ParsedSheet sheet = read("f.xlsx", file);
            assertThat(sheet.rows()).extracting(SheetRow::rowNumber).containsExactly(2, 3);
            assertThat(sheet.rows().get(1).value("lon"))
                    .as("a formula gives no value")
                    .isEmpty();
            assertThat(sheet.problems()).singleElement().satisfies(p -> {
                assertThat(p.cellRef()).isEqualTo("D3");
                assertThat(p.rowNumber()).isEqualTo(3);
                assertThat(p.columnKey()).isEqualTo("lon");
                assertThat(p.columnHeader()).isEqualTo("经度");
                assertThat(p.message()).contains("D3").contains("公式");
            });
        }

        @Test
        void aNumberCellInATextColumnIsAProblemOfItsCellNeverARoundedValue() {
            SheetSchema schema = SheetSchema.of(
                    ColumnSpec.required("name", "姓名"),
                    ColumnSpec.required("id", "身份证号码").asText());
            byte[] file = xlsx(sheet -> {
                header(sheet, 0, "姓名", "身份证号码");
                Row typed = sheet.createRow(1);
                typed.createCell(0).setCellValue("张三");
                typed.createCell(1).setCellValue("11010519491231002X");
                Row number = sheet.createRow(2);
                number.createCell(0).setCellValue("李四");
                // What Excel keeps of 500103199001011232 typed into a General cell.
                number.createCell(1).setCellValue(500103199001011232.0);
            });
            ParsedSheet sheet = reader.read("ids.xlsx", in(file), schema, Locale.SIMPLIFIED_CHINESE);
            assertThat(sheet.rows().get(0).value("id")).contains("11010519491231002X");
            assertThat(sheet.rows().get(1).value("id"))
                    .as("never read as a number")
                    .isEmpty();
            assertThat(sheet.problems()).singleElement().satisfies(p -> {
                assertThat(p.cellRef()).isEqualTo("B3");
                assertThat(p.columnKey()).isEqualTo("id");
                assertThat(p.message()).contains("B3").contains("数字格式").contains("15 位");
            });
            // The same cell in an ordinary column is a number as before.
            ParsedSheet plain = reader.read(
                    "ids.xlsx",
                    in(file),
                    SheetSchema.of(ColumnSpec.required("name", "姓名"), ColumnSpec.required("id", "身份证号码")),
                    Locale.ENGLISH);
            assertThat(plain.problems()).isEmpty();
            assertThat(plain.rows().get(1).value("id")).contains("500103199001011000");
        }

        @Test
        void aFormulaWithAnErrorResultNamesTheError() {
            byte[] file = xlsx(sheet -> {
                header(sheet, 0, SHORT_HEADER);
                Row r = sheet.createRow(1);
                r.createCell(0).setCellValue("甲站");
                var cell = r.createCell(5);
                cell.setCellFormula("VLOOKUP(A2,Z1:Z2,2,FALSE)");
                cell.setCellErrorValue(org.apache.poi.ss.usermodel.FormulaError.NA.getCode());
            });
            ParsedSheet sheet = read("e.xlsx", file);
            assertThat(sheet.rows().get(0).value("phone")).isEmpty();
            assertThat(sheet.problems()).singleElement().satisfies(p -> {
                assertThat(p.cellRef()).isEqualTo("F2");
                assertThat(p.message()).contains("F2").contains("#N/A");
            });
        }

        @Test
        void mergedCellsInTheDataAreaAreRejectedNamingTheRange() {
            byte[] file = xlsx(sheet -> {
                header(sheet, 3, SHORT_HEADER);
                for (int r = 4; r <= 6; r++) {
                    sheet.createRow(r).createCell(1).setCellValue("渝中区");
                }
                sheet.getRow(4).createCell(0).setCellValue("甲站");
                sheet.addMergedRegion(CellRangeAddress.valueOf("A5:A7"));
            });
            SpreadsheetRejectedException e = rejection("m.xlsx", file, Locale.SIMPLIFIED_CHINESE);
            assertThat(e.reason()).isEqualTo(Reason.MERGED_CELLS);
            assertThat(e.getMessage()).contains("A5:A7").contains("合并");
            assertThat(e.problems()).extracting(CellProblem::cellRef).containsExactly("A5:A7");
        }

        @Test
        void oldXlsIsRejectedAskingForXlsx() {
            byte[] ole2 = new byte[4096];
            byte[] magic = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};
            System.arraycopy(magic, 0, ole2, 0, magic.length);
            SpreadsheetRejectedException e = rejection("名册.xls", ole2, Locale.SIMPLIFIED_CHINESE);
            assertThat(e.reason()).isEqualTo(Reason.NOT_A_SPREADSHEET);
            assertThat(e.getMessage()).contains("名册.xls").contains(".xlsx").contains("另存为");
            assertThat(e.problems()).singleElement().satisfies(p -> {
                assertThat(p.rowNumber()).isZero();
                assertThat(p.cell()).isEmpty();
            });
        }

        @Test
        void binaryGarbageIsNotASpreadsheet() {
            byte[] garbage = new byte[2000];
            new Random(7).nextBytes(garbage);
            garbage[0] = 'x';
            assertThat(rejection("photo.csv", garbage, Locale.SIMPLIFIED_CHINESE)
                            .reason())
                    .isEqualTo(Reason.NOT_A_SPREADSHEET);
            assertThat(rejection("empty.csv", new byte[0], Locale.SIMPLIFIED_CHINESE)
                            .reason())
                    .isEqualTo(Reason.NOT_A_SPREADSHEET);
        }

        @Test
        void truncatedXlsxIsCorrupt() {
            byte[] whole = resource("station-roster-sample.xlsx");
            byte[] truncated = Arrays.copyOf(whole, whole.length / 2);
            SpreadsheetRejectedException e = rejection("cut.xlsx", truncated, Locale.SIMPLIFIED_CHINESE);
            assertThat(e.reason()).isEqualTo(Reason.CORRUPT);
            assertThat(e.getMessage()).contains("cut.xlsx").contains("损坏");
        }

        @Test
        void zipBombIsRejectedWithoutInflatingIt() throws IOException {
            byte[] bomb = zipBomb(xlsx(sheet -> header(sheet, 0, SHORT_HEADER)), 4_000_000);
            assertThat(bomb.length).isLessThan(2 * 1024 * 1024);
            SpreadsheetRejectedException e = rejection("bomb.xlsx", bomb, Locale.SIMPLIFIED_CHINESE);
            assertThat(e.reason()).isEqualTo(Reason.TOO_LARGE);
            assertThat(e.getMessage()).contains("bomb.xlsx");
        }

        @Test
        void tooManyRowsIsRejected() {
            SpreadsheetReader small = new org.nuanxin.spreadsheet.internal.DefaultSpreadsheetReader(
                    SpreadsheetLimits.defaults().withMaxRows(5));
            StringBuilder csv = new StringBuilder(String.join(",", SHORT_HEADER)).append('\n');
            for (int i = 0; i < 6; i++) {
                csv.append("站")
                        .append(i)
                        .append(",渝中区,某路,106.5,29.5,1380000010")
                        .append(i)
                        .append('\n');
            }
            assertThatThrownBy(() -> small.read(
                            "rows.csv",
                            in(csv.toString().getBytes(StandardCharsets.UTF_8)),
                            STATIONS,
                            Locale.SIMPLIFIED_CHINESE))
                    .isInstanceOfSatisfying(
                            SpreadsheetRejectedException.class,
                            e -> assertThat(e.reason()).isEqualTo(Reason.TOO_MANY_ROWS))
                    .hasMessageContaining("5");
            assertThat(small.read(
                                    "five.xlsx",
                                    in(xlsx(sheet -> {
                                        header(sheet, 0, SHORT_HEADER);
                                        for (int i = 1; i <= 5; i++) {
                                            sheet.createRow(i).createCell(0).setCellValue("站" + i);
                                        }
                                    })),
                                    STATIONS,
                                    Locale.SIMPLIFIED_CHINESE)
                            .rows())
                    .hasSize(5);
        }

        @Test
        void tooLargeFileIsRejected() {
            SpreadsheetReader tiny = new org.nuanxin.spreadsheet.internal.DefaultSpreadsheetReader(
                    SpreadsheetLimits.defaults().withMaxBytes(1000));
            assertThatThrownBy(() ->
                            tiny.read("big.csv", in(resource("station-roster-sample.csv")), STATIONS, Locale.ENGLISH))
                    .isInstanceOfSatisfying(
                            SpreadsheetRejectedException.class,
                            e -> assertThat(e.reason()).isEqualTo(Reason.TOO_LARGE))
                    .hasMessageContaining("big.csv");
        }

        @Test
        void missingRequiredColumnsAreNamedInChineseByDefault() {
            String csv = "2024年渝中区工会驿站名册\n驿站名称,所属区县,详细地址,经度,纬度,联系人\n甲站,渝中区,某路,106.5,29.5,陈某\n";
            SpreadsheetRejectedException e =
                    rejection("m.csv", csv.getBytes(StandardCharsets.UTF_8), Locale.SIMPLIFIED_CHINESE);
            assertThat(e.reason()).isEqualTo(Reason.MISSING_COLUMNS);
            assertThat(e.getMessage()).isEqualTo("缺少必填列：联系电话（第 2 行表头中未找到）。");
            assertThat(e.problems()).singleElement().satisfies(p -> {
                assertThat(p.columnKey()).isEqualTo("phone");
                assertThat(p.columnHeader()).isEqualTo("联系电话");
            });
        }

        @Test
        void messagesAreInEnglishWhenAsked() {
            String csv = "驿站名称,所属区县,详细地址,经度,纬度,联系人\n甲站,渝中区,某路,106.5,29.5,陈某\n";
            SpreadsheetRejectedException e = rejection("m.csv", csv.getBytes(StandardCharsets.UTF_8), Locale.ENGLISH);
            assertThat(e.getMessage())
                    .isEqualTo("Required columns are missing: 联系电话 (not found in the header in row 1).");
            assertThat(rejection(
                                    "a.xls",
                                    new byte[] {
                                        (byte) 0xD0,
                                        (byte) 0xCF,
                                        0x11,
                                        (byte) 0xE0,
                                        (byte) 0xA1,
                                        (byte) 0xB1,
                                        0x1A,
                                        (byte) 0xE1
                                    },
                                    Locale.US)
                            .getMessage())
                    .startsWith("\"a.xls\" is an old Excel 97-2003 (.xls)");
        }

        @Test
        void noHeaderRowListsTheExpectedColumns() {
            String csv = "a,b,c\n1,2,3\n";
            SpreadsheetRejectedException e =
                    rejection("x.csv", csv.getBytes(StandardCharsets.UTF_8), Locale.SIMPLIFIED_CHINESE);
            assertThat(e.reason()).isEqualTo(Reason.NO_HEADER_ROW);
            assertThat(e.getMessage()).contains("驿站名称、所属区县、详细地址、经度、纬度、联系电话");
        }

        @Test
        void duplicateColumnsAreNamed() {
            String csv = "驿站名称,所属区县,详细地址,经度,纬度,联系电话,电话\n甲站,渝中区,某路,106.5,29.5,1,2\n";
            SpreadsheetRejectedException e =
                    rejection("d.csv", csv.getBytes(StandardCharsets.UTF_8), Locale.SIMPLIFIED_CHINESE);
            assertThat(e.reason()).isEqualTo(Reason.DUPLICATE_COLUMNS);
            assertThat(e.getMessage()).contains("联系电话").contains("F1").contains("G1");
        }
    }

    /** Replaces the sheet of a real xlsx with a huge, extremely compressible one. */
    private static byte[] zipBomb(byte[] xlsx, int rows) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream zin = new ZipInputStream(in(xlsx));
                ZipOutputStream zout = new ZipOutputStream(out)) {
            for (ZipEntry entry; (entry = zin.getNextEntry()) != null; ) {
                zout.putNextEntry(new ZipEntry(entry.getName()));
                if (entry.getName().equals("xl/worksheets/sheet1.xml")) {
                    zout.write(
                            ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>")
                                    .getBytes(StandardCharsets.UTF_8));
                    StringBuilder header = new StringBuilder("<row>");
                    for (String h : SHORT_HEADER) {
                        header.append("<c t=\"inlineStr\"><is><t>").append(h).append("</t></is></c>");
                    }
                    zout.write(header.append("</row>").toString().getBytes(StandardCharsets.UTF_8));
                    // Valid data rows, so only the inflate-ratio guard (not a header or row check) can stop it.
                    byte[] row = "<row><c t=\"inlineStr\"><is><t>AAAAAAAAAAAAAAAAAAAA</t></is></c></row>"
                            .getBytes(StandardCharsets.UTF_8);
                    for (int i = 0; i < rows; i++) {
                        zout.write(row);
                    }
                    zout.write("</sheetData></worksheet>".getBytes(StandardCharsets.UTF_8));
                } else {
                    zin.transferTo(zout);
                }
                zout.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
