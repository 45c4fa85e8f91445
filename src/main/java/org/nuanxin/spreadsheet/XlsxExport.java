package org.nuanxin.spreadsheet;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAccessor;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Writes one sheet of rows as an xlsx that is safe to open in Excel: a bold, frozen header row,
 * column widths fitted to the content, and text that Excel could take for a formula neutralised.
 *
 * <p>Values by type: {@code String} (and anything else, via {@code toString()}) → a text cell, with a
 * when it starts with {@code = + - @}, tab or CR (OWASP formula injection) it is marked "quote prefixed"
 * (Excel shows and keeps it as text, also after an edit) while the cell holds exactly the text, so an
 * exported roster re-imports unchanged;
 * {@code Integer}, {@code Long}, {@code Double}, {@code BigDecimal} … → a number cell, except values
 * with more than 15 significant digits, which Excel would round, → text; {@code Boolean} → boolean;
 * {@link LocalDate} → date {@code yyyy-mm-dd}; {@link LocalDateTime} and {@link Instant} (shown in
 * the city's time zone) → {@code yyyy-mm-dd hh:mm:ss}; {@code null} → an empty cell. Identity numbers and
 * phone numbers must therefore be passed as strings.
 *
 * <p>Streams with SXSSF (100 rows in memory), so exports of hundreds of thousands of rows are fine.
 */
public final class XlsxExport {

    /** Instants are written as local date-times of this zone (Excel has no time zones). */
    private final ZoneId displayZone;

    private static final int ROWS_IN_MEMORY = 100;
    private static final int MIN_WIDTH_CHARS = 6;
    private static final int MAX_WIDTH_CHARS = 60;
    private static final int EXCEL_DIGITS = 15;

    /** @param displayZone the zone instants are shown in: the city's ({@code CityTime.zone()}) */
    public XlsxExport(ZoneId displayZone) {
        this.displayZone = displayZone;
    }

    /**
     * @param out       receives the xlsx; not closed
     * @param sheetName the sheet tab name; characters Excel forbids are replaced and it is cut to 31
     * @param headers   the header row
     * @param rows      the data rows; a row may be shorter or longer than the headers
     * @throws UncheckedIOException if writing to {@code out} fails
     */
    public void write(OutputStream out, String sheetName, List<String> headers, List<List<Object>> rows) {
        SXSSFWorkbook workbook = new SXSSFWorkbook(ROWS_IN_MEMORY);
        try {
            SXSSFSheet sheet = workbook.createSheet(WorkbookUtil.createSafeSheetName(sheetName));
            Styles styles = new Styles(workbook);
            int columns = Math.max(
                    headers.size(), rows.stream().mapToInt(List::size).max().orElse(0));
            int[] widths = new int[columns];

            Row headerRow = sheet.createRow(0);
            for (int c = 0; c < headers.size(); c++) {
                Cell cell = headerRow.createCell(c);
                String text = formulaSafe(headers.get(c));
                cell.setCellValue(text);
                cell.setCellStyle(styles.header);
                widths[c] = Math.max(widths[c], displayWidth(text));
            }
            sheet.createFreezePane(0, 1);

            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r + 1);
                List<Object> values = rows.get(r);
                for (int c = 0; c < values.size(); c++) {
                    Object value = values.get(c);
                    if (value != null) {
                        widths[c] = Math.max(widths[c], write(row.createCell(c), value, styles));
                    }
                }
            }
            for (int c = 0; c < columns; c++) {
                int chars = Math.min(MAX_WIDTH_CHARS, Math.max(MIN_WIDTH_CHARS, widths[c] + 2));
                sheet.setColumnWidth(c, chars * 256);
            }
            workbook.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            workbook.dispose();
            try {
                workbook.close();
            } catch (IOException ignored) {
                // Nothing left to release once disposed.
            }
        }
    }

    /**
     * Neutralises text Excel would run as a formula by prefixing a single quote.
     *
     * @return the text, prefixed when it starts with {@code = + - @}, tab or CR
     */
    public static String formulaSafe(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        char first = text.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + text
                : text;
    }

    /** @return the display width in characters, for sizing the column */
    private int write(Cell cell, Object value, Styles styles) {
        if (value instanceof Boolean b) {
            cell.setCellValue(b);
            return 5;
        }
        if (value instanceof LocalDate date) {
            cell.setCellValue(date);
            cell.setCellStyle(styles.date);
            return 10;
        }
        if (value instanceof LocalDateTime dateTime) {
            return writeDateTime(cell, dateTime, styles);
        }
        if (value instanceof Instant instant) {
            return writeDateTime(cell, LocalDateTime.ofInstant(instant, displayZone), styles);
        }
        if (value instanceof Number number && !(value instanceof TemporalAccessor)) {
            BigDecimal decimal = toDecimal(number);
            if (decimal != null && decimal.stripTrailingZeros().precision() <= EXCEL_DIGITS) {
                cell.setCellValue(number.doubleValue());
                return decimal.stripTrailingZeros().toPlainString().length();
            }
            if (decimal == null && Double.isFinite(number.doubleValue())) {
                cell.setCellValue(number.doubleValue());
                return String.valueOf(number).length();
            }
        }
        String text = String.valueOf(value);
        cell.setCellValue(text);
        if (!formulaSafe(text).equals(text)) {
            cell.setCellStyle(styles.quoted);
        }
        return displayWidth(text);
    }

    private static int writeDateTime(Cell cell, LocalDateTime dateTime, Styles styles) {
        cell.setCellValue(dateTime);
        cell.setCellStyle(styles.dateTime);
        return 19;
    }

    private static BigDecimal toDecimal(Number number) {
        if (number instanceof BigDecimal d) {
            return d;
        }
        if (number instanceof BigInteger i) {
            return new BigDecimal(i);
        }
        if (number instanceof Long || number instanceof Integer || number instanceof Short || number instanceof Byte) {
            return BigDecimal.valueOf(number.longValue());
        }
        if (number instanceof Double || number instanceof Float) {
            double d = number.doubleValue();
            return Double.isFinite(d) ? BigDecimal.valueOf(d).round(new java.math.MathContext(EXCEL_DIGITS)) : null;
        }
        return null;
    }

    /** CJK characters take about two Latin character widths in Excel's default fonts. */
    private static int displayWidth(String text) {
        int width = 0;
        int longestLine = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == '\n') {
                longestLine = Math.max(longestLine, width);
                width = 0;
            } else {
                width += Character.isIdeographic(cp) || (cp >= 0xFF00 && cp <= 0xFFEF) || (cp >= 0x3000 && cp <= 0x303F)
                        ? 2
                        : 1;
            }
        }
        return Math.max(longestLine, width);
    }

    private static final class Styles {
        final CellStyle header;
        final CellStyle date;
        final CellStyle dateTime;
        final CellStyle quoted;

        Styles(SXSSFWorkbook workbook) {
            quoted = workbook.createCellStyle();
            quoted.setQuotePrefixed(true);
            Font bold = workbook.createFont();
            bold.setBold(true);
            header = workbook.createCellStyle();
            header.setFont(bold);
            short dateFormat = workbook.createDataFormat().getFormat("yyyy-mm-dd");
            date = workbook.createCellStyle();
            date.setDataFormat(dateFormat);
            dateTime = workbook.createCellStyle();
            dateTime.setDataFormat(workbook.createDataFormat().getFormat("yyyy-mm-dd hh:mm:ss"));
        }
    }
}
