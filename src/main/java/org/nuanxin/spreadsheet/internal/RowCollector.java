package org.nuanxin.spreadsheet.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.util.CellReference;
import org.nuanxin.spreadsheet.CellProblem;
import org.nuanxin.spreadsheet.ColumnSpec;
import org.nuanxin.spreadsheet.SheetRow;
import org.nuanxin.spreadsheet.SheetSchema;
import org.nuanxin.spreadsheet.SpreadsheetLimits;
import org.nuanxin.spreadsheet.SpreadsheetRejectedException;
import org.nuanxin.spreadsheet.SpreadsheetRejectedException.Reason;

/**
 * Receives physical rows one at a time from either source, finds the header, and turns the rows
 * below it into {@link SheetRow}s. Streaming, so an oversized sheet is refused at the limit rather
 * than after it has all been read.
 */
final class RowCollector {

    static final int HEADER_SCAN_ROWS = 20;
    /** Per-cell problems kept on an exception; the summary message already names the first few. */
    private static final int PROBLEM_LIMIT = 500;
    /** Formula cells reported one by one; a file of nothing but formulas still gets a bounded list. */
    private static final int FORMULA_LIMIT = 10_000;

    private final SheetSchema schema;
    private final SpreadsheetLimits limits;
    private final Messages messages;
    private final Map<String, ColumnSpec> specsByHeaderKey = new LinkedHashMap<>();

    private final List<RawRow> candidates = new ArrayList<>();
    private HeaderMatch header;
    private final List<SheetRow> rows = new ArrayList<>();
    private final List<CellProblem> formulaCells = new ArrayList<>();
    private int formulaCount;

    RowCollector(SheetSchema schema, SpreadsheetLimits limits, Messages messages) {
        this.schema = schema;
        this.limits = limits;
        this.messages = messages;
        for (ColumnSpec spec : schema.columns()) {
            specsByHeaderKey.putIfAbsent(Texts.headerKey(spec.header()), spec);
            for (String alias : spec.aliases()) {
                specsByHeaderKey.putIfAbsent(Texts.headerKey(alias), spec);
            }
        }
    }

    /** @throws SpreadsheetRejectedException as soon as the file is known to be unusable */
    void accept(RawRow row) {
        checkColumnCount(row);
        if (row.isBlank()) {
            return;
        }
        if (header == null) {
            candidates.add(row);
            HeaderMatch match = match(row);
            if (match.matched() > 0 && match.missingRequired().isEmpty()) {
                useHeader(match);
            } else if (candidates.size() >= HEADER_SCAN_ROWS) {
                throw noUsableHeader();
            }
            return;
        }
        addDataRow(row);
    }

    /**
     * @param merged merged regions of the sheet (they come after the cells in xlsx)
     * @return the header match and rows
     */
    Result finish(List<MergedRange> merged) {
        if (header == null) {
            throw noUsableHeader();
        }
        List<String> mergedInData = merged.stream()
                .filter(m -> m.lastRow() > header.rowNumber() && touchesSchemaColumn(m))
                .filter(m -> !(m.firstRow() == m.lastRow() && noteRows.contains(m.firstRow())))
                .map(MergedRange::ref)
                .toList();
        if (!mergedInData.isEmpty()) {
            List<CellProblem> problems = mergedInData.stream()
                    .limit(PROBLEM_LIMIT)
                    .map(ref -> new CellProblem(rowOf(ref), null, null, ref, messages.get("mergedRange", ref)))
                    .toList();
            throw new SpreadsheetRejectedException(
                    Reason.MERGED_CELLS, messages.get("merged", messages.list(mergedInData)), problems);
        }
        // Formula cells are problems of their cells, listed with every other problem of the rows.
        return new Result(header, List.copyOf(rows), List.copyOf(formulaCells));
    }

