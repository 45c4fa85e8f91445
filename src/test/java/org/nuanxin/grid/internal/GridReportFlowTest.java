package org.nuanxin.grid.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nuanxin.geo.CoordinateSystem;
import org.nuanxin.geo.CoordinateTransform;
import org.nuanxin.geo.Divisions;
import org.nuanxin.geo.GeoPoint;
import org.nuanxin.grid.HazardCategory;
import org.nuanxin.grid.HazardReportHandled;
import org.nuanxin.grid.HazardReported;
import org.nuanxin.grid.ReportAction;
import org.nuanxin.grid.ReportState;
import org.nuanxin.grid.SanitizedPhoto;
import org.nuanxin.grid.TestPhotos;
import org.nuanxin.identity.CurrentWorker;
import org.nuanxin.identity.Role;
import org.nuanxin.kernel.FieldProblem;
import org.nuanxin.kernel.InvalidInputException;
import org.nuanxin.membership.EnrollmentRoute;
import org.nuanxin.membership.People;
import org.nuanxin.membership.internal.JoinRequest;
import org.nuanxin.membership.internal.ReviewService;
import org.nuanxin.membership.internal.WorkerMembershipService;
import org.nuanxin.support.MutableClock;
import org.nuanxin.support.PublishedEvents;
import org.nuanxin.support.ScopedUser;
import org.nuanxin.support.StaffAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Hazard reports from submission to "fixed" on one database ({@link GridReportFlowH2Test},
 * {@link GridReportFlowPostgresTest}): placement, field checks, idempotent retry, the "is it this one?" suggestion,
 * every transition of the state machine (allowed and refused), points, notifications, merge, the data scope.
 */
abstract class GridReportFlowTest {

    /** 渝北区 (a large district: random points rarely fall within 250 m of another test's). */
    static final String YUBEI = "500112";

    static final String YUZHONG = "500103";

    private static final Random RANDOM = new Random(System.nanoTime());

    @Autowired
    ReportService reports;

    @Autowired
    BlockService blocks;

    @Autowired
    GridWorkerService gridWorkers;

    @Autowired
    Divisions divisions;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PublishedEvents published;

    @Autowired
    MutableClock clock;

    @Autowired
    WorkerMembershipService membership;

    @Autowired
    ReviewService review;

    @Autowired
    org.nuanxin.grid.PhotoIntake intake;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    GeoPoint somewhereIn(String district) {
        return divisions.randomPointIn(district, RANDOM);
    }

    static NewReport report(HazardCategory category, GeoPoint wgs84, String idempotencyKey) {
        return new NewReport(
                category,
                "路面塌陷约20厘米，面积约1平方米",
                wgs84.longitude(),
                wgs84.latitude(),
                CoordinateSystem.WGS84,
                "",
                List.of(),
                idempotencyKey);
    }

    Report submitted(String mobile, HazardCategory category, GeoPoint wgs84) {
        return reports.submit(new Reporter.Worker(mobile), report(category, wgs84, null))
                .report();
    }

    void asStaffOf(String division, Role role) {
        ScopedUser.signIn(ScopedUser.of(jdbc, "grid-" + role + "-" + division, role, division));
    }

    long org(String division) {
        return StaffAccounts.organization(jdbc, division);
    }

    Report act(Report r, ReportAction action, ReportService.ActionInput input) {
        return reports.act(r.id(), r.version(), action, input);
    }

    @Test
    void aReportIsPlacedInItsDistrictAndHandledByTheDistrictFederationOutsideEveryBlock() {
        GeoPoint point = somewhereIn(YUBEI);
        ReportService.Submission s =
                reports.submit(new Reporter.Worker(People.mobile()), report(HazardCategory.ROAD_SURFACE, point, null));

        Report r = s.report();
        assertThat(s.replay()).isFalse();
        assertThat(r.state()).isEqualTo(ReportState.SUBMITTED);
        assertThat(r.districtCode()).isEqualTo(YUBEI);
        assertThat(r.blockId()).isNull();
        assertThat(r.organizationId()).isEqualTo(org(YUBEI));
        assertThat(r.channel()).isEqualTo(Report.APP);
        assertThat(r.reporterMasked()).matches("139\\*{4}\\d{4}");
        assertThat(Duration.between(r.submittedAt(), r.verifyDueAt())).isEqualTo(Duration.ofHours(24));
        assertThat(reports.timeline(r.id()))
                .extracting(TimelineEntry::kind)
                .containsExactly(TimelineEntry.Kind.SUBMITTED);
        assertThat(published.of(HazardReported.class))
                .contains(new HazardReported(r.id(), HazardCategory.ROAD_SURFACE, YUBEI, null, org(YUBEI), "APP"));
    }

