package org.nuanxin.station.internal;

import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.nuanxin.audit.AuditLog;
import org.nuanxin.geo.CoordinateSystem;
import org.nuanxin.kernel.FieldProblem;
import org.nuanxin.spreadsheet.CellProblem;
import org.nuanxin.spreadsheet.ColumnSpec;
import org.nuanxin.spreadsheet.ParsedSheet;
import org.nuanxin.spreadsheet.SheetRow;
import org.nuanxin.spreadsheet.SheetSchema;
import org.nuanxin.spreadsheet.SpreadsheetReader;
import org.nuanxin.spreadsheet.SpreadsheetRejectedException;
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
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.core.task.TaskExecutor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Roster imports. Checking and writing run on the application's task executor so that a large file
 * does not hold a request thread, and the console can poll progress. Jobs live in memory for two
 * hours: an import is a short interactive task, not a record worth a table.
 */
@Service
class RosterImportService implements StationImports {

    private static final Logger log = LoggerFactory.getLogger(RosterImportService.class);
    private static final Duration KEEP = Duration.ofHours(2);

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
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final MessageSource messages;
    private final TaskExecutor executor;
    private final Clock clock;
    private final StationPermissions permissions;
    private final AuditLog audit;
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();

    RosterImportService(
            SpreadsheetReader reader,
            StationValidator validator,
            StationRepository repository,
            StationCodes codes,
            TransactionTemplate transactions,
            ApplicationEventPublisher events,
            MessageSource messages,
            @Qualifier("applicationTaskExecutor") TaskExecutor executor,
            Clock clock,
            StationPermissions permissions,
            AuditLog audit) {
        this.reader = reader;
        this.validator = validator;
        this.repository = repository;
        this.codes = codes;
        this.transactions = transactions;
        this.events = events;
        this.messages = messages;
        this.executor = executor;
        this.clock = clock;
        this.permissions = permissions;
        this.audit = audit;
    }

    @Override
    public StationImportStatus start(
            String fileName, byte[] content, CoordinateSystem defaultCrs, String owner, Locale locale) {
        permissions.check(StationPermissions.Action.IMPORT);
        Instant now = clock.instant();
        jobs.values().removeIf(j -> j.createdAt.plus(KEEP).isBefore(now));
        Job job = new Job(UUID.randomUUID().toString(), fileName, owner, locale, now);
        jobs.put(job.id, job);
        executor.execute(() -> check(job, content, defaultCrs));
        return job.status();
    }

    @Override
    public Optional<StationImportStatus> status(String id, String owner) {
        return find(id, owner).map(Job::status);
    }

    @Override
    public StationImportStatus commit(String id, String owner) {
        permissions.check(StationPermissions.Action.IMPORT);
        Job job = find(id, owner).orElseThrow(() -> new NoSuchElementException("import " + id));
        synchronized (job) {
            switch (job.state) {
                case COMMITTING, COMMITTED -> {
                    return job.status();
                }
                case READY -> {
                    job.state = State.COMMITTING;
                    job.processed = 0;
                }
                default ->
                    throw new IllegalStateException("import " + id + " cannot be committed in state " + job.state);
            }
        }
        // The write runs on another thread: take who asked, and from where, with it.
        AuditLog.Origin origin = audit.currentOrigin();
        executor.execute(() -> write(job, origin));
        return job.status();
    }

    private Optional<Job> find(String id, String owner) {
        Job job = jobs.get(id);
        return job != null && job.owner.equals(owner) ? Optional.of(job) : Optional.empty();
    }

