package org.nuanxin.station.internal;

import jakarta.annotation.PreDestroy;
import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jspecify.annotations.Nullable;
import org.nuanxin.audit.AuditLog;
import org.nuanxin.geo.CoordinateSystem;
import org.nuanxin.identity.DataScope;
import org.nuanxin.identity.DataScopes;
import org.nuanxin.kernel.FieldProblem;
import org.nuanxin.spreadsheet.CellProblem;
import org.nuanxin.spreadsheet.ColumnSpec;
import org.nuanxin.spreadsheet.ParsedSheet;
import org.nuanxin.spreadsheet.SheetRow;
import org.nuanxin.spreadsheet.SheetSchema;
import org.nuanxin.spreadsheet.SpreadsheetReader;
import org.nuanxin.spreadsheet.SpreadsheetRejectedException;
import org.nuanxin.spreadsheet.XlsxExport;
import org.nuanxin.station.Station;
import org.nuanxin.station.StationImportStatus;
import org.nuanxin.station.StationImportStatus.Action;
import org.nuanxin.station.StationImportStatus.PreviewRow;
import org.nuanxin.station.StationImportStatus.State;
import org.nuanxin.station.StationImports;
import org.nuanxin.station.StationInput;
import org.nuanxin.station.StationPermissions;
import org.nuanxin.station.StationsChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Roster imports. Checking and writing run on one worker thread of their own, one roster at a time,
 * so that a large file holds no request thread and five large uploads at once queue rather than fill
 * the heap. Jobs live in the database ({@link ImportJobRepository}) for two hours: the file until the
 * commit, the preview and the problems as rows read a page at a time. Nothing of a job stays in memory
 * between steps; the commit reads the file again, plans again inside the writing transaction and writes
 * only if the plan is the one previewed (same rows, same actions, same versions of existing stations).
 */
@Service
class RosterImportService implements StationImports {

    private static final Logger log = LoggerFactory.getLogger(RosterImportService.class);
    private static final Duration KEEP = Duration.ofHours(2);
    private static final Duration STALE = Duration.ofMinutes(30);
    private static final int PROGRESS_EVERY = 2000;

    /** The roster columns, with the header names district federations use. */
    static final SheetSchema SCHEMA = new SheetSchema(List.of(
            new ColumnSpec("code", "驿站编码", List.of("编码", "站点编码", "驿站编号", "站点编号", "code"), false),
            new ColumnSpec("name", "驿站名称", List.of("名称", "站点名称", "服务站名称", "驿站", "name"), true),
            new ColumnSpec("district", "所属区县", List.of("区县", "区/县", "所在区县", "行政区", "区域", "district"), true),
            new ColumnSpec("address", "详细地址", List.of("地址", "所在地址", "位置", "address"), true),
            new ColumnSpec("longitude", "经度", List.of("lng", "lon", "longitude", "x坐标"), true),
            new ColumnSpec("latitude", "纬度", List.of("lat", "latitude", "y坐标"), true),
            new ColumnSpec("crs", "坐标系", List.of("坐标类型", "坐标系统", "crs"), false),
            new ColumnSpec("hostType", "依托场所", List.of("场所类型", "依托单位类型", "载体类型", "依托类型", "host type"), true),
            new ColumnSpec("contactName", "联系人", List.of("负责人", "站长", "contact"), true),
            new ColumnSpec("contactPhone", "联系电话", List.of("电话", "手机", "手机号", "联系方式", "phone"), true),
            new ColumnSpec("openingHours", "开放时间", List.of("营业时间", "服务时间", "开放时段", "opening hours"), true),
            new ColumnSpec("amenities", "服务设施", List.of("设施", "服务内容", "配套设施", "服务项目", "amenities"), true),
            new ColumnSpec("status", "状态", List.of("运行状态", "驿站状态", "status"), false)));

