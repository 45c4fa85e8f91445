package org.nuanxin.membership.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.nuanxin.audit.AuditLog;
import org.nuanxin.identity.CurrentUser;
import org.nuanxin.identity.DataScopes;
import org.nuanxin.identity.PersonalData;
import org.nuanxin.identity.ResidentIdNumber;
import org.nuanxin.kernel.CityTime;
import org.nuanxin.kernel.InvalidInputException;
import org.nuanxin.membership.MemberJoined;
import org.nuanxin.membership.MemberPermissions;
import org.nuanxin.membership.MemberPermissions.Action;
import org.nuanxin.membership.MembershipState;
import org.nuanxin.membership.MembershipTransferred;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The staff side of membership: the review queue of applications and of transfers into the reviewer's scope,
 * approve (which assigns the member number, opens a period and issues the card) or reject with a reason, accept or
 * decline a transfer. Every method asks {@link MemberPermissions} (REVIEW or VIEW) and the data scope itself; a
 * record outside the scope is "not found" (empty), never "forbidden".
 */
@Service
public class ReviewService {

    private final MemberRepository repository;
    private final MemberPermissions permissions;
    private final DataScopes scopes;
    private final CardTokens cards;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final CityTime time;
    private final PersonalData personalData;

    ReviewService(
            MemberRepository repository,
            MemberPermissions permissions,
            DataScopes scopes,
            CardTokens cards,
            AuditLog audit,
            ApplicationEventPublisher events,
            CityTime time,
            PersonalData personalData) {
        this.repository = repository;
        this.permissions = permissions;
        this.scopes = scopes;
        this.cards = cards;
        this.audit = audit;
        this.events = events;
        this.time = time;
        this.personalData = personalData;
    }

