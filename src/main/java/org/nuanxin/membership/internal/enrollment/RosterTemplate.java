package org.nuanxin.membership.internal.enrollment;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.nuanxin.spreadsheet.ColumnSpec;

/**
 * The roster template staff download (集中入会名册模板): the header of {@link RosterChecker#SCHEMA}, an instruction
 * row the reader skips, and the data rows prepared as staff would prepare them by hand: the identity and mobile
 * number columns formatted as text before anything is typed (an 18-digit number typed into a number cell is rounded
 * by Excel to 15 digits and cannot be recovered), column widths for what each holds, and drop-down lists for the
 * occupation and the route (suggestions only: the synonyms staff use, 外卖员 say, are accepted too).
 */
final class RosterTemplate {

    /** Widths in characters, by schema key. */
    private static final java.util.Map<String, Integer> WIDTHS = java.util.Map.of(
            "seq",
            6,
            RosterChecker.NAME,
            12,
            RosterChecker.ID_NUMBER,
            22,
            RosterChecker.MOBILE,
            15,
            RosterChecker.OCCUPATION,
            14,
            RosterChecker.ROUTE,
            14,
            RosterChecker.ENTERPRISE,
            24,
            RosterChecker.JOINED_ON,
            14);

    private RosterTemplate() {}

    /**
     * @param out         receives the xlsx; not closed
     * @param sheetName   the sheet's tab
     * @param note        the instruction row's text
     * @param occupations the occupations' standard names (the drop-down of the occupation column)
     * @param routes      the routes' names (the drop-down of the route column)
     * @param maxRows     the most data rows a roster may have: the text format and the lists cover that many
     * @throws UncheckedIOException when {@code out} fails
     */
    static void write(
            OutputStream out,
            String sheetName,
            String note,
            List<String> occupations,
            List<String> routes,
            int maxRows) {
        List<ColumnSpec> columns = RosterChecker.SCHEMA.columns();
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            XSSFSheet sheet = workbook.createSheet(WorkbookUtil.createSafeSheetName(sheetName));
            CellStyle header = workbook.createCellStyle();
            Font bold = workbook.createFont();
            bold.setBold(true);
            header.setFont(bold);
            header.setBorderBottom(BorderStyle.THIN);
            CellStyle wrapped = workbook.createCellStyle();
            wrapped.setWrapText(true);
            CellStyle text = workbook.createCellStyle();
            text.setDataFormat(workbook.createDataFormat().getFormat("@"));

            Row headerRow = sheet.createRow(0);
            for (int c = 0; c < columns.size(); c++) {
                Cell cell = headerRow.createCell(c);
                cell.setCellValue(columns.get(c).header());
                cell.setCellStyle(header);
                sheet.setColumnWidth(c, WIDTHS.getOrDefault(columns.get(c).key(), 12) * 256);
            }
            // The note spans the columns and wraps, so that it sets no column's width.
            Row noteRow = sheet.createRow(1);
            noteRow.setHeightInPoints(4 * sheet.getDefaultRowHeightInPoints());
            Cell noteCell = noteRow.createCell(0);
            noteCell.setCellValue(note);
            noteCell.setCellStyle(wrapped);
            sheet.addMergedRegion(new CellRangeAddress(1, 1, 0, columns.size() - 1));
            sheet.createFreezePane(0, 2);

            int first = 2;
            int last = first + maxRows - 1;
            DataValidationHelper validations = sheet.getDataValidationHelper();
            for (int c = 0; c < columns.size(); c++) {
                String key = columns.get(c).key();
                if (key.equals(RosterChecker.ID_NUMBER) || key.equals(RosterChecker.MOBILE)) {
                    sheet.setDefaultColumnStyle(c, text);
                } else if (key.equals(RosterChecker.OCCUPATION) || key.equals(RosterChecker.ROUTE)) {
                    List<String> choices = key.equals(RosterChecker.OCCUPATION) ? occupations : routes;
                    DataValidation list = validations.createValidation(
                            validations.createExplicitListConstraint(choices.toArray(String[]::new)),
                            new CellRangeAddressList(first, last, c, c));
                    list.setShowErrorBox(false); // a suggestion: synonyms are read too
                    list.setSuppressDropDownArrow(true); // XSSF: true shows the arrow
                    sheet.addValidationData(list);
                }
            }
            workbook.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
