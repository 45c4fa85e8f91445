package org.nuanxin.membership.internal.enrollment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.nuanxin.membership.internal.enrollment.EnrollmentStatus.Action;
import org.nuanxin.membership.internal.enrollment.EnrollmentStatus.Mode;
import org.nuanxin.membership.internal.enrollment.EnrollmentStatus.PreviewRow;
import org.nuanxin.membership.internal.enrollment.EnrollmentStatus.State;
import org.nuanxin.spreadsheet.CellProblem;
import org.nuanxin.spreadsheet.CellProblemTable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Enrollment jobs in {@code membership_enrollment} with their preview rows and problems (V420), written in
 * batches and read a page at a time, so that neither a poll nor a page holds a whole roster.
 */
@Repository
class EnrollmentJobs {

    private static final int BATCH = 1000;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final CellProblemTable problems;

    EnrollmentJobs(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
        this.problems = new CellProblemTable(jdbc, template, "membership_enrollment_problem", "enrollment_id");
    }

    /** One job as stored, without its file, rows and problems. */
    record Job(
            String id,
            String owner,
            long organizationId,
            long unionId,
            LocalDate eventDate,
            String fileName,
            Locale locale,
            State state,
            @Nullable Mode mode,
            int total,
            int processed,
            int toCreate,
            int toUpdate,
            int unchanged,
            int refused,
            int problemCount,
            String message,
            Instant updatedAt) {

        EnrollmentStatus status() {
            return new EnrollmentStatus(
                    id,
                    fileName,
                    unionId,
                    eventDate,
                    state,
                    mode,
                    total,
                    processed,
                    toCreate,
                    toUpdate,
                    unchanged,
                    refused,
                    problemCount,
                    message);
        }
    }

    void insert(
            String id,
            String owner,
            long organizationId,
            long unionId,
            LocalDate eventDate,
            String fileName,
            Locale locale,
            byte[] content,
            Instant now) {
        jdbc.sql("""
                        INSERT INTO membership_enrollment (id, owner_name, organization_id, union_id, event_date,
                          file_name, locale_tag, import_state, content, created_at, updated_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, 'CHECKING', ?, ?, ?)""")
                .params(
                        id,
                        owner,
                        organizationId,
                        unionId,
                        eventDate,
                        clip(fileName, 255),
                        locale.toLanguageTag(),
                        content,
                        Timestamp.from(now),
                        Timestamp.from(now))
                .update();
    }

    Optional<Job> find(String id) {
        return jdbc.sql("""
                        SELECT id, owner_name, organization_id, union_id, event_date, file_name, locale_tag,
                          import_state, commit_mode, total, processed, to_create, to_update, unchanged, refused,
                          problem_count, message, updated_at
                        FROM membership_enrollment WHERE id = ?""").param(id).query(EnrollmentJobs::map).optional();
    }

    Optional<byte[]> content(String id) {
        return jdbc.sql("SELECT content FROM membership_enrollment WHERE id = ? AND content IS NOT NULL")
                .param(id)
                .query((rs, n) -> rs.getBytes(1))
                .optional();
    }

    void progress(String id, int total, int processed, Instant now) {
        jdbc.sql("UPDATE membership_enrollment SET total = ?, processed = ?, updated_at = ? WHERE id = ?")
                .params(total, processed, Timestamp.from(now), id)
                .update();
    }

    /**
     * Records the outcome of checking and drops the uploaded file: what a commit writes is stored by then
     * ({@link #insertWrites}), and a job that cannot be committed loses its staged rows here.
     */
    void checked(String id, State state, Counts counts, String message, Instant now) {
        boolean committable = state == State.READY || (state == State.INVALID && counts.toCreate + counts.toUpdate > 0);
        if (!committable) {
            deleteWrites(id);
        }
        jdbc.sql("""
                        UPDATE membership_enrollment SET import_state = ?, total = ?, processed = ?, to_create = ?,
                          to_update = ?, unchanged = ?, refused = ?, problem_count = ?, message = ?,
                          updated_at = ?, content = NULL
                        WHERE id = ?""")
                .params(
                        state.name(),
                        counts.total,
                        counts.total,
                        counts.toCreate,
                        counts.toUpdate,
                        counts.unchanged,
                        counts.refused,
                        counts.problems,
                        clip(message, 1000),
                        Timestamp.from(now),
                        id)
                .update();
    }