    /**
     * The applicant's age in whole years today, from the birth date in their identity number, so that the reviewer
     * sees someone too young to join ({@link WorkerMembershipService#MIN_AGE}) without seeing the number: the number
     * is opened here and only the age leaves (no disclosure of the clear value, so no audit entry).
     *
     * @param member a record found through {@link #find} or {@link #transferringMember} (in the user's scope)
     * @return the age, or empty once erased (or for a stored number that no longer parses)
     */
    public Optional<Integer> age(Member member) {
        if (member.idNumberSealed() == null) {
            return Optional.empty();
        }
        try {
            LocalDate today = time.today();
            ResidentIdNumber number = ResidentIdNumber.parse(personalData.open(member.idNumberSealed()), today);
            return Optional.of(WorkerMembershipService.ageOn(number, today));
        } catch (InvalidInputException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** One page of the applications waiting for a union in the current user's scope, oldest first. */
    @Transactional(readOnly = true)
    public Page<Member> applications(Pageable pageable) {
        permissions.check(Action.VIEW);
        return repository.applications(scopes.current(), pageable);
    }

    /** One page of the pending transfers into the current user's scope, oldest first. */
    @Transactional(readOnly = true)
    public Page<Transfer> transfers(Pageable pageable) {
        permissions.check(Action.VIEW);
        return repository.pendingTransfers(scopes.current(), pageable);
    }

    /** @return the membership when its union lies in the current user's scope, else empty */
    @Transactional(readOnly = true)
    public Optional<Member> find(long id) {
        permissions.check(Action.VIEW);
        return repository.find(id, scopes.current());
    }

    /** @return the transfer when its receiving union lies in the current user's scope, else empty */
    @Transactional(readOnly = true)
    public Optional<Transfer> findTransfer(long id) {
        permissions.check(Action.VIEW);
        return repository.findTransfer(id, scopes.current());
    }

    /**
     * @return the member who asked for the transfer, when the transfer's receiving union lies in the current user's
     *     scope (the rule of {@link #findTransfer}: the member's own union may lie outside it), else empty
     */
    @Transactional(readOnly = true)
    public Optional<Member> transferringMember(long transferId) {
        permissions.check(Action.VIEW);
        return repository.findTransfer(transferId, scopes.current()).flatMap(t -> repository.find(t.memberId()));
    }

    /** @return the member's periods, oldest first (the member must be in scope: call {@link #find} first) */
    @Transactional(readOnly = true)
    public List<Period> periods(long memberId) {
        permissions.check(Action.VIEW);
        return repository.periods(memberId);
    }

    /**
     * Approves an application: the member number (kept from an earlier membership, else the next one:
     * {@code CQ<year><7 digits>}), a period from today, a card.
     *
     * @param version the version the reviewer saw
     * @return the member number
     * @throws org.springframework.security.access.AccessDeniedException without REVIEW
     * @throws MemberChangedConcurrentlyException when it is no longer waiting or changed since read
     * @throws java.util.NoSuchElementException when it is not in the reviewer's scope
     * @throws InvalidInputException on {@code idNumber} when the applicant is under
     *     {@link WorkerMembershipService#MIN_AGE} today (Labour Law art. 15)
     */
    @Transactional
    public String approve(long id, int version) {
        permissions.check(Action.REVIEW);
        Member m = repository.find(id, scopes.current()).orElseThrow();
        permissions.check(Action.REVIEW, m.organizationId());
        if (m.state() != MembershipState.APPLIED || m.version() != version) {
            throw new MemberChangedConcurrentlyException(id);
        }
        if (age(m).filter(a -> a < WorkerMembershipService.MIN_AGE).isPresent()) {
            // An application made before the age rule, or by a number that has since been corrected: never approved.
            throw new InvalidInputException("idNumber", "membership.console.underAge", WorkerMembershipService.MIN_AGE);
        }
        LocalDate today = time.today();
        Instant now = time.now();
        String number = m.memberNumber() != null
                ? m.memberNumber()
                : "CQ%d%07d".formatted(today.getYear(), repository.nextNumber());
        if (!repository.decide(
                id, version, MembershipState.APPLIED, MembershipState.ACTIVE, number, null, actor(), now)) {
            throw new MemberChangedConcurrentlyException(id);
        }
        repository.openPeriod(id, m.organizationId(), today);
        repository.insertCard(cards.newId(), id, m.organizationId(), now);
        audit.record("membership.approve", "member", Long.toString(id), null, "organization=" + m.organizationId());
        events.publishEvent(new MemberJoined(id, m.organizationId(), number, today, m.occupation()));
        return number;
    }

    /**
     * Rejects an application with a reason the worker sees on their page.
     *
     * @throws InvalidInputException (field {@code reason}) when the reason is blank or too long
     */
    @Transactional
    public void reject(long id, int version, @Nullable String reason) {
        permissions.check(Action.REVIEW);
        String why = reason(reason);
        Member m = repository.find(id, scopes.current()).orElseThrow();
        permissions.check(Action.REVIEW, m.organizationId());
        if (m.state() != MembershipState.APPLIED
                || !repository.decide(
                        id,
                        version,
                        MembershipState.APPLIED,
                        MembershipState.REJECTED,
                        null,
                        why,
                        actor(),
                        time.now())) {
            throw new MemberChangedConcurrentlyException(id);
        }
        audit.record("membership.reject", "member", Long.toString(id), why, "organization=" + m.organizationId());
    }

    /**
     * Accepts a transfer into the reviewer's scope: the old period ends today, a new one starts today with the
     * receiving union, the old card is revoked (a scan says "transferred") and a new one issued.
     */
    @Transactional
    public void acceptTransfer(long transferId, int version) {
        permissions.check(Action.REVIEW);
        Transfer t = repository.findTransfer(transferId, scopes.current()).orElseThrow();
        permissions.check(Action.REVIEW, t.toOrganizationId());
        Member m = repository.find(t.memberId()).orElseThrow();
        Instant now = time.now();
        LocalDate today = time.today();
        if (m.state() != MembershipState.TRANSFER_PENDING
                || !repository.decideTransfer(transferId, version, "ACCEPTED", null, actor(), now)
                || !repository.move(m.id(), m.version(), MembershipState.ACTIVE, t.toOrganizationId(), now)) {
            throw new MemberChangedConcurrentlyException(transferId);
        }
        repository.closePeriod(m.id(), today, "TRANSFERRED");
        repository.openPeriod(m.id(), t.toOrganizationId(), today);
        repository.revokeCards(m.id(), "TRANSFERRED", now);
        repository.insertCard(cards.newId(), m.id(), t.toOrganizationId(), now);
        audit.record(
                "membership.transfer.accept",
                "membership_transfer",
                Long.toString(transferId),
                null,
                "from=" + t.fromOrganizationId() + ", to=" + t.toOrganizationId());
        events.publishEvent(new MembershipTransferred(m.id(), t.fromOrganizationId(), t.toOrganizationId(), today));
    }

    /** Declines a transfer with a reason the member sees; the membership stays where it was. */
    @Transactional
    public void declineTransfer(long transferId, int version, @Nullable String reason) {
        permissions.check(Action.REVIEW);
        String why = reason(reason);
        Transfer t = repository.findTransfer(transferId, scopes.current()).orElseThrow();
        permissions.check(Action.REVIEW, t.toOrganizationId());
        Member m = repository.find(t.memberId()).orElseThrow();
        Instant now = time.now();
        if (m.state() != MembershipState.TRANSFER_PENDING
                || !repository.decideTransfer(transferId, version, "DECLINED", why, actor(), now)
                || !repository.move(m.id(), m.version(), MembershipState.ACTIVE, m.organizationId(), now)) {
            throw new MemberChangedConcurrentlyException(transferId);
        }
        audit.record(
                "membership.transfer.decline",
                "membership_transfer",
                Long.toString(transferId),
                why,
                "from=" + t.fromOrganizationId() + ", to=" + t.toOrganizationId());
    }

    private static String reason(@Nullable String reason) {
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            throw new InvalidInputException("reason", "membership.review.reason.required");
        }
        if (why.length() > WorkerMembershipService.MAX_REASON) {
            throw new InvalidInputException(
                    "reason", "membership.review.reason.long", WorkerMembershipService.MAX_REASON);
        }
        return why;
    }

    private static String actor() {
        return CurrentUser.get().map(CurrentUser::username).orElse(AuditLog.UNKNOWN_ACTOR);
    }
}
