package org.nuanxin.organization.internal.enterprise;

import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.nuanxin.audit.AuditLog;
import org.nuanxin.identity.DataScope;
import org.nuanxin.identity.DataScopes;
import org.nuanxin.kernel.CityTime;
import org.nuanxin.kernel.FieldProblem;
import org.nuanxin.organization.EnterprisePermissions;
import org.nuanxin.organization.EnterprisePermissions.Action;
import org.nuanxin.spreadsheet.CellProblem;
import org.nuanxin.spreadsheet.ColumnSpec;
import org.nuanxin.spreadsheet.ParsedSheet;
import org.nuanxin.spreadsheet.SheetRow;
import org.nuanxin.spreadsheet.SpreadsheetReader;
import org.nuanxin.spreadsheet.SpreadsheetRejectedException;
import org.nuanxin.spreadsheet.XlsxExport;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports of the enterprise registry from xlsx (or CSV): upload, a preview naming every problem by row and
 * column, then an all-or-nothing commit. Synchronous, on the request thread, for files of up to
 * {@link #MAX_ROWS} rows (a district's registry is hundreds of rows; checking 5,000 takes about a second):
 * the upload is kept in {@code enterprise_import} between the preview and the commit, and the commit reads,
 * checks and plans it again inside its transaction, writing only when no row has a problem. Rows are matched
 * to the registry by credit code: a new code creates, a known one in the importer's scope updates (or is
 * unchanged), a known one outside it is a problem.
 */
@Service
class EnterpriseImportService {

    /** The most data rows one import takes. */
    static final int MAX_ROWS = 5_000;

    private static final Duration KEEP = Duration.ofHours(2);

    /** What an import row will do. */
    enum RowAction {
        CREATE,
        UPDATE,
        UNCHANGED,
        ERROR
    }

    /**
     * One row of the preview.
     *
     * @param rowNumber  the row in the file
     * @param action     what it will do
     * @param name       the enterprise name as read
     * @param creditCode the credit code as read
     */
    record PreviewRow(int rowNumber, RowAction action, String name, String creditCode) {}

    /**
     * An import checked: its rows and every problem (file-level problems have row 0).
     *
     * @param id       the import's id (for the commit)
     * @param fileName the uploaded file's name
     * @param rows     the preview, in file order
     * @param problems every problem, by row
     */
    record Checked(String id, String fileName, List<PreviewRow> rows, List<CellProblem> problems) {

        public long count(RowAction action) {
            return rows.stream().filter(r -> r.action() == action).count();
        }

        public long toCreate() {
            return count(RowAction.CREATE);
        }

        public long toUpdate() {
            return count(RowAction.UPDATE);
        }

        public long unchanged() {
            return count(RowAction.UNCHANGED);
        }

        public boolean ready() {
            return problems.isEmpty() && !rows.isEmpty();
        }
    }

    /**
     * The outcome of a commit.
     *
     * @param created rows created
     * @param updated rows updated
     * @param checked when nothing was written because of problems: the check that found them
     */
    record Committed(int created, int updated, @Nullable Checked checked) {}

    private record Planned(
            SheetRow row,
            @Nullable EnterpriseValues values,
            RowAction action,
            @Nullable Enterprise existing,
            long owner) {}

    private final SpreadsheetReader reader;
    private final EnterpriseValidator validator;
    private final EnterpriseRepository repository;
    private final EnterpriseService service;
    private final DataScopes scopes;
    private final EnterprisePermissions permissions;
    private final AuditLog audit;
    private final MessageSource messages;
    private final JdbcClient jdbc;
    private final CityTime time;
    private final XlsxExport xlsx;

    EnterpriseImportService(
            SpreadsheetReader reader,
            EnterpriseValidator validator,
            EnterpriseRepository repository,
            EnterpriseService service,
            DataScopes scopes,
            EnterprisePermissions permissions,
            AuditLog audit,
            MessageSource messages,
            JdbcClient jdbc,
            CityTime time,
            XlsxExport xlsx) {
        this.reader = reader;
        this.validator = validator;
        this.repository = repository;
        this.service = service;
        this.scopes = scopes;
        this.permissions = permissions;
        this.audit = audit;
        this.messages = messages;
        this.jdbc = jdbc;
        this.time = time;
        this.xlsx = xlsx;
    }