    private final SpreadsheetReader reader;
    private final StationValidator validator;
    private final StationRepository repository;
    private final StationCodes codes;
    private final ImportJobRepository jobs;
    private final TransactionTemplate transactions;
    private final TransactionTemplate separately;
    private final ApplicationEventPublisher events;
    private final MessageSource messages;
    private final Clock clock;
    private final StationPermissions permissions;
    private final AuditLog audit;
    private final XlsxExport xlsx;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "roster-import");
        t.setDaemon(true);
        return t;
    });

    RosterImportService(
            SpreadsheetReader reader,
            StationValidator validator,
            StationRepository repository,
            StationCodes codes,
            ImportJobRepository jobs,
            PlatformTransactionManager transactionManager,
            ApplicationEventPublisher events,
            MessageSource messages,
            Clock clock,
            StationPermissions permissions,
            AuditLog audit,
            XlsxExport xlsx,
            DataScopes scopes,
            StationOwnership ownership) {
        this.scopes = scopes;
        this.ownership = ownership;
        this.reader = reader;
        this.validator = validator;
        this.repository = repository;
        this.codes = codes;
        this.jobs = jobs;
        this.transactions = new TransactionTemplate(transactionManager);
        this.separately = new TransactionTemplate(transactionManager);
        this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.events = events;
        this.messages = messages;
        this.clock = clock;
        this.permissions = permissions;
        this.audit = audit;
        this.xlsx = xlsx;
    }

    private final DataScopes scopes;
    private final StationOwnership ownership;

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }

    @Override
    public StationImportStatus start(
            String fileName, byte[] content, @Nullable CoordinateSystem defaultCrs, String owner, Locale locale) {
        permissions.check(StationPermissions.Action.IMPORT);
        Instant now = clock.instant();
        jobs.purge(now.minus(KEEP));
        String id = UUID.randomUUID().toString();
        // The check and the write run on the worker thread: they act in the uploader's data scope, kept here.
        jobs.insert(
                id,
                owner,
                fileName,
                locale,
                defaultCrs,
                content,
                scopes.current().rootId(),
                now);
        // The worker reads the file back from the table: a queue of uploads holds no file in memory.
        worker.execute(() -> check(id));
        return status(id, owner).orElseThrow();
    }

    @Override
    public void writeTemplate(OutputStream out) {
        permissions.check(StationPermissions.Action.IMPORT);
        List<String> headers = SCHEMA.columns().stream().map(ColumnSpec::header).toList();
        List<Object> example = List.of(
                "",
                "解放碑商圈工会驿站",
                "渝中区",
                "渝中区民族路166号",
                "106.5770",
                "29.5573",
                "GCJ-02",
                "商圈商场",
                "李某",
                "13800000000",
                "09:00-21:00",
                "饮水,充电,休息",
                "OPEN");
        xlsx.write(out, "驿站名册", headers, List.of(example));
    }

    @Override
    public Optional<StationImportStatus> status(String id, String owner) {
        return find(id, owner).map(ImportJobRepository.Job::status);
    }

    @Override
    public Page<CellProblem> problems(String id, String owner, Pageable page) {
        return checked(id, owner) ? jobs.problems(id, page) : Page.empty(page);
    }

    @Override
    public Page<PreviewRow> preview(String id, String owner, Pageable page) {
        return checked(id, owner) ? jobs.preview(id, page) : Page.empty(page);
    }

    /** A job's rows and problems are shown once its check has ended: while checking, they are still being written. */
    private boolean checked(String id, String owner) {
        return find(id, owner).filter(j -> j.state() != State.CHECKING).isPresent();
    }

    @Override
    public StationImportStatus commit(String id, String owner) {
        permissions.check(StationPermissions.Action.IMPORT);
        ImportJobRepository.Job job = find(id, owner).orElseThrow(() -> new NoSuchElementException("import " + id));
        if (!jobs.claim(id, clock.instant())) {
            ImportJobRepository.Job now = jobs.find(id).orElseThrow(() -> new NoSuchElementException("import " + id));
            if (now.state() == State.COMMITTING || now.state() == State.COMMITTED) {
                return now.status();
            }
            throw new IllegalStateException("import " + id + " cannot be committed in state " + now.state());
        }
        // The write runs on another thread: take who asked, and from where, with it.
        AuditLog.Origin origin = audit.currentOrigin();
        worker.execute(() -> write(job, origin));
        return jobs.find(id).orElseThrow().status();
    }

    private Optional<ImportJobRepository.Job> find(String id, String owner) {
        return jobs.find(id).filter(j -> j.owner().equals(owner)).map(this::unlessStale);
    }

    /** A job still "working" that nobody has touched for long died with its node: say it failed. */
    private ImportJobRepository.Job unlessStale(ImportJobRepository.Job job) {
        if ((job.state() == State.CHECKING || job.state() == State.COMMITTING)
                && job.updatedAt().plus(STALE).isBefore(clock.instant())) {
            return job.withState(State.FAILED, message(job.locale(), "station.import.failed"));
        }
        return job;
    }

    /** Reads and checks every row; decides what each row will do; stores the preview; writes no station. */
    void check(String id) {
        ImportJobRepository.Job job = jobs.find(id).orElse(null);
        byte[] content = jobs.content(id).orElse(null);
        if (job == null || content == null) {
            return;
        }
        try {
            Plan plan = plan(job, content, (total, done) -> {
                if (done % PROGRESS_EVERY == 0) {
                    jobs.progress(id, total, done, clock.instant());
                }
            });
            content = null;
            if (plan == null) {
                jobs.checked(
                        id,
                        State.REJECTED,
                        0,
                        0,
                        0,
                        0,
                        0,
                        null,
                        message(job.locale(), "station.import.empty"),
                        clock.instant());
                return;
            }
            // Preview rows and problems go in in batches, each its own short transaction, while the job still says
            // CHECKING (its preview is not shown until then): one transaction of 1.2 million rows kept H2's undo log
            // in the heap and made its commit take tens of seconds, during which the job already read INVALID while
            // this thread still held the whole plan (docs/PERFORMANCE.md §10). The job's outcome is one statement
            // after the last batch; a failure in between ends the job as FAILED, its rows and problems deleted.
            List<PreviewRow> batch = new ArrayList<>(ImportJobRepository.BATCH);
            for (Planned p : plan.rows) {
                batch.add(new PreviewRow(p.row.rowNumber(), p.action, p.code, p.input.name(), p.input.district()));
                if (batch.size() == ImportJobRepository.BATCH) {
                    transactions.executeWithoutResult(tx -> jobs.insertRows(id, batch));
                    batch.clear();
                }
            }
            transactions.executeWithoutResult(tx -> jobs.insertRows(id, batch));
            List<CellProblem> problems = plan.problems;
            for (int from = 0; from < problems.size(); from += ImportJobRepository.BATCH) {
                int first = from;
                List<CellProblem> slice =
                        problems.subList(from, Math.min(problems.size(), from + ImportJobRepository.BATCH));
                transactions.executeWithoutResult(tx -> jobs.insertProblems(id, first, slice));
            }
            jobs.checked(
                    id,
                    problems.isEmpty() ? State.READY : State.INVALID,
                    plan.rows.size(),
                    plan.count(Action.CREATE),
                    plan.count(Action.UPDATE),
                    plan.count(Action.UNCHANGED),
                    problems.size(),
                    plan.digest(),
                    "",
                    clock.instant());
        } catch (SpreadsheetRejectedException e) {
            transactions.executeWithoutResult(tx -> {
                jobs.insertProblems(id, 0, e.problems());
                jobs.checked(
                        id, State.REJECTED, 0, 0, 0, 0, e.problems().size(), null, e.getMessage(), clock.instant());
            });
        } catch (RuntimeException e) {
            log.error("Checking import {} failed", id, e);
            jobs.fail(id, message(job.locale(), "station.import.failed"), clock.instant());
        }
    }

    /**
     * Reads the file and plans every row against the stations stored now.
     *
     * @return the plan, or null when the file has no data rows
     */
    private @Nullable Plan plan(ImportJobRepository.Job job, byte[] content, Progress progress) {
        ParsedSheet sheet = reader.read(job.fileName(), new ByteArrayInputStream(content), SCHEMA, job.locale());
        List<SheetRow> rows = sheet.rows();
        if (rows.isEmpty()) {
            return null;
        }
        Locale locale = job.locale();
        DataScope scope = scopes.of(job.organizationId());
        StationOwnership.Owner owner = ownership.within(scope);
        progress.at(rows.size(), 0);
        List<Planned> plan = new ArrayList<>(rows.size());
        int n = 0;
        // Cells the reader could not take (formulas) are problems already; a value missing there is not another.
        List<CellProblem> problems = new ArrayList<>(sheet.problems());
        Set<String> readerCells = new HashSet<>();
        sheet.problems().forEach(p -> readerCells.add(p.rowNumber() + ":" + p.columnKey()));
        // No coordinate-system column and none chosen on upload: one problem of the file, not one per row.
        boolean noCrs = !sheet.hasColumn("crs") && job.defaultCrs() == null;
        if (noCrs) {
            problems.add(new CellProblem(0, "crs", header("crs"), null, message(locale, "station.import.noCrsColumn")));
        }
        // The same text for most problems ("required" ...): one String each, not one per cell (a million at 200,000
        // rows).
        Map<String, String> texts = new HashMap<>();
        for (SheetRow row : rows) {
            StationInput input = input(row);
            StationValidator.Result result = validator.validate(input, job.defaultCrs(), false, owner);
            boolean rowHasReaderProblem = false;
            for (FieldProblem p : result.problems()) {
                if (noCrs && p.field().equals("crs")) {
                    continue;
                }
                if (readerCells.contains(row.rowNumber() + ":" + p.field())) {
                    rowHasReaderProblem = true;
                } else {
                    String text = messages.getMessage(p, locale);
                    problems.add(cellProblem(row, p.field(), texts.computeIfAbsent(text, t -> t)));
                }
            }
            if (rowHasReaderProblem || hasReaderProblem(readerCells, row)) {
                result = new StationValidator.Result(null, result.problems());
            }
            plan.add(new Planned(row, input, result.record()));
            progress.at(rows.size(), ++n);
        }
        Set<String> districts = new HashSet<>();
        plan.stream().filter(p -> p.record != null).forEach(p -> districts.add(p.record.districtCode()));
        Map<String, Station> existing = new HashMap<>();
        // Names are matched on their comparable form (no invisible characters) on both sides.
        repository.allByKey(districts).forEach((key, station) -> existing.put(SheetRow.comparable(key), station));
        Map<String, Integer> seen = new HashMap<>();
        for (Planned p : plan) {
            Action action = Action.ERROR;
            p.code = p.input.code();
            if (p.record != null) {
                String nameKey = "name:" + p.record.districtCode() + ":" + SheetRow.comparable(p.record.name());
                Integer earlier = seen.putIfAbsent(nameKey, p.row.rowNumber());
                if (earlier != null) {
                    problems.add(cellProblem(
                            p.row, "name", message(locale, "station.import.duplicateRow", p.record.name(), earlier)));
                } else if (p.record.code() != null
                        && seen.putIfAbsent("code:" + p.record.code(), p.row.rowNumber()) != null) {
                    problems.add(cellProblem(
                            p.row,
                            "code",
                            message(
                                    locale,
                                    "station.import.duplicateRow",
                                    p.record.code(),
                                    seen.get("code:" + p.record.code()))));
                } else {
                    Station byCode = p.record.code() == null ? null : existing.get("code:" + p.record.code());
                    Station byName = existing.get(nameKey);
                    if (byCode != null && byName != null && byCode.id() != byName.id()) {
                        problems.add(cellProblem(
                                p.row, "name", message(locale, "station.error.nameTaken", p.record.name())));
                    } else if ((byCode != null && !scope.includes(byCode.organizationId()))
                            || (byName != null && !scope.includes(byName.organizationId()))) {
                        // Another scope's station: not to be changed from here, and not described either.
                        problems.add(cellProblem(
                                p.row, byCode != null ? "code" : "name", message(locale, "station.import.outOfScope")));
                    } else {
                        p.existing = byCode != null ? byCode : byName;
                        if (p.existing != null && p.existing.districtCode().equals(p.record.districtCode())) {
                            p.record = p.record.withOrganization(p.existing.organizationId());
                        }
                        if (p.existing != null) {
                            p.record = p.record.code() == null ? p.record.withCode(p.existing.code()) : p.record;
                            action = p.record.sameAs(p.existing) ? Action.UNCHANGED : Action.UPDATE;
                            p.code = p.existing.code();
                        } else {
                            action = Action.CREATE;
                        }
                    }
                }
            }
            p.action = action;
        }
        problems.sort(Comparator.comparingInt(CellProblem::rowNumber));
        return new Plan(plan, problems);
    }

    /**
     * Plans again in one transaction and writes every planned row; any failure rolls all of it back. A plan
     * that differs from the previewed one (another import or an edit in between) writes nothing.
     */
    void write(ImportJobRepository.Job job, AuditLog.Origin origin) {
        String id = job.id();
        try {
            byte[] content = jobs.content(id).orElseThrow(ConcurrentChange::new);
            Instant now = clock.instant();
            int[] counts = transactions.execute(tx -> {
                Plan plan = plan(job, content, (total, done) -> {});
                if (plan == null || !plan.problems.isEmpty() || !plan.digest().equals(job.planDigest())) {
                    throw new ConcurrentChange();
                }
                Map<String, Integer> needed = new HashMap<>();
                StationCodes.Allocator allocator = codes.allocator(needed);
                for (Planned p : plan.rows) {
                    if (p.action == Action.CREATE && p.record.code() == null) {
                        needed.merge(p.record.districtCode(), 1, Integer::sum);
                    } else if (p.action == Action.CREATE) {
                        allocator.taken(p.record.districtCode(), p.record.code());
                    }
                }
                int created = 0;
                int updated = 0;
                int written = 0;
                for (Planned p : plan.rows) {
                    switch (p.action) {
                        case CREATE -> {
                            StationRecord r = p.record.code() == null
                                    ? p.record.withCode(allocator.next(p.record.districtCode()))
                                    : p.record;
                            repository.insert(r, now);
                            created++;
                        }
                        case UPDATE -> {
                            if (!repository.update(p.existing.id(), p.existing.version(), p.record, now)) {
                                throw new ConcurrentChange();
                            }
                            updated++;
                        }
                        default -> {}
                    }
                    if (++written % PROGRESS_EVERY == 0) {
                        int done = written;
                        // Progress is seen by other requests (and nodes) while the write is still open.
                        separately.executeWithoutResult(
                                s -> jobs.progress(id, plan.rows.size(), done, clock.instant()));
                    }
                }
                if (created + updated > 0) {
                    events.publishEvent(new StationsChanged(Set.of(), true));
                }
                audit.record(
                        origin,
                        "station.import.commit",
                        "import",
                        id,
                        null,
                        "rows=" + plan.rows.size() + " created=" + created + " updated=" + updated);
                jobs.committed(id, created, updated, clock.instant());
                return new int[] {created, updated};
            });
            log.info("Import {} committed: {} created, {} updated", id, counts[0], counts[1]);
        } catch (ConcurrentChange e) {
            jobs.fail(id, message(job.locale(), "station.import.concurrent"), clock.instant());
        } catch (RuntimeException e) {
            log.error("Writing import {} failed and was rolled back", id, e);
            jobs.fail(id, message(job.locale(), "station.import.failed"), clock.instant());
        }
    }

    static StationInput input(SheetRow row) {
        return new StationInput(
                v(row, "code"),
                v(row, "name"),
                v(row, "hostType"),
                v(row, "district"),
                v(row, "address"),
                v(row, "longitude"),
                v(row, "latitude"),
                v(row, "crs"),
                v(row, "contactName"),
                v(row, "contactPhone"),
                v(row, "openingHours"),
                v(row, "amenities"),
                v(row, "status"));
    }

    private static String v(SheetRow row, String key) {
        return row.value(key).orElse(null);
    }

    private static boolean hasReaderProblem(Set<String> readerCells, SheetRow row) {
        return !readerCells.isEmpty()
                && SCHEMA.columns().stream().anyMatch(c -> readerCells.contains(row.rowNumber() + ":" + c.key()));
    }

    private static String header(String key) {
        return SCHEMA.columns().stream()
                .filter(c -> c.key().equals(key))
                .findFirst()
                .map(ColumnSpec::header)
                .orElse(key);
    }

    private static CellProblem cellProblem(SheetRow row, String key, String message) {
        String header = header(key);
        // A problem may concern a column the file does not have (no 坐标系 column and no default system):
        // it then has no cell to point at, and asking the row for one would throw.
        String ref = row.columnLetters().containsKey(key) ? row.cellRef(key) : null;
        return new CellProblem(row.rowNumber(), key, header, ref, message);
    }

    private String message(Locale locale, String key, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }

    private static final class ConcurrentChange extends RuntimeException {
        ConcurrentChange() {
            super(null, null, false, false);
        }
    }

    private static final class Planned {
        final SheetRow row;
        final StationInput input;
        StationRecord record;
        Station existing;
        Action action;
        String code;

        Planned(SheetRow row, StationInput input, StationRecord record) {
            this.row = row;
            this.input = input;
            this.record = record;
        }
    }

    @FunctionalInterface
    private interface Progress {
        void at(int total, int done);
    }

    private record Plan(List<Planned> rows, List<CellProblem> problems) {

        int count(Action action) {
            return (int) rows.stream().filter(p -> p.action == action).count();
        }

        /** What the commit must find again: each row's action and the version of the station it changes. */
        String digest() {
            try {
                MessageDigest sha = MessageDigest.getInstance("SHA-256");
                for (Planned p : rows) {
                    String line = p.row.rowNumber() + "|" + p.action + "|"
                            + (p.existing == null ? "" : p.existing.id() + "@" + p.existing.version()) + "\n";
                    sha.update(line.getBytes(StandardCharsets.UTF_8));
                }
                return HexFormat.of().formatHex(sha.digest());
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