    private void useHeader(HeaderMatch match) {
        if (!match.duplicates().isEmpty()) {
            List<CellProblem> problems = new ArrayList<>();
            List<String> parts = new ArrayList<>();
            match.duplicates().forEach((spec, columns) -> {
                List<String> refs = columns.stream()
                        .map(c -> CellReference.convertNumToColString(c) + match.rowNumber())
                        .toList();
                String message = messages.get("duplicateColumn", spec.header(), messages.list(refs));
                parts.add(message);
                problems.add(new CellProblem(match.rowNumber(), spec.key(), spec.header(), refs.get(1), message));
            });
            throw new SpreadsheetRejectedException(Reason.DUPLICATE_COLUMNS, String.join(" ", parts), problems);
        }
        header = match;
        // Rows buffered above the header are titles and notes; none are data.
        candidates.clear();
    }

    /** Rows of filling instructions just below the header (填写说明…): notes, like title rows above it. */
    private final java.util.Set<Integer> noteRows = new java.util.HashSet<>();

    private boolean isNote(RawRow row) {
        if (!rows.isEmpty()) {
            return false;
        }
        List<String> texts = row.cells().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(e -> e.getValue().text())
                .filter(t -> t != null)
                .toList();
        if (texts.isEmpty()) {
            return false;
        }
        String first = org.nuanxin.spreadsheet.SheetRow.comparable(texts.get(0));
        // One text (possibly merged across the columns) that begins like an instruction.
        return (texts.size() == 1 || texts.stream().distinct().count() == 1)
                && (first.startsWith("填写说明")
                        || first.startsWith("填表说明")
                        || first.startsWith("填报说明")
                        || first.startsWith("说明：")
                        || first.startsWith("说明:")
                        || first.startsWith("注：")
                        || first.startsWith("注:")
                        || first.startsWith("注意事项"));
    }

    private void addDataRow(RawRow row) {
        if (isNote(row)) {
            noteRows.add(row.rowNumber());
            return;
        }
        Map<String, String> values = new LinkedHashMap<>();
        boolean hasFormula = false;
        for (Map.Entry<String, Integer> e : header.columns().entrySet()) {
            RawRow.RawCell cell = row.cells().get(e.getValue());
            if (cell == null) {
                continue;
            }
            if (cell.formula()) {
                hasFormula = true;
                formulaCount++;
                if (formulaCells.size() < FORMULA_LIMIT) {
                    ColumnSpec spec = schema.column(e.getKey()).orElseThrow();
                    String ref = header.letters().get(e.getKey()) + row.rowNumber();
                    formulaCells.add(new CellProblem(
                            row.rowNumber(),
                            spec.key(),
                            spec.header(),
                            ref,
                            cell.error()
                                    ? messages.get("formulaError", ref, spec.header(), cell.text())
                                    : messages.get("formula", ref, spec.header())));
                }
            }
            if (cell.formula()) {
                continue;
            }
            ColumnSpec spec = schema.column(e.getKey()).orElseThrow();
            if (cell.error() || (cell.number() && spec.text())) {
                // An error value, or a number where text belongs (Excel rounded it beyond 15 digits): the
                // cell's problem, and no value, so that a rounded identity number is never read as one.
                hasFormula = true;
                formulaCount++;
                if (formulaCells.size() < FORMULA_LIMIT) {
                    String ref = header.letters().get(e.getKey()) + row.rowNumber();
                    formulaCells.add(new CellProblem(
                            row.rowNumber(),
                            spec.key(),
                            spec.header(),
                            ref,
                            cell.error()
                                    ? messages.get("errorValue", ref, spec.header(), cell.text())
                                    : messages.get("numberInTextColumn", ref, spec.header())));
                }
                continue;
            }
            if (cell.text() != null) {
                values.put(e.getKey(), cell.text());
            }
        }
        if (values.isEmpty() && !hasFormula) {
            return;
        }
        if (rows.size() >= limits.maxRows()) {
            throw new SpreadsheetRejectedException(
                    Reason.TOO_MANY_ROWS, messages.get("tooManyRows", String.valueOf(limits.maxRows())));
        }
        rows.add(new SheetRow(row.rowNumber(), values, header.letters()));
    }

