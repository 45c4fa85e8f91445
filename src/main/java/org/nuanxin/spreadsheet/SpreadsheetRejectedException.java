package org.nuanxin.spreadsheet;

import java.util.List;

/**
 * An uploaded file that cannot be read as a sheet at all. The message (and each problem's message)
 * is in the locale asked for and names the columns or cells concerned, so it can be shown as is.
 */
public class SpreadsheetRejectedException extends RuntimeException {

    /** Why the file was refused. */
    public enum Reason {
        /** Not xlsx or CSV: an old .xls, a PDF, an image, binary data. */
        NOT_A_SPREADSHEET,
        /** An xlsx that cannot be unpacked or parsed, e.g. truncated. */
        CORRUPT,
        /** Over the byte limit, or unpacks to far more than its size (zip bomb), or too many columns. */
        TOO_LARGE,
        /** More data rows than the limit. */
        TOO_MANY_ROWS,
        /** No row in the first 20 non-empty rows looks like the header. */
        NO_HEADER_ROW,
        /** The header lacks required columns; problems name each one. */
        MISSING_COLUMNS,
        /** Cells in the data area hold formulas; staff must paste values. */
        FORMULAS,
        /** Merged cells in the data area; problems name each range. */
        MERGED_CELLS,
        /** Two header cells match the same column. */
        DUPLICATE_COLUMNS
    }

    private final Reason reason;
    private final List<CellProblem> problems;

    /**
     * @param message  a summary for the user, naming the columns or (the first few) cells
     * @param problems the individual problems, at least one; a long list is capped by the reader
     */
    public SpreadsheetRejectedException(Reason reason, String message, List<CellProblem> problems) {
        super(message);
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a rejection needs at least one problem");
        }
        this.reason = reason;
        this.problems = List.copyOf(problems);
    }

    /** A rejection of the whole file with one file-level problem. */
    public SpreadsheetRejectedException(Reason reason, String message) {
        this(reason, message, List.of(CellProblem.ofFile(message)));
    }

    public Reason reason() {
        return reason;
    }

    /** At least one problem; file-level problems have row 0 and no cell. */
    public List<CellProblem> problems() {
        return problems;
    }
}
