package org.nuanxin.membership.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.nuanxin.identity.CurrentWorker;
import org.nuanxin.identity.ResidentIdNumber;
import org.nuanxin.identity.Role;
import org.nuanxin.kernel.InvalidInputException;
import org.nuanxin.membership.EnrollmentRoute;
import org.nuanxin.membership.ExistingMembership;
import org.nuanxin.membership.MembershipState;
import org.nuanxin.membership.Memberships;
import org.nuanxin.membership.Occupation;
import org.nuanxin.membership.People;
import org.nuanxin.support.MutableClock;
import org.nuanxin.support.ScopedUser;
import org.nuanxin.support.StaffAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Membership from application to erasure on one database ({@link MembershipFlowH2Test}, {@link
 * MembershipFlowPostgresTest}): every rule of joining, review, one person one membership (also under parallel
 * submissions), the card's verdict at scan time after transfer and withdrawal, rejoining with a gap, and erasure.
 */
abstract class MembershipFlowTest {

    /** 解放碑街道 (渝中区) and 七星岗街道, a sibling. */
    static final String JIEFANGBEI = "500103003";

    static final String QIXINGGANG = "500103001";

    @Autowired
    WorkerMembershipService workers;

    @Autowired
    ReviewService reviews;

    @Autowired
    CardVerification verification;

    @Autowired
    Memberships memberships;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    @Autowired
    org.nuanxin.kernel.CityTime time;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    static JoinRequest work(String name, String id, String township) {
        return new JoinRequest(
                name,
                id,
                "外卖骑手",
                "",
                EnrollmentRoute.WORK_LOCATION.name(),
                township.substring(0, 6),
                township,
                true,
                WorkerMembershipService.NOTICE_VERSION);
    }

    void asStaffOf(String division) {
        ScopedUser.signIn(ScopedUser.of(jdbc, "reviewer-" + division, Role.UNION_STAFF, division));
    }

    long org(String division) {
        return StaffAccounts.organization(jdbc, division);
    }

    /** Applies and approves; returns the member id. */
    long member(CurrentWorker worker, String id, String township) {
        long memberId = workers.join(worker, work("张三丰", id, township));
        asStaffOf(township);
        Member m = reviews.find(memberId).orElseThrow();
        reviews.approve(memberId, m.version());
        SecurityContextHolder.clearContext();
        return memberId;
    }

    String card(CurrentWorker worker) {
        return workers.card(workers.mine(worker).orElseThrow()).orElseThrow();
    }

