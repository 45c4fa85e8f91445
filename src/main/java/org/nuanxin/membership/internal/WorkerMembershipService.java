package org.nuanxin.membership.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.nuanxin.audit.AuditLog;
import org.nuanxin.identity.CurrentWorker;
import org.nuanxin.identity.Masks;
import org.nuanxin.identity.PersonalData;
import org.nuanxin.identity.PersonalDataKind;
import org.nuanxin.identity.ResidentIdNumber;
import org.nuanxin.kernel.CityTime;
import org.nuanxin.kernel.FieldProblem;
import org.nuanxin.kernel.InvalidInputException;
import org.nuanxin.membership.EnrollmentRoute;
import org.nuanxin.membership.ExistingMembership;
import org.nuanxin.membership.MembershipEnded;
import org.nuanxin.membership.MembershipSource;
import org.nuanxin.membership.MembershipState;
import org.nuanxin.membership.Occupation;
import org.nuanxin.organization.EnterpriseDirectory;
import org.nuanxin.organization.Organization;
import org.nuanxin.organization.Organizations;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The worker's side of membership, always for the signed-in worker ({@link CurrentWorker}) and only their own
 * record, found by the keyed hash of their phone: joining (一键入会), the state and card, a transfer request
 * (会籍转接), withdrawal, and their data (view, copy, withdraw and erase; PIPL arts. 44–47).
 *
 * <p>Audit entries of the worker's own actions name the record ({@code member:<id>}), never the phone, which is the
 * worker's sign-in name.
 */
@Service
public class WorkerMembershipService {

    /** The version of the collection notice shown with the join form; recorded with each consent. */
    public static final String NOTICE_VERSION = "2026-1";

    /**
     * The youngest age (whole years on the day of the application, counted from the birth date in the identity number)
     * at which one may join online: the Labour Law (《劳动法》) art. 15 forbids employing anyone under sixteen, and the
     * union recruits workers.
     */
    public static final int MIN_AGE = 16;

    static final int MAX_NAME = 50;
    static final int MAX_REASON = 500;

    private final MemberRepository repository;
    private final PersonalData personalData;
    private final UnionPicker unions;
    private final Organizations organizations;
    private final EnterpriseDirectory enterprises;
    private final CardTokens cards;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final CityTime time;
    private final JoinRefusals refusals;
    private final TransactionTemplate transaction;

    WorkerMembershipService(
            MemberRepository repository,
            PersonalData personalData,
            UnionPicker unions,
            Organizations organizations,
            EnterpriseDirectory enterprises,
            CardTokens cards,
            AuditLog audit,
            ApplicationEventPublisher events,
            CityTime time,
            JoinRefusals refusals,
            PlatformTransactionManager transactions) {
        this.repository = repository;
        this.personalData = personalData;
        this.unions = unions;
        this.organizations = organizations;
        this.enterprises = enterprises;
        this.cards = cards;
        this.audit = audit;
        this.events = events;
        this.time = time;
        this.refusals = refusals;
        this.transaction = new TransactionTemplate(transactions);
    }

