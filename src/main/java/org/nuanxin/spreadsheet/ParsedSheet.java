package org.nuanxin.spreadsheet;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An uploaded sheet that passed the file-level checks, as text rows keyed by schema column.
 * Whether each value is valid for the capability is for the capability to decide.
 *
 * @param fileName         the name the user uploaded, for messages only
 * @param format           the format detected from the content
 * @param detectedEncoding for CSV the charset name used ({@code "UTF-8"} or {@code "GB18030"});
 *                         {@code null} for XLSX — see {@link #encoding()}
 * @param headerRowNumber  the 1-based row where the header was found (rows above it are titles)
 * @param columnLetters    the column letter of each schema key present in the file
 * @param unknownHeaders   non-empty header cells that match no column, normalised, in file order
 * @param rows             the non-blank data rows below the header, in file order
 * @param problems         problems of single cells the reader found (a formula where a value belongs), by
 *                         row; such a cell has no value in its row. The capability lists them with its own.
 */
public record ParsedSheet(
        String fileName,
        SheetFormat format,
        String detectedEncoding,
        int headerRowNumber,
        Map<String, String> columnLetters,
        List<String> unknownHeaders,
        List<SheetRow> rows,
        List<CellProblem> problems) {

    public ParsedSheet {
        columnLetters = Map.copyOf(columnLetters);
        unknownHeaders = List.copyOf(unknownHeaders);
        rows = List.copyOf(rows);
        problems = List.copyOf(problems);
    }

    /** A sheet without cell problems. */
    public ParsedSheet(
            String fileName,
            SheetFormat format,
            String detectedEncoding,
            int headerRowNumber,
            Map<String, String> columnLetters,
            List<String> unknownHeaders,
            List<SheetRow> rows) {
        this(fileName, format, detectedEncoding, headerRowNumber, columnLetters, unknownHeaders, rows, List.of());
    }

    public Optional<String> encoding() {
        return Optional.ofNullable(detectedEncoding);
    }

    /** Whether the file has this (possibly optional) column. */
    public boolean hasColumn(String key) {
        return columnLetters.containsKey(key);
    }
}