    @Test
    void aPointFromAnAmapPickerIsConvertedFromGcj02() {
        GeoPoint wgs84 = somewhereIn(YUBEI);
        GeoPoint gcj02 = CoordinateTransform.fromWgs84(wgs84, CoordinateSystem.GCJ02);
        NewReport input = new NewReport(
                HazardCategory.STREET_LIGHT,
                "路灯不亮",
                gcj02.longitude(),
                gcj02.latitude(),
                CoordinateSystem.GCJ02,
                "",
                List.of(),
                null);

        Report r = reports.submit(new Reporter.Worker(People.mobile()), input).report();

        assertThat(r.longitude()).isCloseTo(wgs84.longitude(), org.assertj.core.data.Offset.offset(1e-6));
        assertThat(r.latitude()).isCloseTo(wgs84.latitude(), org.assertj.core.data.Offset.offset(1e-6));
        assertThat(r.sourceCrs()).isEqualTo("GCJ02");
    }

    @Test
    void aRetriedSubmitWithTheSameKeyCreatesOneReport() {
        String mobile = People.mobile();
        NewReport input = report(HazardCategory.MANHOLE_COVER, somewhereIn(YUBEI), "8d3f-retry-" + RANDOM.nextLong());

        ReportService.Submission first = reports.submit(new Reporter.Worker(mobile), input);
        ReportService.Submission second = reports.submit(new Reporter.Worker(mobile), input);

        assertThat(second.replay()).isTrue();
        assertThat(second.report().id()).isEqualTo(first.report().id());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM grid_report WHERE idempotency_key = :k")
                        .param("k", input.idempotencyKey())
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
        // another rider's key of the same text is another report
        ReportService.Submission other = reports.submit(new Reporter.Worker(People.mobile()), input);
        assertThat(other.replay()).isFalse();
        assertThat(other.report().id()).isNotEqualTo(first.report().id());
    }