    /**
     * Keeps an upload for its preview and commit.
     *
     * @return the import's id
     */
    @Transactional
    public String upload(String fileName, byte[] content, String owner) {
        permissions.check(Action.IMPORT);
        OffsetDateTime now = OffsetDateTime.ofInstant(time.now(), ZoneOffset.UTC);
        jdbc.sql("DELETE FROM enterprise_import WHERE created_at < ?")
                .param(now.minus(KEEP))
                .update();
        String id = UUID.randomUUID().toString();
        jdbc.sql("""
                INSERT INTO enterprise_import (id, owner_name, organization_id, file_name, content, created_at)
                VALUES (?, ?, ?, ?, ?, ?)""")
                .params(id, owner, scopes.current().rootId(), fileName, content, now)
                .update();
        return id;
    }

    /** @return the check of an upload of {@code owner} in their current scope, or empty (another's, expired) */
    @Transactional(readOnly = true)
    public Optional<Checked> check(String id, String owner, Locale locale) {
        permissions.check(Action.IMPORT);
        return load(id, owner).map(upload -> check(upload, locale).checked);
    }

    /**
     * Writes the upload when every row is right, in one transaction; else writes nothing and returns the
     * problems. The upload is deleted once written.
     *
     * @return empty when there is no such upload of {@code owner}
     */
    @Transactional
    public Optional<Committed> commit(String id, String owner, Locale locale) {
        permissions.check(Action.IMPORT);
        Optional<Upload> found = load(id, owner);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Plan plan = check(found.get(), locale);
        if (!plan.checked.ready()) {
            return Optional.of(new Committed(0, 0, plan.checked));
        }
        DataScope scope = scopes.current();
        int created = 0;
        int updated = 0;
        for (Planned p : plan.planned) {
            EnterpriseValues v = p.values();
            if (p.action() == RowAction.CREATE) {
                EnterpriseInput in = EnterpriseSheet.input(p.row());
                Long union = service.establishIfNeeded(scope, v, in, null, p.owner());
                long newId = repository.insert(v, p.owner(), union, false, time.now());
                service.announce(newId, v, union, p.owner());
                created++;
            } else if (p.action() == RowAction.UPDATE) {
                Enterprise e = p.existing();
                EnterpriseInput in = EnterpriseSheet.input(p.row());
                Long union = service.establishIfNeeded(scope, v, in, e, p.owner());
                if (!repository.update(e.id(), e.version(), v, union, p.owner(), time.now())) {
                    throw new EnterpriseChangedConcurrentlyException(e.id());
                }
                if (e.unionOrganizationId() == null) {
                    service.announce(e.id(), v, union, p.owner());
                }
                updated++;
            }
        }
        audit.record(
                "enterprise.import",
                "enterprise",
                null,
                null,
                "file rows=" + plan.planned.size() + " created=" + created + " updated=" + updated);
        jdbc.sql("DELETE FROM enterprise_import WHERE id = ?").param(id).update();
        return Optional.of(new Committed(created, updated, null));
    }

    /** An empty registry with the columns the import reads and one example row. */
    public void writeTemplate(OutputStream out) {
        permissions.check(Action.IMPORT);
        List<Object> example =
                List.of("示例科技有限公司", "91500103MA5U7K2P39", "外卖即时配送", "中型", "渝中区", "是", "否", "否", 120, "未建会", "", "", "");
        xlsx.write(out, "企业名录", EnterpriseSheet.SCHEMA.headers(), List.of(example));
    }

    private record Upload(String id, String fileName, byte[] content) {}

    private record Plan(Checked checked, List<Planned> planned) {}

    private Optional<Upload> load(String id, String owner) {
        return jdbc.sql("""
                SELECT id, file_name, content FROM enterprise_import
                 WHERE id = ? AND owner_name = ? AND organization_id = ? AND created_at >= ?""")
                .params(
                        id,
                        owner,
                        scopes.current().rootId(),
                        OffsetDateTime.ofInstant(time.now(), ZoneOffset.UTC).minus(KEEP))
                .query((rs, n) -> new Upload(rs.getString("id"), rs.getString("file_name"), rs.getBytes("content")))
                .optional();
    }