    /**
     * Applies for membership for the signed-in worker; the application lands in the receiving union's queue.
     *
     * @return the member row's id
     * @throws InvalidInputException naming each field that is wrong: the identity number with its rule, {@code
     *     membership.join.underAge} (younger than {@value #MIN_AGE} today), {@code membership.join.phoneHasMembership}
     *     (this phone holds another person's live record), {@code membership.join.notOnline} (the number's record
     *     belongs to another phone: nothing of it is said, see {@link JoinRefusals}) or {@code
     *     membership.join.tooManyRefusals} (this phone had {@value JoinRefusals#LIMIT} such refusals in 24 h: every
     *     number but its own is refused, so the refusal itself tells nothing)
     * @throws AlreadyMemberException when the number's record belongs to this phone and may not be replaced (applied,
     *     member, transfer pending)
     */
    public long join(CurrentWorker worker, JoinRequest request) {
        List<FieldProblem> problems = new ArrayList<>();
        String name = request.name() == null ? "" : request.name().strip();
        if (name.isEmpty()) {
            problems.add(FieldProblem.of("name", "membership.join.name.required"));
        } else if (name.codePointCount(0, name.length()) > MAX_NAME) {
            problems.add(FieldProblem.of("name", "membership.join.name.long", MAX_NAME));
        }
        ResidentIdNumber number = null;
        try {
            number = ResidentIdNumber.parse(request.residentIdNumber(), time.today());
        } catch (InvalidInputException e) {
            problems.addAll(e.errors());
        }
        if (number != null && ageOn(number, time.today()) < MIN_AGE) {
            problems.add(FieldProblem.of(ResidentIdNumber.FIELD, "membership.join.underAge", MIN_AGE));
        }
        Optional<Occupation> occupation = Occupation.parse(request.occupation());
        if (occupation.isEmpty()) {
            problems.add(FieldProblem.of("occupation", "membership.join.occupation.required"));
        }
        Long enterpriseId = enterprise(request.enterpriseId(), problems);
        EnrollmentRoute route = null;
        try {
            route = request.route() == null ? null : EnrollmentRoute.valueOf(request.route());
        } catch (IllegalArgumentException e) {
            route = null;
        }
        Optional<Organization> union = Optional.empty();
        if (route == null) {
            problems.add(FieldProblem.of("route", "membership.join.route.required"));
        } else if (route == EnrollmentRoute.WORK_LOCATION) {
            union = unions.workLocation(request.district(), request.township(), problems);
        } else if (number != null) {
            union = unions.originLocation(number, problems);
        }
        if (!request.consent() || !NOTICE_VERSION.equals(request.noticeVersion())) {
            problems.add(FieldProblem.of("consent", "membership.join.consent.required"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        SealedApplication sealed = seal(worker, number);
        MemberRepository.Application application = new MemberRepository.Application(
                sealed.personKey,
                sealed.idSealed,
                number.masked(),
                sealed.mobileKey,
                sealed.mobileSealed,
                Masks.mobile(worker.mobile()),
                name,
                occupation.get(),
                enterpriseId,
                route,
                union.get().id(),
                NOTICE_VERSION,
                time.now(),
                MembershipSource.ONLINE);
        try {
            return java.util.Objects.requireNonNull(transaction.execute(status -> write(application)));
        } catch (HeldByAnother held) {
            throw refusedAsHeld(sealed.mobileKey);
        } catch (DuplicateKeyException concurrent) {
            // Another request for the same person committed between our read and our insert: the unique
            // constraint decided. Read the winner in a fresh transaction and refuse as for any duplicate.
            Member winner = repository
                    .findByPersonKey(sealed.personKey)
                    .orElseThrow(() -> new MemberChangedConcurrentlyException(0));
            if (sealed.mobileKey.equals(winner.mobileKey())) {
                throw new AlreadyMemberException(existing(winner));
            }
            throw refusedAsHeld(sealed.mobileKey);
        }
    }

    /**
     * The age in whole years on a day (16 on the sixteenth birthday; someone born on 29 February turns a year older on
     * 28 February in common years, as {@link java.time.Period} counts).
     */
    public static int ageOn(ResidentIdNumber number, LocalDate day) {
        return java.time.Period.between(number.birthDate(), day).getYears();
    }

    /** Thrown inside the write transaction, so that the refusal is counted after it has rolled back. */
    private static final class HeldByAnother extends RuntimeException {
        HeldByAnother() {
            super("identity number held by another phone", null, false, false);
        }
    }

    private InvalidInputException refusedAsHeld(String mobileKey) {
        boolean within = refusals.record(mobileKey, time.now());
        return within
                ? new InvalidInputException(ResidentIdNumber.FIELD, "membership.join.notOnline")
                : tooManyRefusals();
    }

    private static InvalidInputException tooManyRefusals() {
        return new InvalidInputException(
                ResidentIdNumber.FIELD,
                "membership.join.tooManyRefusals",
                JoinRefusals.LIMIT,
                JoinRefusals.WINDOW.toHours());
    }

    private record SealedApplication(String personKey, String idSealed, String mobileKey, String mobileSealed) {}

    private SealedApplication seal(CurrentWorker worker, ResidentIdNumber number) {
        var id = personalData.seal(PersonalDataKind.RESIDENT_ID_NUMBER, number.value());
        var mobile = personalData.seal(PersonalDataKind.MOBILE, worker.mobile());
        return new SealedApplication(id.lookupKey(), id.ciphertext(), mobile.lookupKey(), mobile.ciphertext());
    }

    private long write(MemberRepository.Application a) {
        Instant now = time.now();
        Optional<Member> existing = repository.findByPersonKey(a.personKey());
        long id;
        if (existing.isPresent() && a.mobileKey().equals(existing.get().mobileKey())) {
            // The worker's own record: they may be told its state and union.
            Member m = existing.get();
            if (!m.state().mayApplyAgain()) {
                throw new AlreadyMemberException(existing(m));
            }
            if (!repository.reapply(m.id(), m.version(), a, now)) {
                throw new MemberChangedConcurrentlyException(m.id());
            }
            id = m.id();
        } else {
            // Someone else's number, or nobody's. Past the limit every such number gets the same answer, else the
            // answer would still tell held from free.
            if (refusals.exhausted(a.mobileKey(), now)) {
                throw tooManyRefusals();
            }
            Optional<Member> samePhone = repository.findByMobileKey(a.mobileKey());
            if (samePhone.isPresent() && !samePhone.get().state().mayApplyAgain()) {
                // This phone already holds another person's live application or membership. Said before looking at
                // the number's record, so that such a phone learns nothing of other numbers.
                throw new InvalidInputException(ResidentIdNumber.FIELD, "membership.join.phoneHasMembership");
            }
            if (existing.isPresent()) {
                // Held by another phone: not a word about its state or union (PIPL art. 10).
                throw new HeldByAnother();
            }
            id = repository.insert(a, now);
        }
        audit.record(
                workerOrigin(id),
                "membership.apply",
                "member",
                Long.toString(id),
                null,
                "route=" + a.route() + ", organization=" + a.organizationId());
        return id;
    }

    ExistingMembership existing(Member m) {
        String union =
                organizations.find(m.organizationId()).map(Organization::name).orElse("");
        return new ExistingMembership(m.id(), m.state(), m.organizationId(), union, m.memberNumber());
    }

    private @Nullable Long enterprise(@Nullable String text, List<FieldProblem> problems) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            long id = Long.parseLong(text.strip());
            if (enterprises.find(id).filter(EnterpriseDirectory.Entry::platform).isPresent()) {
                return id;
            }
        } catch (NumberFormatException e) {
            // Falls through to the refusal.
        }
        problems.add(FieldProblem.of("enterpriseId", "membership.join.enterprise.unknown"));
        return null;
    }

    AuditLog.Origin workerOrigin(long memberId) {
        return new AuditLog.Origin("member:" + memberId, audit.currentOrigin().clientAddress(), null);
    }

    /** @return the signed-in worker's record, or empty when they never applied (or erased their data) */
    public Optional<Member> mine(CurrentWorker worker) {
        return repository.findByMobileKey(personalData.lookupKey(PersonalDataKind.MOBILE, worker.mobile()));
    }

    /** @return the member's periods, oldest first */
    public List<Period> periods(Member member) {
        return repository.periods(member.id());
    }

    /** @return the member's transfer requests, newest first */
    public List<Transfer> transfers(Member member) {
        return repository.transfers(member.id());
    }

    /** @return the union's name ("" for an unknown id) */
    public String unionName(long organizationId) {
        return organizations.find(organizationId).map(Organization::name).orElse("");
    }

    /** @return the text of the member's valid card's QR code ({@code <id>.<signature>}), or empty */
    public Optional<String> card(Member member) {
        if (!member.state().isMember()) {
            return Optional.empty();
        }
        return repository.currentCard(member.id()).map(cards::signed);
    }

    /**
     * Revokes the member's card and issues a new one (a screenshot of the old one is then worth nothing).
     *
     * @throws IllegalStateException when the worker is not a member
     */
    public void reissueCard(CurrentWorker worker) {
        transaction.executeWithoutResult(status -> {
            Member m = mine(worker).filter(x -> x.state().isMember()).orElseThrow(IllegalStateException::new);
            Instant now = time.now();
            repository.revokeCards(m.id(), "REISSUED", now);
            repository.insertCard(cards.newId(), m.id(), m.organizationId(), now);
            audit.record(workerOrigin(m.id()), "membership.card.reissue", "member", Long.toString(m.id()), null, null);
        });
    }

    /**
     * Asks to move the membership to another union (会籍转接); the receiving union's staff decide.
     *
     * @throws InvalidInputException for a missing reason or an unknown or unchanged union
     * @throws IllegalStateException when the worker is not an active member (or a transfer is pending)
     */
    public void requestTransfer(
            CurrentWorker worker, @Nullable String district, @Nullable String township, @Nullable String reason) {
        transaction.executeWithoutResult(status -> {
            Member m = mine(worker)
                    .filter(x -> x.state() == MembershipState.ACTIVE)
                    .orElseThrow(IllegalStateException::new);
            List<FieldProblem> problems = new ArrayList<>();
            Optional<Organization> to = unions.workLocation(district, township, problems);
            String why = reason == null ? "" : reason.strip();
            if (why.isEmpty()) {
                problems.add(FieldProblem.of("reason", "membership.transfer.reason.required"));
            } else if (why.length() > MAX_REASON) {
                problems.add(FieldProblem.of("reason", "membership.transfer.reason.long", MAX_REASON));
            }
            if (to.isPresent() && to.get().id() == m.organizationId()) {
                problems.add(FieldProblem.of("district", "membership.transfer.sameUnion"));
            }
            if (!problems.isEmpty()) {
                throw new InvalidInputException(problems);
            }
            Instant now = time.now();
            if (!repository.move(m.id(), m.version(), MembershipState.TRANSFER_PENDING, m.organizationId(), now)) {
                throw new MemberChangedConcurrentlyException(m.id());
            }
            long id = repository.insertTransfer(
                    m.id(), m.organizationId(), to.get().id(), why, now);
            audit.record(
                    workerOrigin(m.id()),
                    "membership.transfer.request",
                    "membership_transfer",
                    Long.toString(id),
                    null,
                    "from=" + m.organizationId() + ", to=" + to.get().id());
        });
    }

    /**
     * Takes back a pending transfer request (the worker changed their mind, or asked for the wrong union): the request
     * is CANCELLED and the membership is ACTIVE in its union again, its card still valid. Nothing happens when no
     * transfer is pending (a retried request after it went through, or after the receiving union decided).
     *
     * @return whether a pending request was taken back now
     */
    public boolean cancelTransfer(CurrentWorker worker) {
        return Boolean.TRUE.equals(transaction.execute(status -> {
            Optional<Member> pending = mine(worker).filter(x -> x.state() == MembershipState.TRANSFER_PENDING);
            if (pending.isEmpty()) {
                return false;
            }
            Member m = pending.get();
            Instant now = time.now();
            if (!repository.move(m.id(), m.version(), MembershipState.ACTIVE, m.organizationId(), now)) {
                throw new MemberChangedConcurrentlyException(m.id());
            }
            repository.cancelPendingTransfers(m.id(), now);
            audit.record(
                    workerOrigin(m.id()),
                    "membership.transfer.cancel",
                    "member",
                    Long.toString(m.id()),
                    null,
                    "organization=" + m.organizationId());
            return true;
        }));
    }

    /**
     * Withdraws: a pending application is withdrawn, a membership ends today (its period closes, its card is
     * revoked, a pending transfer is cancelled). A later application starts a new period.
     *
     * @throws IllegalStateException when there is nothing to withdraw
     */
    public void withdraw(CurrentWorker worker) {
        transaction.executeWithoutResult(status -> {
            Member m = mine(worker).filter(x -> !x.state().mayApplyAgain()).orElseThrow(IllegalStateException::new);
            end(m, false);
        });
    }

    private void end(Member m, boolean erase) {
        Instant now = time.now();
        LocalDate today = time.today();
        boolean wasMember = m.state().isMember();
        if (m.state() != MembershipState.WITHDRAWN
                && !repository.move(m.id(), m.version(), MembershipState.WITHDRAWN, m.organizationId(), now)) {
            throw new MemberChangedConcurrentlyException(m.id());
        }
        if (wasMember) {
            repository.closePeriod(m.id(), today, "WITHDRAWN");
        }
        repository.revokeCards(m.id(), "WITHDRAWN", now);
        repository.cancelPendingTransfers(m.id(), now);
        audit.record(
                workerOrigin(m.id()),
                erase ? "membership.erase" : "membership.withdraw",
                "member",
                Long.toString(m.id()),
                null,
                "state=" + m.state());
        if (wasMember) {
            events.publishEvent(new MembershipEnded(m.id(), m.organizationId(), today, erase));
        }
    }

    /**
     * Withdraws (if still applied or a member) and erases the personal data (PIPL art. 47: consent withdrawn): name,
     * identity and mobile numbers with their keyed hashes, platform enterprise, consent record and the member's
     * words in transfer requests. Kept as the union's records (PIPL art. 47 para. 2; the union's membership register
     * under its constitution): the member number, occupation, route, the periods (unions, from, to), the decisions
     * on transfers, revoked card tokens (no personal data) and the audit log.
     *
     * @return what is kept of the membership, to show the worker once: afterwards the record is no longer linked to
     *     their phone
     * @throws IllegalStateException when the worker holds no record
     */
    public Kept withdrawAndErase(CurrentWorker worker) {
        return java.util.Objects.requireNonNull(transaction.execute(status -> {
            Member m = mine(worker).orElseThrow(IllegalStateException::new);
            end(m, true);
            Member fresh = repository.find(m.id()).orElseThrow();
            if (!repository.erase(fresh.id(), fresh.version(), time.now())) {
                throw new MemberChangedConcurrentlyException(m.id());
            }
            repository.eraseTransferReasons(m.id());
            return new Kept(fresh.memberNumber(), fresh.occupation(), fresh.route(), repository.periods(m.id()));
        }));
    }

    /**
     * The part of an erased membership the union keeps that a page can show (besides these: transfer decisions,
     * revoked card tokens, the audit log).
     *
     * @param memberNumber the member number, null when never approved
     * @param periods      the periods (unions, from, to), oldest first, all closed
     */
    public record Kept(
            @Nullable String memberNumber, Occupation occupation, EnrollmentRoute route, List<Period> periods) {}

    /**
     * Everything held about the signed-in worker, as their copy (PIPL art. 45): the identity number masked (anyone
     * holding the phone could otherwise read it; the union office shows it whole on request), the phone whole (it is
     * the one they signed in with).
     *
     * @return an ordered map for JSON; empty when nothing is held
     */
    public Optional<Map<String, Object>> myData(CurrentWorker worker) {
        return mine(worker).map(m -> {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("name", m.name());
            data.put("residentIdNumber", m.idNumberMasked());
            data.put("mobile", worker.mobile());
            data.put("occupation", m.occupation().name());
            data.put(
                    "platformEnterprise",
                    m.enterpriseId() == null
                            ? null
                            : enterprises
                                    .find(m.enterpriseId())
                                    .map(EnterpriseDirectory.Entry::name)
                                    .orElse(null));
            data.put("route", m.route().name());
            data.put("union", unionName(m.organizationId()));
            data.put("state", m.state().name());
            data.put("memberNumber", m.memberNumber());
            data.put("rejectReason", m.rejectReason());
            data.put("source", m.source().name());
            data.put("appliedAt", m.appliedAt().toString());
            data.put("decidedAt", m.decidedAt() == null ? null : m.decidedAt().toString());
            data.put(
                    "consent",
                    Map.of(
                            "noticeVersion", String.valueOf(m.consentNoticeVersion()),
                            "at", String.valueOf(m.consentAt())));
            List<Map<String, Object>> periods = new ArrayList<>();
            for (Period p : periods(m)) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("union", p.organizationName());
                row.put("from", p.startedOn().toString());
                row.put("to", p.endedOn() == null ? null : p.endedOn().toString());
                row.put("endReason", p.endReason());
                periods.add(row);
            }
            data.put("periods", periods);
            List<Map<String, Object>> transfers = new ArrayList<>();
            for (Transfer t : transfers(m)) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("from", unionName(t.fromOrganizationId()));
                row.put("to", unionName(t.toOrganizationId()));
                row.put("reason", t.reason());
                row.put("state", t.state());
                row.put("declineReason", t.declineReason());
                row.put("requestedAt", t.requestedAt().toString());
                transfers.add(row);
            }
            data.put("transfers", transfers);
            List<Map<String, Object>> cardRows = new ArrayList<>();
            for (Map<String, Object> c : repository.cardsOf(m.id())) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("issuedAt", String.valueOf(c.get("issued_at")));
                row.put("revokedAt", c.get("revoked_at") == null ? null : String.valueOf(c.get("revoked_at")));
                row.put("revokeReason", c.get("revoke_reason"));
                cardRows.add(row);
            }
            data.put("cards", cardRows);
            return data;
        });
    }
}