    @Test
    void badInputNamesEveryField() {
        NewReport input = new NewReport(
                null,
                "险".repeat(ReportService.MAX_DESCRIPTION + 1),
                null,
                29.5,
                CoordinateSystem.WGS84,
                "x".repeat(201),
                List.of(),
                null);

        InvalidInputException e = catchThrowableOfType(
                InvalidInputException.class, () -> reports.submit(new Reporter.Worker(People.mobile()), input));

        assertThat(e.errors())
                .extracting(FieldProblem::field, FieldProblem::code)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("category", "grid.category.required"),
                        org.assertj.core.groups.Tuple.tuple("description", "grid.description.tooLong"),
                        org.assertj.core.groups.Tuple.tuple("address", "grid.address.tooLong"),
                        org.assertj.core.groups.Tuple.tuple("location", "grid.location.required"));
    }

    @Test
    void aPointOutsideChongqingIsRefusedOnTheLocation() {
        // 成都 天府广场
        NewReport input = new NewReport(
                HazardCategory.OTHER, "x", 104.0657, 30.6595, CoordinateSystem.WGS84, "", List.of(), null);

        InvalidInputException e = catchThrowableOfType(
                InvalidInputException.class, () -> reports.submit(new Reporter.Worker(People.mobile()), input));

        assertThat(e.errors())
                .extracting(FieldProblem::field, FieldProblem::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("location", "grid.location.outside"));
    }

    @Test
    void openReportsOfTheSameCategoryWithin250MetresAreOfferedNearestFirst() {
        GeoPoint here = somewhereIn(YUBEI);
        Report at100 = submitted(People.mobile(), HazardCategory.WATERLOGGING, offset(here, 100));
        Report at240 = submitted(People.mobile(), HazardCategory.WATERLOGGING, offset(here, 240));
        submitted(People.mobile(), HazardCategory.WATERLOGGING, offset(here, 270));
        submitted(People.mobile(), HazardCategory.STREET_LIGHT, offset(here, 50));
        Report closed = submitted(People.mobile(), HazardCategory.WATERLOGGING, offset(here, 30));
        asStaffOf(YUBEI, Role.GRID_STAFF);
        act(closed, ReportAction.REJECT, ReportService.ActionInput.note("不是积水"));
        SecurityContextHolder.clearContext();

        List<ReportService.Nearby> nearby = reports.openNearby(HazardCategory.WATERLOGGING, here);

        assertThat(nearby).extracting(n -> n.report().id()).containsExactly(at100.id(), at240.id());
        assertThat(nearby.get(0).metres()).isBetween(99.0, 101.0);
    }

    /** A point {@code metres} due north of {@code p}. */
    static GeoPoint offset(GeoPoint p, double metres) {
        return GeoPoint.of(p.longitude(), p.latitude() + metres / 111_194.93);
    }

    static Stream<Arguments> transitions() {
        return Stream.of(ReportAction.values())
                .flatMap(a -> Stream.of(ReportState.values()).map(s -> Arguments.of(a, s)));
    }

    @ParameterizedTest(name = "{0} from {1}")
    @MethodSource("transitions")
    void everyActionMovesFromTheStatesTheStateMachineAllowsAndIsRefusedFromTheOthers(
            ReportAction action, ReportState from) {
        Report r = inState(from);
        asStaffOf(YUBEI, Role.GRID_STAFF);
        Report other = submitted(People.mobile(), r.category(), offset(r.point(), 50));
        ReportService.ActionInput input =
                new ReportService.ActionInput("说明", null, action == ReportAction.MERGE ? other.id() : null, null);

        if (action.allowedFrom(from)) {
            Report after = act(r, action, input);
            ReportState expected = switch (action) {
                case VERIFY -> ReportState.VERIFIED;
                case REJECT -> ReportState.REJECTED;
                case MERGE -> ReportState.MERGED;
                case FORWARD -> ReportState.FORWARDED;
                case NOTE -> ReportState.IN_PROGRESS;
                case FIX -> ReportState.FIXED;
                case REOPEN -> from == ReportState.FIXED ? ReportState.VERIFIED : ReportState.SUBMITTED;
            };
            assertThat(after.state()).isEqualTo(expected);
            assertThat(after.version()).isEqualTo(r.version() + 1);
            assertThat(after.closedAt() != null).isEqualTo(!expected.isOpen());
            TimelineEntry last =
                    reports.timeline(r.id()).get(reports.timeline(r.id()).size() - 1);
            assertThat(last.stateAfter()).isEqualTo(expected);
            assertThat(last.actor()).isEqualTo("grid-GRID_STAFF-" + YUBEI);
            assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = :a AND record_id = :id")
                            .param("a", "grid.report." + action.name().toLowerCase(java.util.Locale.ROOT))
                            .param("id", String.valueOf(r.id()))
                            .query(Integer.class)
                            .single())
                    .isGreaterThanOrEqualTo(1);
            assertThat(published.of(HazardReportHandled.class))
                    .contains(new HazardReportHandled(r.id(), action, expected, r.organizationId()));
        } else {
            InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> act(r, action, input));
            assertThat(e.errors()).extracting(FieldProblem::code).containsExactly("grid.action.notAllowed");
            assertThat(reports.find(r.id()).orElseThrow().version()).isEqualTo(r.version());
        }
    }

    /** A fresh report brought to {@code state} by staff of 渝北区. */
    Report inState(ReportState state) {
        Report r = submitted(People.mobile(), HazardCategory.CONSTRUCTION, somewhereIn(YUBEI));
        asStaffOf(YUBEI, Role.GRID_STAFF);
        ReportService.ActionInput note = ReportService.ActionInput.note("步骤");
        r = switch (state) {
            case SUBMITTED -> r;
            case VERIFIED -> act(r, ReportAction.VERIFY, note);
            case FORWARDED -> act(act(r, ReportAction.VERIFY, note), ReportAction.FORWARD, note);
            case IN_PROGRESS -> act(act(r, ReportAction.VERIFY, note), ReportAction.NOTE, note);
            case FIXED -> act(act(r, ReportAction.VERIFY, note), ReportAction.FIX, note);
            case REJECTED -> act(r, ReportAction.REJECT, note);
            case MERGED -> {
                Report other = submitted(People.mobile(), r.category(), offset(r.point(), 20));
                yield reports.act(
                        r.id(),
                        r.version(),
                        ReportAction.MERGE,
                        new ReportService.ActionInput("", null, other.id(), null));
            }
        };
        SecurityContextHolder.clearContext();
        assertThat(r.state()).isEqualTo(state);
        return r;
    }

    @Test
    void aReasonIsRequiredToRejectAndAStaleVersionIsRefused() {
        Report r = submitted(People.mobile(), HazardCategory.OTHER, somewhereIn(YUBEI));
        asStaffOf(YUBEI, Role.GRID_STAFF);

        InvalidInputException e = catchThrowableOfType(
                InvalidInputException.class, () -> act(r, ReportAction.REJECT, ReportService.ActionInput.note(" ")));
        assertThat(e.errors())
                .extracting(FieldProblem::field, FieldProblem::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("note", "grid.note.required"));

        act(r, ReportAction.VERIFY, ReportService.ActionInput.note(""));
        assertThatThrownBy(() -> act(r, ReportAction.VERIFY, ReportService.ActionInput.note("")))
                .isInstanceOf(ReportChangedConcurrentlyException.class);
    }

    @Test
    void forwardingDefaultsToTheCategorysUnitInTheDistrict() {
        Report r = submitted(People.mobile(), HazardCategory.TRAFFIC_SIGNAL, somewhereIn(YUBEI));
        asStaffOf(YUBEI, Role.UNION_STAFF);
        r = act(r, ReportAction.VERIFY, ReportService.ActionInput.note(""));

        Report forwarded = act(r, ReportAction.FORWARD, ReportService.ActionInput.note(""));

        assertThat(forwarded.responsibleUnit()).isEqualTo("渝北区交巡警支队");
        assertThat(reports.timeline(r.id()).get(2).forwardedTo()).isEqualTo("渝北区交巡警支队");
    }

    @Test
    void theReporterAndFollowersAreNotifiedAndMergingMakesTheReporterFollowTheOriginal() {
        String reporter = People.mobile();
        String follower = People.mobile();
        String duplicateReporter = People.mobile();
        GeoPoint here = somewhereIn(YUBEI);
        Report original = submitted(reporter, HazardCategory.FALLEN_TREE, here);
        reports.follow(follower, original.id(), "我也看到了", null);
        Report duplicate = submitted(duplicateReporter, HazardCategory.FALLEN_TREE, offset(here, 30));

        asStaffOf(YUBEI, Role.GRID_STAFF);
        act(duplicate, ReportAction.MERGE, new ReportService.ActionInput("", null, original.id(), null));
        Report verified = act(original, ReportAction.VERIFY, ReportService.ActionInput.note(""));
        SecurityContextHolder.clearContext();

        assertThat(reports.mine(duplicateReporter)).extracting(Report::id).contains(original.id(), duplicate.id());
        assertThat(reports.mine(follower, original.id())).isPresent();
        assertThat(reports.mine(People.mobile(), original.id())).isEmpty();
        assertThat(reports.unreadNotifications(reporter)).isEqualTo(1);
        assertThat(reports.unreadNotifications(follower)).isEqualTo(1);
        // the duplicate's reporter heard of the merge, then of the original's verification
        assertThat(reports.notifications(duplicateReporter))
                .extracting(n -> n.entry().kind())
                .containsExactly(TimelineEntry.Kind.VERIFIED, TimelineEntry.Kind.MERGED);
        reports.markNotificationsRead(reporter, original.id());
        assertThat(reports.unreadNotifications(reporter)).isZero();
        assertThat(verified.state()).isEqualTo(ReportState.VERIFIED);
        assertThat(reports.timeline(original.id()))
                .extracting(TimelineEntry::kind, TimelineEntry::note)
                .contains(org.assertj.core.groups.Tuple.tuple(TimelineEntry.Kind.FOLLOWED, "我也看到了"));
    }

    @Test
    void aFixWithAPhotoShowsOnTheTimeline() throws Exception {
        Report r = submitted(People.mobile(), HazardCategory.ROAD_SURFACE, somewhereIn(YUBEI));
        SanitizedPhoto photo = intake.accept(
                new java.io.ByteArrayInputStream(TestPhotos.encode(TestPhotos.markedCorners(64, 48, 8), "jpg")));
        asStaffOf(YUBEI, Role.GRID_STAFF);
        r = act(r, ReportAction.VERIFY, ReportService.ActionInput.note(""));

        act(r, ReportAction.FIX, new ReportService.ActionInput("已修补路面", null, null, photo));

        TimelineEntry fixed = reports.timeline(r.id()).get(2);
        assertThat(fixed.kind()).isEqualTo(TimelineEntry.Kind.FIXED);
        assertThat(fixed.note()).isEqualTo("已修补路面");
        StoredPhoto.Content content = reports.photo(fixed.photoKey()).orElseThrow();
        assertThat(content.photo().role()).isEqualTo("FIX");
        assertThat(content.bytes()).isEqualTo(photo.bytes());
    }

    @Test
    void staffOfAnotherDistrictNeitherSeeNorHandleAReport() {
        Report r = submitted(People.mobile(), HazardCategory.OTHER, somewhereIn(YUBEI));

        asStaffOf(YUZHONG, Role.GRID_STAFF);
        assertThat(reports.find(r.id())).isEmpty();
        assertThatThrownBy(() -> act(r, ReportAction.VERIFY, ReportService.ActionInput.note("")))
                .isInstanceOf(NoSuchElementException.class);
        assertThat(reports.queue(ReportFilter.all(), org.springframework.data.domain.PageRequest.of(0, 1000)))
                .extracting(Report::id)
                .doesNotContain(r.id());

        asStaffOf(YUBEI, Role.AUDITOR);
        assertThat(reports.find(r.id())).isPresent();
        assertThatThrownBy(() -> act(r, ReportAction.VERIFY, ReportService.ActionInput.note("")))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void theQueueShowsOverdueReportsFirstAndFiltersByCategoryStateAndOverdue() {
        Report old = submitted(People.mobile(), HazardCategory.BLOCKED_LANE, somewhereIn(YUBEI));
        clock.advance(Duration.ofHours(25));
        try {
            Report fresh = submitted(People.mobile(), HazardCategory.BLOCKED_LANE, somewhereIn(YUBEI));
            asStaffOf(YUBEI, Role.GRID_STAFF);
            ReportFilter overdue = new ReportFilter(
                    Set.of(HazardCategory.BLOCKED_LANE), Set.of(ReportState.SUBMITTED), null, null, true, null);

            List<Report> rows = reports.queue(overdue, org.springframework.data.domain.PageRequest.of(0, 1000))
                    .getContent();

            assertThat(rows).extracting(Report::id).contains(old.id()).doesNotContain(fresh.id());
            List<Report> all = reports.queue(
                            new ReportFilter(
                                    Set.of(HazardCategory.BLOCKED_LANE),
                                    EnumSet.of(ReportState.SUBMITTED),
                                    null,
                                    null,
                                    false,
                                    null),
                            org.springframework.data.domain.PageRequest.of(0, 1000))
                    .getContent();
            assertThat(all.indexOf(all.stream()
                            .filter(x -> x.id() == old.id())
                            .findFirst()
                            .orElseThrow()))
                    .isLessThan(all.indexOf(all.stream()
                            .filter(x -> x.id() == fresh.id())
                            .findFirst()
                            .orElseThrow()));
            assertThat(old.overdue(clock.instant())).isTrue();
        } finally {
            clock.advance(Duration.ofHours(-25));
        }
    }

    @Test
    void aGridWorkerEarnsPointsForAVerifiedReportAndABlockPlacesReportsForItsTownship() {
        String mobile = People.mobile();
        becomeMember(mobile);
        asStaffOf(YUZHONG, Role.UNION_STAFF);
        GeoPoint centre = divisions.labelPoint(YUZHONG);
        Block block = blocks.create(new BlockInput(
                "测试骑手友好街区" + RANDOM.nextInt(1000),
                YUZHONG,
                "500103003",
                "解放碑社区",
                square(centre, 0.002),
                "张主任 023-6380xxxx"));
        assertThat(block.organizationId()).isEqualTo(org("500103003"));
        SecurityContextHolder.clearContext();
        gridWorkers.enrol(mobile, block.id());

        Report r = submitted(mobile, HazardCategory.MANHOLE_COVER, centre);
        assertThat(r.blockId()).isEqualTo(block.id());
        assertThat(r.organizationId()).isEqualTo(org("500103003"));
        asStaffOf("500103003", Role.GRID_STAFF);
        act(r, ReportAction.VERIFY, ReportService.ActionInput.note(""));
        SecurityContextHolder.clearContext();

        assertThat(gridWorkers.points(mobile)).isEqualTo(ReportService.POINTS_PER_VERIFIED_REPORT);
        assertThat(gridWorkers.current(mobile).orElseThrow().points())
                .isEqualTo(ReportService.POINTS_PER_VERIFIED_REPORT);
        // a rider who is no grid worker earns nothing
        String rider = People.mobile();
        Report other = submitted(rider, HazardCategory.MANHOLE_COVER, offset(centre, 40));
        asStaffOf("500103003", Role.GRID_STAFF);
        act(other, ReportAction.VERIFY, ReportService.ActionInput.note(""));
        assertThat(gridWorkers.points(rider)).isZero();
        // retiring the block ends the enrolment and new points fall to the district again
        asStaffOf(YUZHONG, Role.UNION_STAFF);
        blocks.retire(block.id(), block.version());
        SecurityContextHolder.clearContext();
        assertThat(gridWorkers.current(mobile)).isEmpty();
        assertThat(submitted(People.mobile(), HazardCategory.OTHER, centre).organizationId())
                .isEqualTo(org(YUZHONG));
    }

    @Test
    void aMemberWhoWithdrawsStopsServingAsGridWorker() {
        String mobile = People.mobile();
        becomeMember(mobile);
        asStaffOf(YUZHONG, Role.UNION_STAFF);
        Block block = blocks.create(new BlockInput(
                "测试街区" + RANDOM.nextInt(1000), YUZHONG, null, "", square(somewhereIn(YUZHONG), 0.0005), ""));
        SecurityContextHolder.clearContext();
        gridWorkers.enrol(mobile, block.id());
        assertThat(gridWorkers.current(mobile)).isPresent();

        membership.withdraw(new CurrentWorker(mobile));

        // MembershipEnded reaches grid through the outbox, after the commit, on another thread
        org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(gridWorkers.current(mobile)).isEmpty());
    }

    @Test
    void aNonMemberCannotEnrolAsGridWorker() {
        asStaffOf(YUZHONG, Role.UNION_STAFF);
        Block block = blocks.create(new BlockInput(
                "测试街区" + RANDOM.nextInt(1000), YUZHONG, null, "", square(somewhereIn(YUZHONG), 0.0005), ""));
        SecurityContextHolder.clearContext();

        InvalidInputException e =
                catchThrowableOfType(InvalidInputException.class, () -> gridWorkers.enrol(People.mobile(), block.id()));

        assertThat(e.errors()).extracting(FieldProblem::code).containsExactly("grid.worker.notMember");
    }

    static String square(GeoPoint c, double half) {
        double x = c.longitude();
        double y = c.latitude();
        return "POLYGON ((%s %s, %s %s, %s %s, %s %s, %s %s))"
                .formatted(
                        x - half, y - half, x + half, y - half, x + half, y + half, x - half, y + half, x - half,
                        y - half);
    }

    void becomeMember(String mobile) {
        CurrentWorker worker = new CurrentWorker(mobile);
        long id = membership.join(
                worker,
                new JoinRequest(
                        "李网格",
                        People.idNumber(YUZHONG),
                        "外卖骑手",
                        "",
                        EnrollmentRoute.WORK_LOCATION.name(),
                        YUZHONG,
                        "500103003",
                        true,
                        WorkerMembershipService.NOTICE_VERSION));
        ScopedUser.signIn(ScopedUser.of(jdbc, "reviewer-grid", Role.UNION_STAFF, "500103003"));
        review.approve(id, review.find(id).orElseThrow().version());
        SecurityContextHolder.clearContext();
    }
}