    /**
     * Moves a job to COMMITTING: a READY job in either mode, an INVALID one with valid rows only for
     * {@link Mode#VALID_ROWS}.
     *
     * @return true when this caller claimed it (exactly one caller does)
     */
    boolean claim(String id, Mode mode, Instant now) {
        return jdbc.sql("""
                                UPDATE membership_enrollment SET import_state = 'COMMITTING', commit_mode = ?,
                                  processed = 0, updated_at = ?
                                WHERE id = ? AND (import_state = 'READY'
                                  OR (import_state = 'INVALID' AND ? AND to_create + to_update > 0))""")
                        .params(mode.name(), Timestamp.from(now), id, mode == Mode.VALID_ROWS)
                        .update()
                == 1;
    }

    void fail(String id, String message, Instant now) {
        deleteWrites(id);
        jdbc.sql("UPDATE membership_enrollment SET import_state = 'FAILED', message = ?, content = NULL,"
                        + " updated_at = ? WHERE id = ?")
                .params(clip(message, 1000), Timestamp.from(now), id)
                .update();
    }

    /** Ends a committed job in the writing transaction; the staged rows go, the preview stays for the result. */
    void committed(String id, int created, int updated, Instant now) {
        deleteWrites(id);
        jdbc.sql("""
                        UPDATE membership_enrollment SET import_state = 'COMMITTED', to_create = ?, to_update = ?,
                          processed = total, content = NULL, updated_at = ?
                        WHERE id = ?""").params(created, updated, Timestamp.from(now), id).update();
    }

    void insertRows(String id, List<PreviewRow> rows) {
        String sql =
                "INSERT INTO membership_enrollment_row (enrollment_id, line_no, row_action, name_masked, id_masked,"
                        + " occupation) VALUES (?, ?, ?, ?, ?, ?)";
        List<Object[]> args = new ArrayList<>(Math.min(rows.size(), BATCH));
        for (PreviewRow r : rows) {
            args.add(new Object[] {
                id, r.rowNumber(), r.action().name(), clip(r.nameMasked(), 100), clip(r.idMasked(), 40), r.occupation()
            });
            if (args.size() == BATCH) {
                flush(sql, args);
            }
        }
        flush(sql, args);
    }

