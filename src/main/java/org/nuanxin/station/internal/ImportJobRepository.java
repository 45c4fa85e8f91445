package org.nuanxin.station.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.nuanxin.geo.CoordinateSystem;
import org.nuanxin.spreadsheet.CellProblem;
import org.nuanxin.spreadsheet.CellProblemTable;
import org.nuanxin.station.StationImportStatus;
import org.nuanxin.station.StationImportStatus.Action;
import org.nuanxin.station.StationImportStatus.PreviewRow;
import org.nuanxin.station.StationImportStatus.State;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Import jobs in {@code station_import} with their preview rows and problems (V302). Preview rows
 * and problems are written in batches and read a page at a time, so neither a poll nor a page
 * holds a whole roster.
 */
@Repository
class ImportJobRepository {

    /** Rows written in one batch (and, by the check, in one transaction). */
    static final int BATCH = 1000;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final CellProblemTable problems;

    ImportJobRepository(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
        this.problems = new CellProblemTable(jdbc, template, "station_import_problem", "import_id");
    }

    /** One job as stored, without its file, rows and problems. */
    record Job(
            String id,
            String owner,
            String fileName,
            Locale locale,
            @Nullable CoordinateSystem defaultCrs,
            State state,
            int total,
            int processed,
            int toCreate,
            int toUpdate,
            int unchanged,
            int problemCount,
            @Nullable String planDigest,
            String message,
            Instant updatedAt,
            long organizationId) {

        StationImportStatus status() {
            return new StationImportStatus(
                    id, fileName, state, total, processed, toCreate, toUpdate, unchanged, problemCount, message);
        }

        Job withState(State state, String message) {
            return new Job(
                    id,
                    owner,
                    fileName,
                    locale,
                    defaultCrs,
                    state,
                    total,
                    processed,
                    toCreate,
                    toUpdate,
                    unchanged,
                    problemCount,
                    planDigest,
                    message,
                    updatedAt,
                    organizationId);
        }
    }

    void insert(
            String id,
            String owner,
            String fileName,
            Locale locale,
            @Nullable CoordinateSystem defaultCrs,
            byte[] content,
            long organizationId,
            Instant now) {
        jdbc.sql("""
                        INSERT INTO station_import (id, owner_name, file_name, locale_tag, default_crs, import_state,
                          content, created_at, updated_at, organization_id)
                        VALUES (?, ?, ?, ?, ?, 'CHECKING', ?, ?, ?, ?)""")
                .params(
                        id,
                        owner,
                        clip(fileName, 255),
                        locale.toLanguageTag(),
                        defaultCrs == null ? null : defaultCrs.name(),
                        content,
                        Timestamp.from(now),
                        Timestamp.from(now),
                        organizationId)
                .update();
    }

    Optional<Job> find(String id) {
        return jdbc.sql("""
                        SELECT id, owner_name, file_name, locale_tag, default_crs, import_state, total, processed,
                          to_create, to_update, unchanged, problem_count, plan_digest, message, updated_at,
                          organization_id
                        FROM station_import WHERE id = ?""").param(id).query(ImportJobRepository::map).optional();
    }

    /** @return the uploaded file, empty once the import has ended */
    Optional<byte[]> content(String id) {
        return jdbc.sql("SELECT content FROM station_import WHERE id = ? AND content IS NOT NULL")
                .param(id)
                .query((rs, n) -> rs.getBytes(1))
                .optional();
    }

    void progress(String id, int total, int processed, Instant now) {
        jdbc.sql("UPDATE station_import SET total = ?, processed = ?, updated_at = ? WHERE id = ?")
                .params(total, processed, Timestamp.from(now), id)
                .update();
    }

    /** Records the outcome of checking; the file is kept only when the import can still be committed. */
    void checked(
            String id,
            State state,
            int total,
            int toCreate,
            int toUpdate,
            int unchanged,
            int problemCount,
            @Nullable String digest,
            String message,
            Instant now) {
        jdbc.sql("""
                        UPDATE station_import SET import_state = ?, total = ?, processed = ?, to_create = ?,
                          to_update = ?, unchanged = ?, problem_count = ?, plan_digest = ?, message = ?, updated_at = ?,
                          content = CASE WHEN ? THEN content ELSE NULL END
                        WHERE id = ?""")
                .params(
                        state.name(),
                        total,
                        total,
                        toCreate,
                        toUpdate,
                        unchanged,
                        problemCount,
                        digest,
                        clip(message, 1000),
                        Timestamp.from(now),
                        state == State.READY,
                        id)
                .update();
    }