    /** Reads and checks every row; decides what each row will do; writes nothing. */
    void check(Job job, byte[] content, CoordinateSystem defaultCrs) {
        try {
            ParsedSheet sheet = reader.read(job.fileName, new ByteArrayInputStream(content), SCHEMA, job.locale);
            List<SheetRow> rows = sheet.rows();
            job.total = rows.size();
            if (rows.isEmpty()) {
                job.finish(State.REJECTED, message(job, "station.import.empty"));
                return;
            }
            List<Planned> plan = new ArrayList<>(rows.size());
            List<CellProblem> problems = new ArrayList<>();
            for (SheetRow row : rows) {
                StationInput input = input(row);
                StationValidator.Result result = validator.validate(input, defaultCrs, false);
                for (FieldProblem p : result.problems()) {
                    problems.add(cellProblem(row, p.field(), messages.getMessage(p, job.locale)));
                }
                plan.add(new Planned(row, input, result.record()));
                job.processed++;
            }
            Set<String> districts = new HashSet<>();
            plan.stream().filter(p -> p.record != null).forEach(p -> districts.add(p.record.districtCode()));
            Map<String, Station> existing = repository.allByKey(districts);
            Map<String, Integer> seen = new HashMap<>();
            List<PreviewRow> preview = new ArrayList<>(plan.size());
            for (Planned p : plan) {
                Action action = Action.ERROR;
                String code = p.input.code();
                if (p.record != null) {
                    String nameKey = "name:" + p.record.districtCode() + ":" + p.record.name();
                    Integer earlier = seen.putIfAbsent(nameKey, p.row.rowNumber());
                    if (earlier != null) {
                        problems.add(cellProblem(
                                p.row, "name", message(job, "station.import.duplicateRow", p.record.name(), earlier)));
                    } else if (p.record.code() != null
                            && seen.putIfAbsent("code:" + p.record.code(), p.row.rowNumber()) != null) {
                        problems.add(cellProblem(
                                p.row,
                                "code",
                                message(
                                        job,
                                        "station.import.duplicateRow",
                                        p.record.code(),
                                        seen.get("code:" + p.record.code()))));
                    } else {
                        Station byCode = p.record.code() == null ? null : existing.get("code:" + p.record.code());
                        Station byName = existing.get(nameKey);
                        if (byCode != null && byName != null && byCode.id() != byName.id()) {
                            problems.add(cellProblem(
                                    p.row, "name", message(job, "station.error.nameTaken", p.record.name())));
                        } else {
                            p.existing = byCode != null ? byCode : byName;
                            if (p.existing != null) {
                                p.record = p.record.code() == null ? p.record.withCode(p.existing.code()) : p.record;
                                action = p.record.sameAs(p.existing) ? Action.UNCHANGED : Action.UPDATE;
                                code = p.existing.code();
                            } else {
                                action = Action.CREATE;
                            }
                        }
                    }
                }
                p.action = action;
                preview.add(new PreviewRow(p.row.rowNumber(), action, code, p.input.name(), p.input.district()));
            }
            problems.sort(java.util.Comparator.comparingInt(CellProblem::rowNumber));
            synchronized (job) {
                job.plan = plan;
                job.preview = preview;
                job.problems = List.copyOf(problems);
                job.state = problems.isEmpty() ? State.READY : State.INVALID;
            }
        } catch (SpreadsheetRejectedException e) {
            job.problems = List.copyOf(e.problems());
            job.finish(State.REJECTED, e.getMessage());
        } catch (RuntimeException e) {
            log.error("Checking import {} failed", job.id, e);
            job.finish(State.FAILED, message(job, "station.import.failed"));
        }
    }

    /** Writes every planned row in one transaction; any failure rolls all of it back. */
    void write(Job job, AuditLog.Origin origin) {
        try {
            Instant now = clock.instant();
            int[] counts = transactions.execute(tx -> {
                StationCodes.Allocator allocator = codes.allocator();
                int created = 0;
                int updated = 0;
                for (Planned p : job.plan) {
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
                    job.processed++;
                }
                if (created + updated > 0) {
                    events.publishEvent(new StationsChanged(Set.of(), true));
                }
                audit.record(
                        origin,
                        "station.import.commit",
                        "import",
                        job.id,
                        null,
                        "rows=" + job.plan.size() + " created=" + created + " updated=" + updated);
                return new int[] {created, updated};
            });
            synchronized (job) {
                job.created = counts[0];
                job.updated = counts[1];
                job.state = State.COMMITTED;
            }
            log.info("Import {} committed: {} created, {} updated", job.id, counts[0], counts[1]);
        } catch (ConcurrentChange e) {
            job.finish(State.FAILED, message(job, "station.import.concurrent"));
        } catch (RuntimeException e) {
            log.error("Writing import {} failed and was rolled back", job.id, e);
            job.finish(State.FAILED, message(job, "station.import.failed"));
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

    private static CellProblem cellProblem(SheetRow row, String key, String message) {
        String header = SCHEMA.columns().stream()
                .filter(c -> c.key().equals(key))
                .findFirst()
                .map(ColumnSpec::header)
                .orElse(key);
        // A problem may concern a column the file does not have (no 坐标系 column and no default system):
        // it then has no cell to point at, and asking the row for one would throw.
        String ref = row.columnLetters().containsKey(key) ? row.cellRef(key) : null;
        return new CellProblem(row.rowNumber(), key, header, ref, message);
    }

    private String message(Job job, String key, Object... args) {
        return messages.getMessage(key, args, key, job.locale);
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

        Planned(SheetRow row, StationInput input, StationRecord record) {
            this.row = row;
            this.input = input;
            this.record = record;
        }
    }

    private static final class Job {
        final String id;
        final String fileName;
        final String owner;
        final Locale locale;
        final Instant createdAt;
        volatile State state = State.CHECKING;
        volatile int total;
        volatile int processed;
        volatile int created;
        volatile int updated;
        volatile List<Planned> plan = List.of();
        volatile List<PreviewRow> preview = List.of();
        volatile List<CellProblem> problems = List.of();
        volatile String message = "";

        Job(String id, String fileName, String owner, Locale locale, Instant createdAt) {
            this.id = id;
            this.fileName = fileName;
            this.owner = owner;
            this.locale = locale;
            this.createdAt = createdAt;
        }

        synchronized void finish(State state, String message) {
            this.state = state;
            this.message = message == null ? "" : message;
        }

        synchronized StationImportStatus status() {
            int toCreate = state == State.COMMITTED
                    ? created
                    : (int) preview.stream()
                            .filter(p -> p.action() == Action.CREATE)
                            .count();
            int toUpdate = state == State.COMMITTED
                    ? updated
                    : (int) preview.stream()
                            .filter(p -> p.action() == Action.UPDATE)
                            .count();
            int unchanged = (int)
                    preview.stream().filter(p -> p.action() == Action.UNCHANGED).count();
            return new StationImportStatus(
                    id, fileName, state, total, processed, toCreate, toUpdate, unchanged, problems, preview, message);
        }
    }
}