    @Test
    void anApplicationLandsInTheReceivingUnionsQueueAndApprovalMakesAMemberWithACard() {
        CurrentWorker worker = new CurrentWorker(People.mobile());
        long id = workers.join(worker, work("张三丰", People.idNumber("500103"), JIEFANGBEI));
        Member applied = workers.mine(worker).orElseThrow();
        assertThat(applied.id()).isEqualTo(id);
        assertThat(applied.state()).isEqualTo(MembershipState.APPLIED);
        assertThat(applied.organizationId()).isEqualTo(org(JIEFANGBEI));
        assertThat(applied.consentNoticeVersion()).isEqualTo(WorkerMembershipService.NOTICE_VERSION);
        assertThat(applied.idNumberMasked()).matches("5001\\*{10}\\d{3}[\\dX]");
        assertThat(applied.mobileMasked()).matches("139\\*{4}\\d{4}");
        assertThat(workers.card(applied)).isEmpty();

        // The sibling township's staff do not see it; the district's staff do.
        asStaffOf(QIXINGGANG);
        assertThat(reviews.find(id)).isEmpty();
        assertThat(reviews.applications(org.springframework.data.domain.PageRequest.of(0, 200))
                        .getContent())
                .extracting(Member::id)
                .doesNotContain(id);
        assertThatThrownBy(() -> reviews.approve(id, applied.version())).isInstanceOf(NoSuchElementException.class);
        asStaffOf("500103");
        assertThat(reviews.applications(org.springframework.data.domain.PageRequest.of(0, 200))
                        .getContent())
                .extracting(Member::id)
                .contains(id);
        String number = reviews.approve(id, applied.version());
        assertThat(number).matches("CQ\\d{4}\\d{7}");

        Member member = workers.mine(worker).orElseThrow();
        assertThat(member.state()).isEqualTo(MembershipState.ACTIVE);
        assertThat(member.memberNumber()).isEqualTo(number);
        assertThat(workers.periods(member)).singleElement().satisfies(p -> {
            assertThat(p.organizationId()).isEqualTo(org(JIEFANGBEI));
            assertThat(p.endedOn()).isNull();
        });
        CardVerification.Result verdict = verification.verify(card(worker));
        assertThat(verdict.verdict()).isEqualTo(CardVerification.Verdict.VALID);
        assertThat(verdict.maskedName()).isEqualTo("张**");
        assertThat(verdict.union()).isEqualTo("解放碑街道工会");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'membership.approve' AND record_id = ?")
                        .param(Long.toString(id))
                        .query(Long.class)
                        .single())
                .isEqualTo(1L);
        // A second approval of the same version is refused.
        assertThatThrownBy(() -> reviews.approve(id, applied.version()))
                .isInstanceOf(MemberChangedConcurrentlyException.class);
    }

    @Test
    void eachRefusalNamesItsField() {
        CurrentWorker worker = new CurrentWorker(People.mobile());
        String good = People.idNumber("500103");
        String badCheck = good.substring(0, 17) + (good.charAt(17) == '0' ? '1' : '0');
        assertThatThrownBy(() -> workers.join(
                        worker, new JoinRequest(" ", badCheck, "厨师", "x", "WORK_LOCATION", "110105", "", false, "old")))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.errors())
                                .extracting(p -> p.field() + ":" + p.code())
                                .containsExactlyInAnyOrder(
                                        "name:membership.join.name.required",
                                        "residentIdNumber:identity.residentId.checkCharacter",
                                        "occupation:membership.join.occupation.required",
                                        "enterpriseId:membership.join.enterprise.unknown",
                                        "district:membership.join.district.unknown",
                                        "consent:membership.join.consent.required"));
        // A township of another district.
        assertThatThrownBy(() -> workers.join(
                        worker,
                        new JoinRequest(
                                "李四",
                                good,
                                "骑手",
                                "",
                                "WORK_LOCATION",
                                "500105",
                                JIEFANGBEI,
                                true,
                                WorkerMembershipService.NOTICE_VERSION)))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.errors())
                                .extracting(p -> p.field() + ":" + p.code())
                                .containsExactly("township:membership.join.township.unknown"));
        assertThat(workers.mine(worker)).isEmpty();
    }

    @Test
    void originLocationGoesToTheHomeCountyAndOutsideChongqingIsSaidSo() {
        CurrentWorker fromWanzhou = new CurrentWorker(People.mobile());
        JoinRequest origin = new JoinRequest(
                "王五",
                People.idNumber("500101"),
                "快递员",
                "",
                "ORIGIN_LOCATION",
                "",
                "",
                true,
                WorkerMembershipService.NOTICE_VERSION);
        workers.join(fromWanzhou, origin);
        Member m = workers.mine(fromWanzhou).orElseThrow();
        assertThat(m.organizationId()).isEqualTo(org("500101"));
        assertThat(m.route()).isEqualTo(EnrollmentRoute.ORIGIN_LOCATION);

        CurrentWorker fromBeijing = new CurrentWorker(People.mobile());
        JoinRequest outside = new JoinRequest(
                "赵六",
                People.idNumber("110105"),
                "快递员",
                "",
                "ORIGIN_LOCATION",
                "",
                "",
                true,
                WorkerMembershipService.NOTICE_VERSION);
        assertThatThrownBy(() -> workers.join(fromBeijing, outside))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.errors())
                                .extracting(p -> p.field() + ":" + p.code())
                                .containsExactly("route:membership.join.origin.outside"));
    }

    /** The codes of an {@link InvalidInputException}, as {@code field:code}. */
    static List<String> codes(InvalidInputException e) {
        return e.errors().stream().map(p -> p.field() + ":" + p.code()).toList();
    }

    @Test
    void oneNumberOneMembershipOnlyTheHolderIsToldStateAndUnion() {
        String id = People.idNumber("500103");
        CurrentWorker holder = new CurrentWorker(People.mobile());
        workers.join(holder, work("张三丰", id, JIEFANGBEI));

        // The holder again: their own application, with its state and union.
        assertThatThrownBy(() -> workers.join(holder, work("张三丰", id, QIXINGGANG)))
                .isInstanceOfSatisfying(AlreadyMemberException.class, e -> {
                    assertThat(e.existing().state()).isEqualTo(MembershipState.APPLIED);
                    assertThat(e.existing().organizationName()).isEqualTo("解放碑街道工会");
                });
        // Someone else typing the same number (a full-width form of it, with a lower-case x if any): a neutral
        // refusal that carries nothing of the membership.
        CurrentWorker other = new CurrentWorker(People.mobile());
        String typed = " " + toFullWidth(id.toLowerCase(java.util.Locale.ROOT)) + " ";
        assertThatThrownBy(() -> workers.join(other, work("李四", typed, QIXINGGANG)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(codes(e)).containsExactly("residentIdNumber:membership.join.notOnline");
                    assertThat(e.errors().get(0).args()).isEmpty();
                    assertThat(e.getMessage()).doesNotContain(id, "张", "解放碑", "APPLIED");
                });
        assertThat(workers.mine(other)).isEmpty();
        ExistingMembership found = memberships
                .findByIdentityNumber(ResidentIdNumber.parse(id, java.time.LocalDate.of(2026, 1, 1)))
                .orElseThrow();
        assertThat(found.state()).isEqualTo(MembershipState.APPLIED);
        // One phone, one person: the holder's phone cannot apply for a second person.
        assertThatThrownBy(() -> workers.join(holder, work("王五", People.idNumber("500103"), JIEFANGBEI)))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.errors())
                                .extracting(p -> p.code())
                                .containsExactly("membership.join.phoneHasMembership"));
    }

    @Test
    void aWorkerGetsFiveRefusalsForNumbersHeldByOthersIn24HoursThenNoAnswerAboutOtherNumbers() {
        List<String> held = new ArrayList<>();
        for (int i = 0; i <= JoinRefusals.LIMIT; i++) {
            String id = People.idNumber("500103");
            workers.join(new CurrentWorker(People.mobile()), work("持有人", id, JIEFANGBEI));
            held.add(id);
        }
        CurrentWorker prober = new CurrentWorker(People.mobile());
        for (int i = 0; i < JoinRefusals.LIMIT; i++) {
            String id = held.get(i);
            assertThatThrownBy(() -> workers.join(prober, work("试探", id, JIEFANGBEI)))
                    .isInstanceOfSatisfying(
                            InvalidInputException.class,
                            e -> assertThat(codes(e)).containsExactly("residentIdNumber:membership.join.notOnline"));
        }
        // The sixth: over the limit. A number nobody holds gets the same answer, or the answer would still tell.
        assertThatThrownBy(() -> workers.join(prober, work("试探", held.get(JoinRefusals.LIMIT), JIEFANGBEI)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(codes(e)).containsExactly("residentIdNumber:membership.join.tooManyRefusals");
                    assertThat(e.errors().get(0).args()).containsExactly(5, 24L);
                });
        assertThatThrownBy(() -> workers.join(prober, work("试探", People.idNumber("500103"), JIEFANGBEI)))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(codes(e)).containsExactly("residentIdNumber:membership.join.tooManyRefusals"));
        assertThat(workers.mine(prober)).isEmpty();
        // Another worker is not held back by this one's refusals.
        assertThatThrownBy(() -> workers.join(new CurrentWorker(People.mobile()), work("别人", held.get(0), QIXINGGANG)))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(codes(e)).containsExactly("residentIdNumber:membership.join.notOnline"));
        // A day later the window has moved on.
        clock.advance(JoinRefusals.WINDOW.plusMinutes(1));
        try {
            assertThatThrownBy(() -> workers.join(prober, work("试探", held.get(JoinRefusals.LIMIT), JIEFANGBEI)))
                    .isInstanceOfSatisfying(
                            InvalidInputException.class,
                            e -> assertThat(codes(e)).containsExactly("residentIdNumber:membership.join.notOnline"));
        } finally {
            clock.advance(JoinRefusals.WINDOW.plusMinutes(1).negated());
        }
    }

    @Test
    void theLimitDoesNotStopAWorkerFromTheirOwnRecord() {
        CurrentWorker worker = new CurrentWorker(People.mobile());
        String own = People.idNumber("500103");
        long id = workers.join(worker, work("张三丰", own, JIEFANGBEI));
        asStaffOf(JIEFANGBEI);
        reviews.reject(id, reviews.find(id).orElseThrow().version(), "信息不符");
        SecurityContextHolder.clearContext();
        for (int i = 0; i < JoinRefusals.LIMIT + 1; i++) {
            String other = People.idNumber("500103");
            workers.join(new CurrentWorker(People.mobile()), work("持有人", other, JIEFANGBEI));
            assertThatThrownBy(() -> workers.join(worker, work("张三丰", other, JIEFANGBEI)))
                    .isInstanceOf(InvalidInputException.class);
        }
        assertThat(workers.join(worker, work("张三丰", own, QIXINGGANG))).isEqualTo(id);
    }

    /** A valid number (MOD 11-2) of someone born on {@code birth}, in 渝中区. */
    static String bornOn(java.time.LocalDate birth) {
        String base = People.idNumber("500103");
        String seventeen = "500103" + birth.toString().replace("-", "") + base.substring(14, 17);
        return seventeen + People.check(seventeen);
    }

    @Test
    void nobodyUnderSixteenMayJoinOnline() {
        java.time.LocalDate today = time.today();
        CurrentWorker worker = new CurrentWorker(People.mobile());
        // Born in 2014: refused beside the number.
        assertThatThrownBy(() ->
                        workers.join(worker, work("小明", bornOn(java.time.LocalDate.of(2014, 5, 1)), JIEFANGBEI)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(codes(e)).containsExactly("residentIdNumber:membership.join.underAge");
                    assertThat(e.errors().get(0).args()).containsExactly(16);
                });
        // Sixteen tomorrow: refused; sixteen today: accepted.
        assertThatThrownBy(() -> workers.join(
                        worker, work("小明", bornOn(today.minusYears(16).plusDays(1)), JIEFANGBEI)))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(codes(e)).containsExactly("residentIdNumber:membership.join.underAge"));
        long id = workers.join(worker, work("小明", bornOn(today.minusYears(16)), JIEFANGBEI));
        assertThat(workers.mine(worker).orElseThrow().id()).isEqualTo(id);
        asStaffOf(JIEFANGBEI);
        assertThat(reviews.age(reviews.find(id).orElseThrow())).contains(16);
    }

    private static String toFullWidth(String text) {
        StringBuilder out = new StringBuilder();
        text.chars().forEach(c -> out.append(c >= '!' && c <= '~' ? (char) (c - '!' + '！') : (char) c));
        return out.toString();
    }

    @Test
    void parallelSubmissionsForOneNumberCreateOneMember() throws Exception {
        String id = People.idNumber("500103");
        int n = 8;
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> results = new ArrayList<>();
        try {
            for (int i = 0; i < n; i++) {
                CurrentWorker worker = new CurrentWorker(People.mobile());
                Callable<String> attempt = () -> {
                    start.await();
                    try {
                        workers.join(worker, work("并发", id, JIEFANGBEI));
                        return "created";
                    } catch (InvalidInputException e) {
                        return "refused:" + e.errors().get(0).code();
                    }
                };
                results.add(pool.submit(attempt));
            }
            start.countDown();
            List<String> outcomes = new ArrayList<>();
            for (Future<String> f : results) {
                outcomes.add(f.get(60, java.util.concurrent.TimeUnit.SECONDS));
            }
            assertThat(outcomes).filteredOn("created"::equals).hasSize(1);
            assertThat(outcomes)
                    .filteredOn("refused:membership.join.notOnline"::equals)
                    .hasSize(n - 1);
        } finally {
            pool.shutdownNow();
        }
        String key = jdbc.sql("SELECT person_key FROM member WHERE id = (SELECT MAX(id) FROM member WHERE name = '并发')")
                .query(String.class)
                .single();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM member WHERE person_key = ?")
                        .param(key)
                        .query(Long.class)
                        .single())
                .isEqualTo(1L);
    }

    @Test
    void aRejectedApplicantSeesTheReasonAndMayApplyAgain() {
        CurrentWorker worker = new CurrentWorker(People.mobile());
        String id = People.idNumber("500103");
        long memberId = workers.join(worker, work("张三丰", id, JIEFANGBEI));
        asStaffOf(JIEFANGBEI);
        int version = reviews.find(memberId).orElseThrow().version();
        assertThatThrownBy(() -> reviews.reject(memberId, version, "  "))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.errors())
                                .extracting(p -> p.code())
                                .containsExactly("membership.review.reason.required"));
        reviews.reject(memberId, version, "姓名与身份证不符");
        SecurityContextHolder.clearContext();
        Member rejected = workers.mine(worker).orElseThrow();
        assertThat(rejected.state()).isEqualTo(MembershipState.REJECTED);
        assertThat(rejected.rejectReason()).isEqualTo("姓名与身份证不符");
        // Another phone may not take over the rejected record; the same phone may apply again.
        assertThatThrownBy(() -> workers.join(new CurrentWorker(People.mobile()), work("冒名", id, JIEFANGBEI)))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(codes(e)).containsExactly("residentIdNumber:membership.join.notOnline"));
        assertThat(workers.join(worker, work("张三峰", id, QIXINGGANG))).isEqualTo(memberId);
        Member again = workers.mine(worker).orElseThrow();
        assertThat(again.state()).isEqualTo(MembershipState.APPLIED);
        assertThat(again.rejectReason()).isNull();
        assertThat(again.organizationId()).isEqualTo(org(QIXINGGANG));
    }

    @Test
    void afterATransferTheOldCardSaysTransferredAndTheHistoryHasBothUnions() {
        CurrentWorker worker = new CurrentWorker(People.mobile());
        long memberId = member(worker, People.idNumber("500103"), JIEFANGBEI);
        String oldCard = card(worker);
        String number = workers.mine(worker).orElseThrow().memberNumber();

        assertThatThrownBy(() -> workers.requestTransfer(worker, "500103", JIEFANGBEI, "换工作"))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.errors())
                                .extracting(p -> p.code())
                                .containsExactly("membership.transfer.sameUnion"));
        workers.requestTransfer(worker, "500105", "", "换到江北送餐");
        assertThat(workers.mine(worker).orElseThrow().state()).isEqualTo(MembershipState.TRANSFER_PENDING);
        // Still a member of the old union while it waits.
        assertThat(verification.verify(oldCard).verdict()).isEqualTo(CardVerification.Verdict.VALID);

        Transfer transfer =
                workers.transfers(workers.mine(worker).orElseThrow()).get(0);
        asStaffOf("500103"); // the old union's district cannot decide a transfer into 江北区
        assertThat(reviews.findTransfer(transfer.id())).isEmpty();
        assertThatThrownBy(() -> reviews.acceptTransfer(transfer.id(), transfer.version()))
                .isInstanceOf(NoSuchElementException.class);
        asStaffOf("500105");
        reviews.acceptTransfer(transfer.id(), transfer.version());
        SecurityContextHolder.clearContext();

        Member moved = workers.mine(worker).orElseThrow();
        assertThat(moved.state()).isEqualTo(MembershipState.ACTIVE);
        assertThat(moved.organizationId()).isEqualTo(org("500105"));
        assertThat(moved.memberNumber()).isEqualTo(number);
        CardVerification.Result old = verification.verify(oldCard);
        assertThat(old.verdict()).isEqualTo(CardVerification.Verdict.TRANSFERRED);
        assertThat(old.union()).isEqualTo("解放碑街道工会");
        CardVerification.Result fresh = verification.verify(card(worker));
        assertThat(fresh.verdict()).isEqualTo(CardVerification.Verdict.VALID);
        assertThat(fresh.union()).isEqualTo("江北区总工会");
        List<Period> periods = workers.periods(moved);
        assertThat(periods).extracting(Period::organizationName).containsExactly("解放碑街道工会", "江北区总工会");
        assertThat(periods.get(0).endReason()).isEqualTo("TRANSFERRED");
        assertThat(periods.get(0).endedOn()).isNotNull();
        assertThat(periods.get(1).endedOn()).isNull();
        assertThat(memberId).isEqualTo(moved.id());
    }

    @Test
    void aDeclinedTransferLeavesTheMembershipWhereItWas() {
        CurrentWorker worker = new CurrentWorker(People.mobile());
        member(worker, People.idNumber("500103"), JIEFANGBEI);
        String card = card(worker);
        workers.requestTransfer(worker, "500105", "", "搬家");
        Transfer transfer =
                workers.transfers(workers.mine(worker).orElseThrow()).get(0);
        asStaffOf("500105");
        reviews.declineTransfer(transfer.id(), transfer.version(), "请先到区总工会现场确认");
        SecurityContextHolder.clearContext();
        Member m = workers.mine(worker).orElseThrow();
        assertThat(m.state()).isEqualTo(MembershipState.ACTIVE);
        assertThat(m.organizationId()).isEqualTo(org(JIEFANGBEI));
        assertThat(workers.transfers(m).get(0).declineReason()).isEqualTo("请先到区总工会现场确认");
        assertThat(verification.verify(card).verdict()).isEqualTo(CardVerification.Verdict.VALID);
    }

    @Test
    void aWorkerTakesBackAPendingTransferAndStaysWhereTheyWere() {
        CurrentWorker worker = new CurrentWorker(People.mobile());
        member(worker, People.idNumber("500103"), JIEFANGBEI);
        String card = card(worker);
        workers.requestTransfer(worker, "500105", "", "填错了工会");
        assertThat(workers.mine(worker).orElseThrow().state()).isEqualTo(MembershipState.TRANSFER_PENDING);

        assertThat(workers.cancelTransfer(worker)).isTrue();
        Member m = workers.mine(worker).orElseThrow();
        assertThat(m.state()).isEqualTo(MembershipState.ACTIVE);
        assertThat(m.organizationId()).isEqualTo(org(JIEFANGBEI));
        Transfer transfer = workers.transfers(m).get(0);
        assertThat(transfer.state()).isEqualTo("CANCELLED");
        assertThat(verification.verify(card).verdict()).isEqualTo(CardVerification.Verdict.VALID);
        // The receiving union no longer has it to decide.
        asStaffOf("500105");
        assertThatThrownBy(() -> reviews.acceptTransfer(transfer.id(), transfer.version()))
                .isInstanceOf(RuntimeException.class);
        SecurityContextHolder.clearContext();
        assertThat(workers.mine(worker).orElseThrow().state()).isEqualTo(MembershipState.ACTIVE);
        // A retry changes nothing.
        assertThat(workers.cancelTransfer(worker)).isFalse();
        // And a new request is possible again.
        workers.requestTransfer(worker, "500105", "", "这次是对的");
        assertThat(workers.mine(worker).orElseThrow().state()).isEqualTo(MembershipState.TRANSFER_PENDING);
    }

    @Test
    void withdrawalInvalidatesTheCardAndARejoinStartsANewPeriodAfterAGap() {
        CurrentWorker worker = new CurrentWorker(People.mobile());
        String id = People.idNumber("500103");
        long memberId = member(worker, id, JIEFANGBEI);
        String card = card(worker);
        workers.withdraw(worker);
        assertThat(workers.mine(worker).orElseThrow().state()).isEqualTo(MembershipState.WITHDRAWN);
        assertThat(verification.verify(card).verdict()).isEqualTo(CardVerification.Verdict.WITHDRAWN);
        assertThat(workers.card(workers.mine(worker).orElseThrow())).isEmpty();

        clock.advance(Duration.ofDays(40));
        try {
            assertThat(workers.join(worker, work("张三丰", id, QIXINGGANG))).isEqualTo(memberId);
            asStaffOf(QIXINGGANG);
            Member again = reviews.find(memberId).orElseThrow();
            String number = reviews.approve(memberId, again.version());
            SecurityContextHolder.clearContext();
            Member rejoined = workers.mine(worker).orElseThrow();
            assertThat(number).isEqualTo(rejoined.memberNumber());
            List<Period> periods = workers.periods(rejoined);
            assertThat(periods).hasSize(2);
            assertThat(periods.get(0).endReason()).isEqualTo("WITHDRAWN");
            assertThat(periods.get(1).startedOn())
                    .isAfter(periods.get(0).endedOn().plusDays(1));
            assertThat(verification.verify(card).verdict()).isEqualTo(CardVerification.Verdict.WITHDRAWN);
            assertThat(verification.verify(card(worker)).verdict()).isEqualTo(CardVerification.Verdict.VALID);
        } finally {
            clock.advance(Duration.ofDays(-40));
        }
    }

    @Test
    void aReissuedCardReplacesTheOldOneAndForgedTokensAreUnknown() {
        CurrentWorker worker = new CurrentWorker(People.mobile());
        member(worker, People.idNumber("500103"), JIEFANGBEI);
        String old = card(worker);
        workers.reissueCard(worker);
        assertThat(verification.verify(old).verdict()).isEqualTo(CardVerification.Verdict.REISSUED);
        String now = card(worker);
        assertThat(now).isNotEqualTo(old);
        assertThat(verification.verify(now).verdict()).isEqualTo(CardVerification.Verdict.VALID);
        String forged = now.substring(0, 23) + (now.charAt(23) == 'A' ? 'B' : 'A') + now.substring(24);
        assertThat(verification.verify(forged).verdict()).isEqualTo(CardVerification.Verdict.UNKNOWN);
        assertThat(verification.verify("nonsense").verdict()).isEqualTo(CardVerification.Verdict.UNKNOWN);
        assertThat(verification.verify(forged).maskedName()).isNull();
    }

    @Test
    void withdrawAndEraseKeepsOnlyTheUnionsRecords() {
        CurrentWorker worker = new CurrentWorker(People.mobile());
        String id = People.idNumber("500103");
        long memberId = member(worker, id, JIEFANGBEI);
        String card = card(worker);
        workers.requestTransfer(worker, "500105", "", "私人原因：家里有事");
        WorkerMembershipService.Kept kept = workers.withdrawAndErase(worker);

        assertThat(workers.mine(worker)).isEmpty();
        assertThat(workers.myData(worker)).isEmpty();
        var row = jdbc.sql("""
                        SELECT person_key, id_number_sealed, id_number_masked, mobile_key, mobile_sealed, mobile_masked,
                               name, consent_at, member_number, state, erased_at
                          FROM member WHERE id = ?""").param(memberId).query().singleRow();
        for (String erased : List.of(
                "person_key",
                "id_number_sealed",
                "id_number_masked",
                "mobile_key",
                "mobile_sealed",
                "mobile_masked",
                "name",
                "consent_at")) {
            assertThat(row.get(erased)).as(erased).isNull();
        }
        assertThat(row.get("member_number")).isNotNull();
        // What the worker is shown once as kept is the kept record.
        assertThat(kept.memberNumber()).isEqualTo(row.get("member_number"));
        assertThat(kept.occupation()).isEqualTo(Occupation.FOOD_DELIVERY_RIDER);
        assertThat(kept.periods()).singleElement().satisfies(p -> {
            assertThat(p.organizationId()).isEqualTo(org(JIEFANGBEI));
            assertThat(p.endReason()).isEqualTo("WITHDRAWN");
        });
        assertThat(row.get("state")).isEqualTo("WITHDRAWN");
        assertThat(row.get("erased_at")).isNotNull();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM membership_period WHERE member_id = ? AND end_reason = 'WITHDRAWN'")
                        .param(memberId)
                        .query(Long.class)
                        .single())
                .isEqualTo(1L);
        assertThat(jdbc.sql("SELECT reason FROM membership_transfer WHERE member_id = ?")
                        .param(memberId)
                        .query(String.class)
                        .list())
                .containsOnly("-");
        CardVerification.Result verdict = verification.verify(card);
        assertThat(verdict.verdict()).isEqualTo(CardVerification.Verdict.WITHDRAWN);
        assertThat(verdict.maskedName()).isNull();
        assertThat(memberships.findByIdentityNumber(ResidentIdNumber.parse(id, java.time.LocalDate.of(2026, 1, 1))))
                .isEmpty();
        // The person may join again, as a new record.
        long again = workers.join(worker, work("张三丰", id, JIEFANGBEI));
        assertThat(again).isNotEqualTo(memberId);
    }
}
