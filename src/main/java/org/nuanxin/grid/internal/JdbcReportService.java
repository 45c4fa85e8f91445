package org.nuanxin.grid.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.nuanxin.audit.AuditLog;
import org.nuanxin.geo.CoordinateTransform;
import org.nuanxin.geo.Distances;
import org.nuanxin.geo.GeoPoint;
import org.nuanxin.grid.GridPermissions;
import org.nuanxin.grid.GridPermissions.Action;
import org.nuanxin.grid.HazardCategory;
import org.nuanxin.grid.HazardReportHandled;
import org.nuanxin.grid.HazardReported;
import org.nuanxin.grid.ReportAction;
import org.nuanxin.grid.ReportState;
import org.nuanxin.grid.SanitizedPhoto;
import org.nuanxin.identity.DataScope;
import org.nuanxin.identity.DataScopes;
import org.nuanxin.identity.Masks;
import org.nuanxin.identity.PersonalData;
import org.nuanxin.identity.PersonalDataKind;
import org.nuanxin.kernel.CityTime;
import org.nuanxin.kernel.FieldProblem;
import org.nuanxin.kernel.InvalidInputException;
import org.nuanxin.kernel.SqlCondition;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** {@link ReportService} over {@code grid_report} and its child tables, with {@link JdbcClient}. */
@Service
class JdbcReportService implements ReportService {

    private static final String COLUMNS = "r.id, r.token, r.category, r.description, r.lng, r.lat, r.source_crs,"
            + " r.address, r.district_code, r.block_id, r.organization_id, r.report_state, r.channel, r.reporter_key,"
            + " r.reporter_masked, r.api_key_id, r.duplicate_of, r.responsible_unit, r.submitted_at,"
            + " r.verify_due_at, r.verified_at, r.closed_at, r.updated_at, r.version";
    private static final String EVENT_COLUMNS = "e.id, e.report_id, e.event_kind, e.state_after, e.actor, e.note,"
            + " e.forwarded_to, p.photo_key, e.related_id, e.occurred_at";
    private static final int MAX_ADDRESS = 200;
    private static final int MAX_NOTE = 1000;
    private static final int MAX_UNIT = 100;
    private static final int MAX_IDEMPOTENCY_KEY = 64;
    private static final int NEARBY_LIMIT = 5;
    private static final String OPEN_STATES = Arrays.stream(ReportState.values())
            .filter(ReportState::isOpen)
            .map(s -> "'" + s.name() + "'")
            .collect(Collectors.joining(", ", "(", ")"));

    private final JdbcClient jdbc;
    private final Placements placements;
    private final ResponsibleUnits units;
    private final GridPermissions permissions;
    private final DataScopes scopes;
    private final PersonalData personalData;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final CityTime time;
    private final GridProperties properties;
    private final TransactionTemplate transaction;

    JdbcReportService(
            JdbcClient jdbc,
            Placements placements,
            ResponsibleUnits units,
            GridPermissions permissions,
            DataScopes scopes,
            PersonalData personalData,
            AuditLog audit,
            ApplicationEventPublisher events,
            CityTime time,
            GridProperties properties,
            PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.placements = placements;
        this.units = units;
        this.permissions = permissions;
        this.scopes = scopes;
        this.personalData = personalData;
        this.audit = audit;
        this.events = events;
        this.time = time;
        this.properties = properties;
        this.transaction = new TransactionTemplate(transactions);
    }

    // ---- submitting

    @Override
    public Submission submit(Reporter reporter, NewReport input) {
        Checked checked = check(input);
        @Nullable String reporterKey = reporter instanceof Reporter.Worker w ? mobileKey(w.mobile()) : null;
        @Nullable Long apiKeyId = reporter instanceof Reporter.ApiClient c ? c.apiKeyId() : null;
        @Nullable String idempotencyKey = input.idempotencyKey();
        if (idempotencyKey != null) {
            Optional<Report> earlier = byIdempotencyKey(reporterKey, apiKeyId, idempotencyKey);
            if (earlier.isPresent()) {
                return new Submission(earlier.get(), true);
            }
        }
        try {
            Report report = transaction.execute(tx -> insert(reporter, reporterKey, apiKeyId, input, checked));
            return new Submission(report, false);
        } catch (DuplicateKeyException e) {
            // the same key raced in from a second connection: the first one won
            return byIdempotencyKey(reporterKey, apiKeyId, idempotencyKey == null ? "" : idempotencyKey)
                    .map(r -> new Submission(r, true))
                    .orElseThrow(() -> e);
        }
    }

