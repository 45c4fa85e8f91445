package org.nuanxin.spreadsheet;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Something wrong with an uploaded file, a cell or a column, told in the user's language.
 * Capabilities that validate row values report their own problems with this same shape, so one
 * page can list them all.
 *
 * @param rowNumber    1-based row number as the user sees it, or 0 for a file-level problem
 * @param columnKey    the schema key, or {@code null} when the problem is not about one column
 * @param columnHeader the column's canonical header, or {@code null} likewise
 * @param cellRef      e.g. {@code "E5"} or a range {@code "A5:A7"}, or {@code null} for a file-level problem
 * @param message      the explanation in the requested locale, naming the column or cells
 */
public record CellProblem(
        int rowNumber,
        @Nullable String columnKey,
        @Nullable String columnHeader,
        @Nullable String cellRef,
        String message) {

    /** A problem with the whole file. */
    public static CellProblem ofFile(String message) {
        return new CellProblem(0, null, null, null, message);
    }

    /** A problem with one cell of a data row. */
    public static CellProblem ofCell(SheetRow row, ColumnSpec column, String message) {
        return new CellProblem(row.rowNumber(), column.key(), column.header(), row.cellRef(column.key()), message);
    }

    public Optional<String> cell() {
        return Optional.ofNullable(cellRef);
    }
}