    /**
     * Stores what the commit will write for rows that create or update a membership (sealed personal data only).
     */
    void insertWrites(String id, List<EnrollmentLedger.Staged> rows) {
        String sql = """
                INSERT INTO membership_enrollment_write (enrollment_id, line_no, member_id, member_version, person_key,
                  id_number_sealed, id_number_masked, mobile_key, mobile_sealed, mobile_masked, name, occupation,
                  enterprise_id, route, joined_on, card_token)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
        List<Object[]> args = new ArrayList<>(Math.min(rows.size(), BATCH));
        for (EnrollmentLedger.Staged r : rows) {
            args.add(new Object[] {
                id,
                r.rowNumber(),
                r.memberId(),
                r.memberVersion(),
                r.idNumber().lookupKey(),
                r.idNumber().ciphertext(),
                r.idNumberMasked(),
                r.mobile().lookupKey(),
                r.mobile().ciphertext(),
                r.mobileMasked(),
                r.name(),
                r.occupation(),
                r.enterpriseId(),
                r.route(),
                r.joinedOn(),
                r.cardToken()
            });
            if (args.size() == BATCH) {
                flush(sql, args);
            }
        }
        flush(sql, args);
    }

    /** Removes the staged writes (personal data) of a job that was committed, failed or cannot be committed. */
    void deleteWrites(String id) {
        jdbc.sql("DELETE FROM membership_enrollment_write WHERE enrollment_id = ?")
                .param(id)
                .update();
    }

    /** Removes whatever a failed check had stored of its rows and problems. */
    void deleteChecked(String id) {
        deleteWrites(id);
        problems.delete(id);
        jdbc.sql("DELETE FROM membership_enrollment_row WHERE enrollment_id = ?")
                .param(id)
                .update();
    }

    /** Stores problems numbered from {@code firstSeq} on, in the order given. */
    void insertProblems(String id, int firstSeq, List<CellProblem> problems) {
        this.problems.insert(id, firstSeq, problems);
    }

    private void flush(String sql, List<Object[]> args) {
        if (!args.isEmpty()) {
            template.batchUpdate(sql, args); // nulls bound without a type look-up: src/main/resources/spring.properties
            args.clear();
        }
    }

    Page<CellProblem> problems(String id, Pageable page) {
        return problems.page(id, page);
    }

    Page<PreviewRow> preview(String id, Pageable page) {
        List<PreviewRow> content = jdbc.sql("SELECT line_no, row_action, name_masked, id_masked, occupation"
                        + " FROM membership_enrollment_row WHERE enrollment_id = ? ORDER BY line_no" + limit(page))
                .param(id)
                .query(EnrollmentJobs::previewRow)
                .list();
        long total = jdbc.sql("SELECT COUNT(*) FROM membership_enrollment_row WHERE enrollment_id = ?")
                .param(id)
                .query(Long.class)
                .single();
        return new PageImpl<>(content, page, total);
    }

    /** Every row with its problems (none for a valid row), in row order, handed one at a time (the result download). */
    void eachResultRow(String id, java.util.function.BiConsumer<PreviewRow, List<CellProblem>> each) {
        template.query(
                """
                SELECT r.line_no, r.row_action, r.name_masked, r.id_masked, r.occupation,
                  (SELECT MIN(p.seq) FROM membership_enrollment_problem p
                    WHERE p.enrollment_id = r.enrollment_id AND p.line_no = r.line_no) AS first_problem
                FROM membership_enrollment_row r WHERE r.enrollment_id = ? ORDER BY r.line_no""",
                rs -> {
                    PreviewRow row = previewRow(rs, 0);
                    each.accept(
                            row,
                            rs.getObject("first_problem") == null ? List.of() : problems.ofRow(id, row.rowNumber()));
                },
                id);
    }

    /** Problems of the whole file (row 0), for the result's first lines. */
    List<String> fileProblems(String id) {
        return problems.ofRow(id, 0).stream().map(CellProblem::message).toList();
    }

    int purge(Instant before) {
        return jdbc.sql("DELETE FROM membership_enrollment WHERE created_at < ? AND import_state <> 'COMMITTING'")
                .param(Timestamp.from(before))
                .update();
    }

    /** Counts of a checked plan. */
    record Counts(int total, int toCreate, int toUpdate, int unchanged, int refused, int problems) {}

    private static PreviewRow previewRow(ResultSet rs, int n) throws SQLException {
        return new PreviewRow(
                rs.getInt(1), Action.valueOf(rs.getString(2)), rs.getString(3), rs.getString(4), rs.getString(5));
    }

    private static String limit(Pageable page) {
        return page.isPaged() ? " LIMIT " + page.getPageSize() + " OFFSET " + page.getOffset() : "";
    }

    private static @Nullable String clip(@Nullable String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    private static Job map(ResultSet rs, int n) throws SQLException {
        String mode = rs.getString("commit_mode");
        return new Job(
                rs.getString("id"),
                rs.getString("owner_name"),
                rs.getLong("organization_id"),
                rs.getLong("union_id"),
                rs.getObject("event_date", LocalDate.class),
                rs.getString("file_name"),
                Locale.forLanguageTag(rs.getString("locale_tag")),
                State.valueOf(rs.getString("import_state")),
                mode == null ? null : Mode.valueOf(mode),
                rs.getInt("total"),
                rs.getInt("processed"),
                rs.getInt("to_create"),
                rs.getInt("to_update"),
                rs.getInt("unchanged"),
                rs.getInt("refused"),
                rs.getInt("problem_count"),
                rs.getString("message"),
                rs.getTimestamp("updated_at").toInstant());
    }
}
