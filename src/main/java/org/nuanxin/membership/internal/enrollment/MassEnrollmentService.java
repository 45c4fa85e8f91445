package org.nuanxin.membership.internal.enrollment;

import jakarta.annotation.PreDestroy;
import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jspecify.annotations.Nullable;
import org.nuanxin.audit.AuditLog;
import org.nuanxin.identity.DataScope;
import org.nuanxin.identity.DataScopes;
import org.nuanxin.identity.Masks;
import org.nuanxin.identity.PersonalData;
import org.nuanxin.identity.PersonalDataKind;
import org.nuanxin.kernel.CityTime;
import org.nuanxin.kernel.FieldProblem;
import org.nuanxin.kernel.InvalidInputException;
import org.nuanxin.membership.MemberPermissions;
import org.nuanxin.membership.MembersEnrolled;
import org.nuanxin.membership.MembershipState;
import org.nuanxin.membership.internal.enrollment.EnrollmentStatus.Action;
import org.nuanxin.membership.internal.enrollment.EnrollmentStatus.Mode;
import org.nuanxin.membership.internal.enrollment.EnrollmentStatus.PreviewRow;
import org.nuanxin.membership.internal.enrollment.EnrollmentStatus.State;
import org.nuanxin.spreadsheet.CellProblem;
import org.nuanxin.spreadsheet.ColumnSpec;
import org.nuanxin.spreadsheet.ParsedSheet;
import org.nuanxin.spreadsheet.SheetRow;
import org.nuanxin.spreadsheet.SpreadsheetReader;
import org.nuanxin.spreadsheet.SpreadsheetRejectedException;
import org.nuanxin.spreadsheet.XlsxExport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Mass enrollment (集中入会): staff upload a roster for one union and event; every row is checked (the row on its
 * own, the same person twice in the file, a person already a member) and shown as a preview with every problem by
 * row and column; staff then write every row (nothing unless all are valid) or the valid rows only; the result
 * (created, updated, refused with reasons) is downloadable.
 *
 * <p>Checking and writing run on one worker thread, one roster at a time, so a large file holds no request thread
 * and several at once queue rather than fill the heap. Jobs live in the database ({@link EnrollmentJobs}) for two
 * hours; nothing of a job stays in memory between steps. The file is read once: the check stores what each row will
 * write (identity and mobile numbers sealed) and drops the file; the commit writes exactly that, set-based, in one
 * transaction, and only while the memberships it updates are at the versions the check saw and nobody it creates
 * has become a member meanwhile; any failure rolls all of it back.
 *
 * <p>A person already a member is never created twice: the rows are matched by the keyed hash of the identity
 * number ({@link PersonalData#lookupKey}) and the membership table's unique key stops a concurrent join. A current
 * membership of the chosen union is updated (mobile number, occupation, platform enterprise: what a later roster
 * may correct) or left unchanged; a membership anywhere else, or in any other state (applied, transfer pending,
 * rejected, withdrawn), refuses the row naming the union and the state, for staff to settle one by one.
 */
@Service
public class MassEnrollmentService {

    private static final Logger log = LoggerFactory.getLogger(MassEnrollmentService.class);
    private static final Duration KEEP = Duration.ofHours(2);
    private static final Duration STALE = Duration.ofMinutes(30);
    private static final int PROGRESS_EVERY = 2000;
    private static final int LOOKUP_BATCH = 1000;
    private static final int STORE_BATCH = 1000;

    /** How far back an enrollment event may lie: rosters of past events are entered late, but not decades late. */
    static final int EVENT_YEARS_BACK = 10;

    /** The most data rows of one roster (issue 9: "a few to 100,000 rows"). */
    static final int DEFAULT_MAX_ROWS = 100_000;

    private final SpreadsheetReader reader;
    private final EnrollmentJobs jobs;
    private final EnrollmentLedger ledger;
    private final PersonalData personalData;
    private final MemberPermissions permissions;
    private final DataScopes scopes;
    private final AuditLog audit;
    private final XlsxExport xlsx;
    private final MessageSource messages;
    private final CityTime time;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final int maxRows;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "mass-enrollment");
        t.setDaemon(true);
        return t;
    });

    MassEnrollmentService(
            SpreadsheetReader reader,
            EnrollmentJobs jobs,
            EnrollmentLedger ledger,
            PersonalData personalData,
            MemberPermissions permissions,
            DataScopes scopes,
            AuditLog audit,
            XlsxExport xlsx,
            MessageSource messages,
            CityTime time,
            ApplicationEventPublisher events,
            PlatformTransactionManager transactionManager,
            @Value("${nuanxin.membership.enrollment.max-rows:100000}") int maxRows) {
        this.reader = reader;
        this.jobs = jobs;
        this.ledger = ledger;
        this.personalData = personalData;
        this.permissions = permissions;
        this.scopes = scopes;
        this.audit = audit;
        this.xlsx = xlsx;
        this.messages = messages;
        this.time = time;
        this.events = events;
        this.transactions = new TransactionTemplate(transactionManager);
        this.maxRows = maxRows;
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }

    /**
     * Stores the upload and starts checking it on the worker thread.
     *
     * @param unionId   the union every row joins; must lie in the uploader's data scope
     * @param eventDate the event's date, the joining date of rows that give none; not after today, nor more than
     *                  {@value #EVENT_YEARS_BACK} years before it
     * @return the new job (CHECKING)
     * @throws org.springframework.security.access.AccessDeniedException without IMPORT on that union
     * @throws InvalidInputException on field {@code unionId} (not in scope: "not found") or {@code eventDate}
     */
    public EnrollmentStatus start(
            String fileName, byte[] content, long unionId, LocalDate eventDate, String owner, Locale locale) {
        permissions.check(MemberPermissions.Action.IMPORT);
        DataScope scope = scopes.current();
        if (!scope.includes(unionId) || ledger.organizationName(unionId).isEmpty()) {
            throw new InvalidInputException("unionId", "membership.enrollment.unionNotFound");
        }
        if (eventDate.isAfter(time.today())) {
            throw new InvalidInputException("eventDate", "membership.enrollment.eventDateFuture");
        }
        if (eventDate.isBefore(time.today().minusYears(EVENT_YEARS_BACK))) {
            // 1900-01-01 is a slip of the date picker, not an event: the roster would date every membership so.
            throw new InvalidInputException("eventDate", "membership.enrollment.eventDateTooOld", EVENT_YEARS_BACK);
        }
        Instant now = time.now();
        jobs.purge(now.minus(KEEP));
        String id = UUID.randomUUID().toString();
        jobs.insert(id, owner, scope.rootId(), unionId, eventDate, fileName, locale, content, now);
        worker.execute(() -> check(id));
        return status(id, owner).orElseThrow();
    }

    /** @return the job if {@code owner} started it */
    public Optional<EnrollmentStatus> status(String id, String owner) {
        return find(id, owner).map(EnrollmentJobs.Job::status);
    }

    /** The problems found, a page at a time; none while the job is still checking. */
    public Page<CellProblem> problems(String id, String owner, Pageable page) {
        return checked(id, owner) ? jobs.problems(id, page) : Page.empty(page);
    }

    /** What each row does (or will do), a page at a time; none while the job is still checking. */
    public Page<PreviewRow> preview(String id, String owner, Pageable page) {
        return checked(id, owner) ? jobs.preview(id, page) : Page.empty(page);
    }

    private boolean checked(String id, String owner) {
        return find(id, owner).filter(j -> j.state() != State.CHECKING).isPresent();
    }

    /**
     * Starts writing: {@link Mode#ALL} only when no row has a problem; {@link Mode#VALID_ROWS} also when some do.
     *
     * @throws NoSuchElementException when the job is not the owner's
     * @throws IllegalStateException when it cannot be committed in this mode (problems, or already ended)
     */
    public EnrollmentStatus commit(String id, String owner, Mode mode) {
        permissions.check(MemberPermissions.Action.IMPORT);
        EnrollmentJobs.Job job = find(id, owner).orElseThrow(() -> new NoSuchElementException("enrollment " + id));
        if (!jobs.claim(id, mode, time.now())) {
            EnrollmentJobs.Job now = jobs.find(id).orElseThrow(() -> new NoSuchElementException("enrollment " + id));
            if (now.state() == State.COMMITTING || now.state() == State.COMMITTED) {
                return now.status();
            }
            throw new IllegalStateException(
                    "enrollment " + id + " cannot be committed (" + mode + ") in " + now.state());
        }
        AuditLog.Origin origin = audit.currentOrigin();
        worker.execute(() -> write(job, mode, origin));
        return jobs.find(id).orElseThrow().status();
    }

    /**
     * The roster template ({@link RosterTemplate}): the columns read, an instruction row, no person (a row left in by
     * mistake would enrol them), the number columns formatted as text and lists for occupation and route. The lists
     * hold the Chinese names whatever the page's language: rosters are written in Chinese, and both are read.
     */
    public void writeTemplate(OutputStream out, Locale locale) {
        permissions.check(MemberPermissions.Action.IMPORT);
        List<String> occupations = java.util.Arrays.stream(org.nuanxin.membership.Occupation.values())
                .map(o -> message(Locale.SIMPLIFIED_CHINESE, o.messageKey()))
                .toList();
        List<String> routes = java.util.Arrays.stream(org.nuanxin.membership.EnrollmentRoute.values())
                .map(r -> message(Locale.SIMPLIFIED_CHINESE, r.messageKey()))
                .toList();
        RosterTemplate.write(
                out,
                message(locale, "membership.enrollment.template.sheet"),
                message(locale, "membership.enrollment.template.note", String.valueOf(maxRows)),
                occupations,
                routes,
                maxRows);
    }

    /**
     * The result of a checked or committed job as xlsx: every row with what it did (or will do) and its problems.
     *
     * @throws NoSuchElementException when the job is not the owner's
     */
    public void writeResult(String id, String owner, OutputStream out, Locale locale) {
        permissions.check(MemberPermissions.Action.IMPORT);
        EnrollmentJobs.Job job = find(id, owner).orElseThrow(() -> new NoSuchElementException("enrollment " + id));
        boolean committed = job.state() == State.COMMITTED;
        boolean failed = job.state() == State.FAILED; // nothing was written, whatever the plan said
        List<String> headers = List.of(
                message(locale, "membership.enrollment.result.row"),
                message(locale, "membership.enrollment.result.name"),
                message(locale, "membership.enrollment.result.idNumber"),
                message(locale, "membership.enrollment.result.outcome"),
                message(locale, "membership.enrollment.result.reasons"));
        List<List<Object>> rows = new ArrayList<>(Math.max(16, job.total()));
        for (String fileProblem : jobs.fileProblems(id)) {
            rows.add(List.of("", "", "", message(locale, "membership.enrollment.outcome.REFUSED"), fileProblem));
        }
        String separator = message(locale, "membership.enrollment.result.separator");
        jobs.eachResultRow(id, (row, problems) -> {
            Action action = failed ? Action.REFUSED : row.action();
            // A committed job says what was done, a failed one that nothing was, and one not committed (yet) what
            // would be.
            String outcome = message(
                    locale,
                    (committed || failed ? "membership.enrollment.outcome." : "membership.enrollment.plan.") + action);
            String reasons = problems.stream()
                    .map(p -> p.columnHeader() == null
                            ? p.message()
                            : message(locale, "membership.enrollment.result.problem", p.columnHeader(), p.message()))
                    .collect(java.util.stream.Collectors.joining(separator));
            String why = failed && reasons.isEmpty() ? job.message() : reasons;
            rows.add(List.of(row.rowNumber(), row.nameMasked(), row.idMasked(), outcome, why));
        });
        xlsx.write(out, message(locale, "membership.enrollment.result.sheet"), headers, rows);
    }

    private Optional<EnrollmentJobs.Job> find(String id, String owner) {
        return jobs.find(id).filter(j -> j.owner().equals(owner)).map(this::unlessStale);
    }

    private EnrollmentJobs.Job unlessStale(EnrollmentJobs.Job job) {
        if ((job.state() == State.CHECKING || job.state() == State.COMMITTING)
                && job.updatedAt().plus(STALE).isBefore(time.now())) {
            return new EnrollmentJobs.Job(
                    job.id(),
                    job.owner(),
                    job.organizationId(),
                    job.unionId(),
                    job.eventDate(),
                    job.fileName(),
                    job.locale(),
                    State.FAILED,
                    job.mode(),
                    job.total(),
                    job.processed(),
                    job.toCreate(),
                    job.toUpdate(),
                    job.unchanged(),
                    job.refused(),
                    job.problemCount(),
                    message(job.locale(), "membership.enrollment.failed"),
                    job.updatedAt());
        }
        return job;
    }

    /**
     * Reads and checks every row, decides what each will do, and stores the preview, the problems and what a commit
     * will write (sealed); writes no membership. The uploaded file is dropped when this ends, however it ends.
     */
    void check(String id) {
        EnrollmentJobs.Job job = jobs.find(id).orElse(null);
        byte[] content = jobs.content(id).orElse(null);
        if (job == null || content == null) {
            return;
        }
        try {
            Plan plan = plan(job, content, (total, done) -> {
                if (done % PROGRESS_EVERY == 0) {
                    jobs.progress(id, total, done, time.now());
                }
            });
            content = null;
            if (plan == null) {
                String empty = message(job.locale(), "membership.enrollment.empty");
                transactions.executeWithoutResult(tx -> {
                    jobs.insertProblems(id, 0, List.of(CellProblem.ofFile(empty)));
                    jobs.checked(id, State.REJECTED, new EnrollmentJobs.Counts(0, 0, 0, 0, 0, 1), empty, time.now());
                });
                return;
            }
            store(id, plan);
            EnrollmentJobs.Counts counts = plan.counts();
            transactions.executeWithoutResult(tx ->
                    jobs.checked(id, plan.problems.isEmpty() ? State.READY : State.INVALID, counts, "", time.now()));
        } catch (SpreadsheetRejectedException e) {
            transactions.executeWithoutResult(tx -> {
                jobs.insertProblems(id, 0, e.problems());
                jobs.checked(
                        id,
                        State.REJECTED,
                        new EnrollmentJobs.Counts(0, 0, 0, 0, 0, e.problems().size()),
                        e.getMessage(),
                        time.now());
            });
        } catch (RuntimeException e) {
            log.error("Checking enrollment {} failed", id, e);
            transactions.executeWithoutResult(tx -> {
                jobs.deleteChecked(id);
                jobs.fail(id, message(job.locale(), "membership.enrollment.failed"), time.now());
            });
        }
    }

    /**
     * Stores the plan a batch at a time, each batch in its own transaction, so that neither database holds one
     * transaction of the whole roster; the rows stay hidden while the job says CHECKING, and a failure deletes them.
     * For each row that creates or updates a membership, what the commit writes: the identity and mobile numbers
     * sealed here, once, and the new card's token.
     */
    private void store(String id, Plan plan) {
        List<PreviewRow> preview = new ArrayList<>(STORE_BATCH);
        List<EnrollmentLedger.Staged> writes = new ArrayList<>(STORE_BATCH);
        for (Planned p : plan.rows) {
            preview.add(p.preview());
            if (p.action == Action.CREATE || p.action == Action.UPDATE) {
                writes.add(staged(p));
            }
            if (preview.size() == STORE_BATCH) {
                storeBatch(id, preview, writes);
            }
        }
        storeBatch(id, preview, writes);
        List<CellProblem> problems = plan.problems;
        for (int from = 0; from < problems.size(); from += STORE_BATCH) {
            int first = from;
            List<CellProblem> batch = problems.subList(from, Math.min(problems.size(), from + STORE_BATCH));
            transactions.executeWithoutResult(tx -> jobs.insertProblems(id, first, batch));
        }
    }

    private void storeBatch(String id, List<PreviewRow> preview, List<EnrollmentLedger.Staged> writes) {
        if (preview.isEmpty()) {
            return;
        }
        transactions.executeWithoutResult(tx -> {
            jobs.insertRows(id, preview);
            jobs.insertWrites(id, writes);
        });
        preview.clear();
        writes.clear();
    }

    private EnrollmentLedger.Staged staged(Planned p) {
        RosterRow row = p.checked;
        String idNumber = Objects.requireNonNull(row.idNumber()).value();
        String mobile = Objects.requireNonNull(row.mobile());
        EnrollmentLedger.Existing existing = p.action == Action.UPDATE ? Objects.requireNonNull(p.existing) : null;
        return new EnrollmentLedger.Staged(
                p.row.rowNumber(),
                existing == null ? null : existing.memberId(),
                existing == null ? null : existing.version(),
                personalData.seal(PersonalDataKind.RESIDENT_ID_NUMBER, idNumber),
                Masks.residentIdNumber(idNumber),
                personalData.seal(PersonalDataKind.MOBILE, mobile),
                Masks.mobile(mobile),
                Objects.requireNonNull(row.name()),
                Objects.requireNonNull(row.occupation()),
                row.enterpriseId(),
                Objects.requireNonNull(row.route()),
                Objects.requireNonNull(row.joinedOn()),
                ledger.newCardToken());
    }

    /**
     * Reads the file and plans every row against the memberships stored now.
     *
     * @return the plan, or null when the file has no data rows
     * @throws SpreadsheetRejectedException when the file as a whole cannot be used (also over {@link #maxRows})
     */
    private @Nullable Plan plan(EnrollmentJobs.Job job, byte[] content, Progress progress) {
        Locale locale = job.locale();
        ParsedSheet sheet;
        try {
            sheet = reader.read(job.fileName(), new ByteArrayInputStream(content), RosterChecker.SCHEMA, locale);
        } catch (SpreadsheetRejectedException e) {
            if (e.reason() == SpreadsheetRejectedException.Reason.TOO_MANY_ROWS) {
                throw tooManyRows(locale);
            }
            throw e;
        }
        if (sheet.rows().size() > maxRows) {
            throw tooManyRows(locale);
        }
        List<SheetRow> rows = sheet.rows();
        if (rows.isEmpty()) {
            return null;
        }
        progress.at(rows.size(), 0);
        RosterChecker checker = new RosterChecker(
                time.today(),
                job.eventDate(),
                text -> org.nuanxin.membership.Occupation.parse(text).map(Enum::name),
                ledger::enterprise);
        Map<Integer, Set<String>> unusable = new HashMap<>();
        for (CellProblem p : sheet.problems()) {
            if (p.columnKey() != null) {
                unusable.computeIfAbsent(p.rowNumber(), r -> new HashSet<>()).add(p.columnKey());
            }
        }
        List<Planned> planned = new ArrayList<>(rows.size());
        Map<String, Planned> firstByKey = new HashMap<>();
        int done = 0;
        for (SheetRow row : rows) {
            RosterRow checked = checker.check(row, unusable.getOrDefault(row.rowNumber(), Set.of()));
            Planned p = new Planned(row, checked);
            p.problems.addAll(checked.problems());
            if (checked.idNumber() != null) {
                p.idKey = personalData.lookupKey(
                        PersonalDataKind.RESIDENT_ID_NUMBER, checked.idNumber().value());
                Planned first = firstByKey.putIfAbsent(p.idKey, p);
                if (first != null) {
                    // The same person twice: both rows are refused, each naming the other.
                    p.problems.add(FieldProblem.of(
                            RosterChecker.ID_NUMBER, "membership.enrollment.duplicateInFile", first.row.rowNumber()));
                    if (!first.duplicateNamed) {
                        first.problems.add(FieldProblem.of(
                                RosterChecker.ID_NUMBER, "membership.enrollment.duplicateInFile", row.rowNumber()));
                        first.duplicateNamed = true;
                    }
                }
            }
            planned.add(p);
            progress.at(rows.size(), ++done);
        }
        // Memberships already held, looked up a batch of keyed hashes at a time.
        List<String> keys = new ArrayList<>(firstByKey.keySet());
        Map<String, EnrollmentLedger.Existing> existing = new HashMap<>();
        for (int i = 0; i < keys.size(); i += LOOKUP_BATCH) {
            existing.putAll(ledger.existing(keys.subList(i, Math.min(keys.size(), i + LOOKUP_BATCH))));
        }
        Map<Long, String> unionNames = new HashMap<>();
        DataScope scope = scopes.of(job.organizationId());
        for (Planned p : planned) {
            EnrollmentLedger.Existing e = p.idKey == null ? null : existing.get(p.idKey);
            p.existing = e;
            if (e != null && !(e.current() && e.organizationId() == job.unionId())) {
                if (scope.includes(e.organizationId())) {
                    String union = unionNames.computeIfAbsent(
                            e.organizationId(), o -> ledger.organizationName(o).orElse("?"));
                    p.problems.add(FieldProblem.of(
                            RosterChecker.ID_NUMBER,
                            "membership.enrollment.alreadyMember",
                            union,
                            message(locale, MembershipState.valueOf(e.state()).messageKey())));
                } else {
                    // Where and in which state is not the uploader's to know (their data scope, as everywhere).
                    p.problems.add(FieldProblem.of(RosterChecker.ID_NUMBER, "membership.enrollment.outOfScope"));
                }
            } else if (e != null) {
                problemsWithTheRecord(p, e);
            }
            if (!p.problems.isEmpty() || unusable.containsKey(p.row.rowNumber())) {
                // Rows whose only problems are the reader's (a formula, a number cell) are refused too.
                p.action = Action.REFUSED;
            } else if (e == null) {
                p.action = Action.CREATE;
            } else {
                boolean same = e.occupation().equals(p.checked.occupation())
                        && Objects.equals(e.enterpriseId(), p.checked.enterpriseId());
                p.action = same ? Action.UNCHANGED : Action.UPDATE;
            }
        }
        List<CellProblem> problems = new ArrayList<>();
        for (CellProblem p : sheet.problems()) {
            problems.add(p);
        }
        for (Planned p : planned) {
            for (FieldProblem f : p.problems) {
                problems.add(cellProblem(p.row, f.field(), text(f, locale)));
            }
        }
        problems.sort(Comparator.comparingInt(CellProblem::rowNumber));
        return new Plan(planned, problems);
    }

    /**
     * A row for a current member of the roster's union may correct the occupation and the platform enterprise, and
     * must otherwise agree with the record: the same name (a different one is a mistyped identity number or the
     * wrong person), and the same mobile number, which is also the member's sign-in (a roster that changed it would
     * hand the member's card and data to whoever holds the new number; the member changes it themselves).
     */
    private void problemsWithTheRecord(Planned p, EnrollmentLedger.Existing e) {
        String name = p.checked.name();
        if (name != null && !sameName(name, e.name())) {
            p.problems.add(
                    FieldProblem.of(RosterChecker.NAME, "membership.enrollment.nameMismatch", Masks.name(e.name())));
        }
        String mobile = p.checked.mobile();
        if (mobile != null
                && !personalData.lookupKey(PersonalDataKind.MOBILE, mobile).equals(e.mobileLookupKey())) {
            p.problems.add(FieldProblem.of(RosterChecker.MOBILE, "membership.enrollment.mobileDiffers"));
        }
    }

    private static boolean sameName(String a, String b) {
        return normalizedName(a).equals(normalizedName(b));
    }

    /** Full-width letters folded (NFKC), invisible characters, spaces and middle dots (维吾尔族 names) ignored. */
    private static String normalizedName(String name) {
        return SheetRow.comparable(java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFKC))
                .replaceAll("[\\s·•・.]", "");
    }

    /** The problem's text; an identity-number rule without a text of its own is named in a general one. */
    private String text(FieldProblem problem, Locale locale) {
        String text = messages.getMessage(problem, locale);
        if (text.equals(problem.code()) && problem.code().startsWith("identity.residentId.")) {
            return message(
                    locale,
                    "membership.enrollment.residentId",
                    problem.code().substring("identity.residentId.".length()));
        }
        return text;
    }

    private SpreadsheetRejectedException tooManyRows(Locale locale) {
        return new SpreadsheetRejectedException(
                SpreadsheetRejectedException.Reason.TOO_MANY_ROWS,
                message(locale, "membership.enrollment.tooManyRows", String.valueOf(maxRows)));
    }

    /**
     * Writes what the check stored, in one transaction: the updates first, each only if the membership is still at
     * the version the check saw, then the new memberships; a membership that changed, or a person who became a member
     * meanwhile (the unique lookup key), rolls all of it back and fails the job, naming the cause.
     */
    void write(EnrollmentJobs.Job job, Mode mode, AuditLog.Origin origin) {
        String id = job.id();
        try {
            int[] counts = transactions.execute(tx -> {
                Instant now = time.now();
                int updated = ledger.updateStaged(id, now);
                if (updated != job.toUpdate()) {
                    throw new ConcurrentChange();
                }
                int created = ledger.createStaged(id, job.unionId(), origin.actor(), now);
                if (created != job.toCreate()) {
                    throw new ConcurrentChange();
                }
                audit.record(
                        origin,
                        "membership.enroll",
                        "enrollment",
                        id,
                        null,
                        "union=" + job.unionId() + " mode=" + mode + " rows=" + job.total() + " created=" + created
                                + " updated=" + updated + " refused=" + job.refused());
                events.publishEvent(new MembersEnrolled(id, job.unionId(), job.eventDate(), created, updated));
                jobs.committed(id, created, updated, now);
                return new int[] {created, updated};
            });
            log.info("Enrollment {} committed: {} created, {} updated", id, counts[0], counts[1]);
        } catch (ConcurrentChange | DuplicateKeyException e) {
            jobs.fail(id, message(job.locale(), "membership.enrollment.concurrent"), time.now());
        } catch (RuntimeException e) {
            log.error("Writing enrollment {} failed and was rolled back", id, e);
            jobs.fail(id, message(job.locale(), "membership.enrollment.failed"), time.now());
        }
    }

    private static CellProblem cellProblem(SheetRow row, String key, String message) {
        ColumnSpec column = RosterChecker.SCHEMA.column(key).orElseThrow();
        String ref = row.columnLetters().containsKey(key) ? row.cellRef(key) : null;
        return new CellProblem(row.rowNumber(), key, column.header(), ref, message);
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
        final RosterRow checked;
        final List<FieldProblem> problems = new ArrayList<>(2);

        @Nullable
        String idKey;

        EnrollmentLedger.@Nullable Existing existing;

        Action action = Action.REFUSED;
        boolean duplicateNamed;

        Planned(SheetRow row, RosterRow checked) {
            this.row = row;
            this.checked = checked;
        }

        PreviewRow preview() {
            return new PreviewRow(
                    row.rowNumber(),
                    action,
                    checked.name() == null ? "" : Masks.name(checked.name()),
                    checked.idNumber() == null ? "" : checked.idNumber().masked(),
                    checked.occupation());
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

        EnrollmentJobs.Counts counts() {
            return new EnrollmentJobs.Counts(
                    rows.size(),
                    count(Action.CREATE),
                    count(Action.UPDATE),
                    count(Action.UNCHANGED),
                    count(Action.REFUSED),
                    problems.size());
        }
    }
}