    /** @return true when this caller moved the job from READY to COMMITTING (exactly one caller does) */
    boolean claim(String id, Instant now) {
        return jdbc.sql("UPDATE station_import SET import_state = 'COMMITTING', processed = 0, updated_at = ?"
                                + " WHERE id = ? AND import_state = 'READY'")
                        .params(Timestamp.from(now), id)
                        .update()
                == 1;
    }

    /** Ends a job that failed: its file, preview and problems (a check may fail after storing some) go. */
    void fail(String id, String message, Instant now) {
        jdbc.sql("UPDATE station_import SET import_state = 'FAILED', message = ?, content = NULL, updated_at = ?"
                        + " WHERE id = ?")
                .params(clip(message, 1000), Timestamp.from(now), id)
                .update();
        jdbc.sql("DELETE FROM station_import_row WHERE import_id = ?").param(id).update();
        problems.delete(id);
    }

    /** Ends a committed job, in the writing transaction: its file and preview go. */
    void committed(String id, int created, int updated, Instant now) {
        jdbc.sql("""
                        UPDATE station_import SET import_state = 'COMMITTED', to_create = ?, to_update = ?,
                          processed = total, content = NULL, updated_at = ?
                        WHERE id = ?""").params(created, updated, Timestamp.from(now), id).update();
        jdbc.sql("DELETE FROM station_import_row WHERE import_id = ?").param(id).update();
    }

    void insertRows(String id, List<PreviewRow> rows) {
        List<Object[]> args = new ArrayList<>(Math.min(rows.size(), BATCH));
        for (PreviewRow r : rows) {
            args.add(new Object[] {
                id, r.rowNumber(), r.action().name(), clip(r.code(), 100), clip(r.name(), 200), clip(r.district(), 100)
            });
            if (args.size() == BATCH) {
                flush(
                        "INSERT INTO station_import_row (import_id, line_no, row_action, code, name, district)"
                                + " VALUES (?, ?, ?, ?, ?, ?)",
                        args);
            }
        }
        flush(
                "INSERT INTO station_import_row (import_id, line_no, row_action, code, name, district)"
                        + " VALUES (?, ?, ?, ?, ?, ?)",
                args);
    }

    /** Stores problems in their order, numbered from {@code firstSeq} (a later batch goes on from an earlier one). */
    void insertProblems(String id, int firstSeq, List<CellProblem> problems) {
        this.problems.insert(id, firstSeq, problems);
    }

    private void flush(String sql, List<Object[]> args) {
        if (!args.isEmpty()) {
            template.batchUpdate(sql, args);
            args.clear();
        }
    }

    Page<CellProblem> problems(String id, Pageable page) {
        return problems.page(id, page);
    }

    Page<PreviewRow> preview(String id, Pageable page) {
        List<PreviewRow> content = jdbc.sql("SELECT line_no, row_action, code, name, district"
                        + " FROM station_import_row WHERE import_id = ? ORDER BY line_no" + limit(page))
                .param(id)
                .query((rs, n) -> new PreviewRow(
                        rs.getInt(1),
                        Action.valueOf(rs.getString(2)),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5)))
                .list();
        long total = jdbc.sql("SELECT COUNT(*) FROM station_import_row WHERE import_id = ?")
                .param(id)
                .query(Long.class)
                .single();
        return new PageImpl<>(content, page, total);
    }

    /** Deletes jobs started before {@code before} that are not being written; their rows go with them. */
    int purge(Instant before) {
        return jdbc.sql("DELETE FROM station_import WHERE created_at < ? AND import_state <> 'COMMITTING'")
                .param(Timestamp.from(before))
                .update();
    }

    private static String limit(Pageable page) {
        return page.isPaged() ? " LIMIT " + page.getPageSize() + " OFFSET " + page.getOffset() : "";
    }

    private static @Nullable String clip(@Nullable String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    private static Job map(ResultSet rs, int n) throws SQLException {
        String crs = rs.getString("default_crs");
        return new Job(
                rs.getString("id"),
                rs.getString("owner_name"),
                rs.getString("file_name"),
                Locale.forLanguageTag(rs.getString("locale_tag")),
                crs == null ? null : CoordinateSystem.valueOf(crs),
                State.valueOf(rs.getString("import_state")),
                rs.getInt("total"),
                rs.getInt("processed"),
                rs.getInt("to_create"),
                rs.getInt("to_update"),
                rs.getInt("unchanged"),
                rs.getInt("problem_count"),
                rs.getString("plan_digest"),
                rs.getString("message"),
                rs.getTimestamp("updated_at").toInstant(),
                rs.getLong("organization_id"));
    }
}