    private record Checked(HazardCategory category, String description, GeoPoint wgs84, Placement placement) {}

    private Checked check(NewReport input) {
        List<FieldProblem> problems = new ArrayList<>();
        if (input.category() == null) {
            problems.add(FieldProblem.of("category", "grid.category.required"));
        }
        String description = input.description().strip();
        int length = description.codePointCount(0, description.length());
        if (description.isEmpty()) {
            problems.add(FieldProblem.of("description", "grid.description.required"));
        } else if (length > MAX_DESCRIPTION) {
            problems.add(FieldProblem.of("description", "grid.description.tooLong", MAX_DESCRIPTION, length));
        }
        if (input.address().strip().length() > MAX_ADDRESS) {
            problems.add(FieldProblem.of("address", "grid.address.tooLong", MAX_ADDRESS));
        }
        if (input.photos().size() > MAX_PHOTOS) {
            problems.add(FieldProblem.of("photo", "grid.photo.tooMany", MAX_PHOTOS));
        }
        if (input.idempotencyKey() != null && input.idempotencyKey().length() > MAX_IDEMPOTENCY_KEY) {
            problems.add(FieldProblem.of("idempotencyKey", "grid.idempotencyKey.tooLong", MAX_IDEMPOTENCY_KEY));
        }
        @Nullable GeoPoint wgs84 = null;
        @Nullable Placement placement = null;
        if (input.longitude() == null || input.latitude() == null) {
            problems.add(FieldProblem.of("location", "grid.location.required"));
        } else {
            try {
                wgs84 = CoordinateTransform.toWgs84(GeoPoint.of(input.longitude(), input.latitude()), input.crs());
                placement = placements.place(wgs84);
            } catch (IllegalArgumentException e) {
                problems.add(FieldProblem.of("location", "grid.location.invalid"));
            } catch (InvalidInputException e) {
                problems.addAll(e.errors());
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new Checked(input.category(), description, wgs84, placement);
    }

    private Report insert(
            Reporter reporter,
            @Nullable String reporterKey,
            @Nullable Long apiKeyId,
            NewReport input,
            Checked checked) {
        Instant now = time.now();
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO grid_report (token, category, description, lng, lat, source_crs, address, district_code,
                                         block_id, organization_id, report_state, channel, reporter_key,
                                         reporter_masked, api_key_id, idempotency_key, submitted_at, verify_due_at,
                                         updated_at, version)
                VALUES (:token, :category, :description, :lng, :lat, :crs, :address, :district, :block, :org,
                        'SUBMITTED', :channel, :reporterKey, :reporterMasked, :apiKeyId, :idem, :now, :due, :now, 0)
                """)
                .param("token", UUID.randomUUID().toString())
                .param("category", checked.category().name())
                .param("description", checked.description())
                .param("lng", checked.wgs84().longitude())
                .param("lat", checked.wgs84().latitude())
                .param("crs", input.crs().name().replace("_", ""))
                .param("address", input.address().strip())
                .param("district", checked.placement().districtCode())
                .param("block", checked.placement().blockId())
                .param("org", checked.placement().organizationId())
                .param("channel", reporter instanceof Reporter.Worker ? Report.APP : Report.OPEN311)
                .param("reporterKey", reporterKey)
                .param("reporterMasked", reporter instanceof Reporter.Worker w ? Masks.mobile(w.mobile()) : null)
                .param("apiKeyId", apiKeyId)
                .param("idem", input.idempotencyKey())
                .param("now", utc(now))
                .param("due", utc(now.plus(properties.verifyWithin())))
                .update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        for (SanitizedPhoto photo : input.photos()) {
            storePhoto(id, "REPORT", photo, now);
        }
        addEvent(id, TimelineEntry.Kind.SUBMITTED, ReportState.SUBMITTED, "", "", null, null, null, now);
        Placement p = checked.placement();
        events.publishEvent(new HazardReported(
                id,
                checked.category(),
                p.districtCode(),
                p.blockId(),
                p.organizationId(),
                reporter instanceof Reporter.Worker ? Report.APP : Report.OPEN311));
        return load(id).orElseThrow();
    }

    private Optional<Report> byIdempotencyKey(@Nullable String reporterKey, @Nullable Long apiKeyId, String key) {
        String owner = reporterKey != null ? "r.reporter_key = :owner" : "r.api_key_id = :owner";
        return jdbc.sql("SELECT " + COLUMNS + " FROM grid_report r WHERE " + owner + " AND r.idempotency_key = :key")
                .param("owner", reporterKey != null ? reporterKey : apiKeyId)
                .param("key", key)
                .query(JdbcReportService::report)
                .optional();
    }

    @Override
    @Transactional(readOnly = true)
    public List<Nearby> openNearby(HazardCategory category, GeoPoint wgs84) {
        double dLat = NEARBY_METRES / 111_000.0 * 1.1;
        double dLng = dLat / Math.max(0.1, Math.cos(Math.toRadians(wgs84.latitude())));
        return jdbc
                .sql("SELECT " + COLUMNS + " FROM grid_report r WHERE r.category = :category AND r.report_state IN "
                        + OPEN_STATES + " AND r.lat BETWEEN :minLat AND :maxLat AND r.lng BETWEEN :minLng AND :maxLng")
                .param("category", category.name())
                .param("minLat", wgs84.latitude() - dLat)
                .param("maxLat", wgs84.latitude() + dLat)
                .param("minLng", wgs84.longitude() - dLng)
                .param("maxLng", wgs84.longitude() + dLng)
                .query(JdbcReportService::report)
                .stream()
                .map(r -> new Nearby(r, Distances.metres(wgs84, r.point())))
                .filter(n -> n.metres() <= NEARBY_METRES)
                .sorted(Comparator.comparingDouble(Nearby::metres))
                .limit(NEARBY_LIMIT)
                .toList();
    }

    @Override
    @Transactional
    public void follow(String mobile, long reportId, String note, @Nullable SanitizedPhoto photo) {
        Report report = load(reportId)
                .filter(r -> r.state().isOpen())
                .orElseThrow(() -> new NoSuchElementException("report " + reportId));
        String text = note == null ? "" : note.strip();
        if (text.codePointCount(0, text.length()) > MAX_DESCRIPTION) {
            throw new InvalidInputException("description", "grid.description.tooLong", MAX_DESCRIPTION, text.length());
        }
        String key = mobileKey(mobile);
        Instant now = time.now();
        if (!key.equals(report.reporterKey())) {
            int known = jdbc.sql(
                            "SELECT COUNT(*) FROM grid_report_follower WHERE report_id = :id AND mobile_key = :key")
                    .param("id", reportId)
                    .param("key", key)
                    .query(Integer.class)
                    .single();
            if (known == 0) {
                jdbc.sql(
                                "INSERT INTO grid_report_follower (report_id, mobile_key, followed_at) VALUES (:id, :key, :now)")
                        .param("id", reportId)
                        .param("key", key)
                        .param("now", utc(now))
                        .update();
            }
        }
        if (!text.isEmpty() || photo != null) {
            @Nullable Long photoId = photo == null ? null : storePhoto(reportId, "FOLLOW", photo, now);
            addEvent(reportId, TimelineEntry.Kind.FOLLOWED, report.state(), "", text, null, photoId, null, now);
        }
    }

    // ---- the worker's side

    @Override
    @Transactional(readOnly = true)
    public List<Report> mine(String mobile) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM grid_report r WHERE r.reporter_key = :key OR r.id IN"
                        + " (SELECT f.report_id FROM grid_report_follower f WHERE f.mobile_key = :key)"
                        + " ORDER BY r.submitted_at DESC, r.id DESC LIMIT 200")
                .param("key", mobileKey(mobile))
                .query(JdbcReportService::report)
                .list();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Report> mine(String mobile, long reportId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM grid_report r WHERE r.id = :id AND (r.reporter_key = :key OR"
                        + " EXISTS (SELECT 1 FROM grid_report_follower f WHERE f.report_id = r.id"
                        + " AND f.mobile_key = :key))")
                .param("id", reportId)
                .param("key", mobileKey(mobile))
                .query(JdbcReportService::report)
                .optional();
    }

    @Override
    @Transactional(readOnly = true)
    public List<TimelineEntry> timeline(long reportId) {
        return jdbc.sql("SELECT " + EVENT_COLUMNS + " FROM grid_report_event e LEFT JOIN grid_report_photo p"
                        + " ON p.id = e.photo_id WHERE e.report_id = :id ORDER BY e.occurred_at, e.id")
                .param("id", reportId)
                .query(JdbcReportService::entry)
                .list();
    }

    @Override
    @Transactional(readOnly = true)
    public List<StoredPhoto> photos(long reportId) {
        return jdbc.sql("SELECT photo_key, report_id, photo_role, content_type, width, height, byte_size"
                        + " FROM grid_report_photo WHERE report_id = :id ORDER BY id")
                .param("id", reportId)
                .query(JdbcReportService::photo)
                .list();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<StoredPhoto.Content> photo(String key) {
        return jdbc.sql("SELECT photo_key, report_id, photo_role, content_type, width, height, byte_size, content"
                        + " FROM grid_report_photo WHERE photo_key = :key")
                .param("key", key)
                .query((rs, n) -> new StoredPhoto.Content(photo(rs, n), rs.getBytes("content")))
                .optional();
    }

    @Override
    @Transactional(readOnly = true)
    public List<Notification> notifications(String mobile) {
        return jdbc.sql("SELECT n.id AS notification_id, n.read_at, " + EVENT_COLUMNS
                        + " FROM grid_notification n JOIN grid_report_event e ON e.id = n.event_id"
                        + " LEFT JOIN grid_report_photo p ON p.id = e.photo_id"
                        + " WHERE n.mobile_key = :key ORDER BY n.id DESC LIMIT 50")
                .param("key", mobileKey(mobile))
                .query((rs, n) -> new Notification(
                        rs.getLong("notification_id"),
                        rs.getLong("report_id"),
                        entry(rs, n),
                        instantOrNull(rs, "read_at")))
                .list();
    }

    @Override
    @Transactional(readOnly = true)
    public int unreadNotifications(String mobile) {
        return jdbc.sql("SELECT COUNT(*) FROM grid_notification WHERE mobile_key = :key AND read_at IS NULL")
                .param("key", mobileKey(mobile))
                .query(Integer.class)
                .single();
    }

    @Override
    @Transactional
    public void markNotificationsRead(String mobile, @Nullable Long reportId) {
        var statement = jdbc.sql(
                        "UPDATE grid_notification SET read_at = :now WHERE mobile_key = :key AND read_at IS NULL"
                                + (reportId == null ? "" : " AND report_id = :report"))
                .param("now", utc(time.now()))
                .param("key", mobileKey(mobile));
        if (reportId != null) {
            statement = statement.param("report", reportId);
        }
        statement.update();
    }

    // ---- the staff side

    @Override
    @Transactional(readOnly = true)
    public Page<Report> queue(ReportFilter filter, Pageable pageable) {
        permissions.check(Action.VIEW);
        Instant now = time.now();
        Where where = where(filter, now);
        long total = jdbc.sql("SELECT COUNT(*) FROM grid_report r WHERE " + where.sql())
                .params(where.args())
                .query(Long.class)
                .single();
        List<Object> args = new ArrayList<>();
        args.addAll(where.args());
        args.add(utc(now));
        args.add(pageable.getPageSize());
        args.add(pageable.getOffset());
        List<Report> rows = jdbc.sql("SELECT " + COLUMNS + " FROM grid_report r WHERE " + where.sql()
                        + " ORDER BY CASE WHEN r.report_state = 'SUBMITTED' AND r.verify_due_at < ? THEN 0 ELSE 1 END,"
                        + " r.submitted_at, r.id LIMIT ? OFFSET ?")
                .params(args)
                .query(JdbcReportService::report)
                .list();
        return new PageImpl<>(rows, pageable, total);
    }

    @Override
    @Transactional(readOnly = true)
    public List<Report> list(ReportFilter filter, int limit) {
        permissions.check(Action.VIEW);
        Where where = where(filter, time.now());
        List<Object> args = new ArrayList<>(where.args());
        args.add(limit);
        return jdbc.sql("SELECT " + COLUMNS + " FROM grid_report r WHERE " + where.sql()
                        + " ORDER BY r.submitted_at DESC, r.id DESC LIMIT ?")
                .params(args)
                .query(JdbcReportService::report)
                .list();
    }

    private record Where(String sql, List<Object> args) {}

    private Where where(ReportFilter filter, Instant now) {
        DataScope scope = scopes.current();
        if (filter.organizationId() != null) {
            scope = scope.narrowTo(filter.organizationId());
        }
        SqlCondition condition = scope.on("r.organization_id");
        StringBuilder sql = new StringBuilder(condition.sql());
        List<Object> args = new ArrayList<>(condition.parameters());
        if (!filter.categories().isEmpty()) {
            sql.append(" AND r.category IN (")
                    .append(String.join(
                            ", ",
                            java.util.Collections.nCopies(filter.categories().size(), "?")))
                    .append(')');
            filter.categories().stream().map(Enum::name).sorted().forEach(args::add);
        }
        if (!filter.states().isEmpty()) {
            sql.append(" AND r.report_state IN (")
                    .append(String.join(
                            ", ", java.util.Collections.nCopies(filter.states().size(), "?")))
                    .append(')');
            filter.states().stream().map(Enum::name).sorted().forEach(args::add);
        }
        if (filter.blockId() != null) {
            sql.append(" AND r.block_id = ?");
            args.add(filter.blockId());
        }
        if (filter.submittedAfter() != null) {
            sql.append(" AND r.submitted_at >= ?");
            args.add(utc(filter.submittedAfter()));
        }
        if (filter.overdueOnly()) {
            sql.append(" AND r.report_state = 'SUBMITTED' AND r.verify_due_at < ?");
            args.add(utc(now));
        }
        return new Where(sql.toString(), args);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Report> find(long id) {
        permissions.check(Action.VIEW);
        DataScope scope = scopes.current();
        return load(id).filter(r -> scope.includes(r.organizationId()));
    }

    @Override
    @Transactional
    public Report act(long id, int version, ReportAction action, ActionInput input) {
        permissions.check(Action.HANDLE);
        DataScope scope = scopes.current();
        Report report = load(id).filter(r -> scope.includes(r.organizationId()))
                .orElseThrow(() -> new NoSuchElementException("report " + id));
        permissions.check(Action.HANDLE, report.organizationId());
        if (report.version() != version) {
            throw new ReportChangedConcurrentlyException(id);
        }
        if (!action.allowedFrom(report.state())) {
            throw new InvalidInputException("action", "grid.action.notAllowed");
        }
        String note = input.note() == null ? "" : input.note().strip();
        List<FieldProblem> problems = new ArrayList<>();
        if (action.needsNote() && note.isEmpty()) {
            problems.add(FieldProblem.of("note", "grid.note.required"));
        } else if (note.codePointCount(0, note.length()) > MAX_NOTE) {
            problems.add(FieldProblem.of("note", "grid.note.tooLong", MAX_NOTE));
        }
        @Nullable String forwardedTo = null;
        if (action == ReportAction.FORWARD) {
            String unit = input.forwardTo() == null ? "" : input.forwardTo().strip();
            forwardedTo = unit.isEmpty()
                    ? units.unitFor(report.category(), report.districtCode()).unitName()
                    : unit;
            if (forwardedTo.length() > MAX_UNIT) {
                problems.add(FieldProblem.of("forwardTo", "grid.forwardTo.tooLong", MAX_UNIT));
            }
        }
        @Nullable Report target = null;
        if (action == ReportAction.MERGE) {
            Long other = input.duplicateOf();
            if (other == null) {
                problems.add(FieldProblem.of("duplicateOf", "grid.duplicateOf.required"));
            } else if (other == id) {
                problems.add(FieldProblem.of("duplicateOf", "grid.duplicateOf.self"));
            } else {
                target = load(other)
                        .filter(r -> scope.includes(r.organizationId()))
                        .filter(r -> r.state().isOpen())
                        .orElse(null);
                if (target == null) {
                    problems.add(FieldProblem.of("duplicateOf", "grid.duplicateOf.notOpen", other));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Instant now = time.now();
        ReportState next = action.next(report.state());
        int updated = jdbc.sql("""
                UPDATE grid_report SET report_state = :state, updated_at = :now, version = version + 1,
                       verified_at = CASE WHEN :verify THEN COALESCE(verified_at, :now) ELSE verified_at END,
                       closed_at = CASE WHEN :closed THEN CAST(:now AS TIMESTAMP WITH TIME ZONE) ELSE NULL END,
                       responsible_unit = COALESCE(:unit, responsible_unit),
                       duplicate_of = CASE WHEN :merge THEN :duplicateOf
                                           WHEN :reopen THEN NULL ELSE duplicate_of END
                WHERE id = :id AND version = :version
                """)
                .param("state", next.name())
                .param("now", utc(now))
                .param("verify", action == ReportAction.VERIFY)
                .param("closed", !next.isOpen())
                .param("unit", forwardedTo)
                .param("merge", action == ReportAction.MERGE)
                .param("reopen", action == ReportAction.REOPEN)
                .param("duplicateOf", target == null ? null : target.id())
                .param("id", id)
                .param("version", version)
                .update();
        if (updated == 0) {
            throw new ReportChangedConcurrentlyException(id);
        }
        @Nullable
        Long photoId =
                action == ReportAction.FIX && input.photo() != null ? storePhoto(id, "FIX", input.photo(), now) : null;
        String actor = audit.currentOrigin().actor();
        long eventId = addEvent(
                id, kindOf(action), next, actor, note, forwardedTo, photoId, target == null ? null : target.id(), now);
        notifyFollowers(report, eventId, now);
        if (action == ReportAction.VERIFY) {
            awardPoints(report, now);
        }
        if (target != null) {
            mergeFollowers(report, target, now);
        }
        audit.record(
                switch (action) {
                    case VERIFY -> "grid.report.verify";
                    case REJECT -> "grid.report.reject";
                    case MERGE -> "grid.report.merge";
                    case FORWARD -> "grid.report.forward";
                    case NOTE -> "grid.report.note";
                    case FIX -> "grid.report.fix";
                    case REOPEN -> "grid.report.reopen";
                },
                "grid_report",
                String.valueOf(id),
                action == ReportAction.REJECT || action == ReportAction.REOPEN ? note : null);
        events.publishEvent(new HazardReportHandled(id, action, next, report.organizationId()));
        return load(id).orElseThrow();
    }

    private static TimelineEntry.Kind kindOf(ReportAction action) {
        return switch (action) {
            case VERIFY -> TimelineEntry.Kind.VERIFIED;
            case REJECT -> TimelineEntry.Kind.REJECTED;
            case MERGE -> TimelineEntry.Kind.MERGED;
            case FORWARD -> TimelineEntry.Kind.FORWARDED;
            case NOTE -> TimelineEntry.Kind.NOTE;
            case FIX -> TimelineEntry.Kind.FIXED;
            case REOPEN -> TimelineEntry.Kind.REOPENED;
        };
    }

    /** The reporter and every follower hear of the step. */
    private void notifyFollowers(Report report, long eventId, Instant now) {
        Set<String> keys = new java.util.LinkedHashSet<>();
        if (report.reporterKey() != null) {
            keys.add(report.reporterKey());
        }
        keys.addAll(jdbc.sql("SELECT mobile_key FROM grid_report_follower WHERE report_id = :id")
                .param("id", report.id())
                .query(String.class)
                .list());
        for (String key : keys) {
            jdbc.sql("INSERT INTO grid_notification (mobile_key, report_id, event_id, created_at)"
                            + " VALUES (:key, :report, :event, :now)")
                    .param("key", key)
                    .param("report", report.id())
                    .param("event", eventId)
                    .param("now", utc(now))
                    .update();
        }
    }

    /** The reporter of a merged report, and its followers, follow the report it duplicates. */
    private void mergeFollowers(Report merged, Report target, Instant now) {
        Set<String> keys = new java.util.LinkedHashSet<>();
        if (merged.reporterKey() != null) {
            keys.add(merged.reporterKey());
        }
        keys.addAll(jdbc.sql("SELECT mobile_key FROM grid_report_follower WHERE report_id = :id")
                .param("id", merged.id())
                .query(String.class)
                .list());
        keys.remove(target.reporterKey());
        for (String key : keys) {
            jdbc.sql("""
                    INSERT INTO grid_report_follower (report_id, mobile_key, followed_at)
                    SELECT :report, :key, :now WHERE NOT EXISTS
                        (SELECT 1 FROM grid_report_follower WHERE report_id = :report AND mobile_key = :key)
                    """)
                    .param("report", target.id())
                    .param("key", key)
                    .param("now", utc(now))
                    .update();
        }
    }

    /** A verified report earns its reporter points when they serve as a grid worker (once per report). */
    private void awardPoints(Report report, Instant now) {
        if (report.reporterKey() == null) {
            return;
        }
        jdbc.sql("""
                INSERT INTO grid_points (mobile_key, report_id, points, awarded_at)
                SELECT :key, :report, :points, :now WHERE EXISTS
                    (SELECT 1 FROM grid_worker WHERE mobile_key = :key AND ended_at IS NULL)
                  AND NOT EXISTS (SELECT 1 FROM grid_points WHERE report_id = :report)
                """)
                .param("key", report.reporterKey())
                .param("report", report.id())
                .param("points", POINTS_PER_VERIFIED_REPORT)
                .param("now", utc(now))
                .update();
    }

    // ---- Open311 reads

    @Override
    @Transactional(readOnly = true)
    public Optional<Report> findPublic(long id) {
        return load(id);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Report> findByToken(String token) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM grid_report r WHERE r.token = :token")
                .param("token", token)
                .query(JdbcReportService::report)
                .optional();
    }

    @Override
    @Transactional(readOnly = true)
    public List<Report> search(PublicQuery query) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM grid_report r WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (!query.ids().isEmpty()) {
            sql.append(" AND r.id IN (")
                    .append(String.join(
                            ", ", java.util.Collections.nCopies(query.ids().size(), "?")))
                    .append(')');
            args.addAll(query.ids());
        }
        if (!query.categories().isEmpty()) {
            sql.append(" AND r.category IN (")
                    .append(String.join(
                            ", ",
                            java.util.Collections.nCopies(query.categories().size(), "?")))
                    .append(')');
            query.categories().stream().map(Enum::name).sorted().forEach(args::add);
        }
        if (query.from() != null) {
            sql.append(" AND r.submitted_at >= ?");
            args.add(utc(query.from()));
        }
        if (query.to() != null) {
            sql.append(" AND r.submitted_at <= ?");
            args.add(utc(query.to()));
        }
        if (query.open() != null) {
            sql.append(query.open() ? " AND r.report_state IN " : " AND r.report_state NOT IN ")
                    .append(OPEN_STATES);
        }
        sql.append(" ORDER BY r.submitted_at DESC, r.id DESC LIMIT ?");
        args.add(query.limit());
        return jdbc.sql(sql.toString())
                .params(args)
                .query(JdbcReportService::report)
                .list();
    }

    // ---- rows

    Optional<Report> load(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM grid_report r WHERE r.id = :id")
                .param("id", id)
                .query(JdbcReportService::report)
                .optional();
    }

    private long storePhoto(long reportId, String role, SanitizedPhoto photo, Instant now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO grid_report_photo (report_id, photo_key, photo_role, content_type, width, height,
                                               byte_size, content, created_at)
                VALUES (:report, :key, :role, :type, :width, :height, :size, :content, :now)
                """)
                .param("report", reportId)
                .param("key", UUID.randomUUID().toString())
                .param("role", role)
                .param("type", photo.contentType())
                .param("width", photo.width())
                .param("height", photo.height())
                .param("size", photo.size())
                .param("content", photo.bytes())
                .param("now", utc(now))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    private long addEvent(
            long reportId,
            TimelineEntry.Kind kind,
            ReportState after,
            String actor,
            String note,
            @Nullable String forwardedTo,
            @Nullable Long photoId,
            @Nullable Long relatedId,
            Instant now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO grid_report_event (report_id, event_kind, state_after, actor, note, forwarded_to,
                                               photo_id, related_id, occurred_at)
                VALUES (:report, :kind, :state, :actor, :note, :forwardedTo, :photo, :related, :now)
                """)
                .param("report", reportId)
                .param("kind", kind.name())
                .param("state", after.name())
                .param("actor", actor)
                .param("note", note)
                .param("forwardedTo", forwardedTo)
                .param("photo", photoId)
                .param("related", relatedId)
                .param("now", utc(now))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    private String mobileKey(String mobile) {
        return personalData.lookupKey(PersonalDataKind.MOBILE, mobile);
    }

    static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static @Nullable Instant instantOrNull(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    private static @Nullable Long longOrNull(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    static Report report(ResultSet rs, int row) throws SQLException {
        return new Report(
                rs.getLong("id"),
                rs.getString("token"),
                HazardCategory.valueOf(rs.getString("category")),
                rs.getString("description"),
                rs.getDouble("lng"),
                rs.getDouble("lat"),
                rs.getString("source_crs"),
                rs.getString("address"),
                rs.getString("district_code"),
                longOrNull(rs, "block_id"),
                rs.getLong("organization_id"),
                ReportState.valueOf(rs.getString("report_state")),
                rs.getString("channel"),
                rs.getString("reporter_key"),
                rs.getString("reporter_masked"),
                longOrNull(rs, "api_key_id"),
                longOrNull(rs, "duplicate_of"),
                rs.getString("responsible_unit"),
                instant(rs, "submitted_at"),
                instant(rs, "verify_due_at"),
                instantOrNull(rs, "verified_at"),
                instantOrNull(rs, "closed_at"),
                instant(rs, "updated_at"),
                rs.getInt("version"));
    }

    private static TimelineEntry entry(ResultSet rs, int row) throws SQLException {
        return new TimelineEntry(
                rs.getLong("id"),
                rs.getLong("report_id"),
                TimelineEntry.Kind.valueOf(rs.getString("event_kind")),
                ReportState.valueOf(rs.getString("state_after")),
                rs.getString("actor"),
                rs.getString("note"),
                rs.getString("forwarded_to"),
                rs.getString("photo_key"),
                longOrNull(rs, "related_id"),
                instant(rs, "occurred_at"));
    }

    private static StoredPhoto photo(ResultSet rs, int row) throws SQLException {
        return new StoredPhoto(
                rs.getString("photo_key"),
                rs.getLong("report_id"),
                rs.getString("photo_role"),
                rs.getString("content_type"),
                rs.getInt("width"),
                rs.getInt("height"),
                rs.getInt("byte_size"));
    }
}