    private Plan check(Upload upload, Locale locale) {
        ParsedSheet sheet;
        try {
            sheet = reader.read(
                    upload.fileName(), new ByteArrayInputStream(upload.content()), EnterpriseSheet.SCHEMA, locale);
        } catch (SpreadsheetRejectedException e) {
            return new Plan(new Checked(upload.id(), upload.fileName(), List.of(), e.problems()), List.of());
        }
        List<CellProblem> problems = new ArrayList<>(sheet.problems());
        if (sheet.rows().size() > MAX_ROWS) {
            problems.add(CellProblem.ofFile(message(
                    locale, "enterprise.import.tooManyRows", sheet.rows().size(), MAX_ROWS)));
            return new Plan(new Checked(upload.id(), upload.fileName(), List.of(), problems), List.of());
        }
        if (sheet.rows().isEmpty()) {
            problems.add(CellProblem.ofFile(message(locale, "enterprise.import.noRows")));
        }
        Set<String> readerCells = new HashSet<>();
        sheet.problems().forEach(p -> readerCells.add(p.rowNumber() + ":" + p.columnKey()));
        DataScope scope = scopes.current();
        Map<String, Integer> seen = new HashMap<>();
        List<PreviewRow> preview = new ArrayList<>();
        List<Planned> planned = new ArrayList<>();
        for (SheetRow row : sheet.rows()) {
            EnterpriseInput input = EnterpriseSheet.input(row);
            List<FieldProblem> rowProblems = new ArrayList<>();
            EnterpriseValues values = validator.validate(input, rowProblems);
            Enterprise existing = null;
            long owner = 0;
            RowAction action = RowAction.ERROR;
            if (values != null) {
                Integer earlier = seen.putIfAbsent(values.creditCode(), row.rowNumber());
                if (earlier != null) {
                    rowProblems.add(FieldProblem.of(
                            "creditCode", "enterprise.import.duplicateRow", values.creditCode(), earlier));
                } else {
                    existing = repository.findByCreditCode(values.creditCode()).orElse(null);
                    if (existing != null && !scope.includes(existing.organizationId())) {
                        // Another scope's enterprise: not changed from here, and not described either.
                        rowProblems.add(
                                FieldProblem.of("creditCode", "enterprise.import.otherScope", values.creditCode()));
                    } else if (existing != null) {
                        owner = existing.organizationId();
                        if (!values.districtCode().equals(existing.districtCode())) {
                            Long moved = service.ownerFor(scope, values.districtCode(), rowProblems);
                            owner = moved == null ? owner : moved;
                        }
                        action = values.equals(existing.values()) ? RowAction.UNCHANGED : RowAction.UPDATE;
                    } else {
                        Long o = service.ownerFor(scope, values.districtCode(), rowProblems);
                        owner = o == null ? 0 : o;
                        action = RowAction.CREATE;
                    }
                }
            }
            boolean readerProblem = false;
            for (FieldProblem p : rowProblems) {
                if (readerCells.contains(row.rowNumber() + ":" + p.field())) {
                    readerProblem = true;
                    continue;
                }
                problems.add(cellProblem(row, p.field(), messages.getMessage(p, locale)));
            }
            if (!rowProblems.isEmpty() || readerProblem || rowHasReaderProblem(readerCells, row)) {
                action = RowAction.ERROR;
            }
            preview.add(new PreviewRow(
                    row.rowNumber(),
                    action,
                    row.value("name").orElse(""),
                    row.value("creditCode").orElse("")));
            planned.add(new Planned(row, values, action, existing, owner));
        }
        problems.sort((a, b) -> Integer.compare(a.rowNumber(), b.rowNumber()));
        return new Plan(new Checked(upload.id(), upload.fileName(), preview, problems), planned);
    }

    private static boolean rowHasReaderProblem(Set<String> readerCells, SheetRow row) {
        for (ColumnSpec c : EnterpriseSheet.SCHEMA.columns()) {
            if (readerCells.contains(row.rowNumber() + ":" + c.key())) {
                return true;
            }
        }
        return false;
    }

    /** A problem of one field of a row: its cell when the file has the column, else the column by name. */
    private static CellProblem cellProblem(SheetRow row, String field, String message) {
        ColumnSpec column = EnterpriseSheet.SCHEMA.column(field).orElseThrow();
        String cell = row.columnLetters().containsKey(field) ? row.cellRef(field) : null;
        return new CellProblem(row.rowNumber(), field, column.header(), cell, message);
    }

    private String message(Locale locale, String code, Object... args) {
        return messages.getMessage(code, args, code, locale);
    }
}
