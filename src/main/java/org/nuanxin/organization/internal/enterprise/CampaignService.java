package org.nuanxin.organization.internal.enterprise;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.nuanxin.audit.AuditLog;
import org.nuanxin.identity.DataScope;
import org.nuanxin.identity.DataScopes;
import org.nuanxin.kernel.CityTime;
import org.nuanxin.kernel.FieldProblem;
import org.nuanxin.kernel.InvalidInputException;
import org.nuanxin.organization.EnterprisePermissions;
import org.nuanxin.organization.EnterprisePermissions.Action;
import org.nuanxin.organization.UnifiedSocialCreditCode;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Union-establishment campaigns: list, progress, targets, and their upkeep by the staff of the organisation
 * running a campaign. Asks {@link EnterprisePermissions}; a campaign that the user's scope neither runs nor
 * targets is "not found"; one it only targets can be viewed (its progress over the user's targets) but not
 * changed. Changes are audited in their transaction.
 */
@Service
class CampaignService {

    private final CampaignRepository repository;
    private final EnterpriseRepository enterprises;
    private final DataScopes scopes;
    private final EnterprisePermissions permissions;
    private final AuditLog audit;
    private final CityTime time;

    CampaignService(
            CampaignRepository repository,
            EnterpriseRepository enterprises,
            DataScopes scopes,
            EnterprisePermissions permissions,
            AuditLog audit,
            CityTime time) {
        this.repository = repository;
        this.enterprises = enterprises;
        this.scopes = scopes;
        this.permissions = permissions;
        this.audit = audit;
        this.time = time;
    }

    @Transactional(readOnly = true)
    public Page<Campaign> list(Pageable pageable) {
        permissions.check(Action.VIEW);
        return repository.list(scopes.current(), pageable);
    }

    @Transactional(readOnly = true)
    public Optional<Campaign> find(long id) {
        permissions.check(Action.VIEW);
        return repository.find(scopes.current(), id);
    }

    /**
     * The campaign's targets in the user's scope.
     *
     * @param status  a union status, or null
     * @param overdue only overdue targets (none before the deadline)
     */
    @Transactional(readOnly = true)
    public Page<Enterprise> targets(
            Campaign campaign, @Nullable UnionStatus status, boolean overdue, @Nullable String text, Pageable page) {
        permissions.check(Action.VIEW);
        if (overdue && !campaign.ended(time.today())) {
            return Page.empty(page);
        }
        return repository.targets(scopes.current(), campaign.id(), status, overdue, text, page);
    }

    /**
     * Starts a campaign run by the user's own organisation (the root of their scope).
     *
     * @throws InvalidInputException naming each wrong field
     */
    @Transactional
    public long create(CampaignInput input) {
        permissions.check(Action.CREATE);
        DataScope scope = scopes.current();
        permissions.check(Action.CREATE, scope.rootId());
        Checked c = validate(input);
        long id = repository.insert(c.name, c.startsOn, c.deadline, scope.rootId(), c.notes, false, time.now());
        audit.record("campaign.create", "campaign", Long.toString(id), null);
        return id;
    }

    /**
     * @throws InvalidInputException naming each wrong field
     * @throws java.util.NoSuchElementException when not visible to the user
     * @throws org.springframework.security.access.AccessDeniedException when run outside the user's scope
     * @throws EnterpriseChangedConcurrentlyException when {@code version} is no longer the stored one
     */
    @Transactional
    public void update(long id, int version, CampaignInput input) {
        Campaign campaign = changeable(id);
        Checked c = validate(input);
        if (!repository.update(campaign.id(), version, c.name, c.startsOn, c.deadline, c.notes, time.now())) {
            throw new EnterpriseChangedConcurrentlyException(id);
        }
        audit.record("campaign.update", "campaign", Long.toString(id), null);
    }

    /**
     * Adds the enterprise with this credit code (in the user's scope) to the campaign's targets.
     *
     * @throws InvalidInputException ({@code creditCode}) when the code is invalid or names no enterprise of
     *     the user's scope
     */
    @Transactional
    public void addTarget(long id, @Nullable String creditCode) {
        Campaign campaign = changeable(id);
        UnifiedSocialCreditCode.Result code = UnifiedSocialCreditCode.parse(creditCode);
        code.problem("creditCode").ifPresent(p -> {
            throw new InvalidInputException(List.of(p));
        });
        Enterprise e = enterprises
                .findByCreditCode(code.code().orElseThrow().value())
                .filter(found -> scopes.current().includes(found.organizationId()))
                .orElseThrow(
                        () -> new InvalidInputException("creditCode", "campaign.error.noSuchEnterprise", code.input()));
        if (repository.addTarget(campaign.id(), e.id(), time.now())) {
            audit.record("campaign.addTarget", "campaign", Long.toString(id), null, "enterprise=" + e.id());
        }
    }

    /** Removes an enterprise of the user's scope from the campaign's targets. */
    @Transactional
    public void removeTarget(long id, long enterpriseId) {
        Campaign campaign = changeable(id);
        Enterprise e = enterprises.find(scopes.current(), enterpriseId).orElseThrow();
        if (repository.removeTarget(campaign.id(), e.id())) {
            audit.record("campaign.removeTarget", "campaign", Long.toString(id), null, "enterprise=" + e.id());
        }
    }

    /** @return whether the current user may change this campaign */
    public boolean mayChange(Campaign campaign) {
        return permissions.allows(org.nuanxin.identity.CurrentUser.get(), Action.UPDATE, campaign.organizationId());
    }

    private Campaign changeable(long id) {
        permissions.check(Action.UPDATE);
        Campaign campaign = repository.find(scopes.current(), id).orElseThrow();
        permissions.check(Action.UPDATE, campaign.organizationId());
        return campaign;
    }

    private record Checked(
            String name,
            LocalDate startsOn,
            LocalDate deadline,
            @Nullable String notes) {}

    private static Checked validate(CampaignInput in) {
        List<FieldProblem> problems = new ArrayList<>();
        String name = in.name() == null ? "" : in.name().strip();
        if (name.isEmpty()) {
            problems.add(FieldProblem.of("name", "enterprise.error.required"));
        } else if (name.length() > 100) {
            problems.add(FieldProblem.of("name", "enterprise.error.tooLong", 100));
        }
        LocalDate starts = date("startsOn", in.startsOn(), problems);
        LocalDate deadline = date("deadline", in.deadline(), problems);
        if (starts != null && deadline != null && deadline.isBefore(starts)) {
            problems.add(FieldProblem.of("deadline", "campaign.error.deadlineBeforeStart"));
        }
        String notes =
                in.notes() == null || in.notes().isBlank() ? null : in.notes().strip();
        if (notes != null && notes.length() > 1000) {
            problems.add(FieldProblem.of("notes", "enterprise.error.tooLong", 1000));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new Checked(name, starts, deadline, notes);
    }

    private static @Nullable LocalDate date(String field, @Nullable String text, List<FieldProblem> problems) {
        if (text == null || text.isBlank()) {
            problems.add(FieldProblem.of(field, "enterprise.error.required"));
            return null;
        }
        LocalDate d = EnterpriseValidator.date(text.strip());
        if (d == null) {
            problems.add(FieldProblem.of(field, "enterprise.error.date", text.strip()));
        }
        return d;
    }
}