    private void checkColumnCount(RawRow row) {
        for (Map.Entry<Integer, RawRow.RawCell> e : row.cells().entrySet()) {
            if (e.getKey() >= limits.maxColumns() && e.getValue().text() != null) {
                String ref = CellReference.convertNumToColString(e.getKey()) + row.rowNumber();
                throw new SpreadsheetRejectedException(
                        Reason.TOO_LARGE, messages.get("tooManyColumns", String.valueOf(limits.maxColumns()), ref));
            }
        }
    }

    private HeaderMatch match(RawRow row) {
        Map<String, Integer> columns = new LinkedHashMap<>();
        Map<ColumnSpec, List<Integer>> duplicates = new LinkedHashMap<>();
        List<String> unknown = new ArrayList<>();
        row.cells().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            String text = e.getValue().text();
            if (text == null) {
                return;
            }
            ColumnSpec spec = specsByHeaderKey.get(Texts.headerKey(text));
            if (spec == null) {
                unknown.add(text);
            } else if (columns.containsKey(spec.key())) {
                duplicates
                        .computeIfAbsent(spec, s -> new ArrayList<>(List.of(columns.get(s.key()))))
                        .add(e.getKey());
            } else {
                columns.put(spec.key(), e.getKey());
            }
        });
        List<ColumnSpec> missing = schema.columns().stream()
                .filter(c -> c.required() && !columns.containsKey(c.key()))
                .toList();
        Map<String, String> letters = new LinkedHashMap<>();
        columns.forEach((k, c) -> letters.put(k, CellReference.convertNumToColString(c)));
        return new HeaderMatch(row.rowNumber(), columns, letters, unknown, duplicates, missing);
    }

    private SpreadsheetRejectedException noUsableHeader() {
        HeaderMatch best = null;
        for (RawRow candidate : candidates) {
            HeaderMatch match = match(candidate);
            if (best == null || match.matched() > best.matched()) {
                best = match;
            }
        }
        List<String> requiredHeaders = schema.columns().stream()
                .filter(ColumnSpec::required)
                .map(ColumnSpec::header)
                .toList();
        if (best == null || best.matched() == 0) {
            return new SpreadsheetRejectedException(
                    Reason.NO_HEADER_ROW,
                    messages.get(
                            "noHeader", messages.list(requiredHeaders.isEmpty() ? schema.headers() : requiredHeaders)));
        }
        HeaderMatch row = best;
        List<CellProblem> problems = row.missingRequired().stream()
                .map(c -> new CellProblem(
                        row.rowNumber(),
                        c.key(),
                        c.header(),
                        null,
                        messages.get("missingColumn", c.header(), String.valueOf(row.rowNumber()))))
                .toList();
        List<String> names =
                row.missingRequired().stream().map(ColumnSpec::header).toList();
        return new SpreadsheetRejectedException(
                Reason.MISSING_COLUMNS,
                messages.get("missingColumns", messages.list(names), String.valueOf(row.rowNumber())),
                problems);
    }

    private boolean touchesSchemaColumn(MergedRange range) {
        return header.columns().values().stream().anyMatch(c -> c >= range.firstColumn() && c <= range.lastColumn());
    }

    private static int rowOf(String ref) {
        return new CellReference(ref.split(":")[0]).getRow() + 1;
    }

    /**
     * @param columns 0-based column index of each schema key found
     * @param letters column letter of each schema key found
     */
    record HeaderMatch(
            int rowNumber,
            Map<String, Integer> columns,
            Map<String, String> letters,
            List<String> unknownHeaders,
            Map<ColumnSpec, List<Integer>> duplicates,
            List<ColumnSpec> missingRequired) {
        int matched() {
            return columns.size();
        }
    }

    record Result(HeaderMatch header, List<SheetRow> rows, List<CellProblem> problems) {}
}
