package org.nuanxin.spreadsheet;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The problems an import job found, kept in a table of the importing module: written a batch at a time (in the
 * caller's transaction) and read a page at a time, so that neither a check nor a page holds them all. Every such
 * table has the columns {@code (<job column>, seq, line_no, column_key, column_header, cell_ref, message)} with
 * {@code (<job column>, seq)} as its key, e.g. {@code station_import_problem} (V302) and
 * {@code membership_enrollment_problem} (V420). Texts longer than their columns (40, 100, 40 and 1,000 characters)
 * are cut with "…".
 */
public final class CellProblemTable {

    private static final int BATCH = 1000;
    private static final Pattern NAME = Pattern.compile("[a-z_]+");

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final String table;
    private final String job;

    /**
     * @param table     the table's name (a constant of the module, never user input)
     * @param jobColumn the column holding the job's id
     * @throws IllegalArgumentException when a name is not lower-case letters and underscores
     */
    public CellProblemTable(JdbcClient jdbc, JdbcTemplate template, String table, String jobColumn) {
        if (!NAME.matcher(table).matches() || !NAME.matcher(jobColumn).matches()) {
            throw new IllegalArgumentException("not a table and column name: " + table + "." + jobColumn);
        }
        this.jdbc = jdbc;
        this.template = template;
        this.table = table;
        this.job = jobColumn;
    }

    /** Stores problems in their order, numbered from {@code firstSeq} (a later batch goes on from an earlier one). */
    public void insert(String jobId, int firstSeq, List<CellProblem> problems) {
        String sql = "INSERT INTO " + table + " (" + job + ", seq, line_no, column_key, column_header, cell_ref,"
                + " message) VALUES (?, ?, ?, ?, ?, ?, ?)";
        List<Object[]> args = new ArrayList<>(Math.min(problems.size(), BATCH));
        int seq = firstSeq;
        for (CellProblem p : problems) {
            args.add(new Object[] {
                jobId,
                seq++,
                p.rowNumber(),
                clip(p.columnKey(), 40),
                clip(p.columnHeader(), 100),
                clip(p.cellRef(), 40),
                clip(p.message(), 1000)
            });
            if (args.size() == BATCH) {
                template.batchUpdate(sql, args);
                args.clear();
            }
        }
        if (!args.isEmpty()) {
            template.batchUpdate(sql, args);
        }
    }

    /** @return one page of the job's problems in the order they were stored, with the total */
    public Page<CellProblem> page(String jobId, Pageable page) {
        String limit = page.isPaged() ? " LIMIT " + page.getPageSize() + " OFFSET " + page.getOffset() : "";
        List<CellProblem> content = jdbc.sql("SELECT line_no, column_key, column_header, cell_ref, message FROM "
                        + table + " WHERE " + job + " = ? ORDER BY seq" + limit)
                .param(jobId)
                .query((rs, n) -> new CellProblem(
                        rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)))
                .list();
        long total = jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE " + job + " = ?")
                .param(jobId)
                .query(Long.class)
                .single();
        return new PageImpl<>(content, page, total);
    }

    /** @return the problems of one row (0: the file as a whole), in order */
    public List<CellProblem> ofRow(String jobId, int rowNumber) {
        return jdbc.sql("SELECT line_no, column_key, column_header, cell_ref, message FROM " + table + " WHERE " + job
                        + " = ? AND line_no = ? ORDER BY seq")
                .params(jobId, rowNumber)
                .query((rs, n) -> new CellProblem(
                        rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)))
                .list();
    }

    /** Removes the job's problems (a check that failed half-way). */
    public void delete(String jobId) {
        jdbc.sql("DELETE FROM " + table + " WHERE " + job + " = ?").param(jobId).update();
    }

    private static @Nullable String clip(@Nullable String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
